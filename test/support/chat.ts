import { TestAdapter, type Activity } from 'botbuilder';
import type { App } from '../../src/app';

let conversations = 0;

/**
 * A fresh conversation with the real bot through botbuilder's TestAdapter. Each gets its
 * own conversation id, since the app's state is shared across a test file.
 */
export function startConversation(app: App, locale = 'zh-CN') {
  const adapter = new TestAdapter((context) => app.bot.run(context), {
    channelId: 'test',
    conversation: { id: `conversation-${++conversations}` } as Activity['conversation'],
    from: { id: 'user', name: 'User' },
    recipient: { id: 'bot', name: 'Bot' },
  });
  adapter.locale = locale;
  return {
    adapter,
    /** Sends a message and returns the bot's replies to it. */
    async say(text: string): Promise<Partial<Activity>[]> {
      await adapter.receiveActivity(text);
      const replies = [...adapter.activeQueue];
      adapter.activeQueue.length = 0;
      return replies;
    },
  };
}

export const textOf = (replies: Partial<Activity>[]): string => replies.map((r) => r.text ?? '').join('\n');

/** Messages in order in one fresh conversation: the text of the bot's replies to the last. */
export async function askInOrder(app: App, ...texts: string[]): Promise<string> {
  const conversation = startConversation(app);
  let reply = '';
  for (const text of texts) reply = textOf(await conversation.say(text));
  return reply;
}

/** One message in a fresh conversation: the text of the bot's replies. */
export const askOnce = (app: App, text: string): Promise<string> => askInOrder(app, text);
