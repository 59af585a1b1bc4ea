/**
 * The baselines of `npm run bench`: an echo bot on the same stack as the policy bot
 * (restify, src/server.ts with its logging, body reading and rate limits, CloudAdapter),
 * so the throughput ratio shows what the policy bot's own work costs. With
 * ECHO_WITH_DIALOG=true the echo goes the policy bot's way through conversation state
 * (the STORAGE store) and botbuilder-dialogs, so that what those cost is measured apart
 * from the Q&A core (segmenting, searching, replying).
 */
import { ActivityHandler, type ConversationState } from 'botbuilder';
import { ComponentDialog, Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { dialogRunner } from '../../dialogs/dialog-runner';
import { createAdapter } from '../adapter';
import { loadConfig } from '../config';
import { clientAddress } from '../http/client';
import { MemoryCounters, RateLimiter } from '../http/rate-limit';
import { loadKnowledge } from '../knowledge';
import { log } from '../log';
import { PolicySearch } from '../search';
import { createServer } from '../server';
import { openStore } from '../state';
import { ChannelScopedConversationState } from '../state/conversation-state';

const echo = (text: string | undefined) => `您说：${text ?? ''}`;

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(echo(context.activity.text));
      await next();
    });
  }
}

/** The main dialog's shape (a component dialog that answers and waits), answering with the echo. */
class EchoDialog extends ComponentDialog {
  constructor() {
    super('echo');
  }
  protected override onBeginDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    return this.answer(innerDc);
  }
  protected override onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    return this.answer(innerDc);
  }
  private async answer(innerDc: DialogContext): Promise<DialogTurnResult> {
    await innerDc.context.sendActivity(echo(innerDc.context.activity.text));
    return Dialog.EndOfTurn;
  }
}

/** PolicyBot's turn (state read, the dialog run, state saved) around the echo. */
class StatefulEchoBot extends ActivityHandler {
  constructor(conversationState: ConversationState) {
    super();
    const runDialog = dialogRunner(new EchoDialog(), conversationState.createProperty('dialogState'));
    this.onMessage(async (context, next) => {
      await runDialog(context);
      await next();
    });
    this.onDialog(async (context, next) => {
      await conversationState.saveChanges(context, false);
      await next();
    });
  }
}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const limiter = new RateLimiter(new MemoryCounters(), { messages: config.RATE_LIMIT_MESSAGES, api: config.RATE_LIMIT_API });
  const knowledge = loadKnowledge();
  const withDialog = process.env.ECHO_WITH_DIALOG === 'true';
  const bot = withDialog ? new StatefulEchoBot(new ChannelScopedConversationState((await openStore(config)).botState)) : new EchoBot();
  const server = createServer({
    adapter: createAdapter(config),
    bot,
    search: new PolicySearch(knowledge),
    notice: knowledge.notice,
    rateLimit: (req, bucket) => limiter.take(bucket, clientAddress(req, [])),
    messagesAccess: 'loopback',
  });
  server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => log.info({ port: (server.address() as { port: number }).port }, 'listening'));
}

process.on('SIGINT', () => process.exit(0));
void main();
