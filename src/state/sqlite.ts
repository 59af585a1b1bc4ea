import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Activity, Storage, StoreItems } from 'botbuilder';
import type Database from 'better-sqlite3';
import { MemoryCounters, type CounterStore } from '../http/rate-limit';
import { dayOf, type InsightEvent, type InsightsStore } from '../insights/events';
import {
  activityId,
  ETagConflictError,
  MAX_BOT_STATE_BYTES,
  type ConversationRecord,
  type DirectLineStore,
  type DirectLineStoreLimits,
  type StateStore,
} from './store';

/**
 * The default store: one SQLite file (better-sqlite3, WAL) in DATA_DIR, so a restart or a
 * crash keeps every conversation, with nothing else to install. One process at a time
 * writes it (use Redis for several instances). Expired rows are swept once a minute.
 */
export class SqliteStore implements StateStore {
  readonly kind = 'sqlite' as const;
  readonly botState: Storage;
  readonly directLine: DirectLineStore;
  readonly counters: CounterStore;
  readonly insights: InsightsStore;
  private readonly sweeper: NodeJS.Timeout;

  private constructor(
    private readonly db: Database.Database,
    limits: DirectLineStoreLimits,
    now: () => number,
  ) {
    const ttlMs = limits.idleExpirySeconds * 1000;
    this.botState = new SqliteBotState(db, ttlMs, now);
    this.directLine = new SqliteDirectLine(db, limits, now);
    // One process writes a SQLite store, so its rate-limit counters need no disk: a
    // write transaction per request would cost more than the limit is worth.
    this.counters = new MemoryCounters(now);
    this.insights = new SqliteInsights(db);
    const sweep = db.transaction(() => {
      const t = now();
      db.prepare('DELETE FROM bot_state WHERE touched_at < ?').run(t - ttlMs);
      db.prepare('DELETE FROM dl_activity WHERE conversation_id IN (SELECT id FROM dl_conversation WHERE last_active < ?)').run(t - ttlMs);
      db.prepare('DELETE FROM dl_conversation WHERE last_active < ?').run(t - ttlMs);
    });
    this.sweep = () => sweep();
    this.sweeper = setInterval(this.sweep, 60_000);
    this.sweeper.unref();
  }

  /** Deletes what has expired (the timer does this every minute). */
  readonly sweep: () => void;

  /**
   * Opens (or creates) `<dataDir>/conversations.sqlite`. A file that is not a database, or a
   * folder that cannot be written, fails here with an error naming the path.
   */
  static open(dataDir: string, limits: DirectLineStoreLimits, now: () => number = Date.now): SqliteStore {
    const path = join(resolve(dataDir), 'conversations.sqlite');
    let db: Database.Database | undefined;
    try {
      mkdirSync(resolve(dataDir), { recursive: true });
      // Loaded here, not at the top: only this store needs the native module.
      const BetterSqlite3 = require('better-sqlite3') as typeof Database;
      db = new BetterSqlite3(path);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL'); // with WAL: a crash of the process loses nothing
      db.pragma('busy_timeout = 5000');
      db.exec(SCHEMA);
      db.prepare('SELECT count(*) FROM bot_state').get(); // reads a page: a corrupt file fails now
      return new SqliteStore(db, limits, now);
    } catch (error) {
      db?.close();
      const reason = (error as { code?: string }).code === 'ERR_DLOPEN_FAILED'
        ? `better-sqlite3 was built for another Node (run with npm start, or npm rebuild better-sqlite3): ${(error as Error).message}`
        : (error as Error).message;
      throw new Error(`Cannot open the conversation store ${path}: ${reason}`, { cause: error });
    }
  }

