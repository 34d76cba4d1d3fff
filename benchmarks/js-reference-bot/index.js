// Reference bot on the official JavaScript Bot Builder SDK (botbuilder + botbuilder-dialogs 4.23.3), for measuring
// RelanceBot side by side with the same load driver (benchmarks/RelanceBot.LoadDriver --bots relancebot,js).
// Comparable work per turn: a French greeting and menu for a new conversation, a payment dialog (choose how to pay →
// confirm the amount → link), dialog state in the SDK's MemoryStorage, authentication disabled (no app id), and
// deliveryMode expectReplies answered by the SDK's CloudAdapter in the HTTP response.
'use strict';

const http = require('node:http');
const {
    CloudAdapter,
    ConfigurationBotFrameworkAuthentication,
    ConversationState,
    MemoryStorage,
} = require('botbuilder');
const {
    ChoicePrompt,
    ComponentDialog,
    ConfirmPrompt,
    DialogSet,
    DialogTurnStatus,
    ListStyle,
    WaterfallDialog,
} = require('botbuilder-dialogs');

const Locale = 'fr-fr';
const AmountDueCents = 12345;
const euros = (cents) => `${(cents / 100).toFixed(2).replace('.', ',')} €`;

/** The menu a new conversation gets after the greeting. */
class MenuDialog extends ComponentDialog {
    constructor() {
        super('menu');
        this.addDialog(new ChoicePrompt('menuChoice', undefined, Locale));
        this.addDialog(new WaterfallDialog('menuSteps', [
            (step) => step.prompt('menuChoice', {
                prompt: 'Que souhaitez-vous faire ?',
                choices: ['Payer maintenant', 'Payer en plusieurs fois', 'Parler à quelqu\'un'],
                style: ListStyle.suggestedAction,
            }),
            async (step) => {
                if (step.result.index < 2) {
                    return step.replaceDialog('payment');
                }
                await step.context.sendActivity('Le cabinet vous recontactera dans les meilleurs délais.');
                return step.endDialog();
            },
        ]));
        this.initialDialogId = 'menuSteps';
    }
}

/** Choose how to pay → confirm the amount → the payment link. */
class PaymentDialog extends ComponentDialog {
    constructor() {
        super('payment');
        this.addDialog(new ChoicePrompt('installments', undefined, Locale));
        this.addDialog(new ConfirmPrompt('confirmAmount', undefined, Locale));
        this.addDialog(new WaterfallDialog('paymentSteps', [
            (step) => step.prompt('installments', {
                prompt: `Vous devez ${euros(AmountDueCents)}. En combien de fois souhaitez-vous payer ?`,
                choices: ['1', '2', '3'],
                style: ListStyle.suggestedAction,
            }),
            (step) => {
                const count = Number(step.result.value);
                step.values.count = count;
                const share = Math.ceil(AmountDueCents / count);
                return step.prompt('confirmAmount', {
                    prompt: `${count} fois ${euros(share)}, soit ${euros(AmountDueCents)} au total. Confirmez-vous ?`,
                    style: ListStyle.suggestedAction,
                });
            },
            async (step) => {
                const link = `https://paiement.example/p/${step.context.activity.conversation.id}`;
                await step.context.sendActivity(step.result
                    ? `C'est noté. Votre lien de paiement : ${link}`
                    : `D'accord, rien n'est changé. Pour régler ${euros(AmountDueCents)} en une fois : ${link}`);
                return step.endDialog();
            },
        ]));
        this.initialDialogId = 'paymentSteps';
    }
}

const conversationState = new ConversationState(new MemoryStorage());
const dialogs = new DialogSet(conversationState.createProperty('dialogState'));
dialogs.add(new MenuDialog());
dialogs.add(new PaymentDialog());
const greeted = conversationState.createProperty('greeted');

async function onTurn(context) {
    if (context.activity.type !== 'message') {
        return;
    }

    const dc = await dialogs.createContext(context);
    const asksToPay = /payer|paiement|régler/i.test(context.activity.text || '');
    if (!(await greeted.get(context, false))) {
        await greeted.set(context, true);
        await context.sendActivity('Bonjour, je suis l\'assistant automatique du cabinet : je peux vous aider à régler '
            + 'une facture. Répondez STOP pour ne plus recevoir de messages.');
    }

    // A request to pay replaces any other question, as RelanceBot does with a clear request.
    if (asksToPay && dc.activeDialog?.id !== 'payment') {
        await dc.cancelAllDialogs();
        await dc.beginDialog('payment');
    } else if ((await dc.continueDialog()).status === DialogTurnStatus.empty) {
        await dc.beginDialog('menu');
    }

    await conversationState.saveChanges(context);
}

// No app id: the SDK disables authentication (local use only), as RelanceBot's anonymous mode in the driver.
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
adapter.onTurnError = async (context, error) => {
    console.error(error);
    await context.sendActivity('Une erreur est survenue.');
};

/** The minimal request/response shape CloudAdapter.process expects from restify or express, over node:http. */
function handle(req, res) {
    if (req.method === 'GET' && req.url === '/health') {
        res.writeHead(200).end('ok');
        return;
    }
    if (req.url !== '/api/messages') {
        res.writeHead(404).end();
        return;
    }

    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
        let body;
        try {
            body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
            res.writeHead(400).end();
            return;
        }
        const response = {
            socket: res.socket,
            status(code) { res.statusCode = code; },
            header(name, value) { res.setHeader(name, value); },
            send(payload) {
                if (typeof payload === 'object') {
                    res.setHeader('Content-Type', 'application/json');
                    res.write(JSON.stringify(payload));
                } else {
                    res.write(String(payload));
                }
            },
            end() { res.end(); },
        };
        adapter.process({ body, headers: req.headers, method: req.method }, response, onTurn)
            .catch((error) => { console.error(error); if (!res.writableEnded) { res.writeHead(500).end(); } });
    });
}

const port = Number(process.env.PORT || 3979);
http.createServer(handle).listen(port, '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${port}`));
