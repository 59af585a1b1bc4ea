import type { Activity, Storage } from 'botbuilder';
import type { CounterStore } from '../http/rate-limit';
import type { InsightsStore } from '../insights/events';

/**
 * The one storage seam (STORAGE in .env): bot state, the self-hosted Direct Line's
 * conversations and history, and rate-limit counters, in memory (tests), SQLite (the
 * default: one process, survives restarts) or Redis (several instances).
 */
export interface StateStore {
  readonly kind: 'memory' | 'sqlite' | 'redis';
  /**
   * botbuilder's Storage for ConversationState: optimistic concurrency with eTags. A write
   * with a stale eTag fails (ETagConflictError); a successful one gives each item written
   * its new eTag, so the same turn can save again.
   */
  readonly botState: Storage;
  readonly directLine: DirectLineStore;
  readonly counters: CounterStore;
  /** What operators see on /admin (src/insights). */
  readonly insights: InsightsStore;
  /** False while the store cannot be reached (/healthz answers 503). */
  healthy(): Promise<boolean>;
  close(): Promise<void>;
}

/** What the store keeps of a Direct Line conversation besides its history. */
export interface ConversationRecord {
  id: string;
  userId: string;
  /** Who opened it (client address), for per-client quotas. */
  client: string;
  /** The greeting turn has been claimed by some instance. */
  started: boolean;
}

export interface DirectLineStoreLimits {
  /** Conversations kept; past this the least recently used one is dropped. */
  maxConversations: number;
  /** Conversations one client may hold; past this its own least recently used one is dropped. */
  maxConversationsPerClient: number;
  /** Activities kept per conversation (oldest dropped first); watermarks keep counting. */
  maxActivitiesPerConversation: number;
  /** Bytes (as JSON) of activities kept per conversation, oldest dropped first. */
  maxHistoryBytes: number;
  /** A conversation nobody has touched (not even polled) for this long is forgotten. */
  idleExpirySeconds: number;
}

/**
 * Direct Line conversations and their history. Every call touches the conversation (it
 * stays alive while used). `append` gives activities their ids and sequence numbers
 * atomically, so a poll on any instance sees a gap-free prefix: every reply once, in order.
 */
export interface DirectLineStore {
  get(id: string): Promise<ConversationRecord | undefined>;
  /** Creates the conversation (or returns it if it exists), evicting as the limits say. */
  create(id: string, userId: string, client: string): Promise<ConversationRecord>;
  /** Marks the conversation started; true only for the one caller that did it. */
  claimStart(id: string): Promise<boolean>;
  /** Keeps activities in order, with ids `<conversationId>|0000001`…; returns them with their ids. */
  append(id: string, activities: Activity[]): Promise<Activity[]>;
  /** Activities after the watermark, and the watermark to send next time. */
  since(id: string, watermark: number): Promise<{ activities: Activity[]; watermark: number }>;
}

/** A store operation failed because the store cannot be reached (Redis down): retry later. */
export class StoreUnavailableError extends Error {
  constructor(cause?: unknown) {
    super('The conversation store cannot be reached', { cause });
    this.name = 'StoreUnavailableError';
  }
}

/** A bot state write based on a stale eTag (another turn wrote first), as botbuilder's stores say it. */
export class ETagConflictError extends Error {
  constructor(key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'ETagConflictError';
  }
}

/**
 * Direct Line history bounds. Web Chat keeps its own transcript; the history only bridges
 * a post and the next poll (or a page reload), so a few dozen answers are plenty.
 */
export const HISTORY_LIMITS = { maxActivitiesPerConversation: 50, maxHistoryBytes: 64 * 1024 } as const;

export function isETagConflict(error: unknown): boolean {
  return error instanceof ETagConflictError || (error instanceof Error && /eTag conflict/i.test(error.message));
}

/** The largest bot state one conversation may keep (answers, dialog stack), as JSON. */
export const MAX_BOT_STATE_BYTES = 64 * 1024;

export function activityId(conversationId: string, seq: number): string {
  return `${conversationId}|${String(seq).padStart(7, '0')}`;
}

/** The size of a value as JSON, in bytes. */
export const jsonBytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');