  async healthy(): Promise<boolean> {
    return this.db.open;
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    if (this.db.open) this.db.close();
  }
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS bot_state (
  key TEXT PRIMARY KEY, etag INTEGER NOT NULL, json TEXT NOT NULL, touched_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS bot_state_touched ON bot_state (touched_at);
CREATE TABLE IF NOT EXISTS dl_conversation (
  id TEXT PRIMARY KEY, user_id TEXT NOT NULL, client TEXT NOT NULL, started INTEGER NOT NULL DEFAULT 0,
  last_seq INTEGER NOT NULL DEFAULT 0, history_bytes INTEGER NOT NULL DEFAULT 0, last_active INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS dl_conversation_active ON dl_conversation (last_active);
CREATE INDEX IF NOT EXISTS dl_conversation_client ON dl_conversation (client, last_active);
CREATE TABLE IF NOT EXISTS dl_activity (
  conversation_id TEXT NOT NULL, seq INTEGER NOT NULL, bytes INTEGER NOT NULL, json TEXT NOT NULL,
  PRIMARY KEY (conversation_id, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS insight_event (day TEXT NOT NULL, at INTEGER NOT NULL, json TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS insight_event_day ON insight_event (day, at);
`;

/** Bot state rows: JSON, an integer eTag that each write increments, and when last used. */
class SqliteBotState implements Storage {
  private readonly select: Database.Statement<[string, number]>;
  private readonly touch: Database.Statement<[number, string]>;
  private readonly upsert: Database.Statement<[{ key: string; json: string; now: number }]>;
  private readonly currentETag: Database.Statement<[string, number]>;
  private readonly remove: Database.Statement<[string]>;
  private readonly writeAll: (changes: StoreItems) => void;

  constructor(
    db: Database.Database,
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {
    this.select = db.prepare('SELECT json, etag, touched_at FROM bot_state WHERE key = ? AND touched_at >= ?');
    this.touch = db.prepare('UPDATE bot_state SET touched_at = ? WHERE key = ?');
    this.upsert = db.prepare(
      'INSERT INTO bot_state (key, etag, json, touched_at) VALUES (@key, 1, @json, @now) ON CONFLICT (key) DO UPDATE SET etag = etag + 1, json = @json, touched_at = @now RETURNING etag',
    );
    this.currentETag = db.prepare('SELECT etag FROM bot_state WHERE key = ? AND touched_at >= ?');
    this.remove = db.prepare('DELETE FROM bot_state WHERE key = ?');
    this.writeAll = db.transaction((changes: StoreItems) => {
      for (const [key, item] of Object.entries(changes)) {
        const { eTag, ...value } = item as { eTag?: string };
        const json = JSON.stringify(value);
        if (Buffer.byteLength(json) > MAX_BOT_STATE_BYTES) throw new Error(`Storage: state of "${key}" exceeds ${MAX_BOT_STATE_BYTES} bytes`);
        // As botbuilder's MemoryStorage: a stale eTag fails; no eTag, '*' or no live row writes.
        const now = this.now();
        const current = this.currentETag.get(key, now - this.ttlMs) as { etag: number } | undefined;
        if (current && eTag && eTag !== '*' && String(current.etag) !== eTag) throw new ETagConflictError(key);
        item.eTag = String((this.upsert.get({ key, json, now }) as { etag: number }).etag);
      }
    });
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    const now = this.now();
    for (const key of keys) {
      const row = this.select.get(key, now - this.ttlMs) as { json: string; etag: number; touched_at: number } | undefined;
      if (!row) continue;
      // Keep it alive; a row used in the last tenth of its time to live needs no write yet.
      if (now - row.touched_at > this.ttlMs / 10) this.touch.run(now, key);
      items[key] = { ...JSON.parse(row.json), eTag: String(row.etag) };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    this.writeAll(changes);
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) this.remove.run(key);
  }
}

interface ConversationRow {
  id: string;
  user_id: string;
  client: string;
  started: number;
  last_seq: number;
  history_bytes: number;
}

class SqliteDirectLine implements DirectLineStore {
  private readonly statements;
  private readonly createTx: (id: string, userId: string, client: string) => ConversationRecord;
  private readonly appendTx: (id: string, activities: Activity[]) => Activity[];

  constructor(
    db: Database.Database,
    private readonly limits: DirectLineStoreLimits,
    private readonly now: () => number,
  ) {
    const s = {
      get: db.prepare('SELECT * FROM dl_conversation WHERE id = ? AND last_active >= ?'),
      touch: db.prepare('UPDATE dl_conversation SET last_active = ? WHERE id = ?'),
      insert: db.prepare('INSERT OR REPLACE INTO dl_conversation (id, user_id, client, last_active) VALUES (?, ?, ?, ?)'),
      ownOldest: db.prepare('SELECT id FROM dl_conversation WHERE client = ? ORDER BY last_active DESC LIMIT -1 OFFSET ?'),
      count: db.prepare('SELECT count(*) AS n FROM dl_conversation'),
      oldest: db.prepare('SELECT id FROM dl_conversation ORDER BY last_active LIMIT ?'),
      drop: db.prepare('DELETE FROM dl_conversation WHERE id = ?'),
      dropHistory: db.prepare('DELETE FROM dl_activity WHERE conversation_id = ?'),
      claim: db.prepare('UPDATE dl_conversation SET started = 1, last_active = ? WHERE id = ? AND started = 0 AND last_active >= ?'),
      addActivity: db.prepare('INSERT INTO dl_activity (conversation_id, seq, bytes, json) VALUES (?, ?, ?, ?)'),
      setSeq: db.prepare('UPDATE dl_conversation SET last_seq = ?, history_bytes = ?, last_active = ? WHERE id = ?'),
      oldestActivities: db.prepare('SELECT seq, bytes FROM dl_activity WHERE conversation_id = ? ORDER BY seq'),
      dropActivity: db.prepare('DELETE FROM dl_activity WHERE conversation_id = ? AND seq = ?'),
      since: db.prepare('SELECT json FROM dl_activity WHERE conversation_id = ? AND seq > ? ORDER BY seq'),
    };
    this.statements = s;
    const dropConversation = (id: string) => {
      s.dropHistory.run(id);
      s.drop.run(id);
    };
    this.createTx = db.transaction((id: string, userId: string, client: string) => {
      const existing = this.live(id);
      if (existing) return toRecord(existing);
      const overQuota = s.ownOldest.all(client, this.limits.maxConversationsPerClient - 1) as { id: string }[];
      for (const { id: stale } of overQuota) dropConversation(stale);
      const { n } = s.count.get() as { n: number };
      const excess = n - this.limits.maxConversations + 1;
      if (excess > 0) for (const { id: stale } of s.oldest.all(excess) as { id: string }[]) dropConversation(stale);
      dropConversation(id); // an expired conversation of the same id leaves nothing behind
      s.insert.run(id, userId, client, this.now());
      return { id, userId, client, started: false };
    });
    this.appendTx = db.transaction((id: string, activities: Activity[]) => {
      const row = this.live(id);
      if (!row) return [];
      let seq = row.last_seq;
      let bytes = row.history_bytes;
      let count = 0;
      for (const activity of activities) {
        seq += 1;
        activity.id = activityId(id, seq);
        const json = JSON.stringify(activity);
        const size = Buffer.byteLength(json);
        s.addActivity.run(id, seq, size, json);
        bytes += size;
      }
      const kept = s.oldestActivities.all(id) as { seq: number; bytes: number }[];
      count = kept.length;
      for (const old of kept) {
        if (count <= 1 || (count <= this.limits.maxActivitiesPerConversation && bytes <= this.limits.maxHistoryBytes)) break;
        s.dropActivity.run(id, old.seq);
        bytes -= old.bytes;
        count -= 1;
      }
      s.setSeq.run(seq, bytes, this.now(), id);
      return activities;
    });
  }

  /** The conversation's row if it has not expired, touched. */
  private live(id: string): ConversationRow | undefined {
    const now = this.now();
    const row = this.statements.get.get(id, now - this.limits.idleExpirySeconds * 1000) as ConversationRow | undefined;
    if (row) this.statements.touch.run(now, id);
    return row;
  }

  async get(id: string): Promise<ConversationRecord | undefined> {
    const row = this.live(id);
    return row && toRecord(row);
  }

  async create(id: string, userId: string, client: string): Promise<ConversationRecord> {
    return this.createTx(id, userId, client);
  }

  async claimStart(id: string): Promise<boolean> {
    const now = this.now();
    return this.statements.claim.run(now, id, now - this.limits.idleExpirySeconds * 1000).changes === 1;
  }

  async append(id: string, activities: Activity[]): Promise<Activity[]> {
    return this.appendTx(id, activities);
  }

  async since(id: string, watermark: number): Promise<{ activities: Activity[]; watermark: number }> {
    const row = this.live(id);
    if (!row) return { activities: [], watermark };
    const rows = this.statements.since.all(id, watermark) as { json: string }[];
    return { activities: rows.map((r) => JSON.parse(r.json) as Activity), watermark: row.last_seq };
  }
}

const toRecord = (row: ConversationRow): ConversationRecord => ({
  id: row.id,
  userId: row.user_id,
  client: row.client,
  started: row.started === 1,
});

/** Insight events as JSON rows, by day (China time). */
class SqliteInsights implements InsightsStore {
  private readonly insertAll: (events: InsightEvent[]) => void;
  private readonly select: Database.Statement<[string, string]>;
  private readonly forget: Database.Statement<[string]>;

  constructor(db: Database.Database) {
    const insert = db.prepare('INSERT INTO insight_event (day, at, json) VALUES (?, ?, ?)');
    this.insertAll = db.transaction((events: InsightEvent[]) => {
      for (const event of events) insert.run(dayOf(event.at), event.at, JSON.stringify(event));
    });
    this.select = db.prepare('SELECT json FROM insight_event WHERE day BETWEEN ? AND ? ORDER BY at');
    this.forget = db.prepare('DELETE FROM insight_event WHERE day < ?');
  }

  async append(events: InsightEvent[]): Promise<void> {
    if (events.length > 0) this.insertAll(events);
  }

  async between(from: string, to: string): Promise<InsightEvent[]> {
    return (this.select.all(from, to) as { json: string }[]).map((row) => JSON.parse(row.json) as InsightEvent);
  }

  async forgetBefore(day: string): Promise<void> {
    this.forget.run(day);
  }
}
