import type { Activity, Storage, StoreItems } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { PolicyBot } from '../src/bot';
import { loadKnowledge } from '../src/knowledge';
import { ChannelScopedConversationState } from '../src/state/conversation-state';
import { createInProcessDelivery } from '../src/directline/in-process';
import { ETagConflictError } from '../src/state/store';

/** A store whose next `conflicts` writes fail as if another instance had saved first (and does so). */
function conflictingOnce(inner: Storage, conflicts: number): Storage & { writes: number } {
  let left = conflicts;
  const wrapped = {
    writes: 0,
    read: (keys: string[]) => inner.read(keys),
    delete: (keys: string[]) => inner.delete(keys),
    async write(changes: StoreItems) {
      wrapped.writes++;
      if (left > 0) {
        left--;
        // The other instance's turn lands first: it moved the conversation to measure （六）.
        const [key] = Object.keys(changes);
        const current = (await inner.read([key]))[key] ?? {};
        await inner.write({ [key]: { ...current, memory: { ...(current.memory ?? {}), lastMeasureId: 6 }, eTag: '*' } });
        throw new ETagConflictError(key);
      }
      return inner.write(changes);
    },
  };
  return wrapped;
}

const message = (text: string, conversation: string): Activity =>
  ({
    type: 'message',
    id: `m-${text}`,
    text,
    channelId: 'test',
    serviceUrl: 'http://localhost/unused',
    from: { id: 'user' },
    recipient: { id: 'bot' },
    conversation: { id: conversation },
  }) as Activity;

describe('a turn whose conversation another turn saved first', () => {
  it('runs again on the fresh state, sends its replies once, and overwrites nothing', async () => {
    const app = await createApp({ STORAGE: 'memory' });
    const storage = conflictingOnce(app.store.botState, 1);
    const bot = new PolicyBot(new ChannelScopedConversationState(storage), {
      notice: loadKnowledge().notice,
      search: app.search,
      isEstimable: () => false,
    });
    const deliver = createInProcessDelivery(app.adapter, bot);
    const replies = await deliver(message('这条的责任单位是谁', 'retry-1'));
    const texts = replies.filter((r) => r.type === 'message').map((r) => r.text ?? '');
    expect(texts).toHaveLength(1); // the first attempt's reply was dropped, not sent as well
    expect(texts[0]).toMatch(/措施（六）/); // answered on the state the other turn saved
    expect(storage.writes).toBe(2);
  });
});
