import type { Activity, Storage, StoreItems } from 'botbuilder';
import type { Redis as RedisClient } from 'ioredis';
import type { CounterStore } from '../http/rate-limit';
import { dayOf, type InsightEvent, type InsightsStore } from '../insights/events';
import { nextDay } from '../insights/summary';
import {
  ETagConflictError,
  MAX_BOT_STATE_BYTES,
  StoreUnavailableError,
  type ConversationRecord,
  type DirectLineStore,
  type DirectLineStoreLimits,
  type StateStore,
} from './store';

/**
 * The store for several instances: everything in one Redis (ioredis), expiring by Redis
 * TTLs. What must be atomic across instances (an eTag check and write, a conversation's
 * creation with its quota evictions, an append that numbers activities) runs as one Lua
 * script. While Redis is away, calls fail at once with StoreUnavailableError (no queue)
 * and the client reconnects by itself.
 *
 * Keys (prefix `qd:`): bs:<state key> "<eTag>|<JSON>"; dl:c:<id> hash {u, c, s, q, b};
 * dl:h:<id> list of "seq|bytes|activity JSON"; dl:all and dl:cl:<client> sorted sets of
 * conversation ids by last use; rl:<counter>; in:<day> list of insight events, in:days the
 * set of those days.
 */
const PREFIX = 'qd:';

