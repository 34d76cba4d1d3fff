// The patient space's chat: on request only (the bundle is large), the official Web Chat, bound to this patient by the
// page's own link. The rest of the page works without this script.
(function () {
  'use strict';
  var section = document.getElementById('chat');
  if (!section) {
    return;
  }

  var button = section.querySelector('.chat-open');
  var status = section.querySelector('[role=status]');
  var container = section.querySelector('.webchat');
  button.hidden = false;

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      script.src = src;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  function fetchGrant() {
    return fetch(section.dataset.grant + '?lang=' + document.documentElement.lang, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { RequestVerificationToken: section.dataset.antiforgery }
    }).then(function (response) {
      if (!response.ok) {
        throw new Error('chat grant ' + response.status);
      }
      return response.json();
    });
  }

  // With Azure's Direct Line, the conversation is tied to the patient by a single-use link token sent as an event.
  function createStore(linkToken) {
    return window.WebChat.createStore({}, function (store) {
      return function (next) {
        return function (action) {
          if (linkToken && action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
            store.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'relancebot/link', value: { token: linkToken } } });
          }
          return next(action);
        };
      };
    });
  }

  button.addEventListener('click', function () {
    button.disabled = true;
    status.textContent = '';
    Promise.all([fetchGrant(), loadScript('/assets/webchat.js')])
      .then(function (results) {
        var grant = results[0];
        var directLine = window.WebChat.createDirectLine({
          token: grant.token,
          domain: grant.domain || window.location.origin + '/v3/directline'
        });
        window.WebChat.renderWebChat({
          directLine: directLine,
          store: createStore(grant.linkToken),
          locale: grant.locale,
          styleOptions: { primaryFont: 'system-ui, sans-serif', bubbleMaxWidth: 320, hideUploadButton: true }
        }, container);
        button.hidden = true;
        container.querySelector('input, textarea') && container.querySelector('input, textarea').focus();
      })
      .catch(function () {
        status.textContent = section.dataset.error;
        button.disabled = false;
      });
  });
})();
