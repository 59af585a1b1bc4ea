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

/** A store that holds one instance's first write until `release` is called (its turn is slower). */
function heldBack(inner: Storage) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let arrived!: () => void;
  const writeArrived = new Promise<void>((resolve) => (arrived = resolve));
  const counted = {
    writes: 0,
    release,
    writeArrived,
    store: {
      read: (keys: string[]) => inner.read(keys),
      delete: (keys: string[]) => inner.delete(keys),
      async write(changes: StoreItems) {
        if (++counted.writes === 1) {
          arrived();
          await released;
        }
        return inner.write(changes);
      },
    } satisfies Storage,
  };
  return counted;
}

describe('two instances answering one conversation at the same moment', () => {
  it('never overwrite each other: the turn that saves second runs again on what the first saved', async () => {
    const app = await createApp({ STORAGE: 'memory' });
    const qa = { notice: loadKnowledge().notice, search: app.search, isEstimable: () => true };
    const slow = heldBack(app.store.botState);
    const instanceA = createInProcessDelivery(app.adapter, new PolicyBot(new ChannelScopedConversationState(slow.store), qa));
    const instanceB = createInProcessDelivery(app.adapter, new PolicyBot(new ChannelScopedConversationState(app.store.botState), qa));
    const conversation = 'two-instances-1';
    const key = `self-hosted/test/conversations/${conversation}/`; // delivered in-process, as Direct Line does
    await instanceB(message('两化融合项目补贴多少', conversation));

    // A reads the conversation and holds its save; meanwhile B starts an estimate and saves it.
    const aReplies = instanceA(message('标识解析有什么奖励', conversation));
    await slow.writeArrived;
    await instanceB(message('帮我估算两化融合的奖励', conversation));
    expect((await app.store.botState.read([key]))[key].dialogState.dialogStack).toHaveLength(1);
    slow.release();
    const texts = (await aReplies).filter((r) => r.type === 'message').map((r) => r.text ?? '');

    expect(slow.writes).toBe(2); // A's first save was refused, and its turn ran again
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.join('\n')).toMatch(/措施（九）/);
    // B's estimate is still there: A answered inside it rather than wiping it out.
    expect((await app.store.botState.read([key]))[key].dialogState.dialogStack).toHaveLength(1);
  });
});