const SCRIPTS = {
  /**
   * KEYS: state key ("<eTag>|<JSON>"). ARGV: expected eTag ('' or '*' = any), JSON, TTL ms
   * → the new eTag, or -1 on conflict.
   */
  stateWrite: {
    numberOfKeys: 1,
    lua: `
      local current = redis.call('GET', KEYS[1])
      local etag = 0
      if current then etag = tonumber(string.match(current, '^(%d+)|')) end
      if current and ARGV[1] ~= '' and ARGV[1] ~= '*' and tostring(etag) ~= ARGV[1] then return -1 end
      etag = etag + 1
      redis.call('SET', KEYS[1], etag .. '|' .. ARGV[2], 'PX', ARGV[3])
      return etag`,
  },
  /** ARGV: prefix, id, now, TTL ms → {userId, client, started} or nil; touches the conversation. */
  dlGet: {
    numberOfKeys: 0,
    lua: `
      local c = ARGV[1] .. 'dl:c:' .. ARGV[2]
      local fields = redis.call('HMGET', c, 'u', 'c', 's')
      if not fields[1] then return nil end
      redis.call('PEXPIRE', c, ARGV[4])
      redis.call('PEXPIRE', ARGV[1] .. 'dl:h:' .. ARGV[2], ARGV[4])
      redis.call('ZADD', ARGV[1] .. 'dl:all', ARGV[3], ARGV[2])
      redis.call('ZADD', ARGV[1] .. 'dl:cl:' .. fields[2], ARGV[3], ARGV[2])
      return fields`,
  },
  /** ARGV: prefix, id, userId, client, now, TTL ms, max per client, max in all → {userId, client, started}. */
  dlCreate: {
    numberOfKeys: 0,
    lua: `
      local p, id, now, ttl = ARGV[1], ARGV[2], tonumber(ARGV[5]), ARGV[6]
      local c = p .. 'dl:c:' .. id
      local fields = redis.call('HMGET', c, 'u', 'c', 's')
      if fields[1] then
        redis.call('PEXPIRE', c, ttl)
        redis.call('ZADD', p .. 'dl:all', now, id)
        return fields
      end
      local function drop(victim)
        local owner = redis.call('HGET', p .. 'dl:c:' .. victim, 'c')
        redis.call('DEL', p .. 'dl:c:' .. victim, p .. 'dl:h:' .. victim)
        redis.call('ZREM', p .. 'dl:all', victim)
        if owner then redis.call('ZREM', p .. 'dl:cl:' .. owner, victim) end
      end
      local all, own = p .. 'dl:all', p .. 'dl:cl:' .. ARGV[4]
      local expired = now - tonumber(ttl)
      for _, victim in ipairs(redis.call('ZRANGEBYSCORE', all, '-inf', expired)) do drop(victim) end
      redis.call('ZREMRANGEBYSCORE', own, '-inf', expired)
      while redis.call('ZCARD', own) >= tonumber(ARGV[7]) do
        local victim = redis.call('ZPOPMIN', own)[1]
        drop(victim)
      end
      while redis.call('ZCARD', all) >= tonumber(ARGV[8]) do
        local victim = redis.call('ZRANGE', all, 0, 0)[1]
        drop(victim)
      end
      redis.call('HSET', c, 'u', ARGV[3], 'c', ARGV[4], 's', '0', 'q', 0, 'b', 0)
      redis.call('PEXPIRE', c, ttl)
      redis.call('ZADD', all, now, id)
      redis.call('ZADD', own, now, id)
      return {ARGV[3], ARGV[4], '0'}`,
  },
  /** ARGV: prefix, id, TTL ms → 1 when this call started the conversation. */
  dlClaim: {
    numberOfKeys: 0,
    lua: `
      local c = ARGV[1] .. 'dl:c:' .. ARGV[2]
      if redis.call('HGET', c, 's') ~= '0' then return 0 end
      redis.call('HSET', c, 's', '1')
      redis.call('PEXPIRE', c, ARGV[3])
      return 1`,
  },
  /**
   * ARGV: prefix, id, TTL ms, max count, max bytes, then each activity's JSON without its id.
   * Numbers and keeps them in one step, so no poll can see a later one before an earlier one.
   * → the sequence numbers given, or nil when the conversation is gone.
   */
  dlAppend: {
    numberOfKeys: 0,
    lua: `
      local p, id, ttl = ARGV[1], ARGV[2], ARGV[3]
      local c, h = p .. 'dl:c:' .. id, p .. 'dl:h:' .. id
      if redis.call('EXISTS', c) == 0 then return nil end
      local seqs = {}
      local bytes = 0
      for i = 6, #ARGV do
        local seq = redis.call('HINCRBY', c, 'q', 1)
        local json = '{"id":"' .. id .. '|' .. string.format('%07d', seq) .. '",' .. string.sub(ARGV[i], 2)
        redis.call('RPUSH', h, seq .. '|' .. #json .. '|' .. json)
        bytes = bytes + #json
        seqs[#seqs + 1] = seq
      end
      local total = redis.call('HINCRBY', c, 'b', bytes)
      while redis.call('LLEN', h) > 1 and (redis.call('LLEN', h) > tonumber(ARGV[4]) or total > tonumber(ARGV[5])) do
        local oldest = redis.call('LPOP', h)
        local size = tonumber(string.match(oldest, '^%d+|(%d+)|'))
        total = redis.call('HINCRBY', c, 'b', -size)
      end
      redis.call('PEXPIRE', c, ttl)
      redis.call('PEXPIRE', h, ttl)
      return seqs`,
  },
} as const;

type Scripted = RedisClient & {
  stateWrite(key: string, etag: string, json: string, ttl: number): Promise<number>;
  dlGet(...args: (string | number)[]): Promise<[string, string, string] | null>;
  dlCreate(...args: (string | number)[]): Promise<[string, string, string]>;
  dlClaim(...args: (string | number)[]): Promise<number>;
  dlAppend(...args: (string | number)[]): Promise<number[] | null>;
};

export class RedisStore implements StateStore {
  readonly kind = 'redis' as const;
  readonly botState: Storage;
  readonly directLine: DirectLineStore;
  readonly counters: CounterStore;
  readonly insights: InsightsStore;

  private constructor(
    private readonly redis: Scripted,
    limits: DirectLineStoreLimits,
    now: () => number,
  ) {
    const ttlMs = limits.idleExpirySeconds * 1000;
    this.botState = new RedisBotState(redis, ttlMs);
    this.directLine = new RedisDirectLine(redis, limits, now);
    this.counters = new RedisCounters(redis);
    this.insights = new RedisInsights(redis);
  }

