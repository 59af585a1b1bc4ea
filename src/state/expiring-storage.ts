import type { Storage, StoreItems } from 'botbuilder';
import { ETagConflictError, MAX_BOT_STATE_BYTES } from './store';

export interface ExpiringStorageOptions {
  /** A conversation untouched this long is forgotten. */
  ttlMs: number;
  /** At most this many keys are kept; the least recently used go first. */
  maxItems: number;
  now?: () => number;
}

interface Entry {
  json: string;
  eTag: string;
  touchedAt: number;
}

/**
 * In-memory bot state that forgets: botbuilder's MemoryStorage keeps every
 * conversation for the life of the process. Same eTag rules as MemoryStorage
 * (a write with a stale eTag fails), plus a time to live and a size bound.
 */
export class ExpiringMemoryStorage implements Storage {
  private readonly entries = new Map<string, Entry>();
  private nextETag = 1;
  private readonly now: () => number;

  constructor(private readonly options: ExpiringStorageOptions) {
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const key of keys) {
      const entry = this.live(key);
      if (entry) items[key] = { ...JSON.parse(entry.json), eTag: entry.eTag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, item] of Object.entries(changes)) {
      const old = this.live(key);
      if (old && item.eTag && item.eTag !== '*' && item.eTag !== old.eTag) throw new ETagConflictError(key);
      const { eTag: _ignored, ...value } = item;
      const json = JSON.stringify(value);
      if (Buffer.byteLength(json) > MAX_BOT_STATE_BYTES) throw new Error(`Storage: state of "${key}" exceeds ${MAX_BOT_STATE_BYTES} bytes`);
      const eTag = String(this.nextETag++);
      this.entries.delete(key);
      this.entries.set(key, { json, eTag, touchedAt: this.now() });
      item.eTag = eTag;
    }
    this.evictOverflow();
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) this.entries.delete(key);
  }

  /** The entry if it has not expired; moves it to the back of the eviction queue. */
  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (this.now() - entry.touchedAt > this.options.ttlMs) return undefined;
    entry.touchedAt = this.now();
    this.entries.set(key, entry);
    return entry;
  }

  private evictOverflow(): void {
    // Map keeps insertion order, and live() re-inserts on use: the first key is the stalest.
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.options.maxItems) break;
      this.entries.delete(key);
    }
  }
}
