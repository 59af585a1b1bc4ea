import { describe, expect, it } from 'vitest';
import { ExpiringMemoryStorage } from '../src/state/expiring-storage';

describe('ExpiringMemoryStorage', () => {
  let now = 0;
  const storage = () => new ExpiringMemoryStorage({ ttlMs: 1000, maxItems: 2, now: () => now });

  it('reads back what was written, with an eTag', async () => {
    const store = storage();
    await store.write({ a: { step: 1 } });
    const { a } = await store.read(['a']);
    expect(a).toMatchObject({ step: 1 });
    expect(a.eTag).toBeTruthy();
  });

  it('refuses a write with a stale eTag, as MemoryStorage does', async () => {
    const store = storage();
    await store.write({ a: { step: 1 } });
    const { a } = await store.read(['a']);
    await store.write({ a: { ...a, step: 2 } });
    await expect(store.write({ a: { ...a, step: 3 } })).rejects.toThrow(/eTag conflict/);
    expect((await store.read(['a'])).a.step).toBe(2);
  });

  it('forgets a conversation untouched for longer than the time to live', async () => {
    now = 0;
    const store = storage();
    await store.write({ a: { step: 1 } });
    now = 900;
    expect(await store.read(['a'])).toHaveProperty('a');
    now = 1800; // 900 ms after the last read: still alive
    expect(await store.read(['a'])).toHaveProperty('a');
    now = 2801;
    expect(await store.read(['a'])).toEqual({});
  });

  it('keeps at most maxItems, dropping the least recently used', async () => {
    now = 0;
    const store = storage();
    await store.write({ a: { n: 1 } });
    await store.write({ b: { n: 2 } });
    await store.read(['a']);
    await store.write({ c: { n: 3 } });
    expect(store.size).toBe(2);
    expect(Object.keys(await store.read(['a', 'b', 'c'])).sort()).toEqual(['a', 'c']);
  });
});