  /**
   * Connects to REDIS_URL. Unreachable within `timeoutMs`: an error naming the URL (without
   * its password), never a hang.
   */
  static async connect(url: string, limits: DirectLineStoreLimits, { timeoutMs = 5000, now = Date.now } = {}): Promise<RedisStore> {
    const { Redis } = require('ioredis') as typeof import('ioredis'); // only this store needs it
    const redis = new Redis(url, {
      lazyConnect: true,
      enableOfflineQueue: false, // while disconnected, fail at once rather than queue turns
      maxRetriesPerRequest: 1,
      connectTimeout: timeoutMs,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000), // reconnect for ever, by itself
    }) as Scripted;
    redis.on('error', () => undefined); // reported through healthy() and failed calls
    for (const [name, { numberOfKeys, lua }] of Object.entries(SCRIPTS)) redis.defineCommand(name, { numberOfKeys, lua });
    const shown = url.replace(/\/\/[^@/]*@/, '//***@');
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        redis.connect(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
      await redis.ping();
    } catch (error) {
      redis.disconnect();
      throw new Error(`Cannot reach Redis at ${shown}: ${(error as Error).message}`, { cause: error });
    } finally {
      clearTimeout(timer);
    }
    return new RedisStore(redis, limits, now);
  }

  async healthy(): Promise<boolean> {
    return this.redis.status === 'ready';
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/** Runs a Redis call; a failure while disconnected becomes StoreUnavailableError. */
async function call<T>(redis: RedisClient, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (redis.status !== 'ready' || /Connection|Stream isn't writeable|ECONNREFUSED|ETIMEDOUT/i.test((error as Error).message)) {
      throw new StoreUnavailableError(error);
    }
    throw error;
  }
}

class RedisBotState implements Storage {
  constructor(
    private readonly redis: Scripted,
    private readonly ttlMs: number,
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const key of keys) {
      // GETEX: read and keep alive for another TTL in one command.
      const stored = await call(this.redis, () => this.redis.getex(PREFIX + 'bs:' + key, 'PX', this.ttlMs));
      if (!stored) continue;
      const bar = stored.indexOf('|');
      items[key] = { ...JSON.parse(stored.slice(bar + 1)), eTag: stored.slice(0, bar) };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...value } = item as { eTag?: string };
      const json = JSON.stringify(value);
      if (Buffer.byteLength(json) > MAX_BOT_STATE_BYTES) throw new Error(`Storage: state of "${key}" exceeds ${MAX_BOT_STATE_BYTES} bytes`);
      const written = await call(this.redis, () => this.redis.stateWrite(PREFIX + 'bs:' + key, eTag ?? '', json, this.ttlMs));
      if (written === -1) throw new ETagConflictError(key);
      item.eTag = String(written);
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length > 0) await call(this.redis, () => this.redis.del(...keys.map((key) => PREFIX + 'bs:' + key)));
  }
}

class RedisDirectLine implements DirectLineStore {
  private readonly ttlMs: number;

  constructor(
    private readonly redis: Scripted,
    private readonly limits: DirectLineStoreLimits,
    private readonly now: () => number,
  ) {
    this.ttlMs = limits.idleExpirySeconds * 1000;
  }

  async get(id: string): Promise<ConversationRecord | undefined> {
    const fields = await call(this.redis, () => this.redis.dlGet(PREFIX, id, this.now(), this.ttlMs));
    return fields ? toRecord(id, fields) : undefined;
  }

  async create(id: string, userId: string, client: string): Promise<ConversationRecord> {
    const { maxConversationsPerClient, maxConversations } = this.limits;
    const fields = await call(this.redis, () =>
      this.redis.dlCreate(PREFIX, id, userId, client, this.now(), this.ttlMs, maxConversationsPerClient, maxConversations),
    );
    return toRecord(id, fields);
  }

