import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore, type DirectLineStoreLimits, type StateStore } from '../src/state';
import { RedisStore } from '../src/state/redis';
import { SqliteStore } from '../src/state/sqlite';
import { isETagConflict } from '../src/state/store';
import { tempDataDir } from './support/child-server';
import { redisAvailable, sharedRedisUrl } from './support/redis';

/**
 * The same contract for every store STORAGE can name (real SQLite files, a real Redis
 * server): what a turn, the Direct Line channel and the rate limiter rely on.
 */
const limits: DirectLineStoreLimits = {
  maxConversations: 5,
  maxConversationsPerClient: 2,
  maxActivitiesPerConversation: 4,
  maxHistoryBytes: 2000,
  idleExpirySeconds: 1,
};

const stores: [string, () => Promise<StateStore>][] = [
  ['memory', async () => new MemoryStore(limits)],
  ['sqlite', async () => SqliteStore.open(tempDataDir(), limits)],
];
if (redisAvailable()) stores.push(['redis', async () => RedisStore.connect(await sharedRedisUrl(1), limits)]);

const message = (text: string) => ({ type: 'message', text, from: { id: 'u' } }) as Activity;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let unique = 0;
const id = (what: string) => `${what}-${Date.now()}-${++unique}`;

describe.each(stores)('the %s store', (_kind, open) => {
  let store: StateStore;
  beforeAll(async () => {
    store = await open();
  });
  afterAll(() => store.close());

  describe('bot state (botbuilder Storage)', () => {
    it('reads what was written, with an eTag, and forgets what was deleted', async () => {
      const key = id('state');
      await store.botState.write({ [key]: { answers: { isSme: true } } });
      const read = await store.botState.read([key, id('missing')]);
      expect(Object.keys(read)).toEqual([key]);
      expect(read[key]).toMatchObject({ answers: { isSme: true } });
      expect(typeof read[key].eTag).toBe('string');
      await store.botState.delete([key]);
      expect(await store.botState.read([key])).toEqual({});
    });

    it('refuses a write based on a stale eTag, never overwriting silently', async () => {
      const key = id('state');
      await store.botState.write({ [key]: { n: 1 } });
      const first = (await store.botState.read([key]))[key];
      await store.botState.write({ [key]: { ...first, n: 2 } });
      const error = await store.botState.write({ [key]: { ...first, n: 3 } }).catch((e: unknown) => e);
      expect(isETagConflict(error)).toBe(true);
      expect((await store.botState.read([key]))[key]).toMatchObject({ n: 2 });
      await store.botState.write({ [key]: { n: 4, eTag: '*' } }); // '*' writes whatever is there
      expect((await store.botState.read([key]))[key]).toMatchObject({ n: 4 });
    });

    it('loses no update when 10 turns change one conversation at once (each retried on a conflict)', async () => {
      const key = id('state');
      await store.botState.write({ [key]: { count: 0 } });
      const increment = async () => {
        for (;;) {
          const item = (await store.botState.read([key]))[key];
          try {
            return await store.botState.write({ [key]: { ...item, count: item.count + 1 } });
          } catch (error) {
            if (!isETagConflict(error)) throw error;
          }
        }
      };
      await Promise.all(Array.from({ length: 10 }, increment));
      expect((await store.botState.read([key]))[key].count).toBe(10);
    });

    it('refuses state larger than a conversation may keep', async () => {
      await expect(store.botState.write({ [id('state')]: { pad: 'x'.repeat(70 * 1024) } })).rejects.toThrow(/exceeds/);
    });

    it('forgets a conversation idle longer than its time to live', async () => {
      const key = id('state');
      await store.botState.write({ [key]: { n: 1 } });
      await sleep(1300);
      expect(await store.botState.read([key])).toEqual({});
    });
  });

  describe('Direct Line conversations', () => {
    it('creates a conversation once and lets exactly one caller start it', async () => {
      const conversation = id('dl');
      expect(await store.directLine.get(conversation)).toBeUndefined();
      const created = await store.directLine.create(conversation, 'user-1', 'client-a');
      expect(created).toEqual({ id: conversation, userId: 'user-1', client: 'client-a', started: false });
      expect(await store.directLine.create(conversation, 'user-2', 'client-b')).toMatchObject({ userId: 'user-1' });
      const claims = await Promise.all(Array.from({ length: 5 }, () => store.directLine.claimStart(conversation)));
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await store.directLine.get(conversation)).toMatchObject({ started: true });
    });

    it('numbers activities in order and gives each poll what came after its watermark', async () => {
      const conversation = id('dl');
      await store.directLine.create(conversation, 'u', 'client-c');
      const [first] = await store.directLine.append(conversation, [message('一')]);
      const [second, third] = await store.directLine.append(conversation, [message('二'), message('三')]);
      expect([first.id, second.id, third.id]).toEqual([1, 2, 3].map((n) => `${conversation}|000000${n}`));
      const all = await store.directLine.since(conversation, 0);
      expect(all.activities.map((a) => a.text)).toEqual(['一', '二', '三']);
      expect(all.watermark).toBe(3);
      expect((await store.directLine.since(conversation, 2)).activities.map((a) => a.text)).toEqual(['三']);
      expect((await store.directLine.since(conversation, 3)).activities).toEqual([]);
    });

    it('keeps a bounded history (count and bytes), while watermarks keep counting', async () => {
      const conversation = id('dl');
      await store.directLine.create(conversation, 'u', 'client-d');
      for (let i = 1; i <= 6; i++) await store.directLine.append(conversation, [message(`第${i}条`)]);
      const kept = await store.directLine.since(conversation, 0);
      expect(kept.activities.map((a) => a.text)).toEqual(['第3条', '第4条', '第5条', '第6条']);
      expect(kept.watermark).toBe(6);
      await store.directLine.append(conversation, [message('长'.repeat(640))]); // over 2 KB alone: the newest is always kept
      const afterBig = await store.directLine.since(conversation, 0);
      expect(afterBig.activities.map((a) => a.text?.slice(0, 3))).toEqual(['长长长']);
    });

    it('lets a client hold only its quota, evicting its own oldest, never another client’s', async () => {
      const other = id('dl');
      await store.directLine.create(other, 'u', 'client-quiet');
      const own = [id('dl'), id('dl'), id('dl')];
      for (const conversation of own) {
        await store.directLine.create(conversation, 'u', 'client-flood');
        await sleep(5);
      }
      expect(await store.directLine.get(own[0])).toBeUndefined();
      expect(await store.directLine.get(own[1])).toBeDefined();
      expect(await store.directLine.get(own[2])).toBeDefined();
      expect(await store.directLine.get(other)).toBeDefined();
    });

    it('forgets an idle conversation and its history', async () => {
      const conversation = id('dl');
      await store.directLine.create(conversation, 'u', 'client-e');
      await store.directLine.append(conversation, [message('你好')]);
      await sleep(1300);
      expect(await store.directLine.get(conversation)).toBeUndefined();
    });
  });

  describe('rate-limit counters', () => {
    it('count within a window and start again in the next', async () => {
      const key = id('rl');
      const endsAt = Date.now() + 60_000;
      expect(await store.counters.increment(key, endsAt)).toBe(1);
      expect(await store.counters.increment(key, endsAt)).toBe(2);
      expect(await store.counters.increment(id('rl'), endsAt)).toBe(1);
    });
  });

  it('says it is healthy while it answers', async () => {
    expect(await store.healthy()).toBe(true);
  });
});
