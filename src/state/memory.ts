import type { Activity } from 'botbuilder';
import { MemoryCounters } from '../http/rate-limit';
import { dayOf, type InsightEvent, type InsightsStore } from '../insights/events';
import { ExpiringMemoryStorage } from './expiring-storage';
import {
  activityId,
  jsonBytes,
  type ConversationRecord,
  type DirectLineStore,
  type DirectLineStoreLimits,
  type StateStore,
} from './store';

interface Conversation extends ConversationRecord {
  history: { seq: number; activity: Activity; bytes: number }[];
  historyBytes: number;
  lastSeq: number;
  lastActiveAt: number;
}

/**
 * Direct Line conversations in this process: idle ones expire; a client past its quota
 * loses its own least recently used conversation (never anyone else's); when the whole
 * store is full the least recently used one goes. The Map's insertion order is the
 * recency order (touch re-inserts). History is bounded by count and bytes.
 */
export class MemoryDirectLineStore implements DirectLineStore {
  private readonly conversations = new Map<string, Conversation>();

  constructor(
    private readonly limits: DirectLineStoreLimits,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.conversations.size;
  }

  async get(id: string): Promise<ConversationRecord | undefined> {
    const conversation = this.touch(id);
    return conversation && record(conversation);
  }

  async create(id: string, userId: string, client: string): Promise<ConversationRecord> {
    const existing = this.touch(id);
    if (existing) return record(existing);
    const own = [...this.conversations.values()].filter((c) => c.client === client);
    for (const stale of own.slice(0, Math.max(0, own.length - this.limits.maxConversationsPerClient + 1))) {
      this.conversations.delete(stale.id);
    }
    while (this.conversations.size >= this.limits.maxConversations) {
      this.conversations.delete(this.conversations.keys().next().value as string);
    }
    const conversation: Conversation = { id, userId, client, started: false, history: [], historyBytes: 0, lastSeq: 0, lastActiveAt: this.now() };
    this.conversations.set(id, conversation);
    return record(conversation);
  }

  async claimStart(id: string): Promise<boolean> {
    const conversation = this.touch(id);
    if (!conversation || conversation.started) return false;
    conversation.started = true;
    return true;
  }

  async append(id: string, activities: Activity[]): Promise<Activity[]> {
    const conversation = this.touch(id);
    if (!conversation) return [];
    for (const activity of activities) {
      conversation.lastSeq += 1;
      activity.id = activityId(id, conversation.lastSeq);
      const bytes = jsonBytes(activity);
      conversation.history.push({ seq: conversation.lastSeq, activity, bytes });
      conversation.historyBytes += bytes;
    }
    while (
      conversation.history.length > 1 &&
      (conversation.history.length > this.limits.maxActivitiesPerConversation || conversation.historyBytes > this.limits.maxHistoryBytes)
    ) {
      conversation.historyBytes -= conversation.history.shift()!.bytes;
    }
    return activities;
  }

  async since(id: string, watermark: number): Promise<{ activities: Activity[]; watermark: number }> {
    const conversation = this.touch(id);
    if (!conversation) return { activities: [], watermark };
    const activities = conversation.history.filter((entry) => entry.seq > watermark).map((entry) => entry.activity);
    return { activities, watermark: conversation.lastSeq };
  }

  /** The live conversation, moved to the back of the eviction order; expired ones go first. */
  private touch(id: string): Conversation | undefined {
    const oldestAllowed = this.now() - this.limits.idleExpirySeconds * 1000;
    for (const [key, conversation] of this.conversations) {
      if (conversation.lastActiveAt > oldestAllowed) break; // oldest first: the rest are in use
      this.conversations.delete(key);
    }
    const conversation = this.conversations.get(id);
    if (!conversation) return undefined;
    conversation.lastActiveAt = this.now();
    this.conversations.delete(id);
    this.conversations.set(id, conversation);
    return conversation;
  }
}

const record = ({ id, userId, client, started }: Conversation): ConversationRecord => ({ id, userId, client, started });

/** Insight events by day, in this process. */
export class MemoryInsights implements InsightsStore {
  private readonly days = new Map<string, InsightEvent[]>();

  async append(events: InsightEvent[]): Promise<void> {
    for (const event of events) {
      const day = dayOf(event.at);
      if (!this.days.has(day)) this.days.set(day, []);
      this.days.get(day)!.push(event);
    }
  }

  async between(from: string, to: string): Promise<InsightEvent[]> {
    return [...this.days].filter(([day]) => day >= from && day <= to).flatMap(([, events]) => events);
  }

  async forgetBefore(day: string): Promise<void> {
    for (const key of this.days.keys()) if (key < day) this.days.delete(key);
  }
}

/** Everything in this process: for tests and `npm run chat`; forgotten on restart. */
export class MemoryStore implements StateStore {
  readonly kind = 'memory' as const;
  readonly botState: ExpiringMemoryStorage;
  readonly directLine: MemoryDirectLineStore;
  readonly counters = new MemoryCounters();
  readonly insights = new MemoryInsights();

  constructor(limits: DirectLineStoreLimits, now: () => number = Date.now) {
    this.botState = new ExpiringMemoryStorage({
      ttlMs: limits.idleExpirySeconds * 1000,
      // Bot state of conversations that came through /api/messages too, not only Direct Line.
      maxItems: limits.maxConversations * 2,
      now,
    });
    this.directLine = new MemoryDirectLineStore(limits, now);
  }

  async healthy(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {}
}