  async claimStart(id: string): Promise<boolean> {
    return (await call(this.redis, () => this.redis.dlClaim(PREFIX, id, this.ttlMs))) === 1;
  }

  async append(id: string, activities: Activity[]): Promise<Activity[]> {
    if (activities.length === 0) return [];
    const bodies = activities.map(({ id: _unset, ...activity }) => JSON.stringify(activity));
    const { maxActivitiesPerConversation, maxHistoryBytes } = this.limits;
    const seqs = await call(this.redis, () =>
      this.redis.dlAppend(PREFIX, id, this.ttlMs, maxActivitiesPerConversation, maxHistoryBytes, ...bodies),
    );
    if (!seqs) return [];
    activities.forEach((activity, i) => (activity.id = `${id}|${String(seqs[i]).padStart(7, '0')}`));
    return activities;
  }

  async since(id: string, watermark: number): Promise<{ activities: Activity[]; watermark: number }> {
    const [[, lastSeq], [, entries]] = (await call(this.redis, () =>
      this.redis
        .multi()
        .hget(PREFIX + 'dl:c:' + id, 'q')
        .lrange(PREFIX + 'dl:h:' + id, 0, -1)
        .pexpire(PREFIX + 'dl:c:' + id, this.ttlMs)
        .pexpire(PREFIX + 'dl:h:' + id, this.ttlMs)
        .exec(),
    )) as [[null, string | null], [null, string[]]];
    const activities: Activity[] = [];
    for (const entry of entries) {
      const first = entry.indexOf('|');
      const second = entry.indexOf('|', first + 1);
      if (Number(entry.slice(0, first)) > watermark) activities.push(JSON.parse(entry.slice(second + 1)) as Activity);
    }
    return { activities, watermark: lastSeq === null ? watermark : Number(lastSeq) };
  }
}

const toRecord = (id: string, [userId, client, started]: [string, string, string]): ConversationRecord => ({
  id,
  userId,
  client,
  started: started === '1',
});

class RedisCounters implements CounterStore {
  constructor(private readonly redis: RedisClient) {}

  async increment(key: string, windowEndsAt: number): Promise<number> {
    const replies = await call(this.redis, () => this.redis.multi().incr(PREFIX + key).pexpireat(PREFIX + key, windowEndsAt).exec());
    return Number(replies?.[0]?.[1]);
  }
}

/** Insight events as JSON in one list per day (China time), and the set of days kept. */
class RedisInsights implements InsightsStore {
  constructor(private readonly redis: RedisClient) {}

  async append(events: InsightEvent[]): Promise<void> {
    if (events.length === 0) return;
    const batch = this.redis.multi();
    for (const event of events) {
      const day = dayOf(event.at);
      batch.rpush(`${PREFIX}in:${day}`, JSON.stringify(event)).sadd(`${PREFIX}in:days`, day);
    }
    await call(this.redis, () => batch.exec());
  }

  async between(from: string, to: string): Promise<InsightEvent[]> {
    const days: string[] = [];
    for (let day = from; day <= to; day = nextDay(day)) days.push(day);
    if (days.length === 0) return [];
    const batch = this.redis.multi();
    for (const day of days) batch.lrange(`${PREFIX}in:${day}`, 0, -1);
    const replies = (await call(this.redis, () => batch.exec())) ?? [];
    return replies.flatMap(([, entries]) => (entries as string[]).map((json) => JSON.parse(json) as InsightEvent));
  }

  async forgetBefore(day: string): Promise<void> {
    const days = await call(this.redis, () => this.redis.smembers(`${PREFIX}in:days`));
    const old = days.filter((d) => d < day);
    if (old.length === 0) return;
    await call(this.redis, () =>
      this.redis
        .multi()
        .del(...old.map((d) => `${PREFIX}in:${d}`))
        .srem(`${PREFIX}in:days`, ...old)
        .exec(),
    );
  }
}
