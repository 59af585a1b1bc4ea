import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { DirectLineStoreLimits } from '../src/state';
import { RedisStore } from '../src/state/redis';
import { SqliteStore } from '../src/state/sqlite';
import { freePort, startChildServer, tempDataDir } from './support/child-server';

const limits: DirectLineStoreLimits = {
  maxConversations: 100,
  maxConversationsPerClient: 10,
  maxActivitiesPerConversation: 50,
  maxHistoryBytes: 64 * 1024,
  idleExpirySeconds: 60,
};

describe('the SQLite store', () => {
  it('keeps what it was given across a reopen (a restart)', async () => {
    const dir = tempDataDir();
    const first = SqliteStore.open(dir, limits);
    await first.botState.write({ 'test/conversations/c1/state': { answers: { investment: 3_000_000 } } });
    await first.close();
    const again = SqliteStore.open(dir, limits);
    expect((await again.botState.read(['test/conversations/c1/state']))['test/conversations/c1/state']).toMatchObject({
      answers: { investment: 3_000_000 },
    });
    await again.close();
  });

  it('sweeps expired rows out of the file', async () => {
    const dir = tempDataDir();
    let now = 1_000_000;
    const store = SqliteStore.open(dir, limits, () => now);
    await store.botState.write({ old: { n: 1 } });
    await store.directLine.create('dl-old', 'u', 'c');
    await store.directLine.append('dl-old', [{ type: 'message', text: '你好' } as never]);
    now += 61_000;
    store.sweep();
    const db = new BetterSqlite3(join(dir, 'conversations.sqlite'), { readonly: true });
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect([count('bot_state'), count('dl_conversation'), count('dl_activity')]).toEqual([0, 0, 0]);
    db.close();
    await store.close();
  });

  it('refuses to start on a file that is not a database, naming the path', () => {
    const dir = tempDataDir();
    writeFileSync(join(dir, 'conversations.sqlite'), 'this is not a database '.repeat(100));
    expect(() => SqliteStore.open(dir, limits)).toThrow(new RegExp(`Cannot open the conversation store ${join(dir, 'conversations.sqlite')}`));
  });

  it('refuses to start in a folder it cannot write, naming the path', () => {
    if (process.getuid?.() === 0) {
      // root writes anywhere: a path under a regular file cannot be created by anyone
      const dir = tempDataDir();
      writeFileSync(join(dir, 'file'), '');
      expect(() => SqliteStore.open(join(dir, 'file', 'data'), limits)).toThrow(/Cannot open the conversation store .*file\/data\/conversations\.sqlite/);
      return;
    }
    const dir = join(tempDataDir(), 'locked');
    mkdirSync(dir);
    chmodSync(dir, 0o500);
    expect(() => SqliteStore.open(dir, limits)).toThrow(/Cannot open the conversation store .*locked\/conversations\.sqlite/);
  });

  it('stops the server at start with the reason and exit code 1', async () => {
    const dir = tempDataDir();
    writeFileSync(join(dir, 'conversations.sqlite'), 'garbage '.repeat(100));
    await expect(startChildServer({ DATA_DIR: dir })).rejects.toThrow(/exit code 1\)[\s\S]*Cannot open the conversation store .*conversations\.sqlite/);
  });
});

describe('the Redis store at start', () => {
  it('fails fast with the URL (without its password) when nothing answers', async () => {
    const port = await freePort();
    const started = Date.now();
    const error = await RedisStore.connect(`redis://:s3cret@127.0.0.1:${port}`, limits, { timeoutMs: 1000 }).catch((e: Error) => e);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(String(error)).toMatch(new RegExp(`Cannot reach Redis at redis://\\*\\*\\*@127\\.0\\.0\\.1:${port}`));
    expect(String(error)).not.toContain('s3cret');
  });

  it('makes the server exit with code 1 and say why, not hang', async () => {
    const port = await freePort();
    await expect(startChildServer({ STORAGE: 'redis', REDIS_URL: `redis://127.0.0.1:${port}` })).rejects.toThrow(
      /exit code 1\)[\s\S]*Cannot reach Redis at redis:\/\/127\.0\.0\.1/,
    );
  });
});
