'use strict';
// Starts a conversation with the official DirectLineJS client, says "bonjour" once it is online, and prints one JSON
// line per activity the bot sends until one answers the posted message; exits 1 after 30 s or on a connection failure.
// Usage: node say-bonjour.cjs <domain> <token> <websocket|polling>
global.XMLHttpRequest = require('xhr2');
global.WebSocket = require('ws');
const { DirectLine, ConnectionStatus } = require('botframework-directlinejs');

const [domain, token, mode] = process.argv.slice(2);
const directLine = new DirectLine({ domain, token, webSocket: mode === 'websocket', pollingInterval: 200 });
const fail = (why) => { console.error(why); process.exit(1); };
setTimeout(() => fail('timed out'), 30000).unref();

let postedId;
const replyToIds = new Set();
// The reply can arrive on the stream before the post's answer: check both ways.
const finishIfAnswered = () => {
  if (postedId && replyToIds.has(postedId)) {
    directLine.end();
    process.exit(0);
  }
};
directLine.connectionStatus$.subscribe((status) => {
  if (status === ConnectionStatus.FailedToConnect || status === ConnectionStatus.ExpiredToken) fail(`connection status ${status}`);
  if (status === ConnectionStatus.Online && postedId === undefined) {
    postedId = null;
    directLine.postActivity({ type: 'message', text: 'bonjour', from: { id: 'browser-chosen-id' }, channelData: { clientActivityID: 'e2e-1' } })
      .subscribe((id) => { postedId = id; finishIfAnswered(); }, (error) => fail(`post failed: ${error.status || error}`));
  }
});
directLine.activity$.subscribe((activity) => {
  console.log(JSON.stringify({ id: activity.id, role: activity.from.role, fromId: activity.from.id, replyToId: activity.replyToId, text: activity.text }));
  if (activity.from.role === 'bot' && activity.replyToId) replyToIds.add(activity.replyToId);
  finishIfAnswered();
});
