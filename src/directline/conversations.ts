import type { Activity } from 'botbuilder';
import type { DirectLineLimits } from './options';

export interface Conversation {
  id: string;
  userId: string;
  /** Who opened it (client address), for per-client quotas. */
  client: string;
  /** Kept activities, oldest first; `seq` is what watermarks count, `bytes` their JSON size. */
  history: { seq: number; activity: Activity; bytes: number }[];
  historyBytes: number;
  lastSeq: number;
  lastActiveAt: number;
  /** The conversationUpdate that lets the bot greet has been queued. */
  started: boolean;
  /** Bot turns run one after another, so the greeting comes before the first answer. */
  turnQueue: Promise<void>;
}

type Limits = Pick<
  DirectLineLimits,
  'maxConversations' | 'maxConversationsPerClient' | 'maxActivitiesPerConversation' | 'maxHistoryBytes' | 'idleExpirySeconds'
>;

/**
 * Conversations in memory, bounded: idle ones expire; a client past its quota loses its
 * own least recently used conversation (never anyone else's); when the whole store is
 * full the least recently used one goes. The Map's insertion order is the recency order
 * (touch re-inserts). History is bounded by count and bytes per conversation.
 */
export class ConversationStore {
  private readonly conversations = new Map<string, Conversation>();

  constructor(
    private readonly limits: Limits,
    private readonly now: () => number,
  ) {}

  get size(): number {
    return this.conversations.size;
  }

  /** The conversation, marked as just used; undefined if unknown or expired. */
  get(id: string): Conversation | undefined {
    this.evictIdle();
    const conversation = this.conversations.get(id);
    if (!conversation) return undefined;
    conversation.lastActiveAt = this.now();
    this.conversations.delete(id);
    this.conversations.set(id, conversation);
    return conversation;
  }

  create(id: string, userId: string, client: string): Conversation {
    this.evictIdle();
    this.conversations.delete(id);
    const own = [...this.conversations.values()].filter((c) => c.client === client);
    for (const stale of own.slice(0, Math.max(0, own.length - this.limits.maxConversationsPerClient + 1))) {
      this.conversations.delete(stale.id);
    }
    while (this.conversations.size >= this.limits.maxConversations) {
      const oldest = this.conversations.keys().next().value as string;
      this.conversations.delete(oldest);
    }
    const conversation: Conversation = {
      id,
      userId,
      client,
      history: [],
      historyBytes: 0,
      lastSeq: 0,
      lastActiveAt: this.now(),
      started: false,
      turnQueue: Promise.resolve(),
    };
    this.conversations.set(id, conversation);
    return conversation;
  }

  /** Gives the activity its id (`<conversationId>|0000001`) and keeps it, dropping the oldest past the bounds. */
  append(conversation: Conversation, activity: Activity): Activity {
    conversation.lastSeq += 1;
    activity.id = `${conversation.id}|${String(conversation.lastSeq).padStart(7, '0')}`;
    const bytes = jsonBytes(activity);
    conversation.history.push({ seq: conversation.lastSeq, activity, bytes });
    conversation.historyBytes += bytes;
    while (
      conversation.history.length > 1 &&
      (conversation.history.length > this.limits.maxActivitiesPerConversation || conversation.historyBytes > this.limits.maxHistoryBytes)
    ) {
      conversation.historyBytes -= conversation.history.shift()!.bytes;
    }
    return activity;
  }

  /**
   * Activities after the watermark, and the watermark to send next time. A watermark from
   * the future (a client confused about the conversation) is pulled back to the present.
   */
  since(conversation: Conversation, watermark: number): { activities: Activity[]; watermark: string } {
    const activities = conversation.history.filter((entry) => entry.seq > watermark).map((entry) => entry.activity);
    return { activities, watermark: String(conversation.lastSeq) };
  }

  private evictIdle(): void {
    const oldestAllowed = this.now() - this.limits.idleExpirySeconds * 1000;
    // Oldest first, so stop at the first one still in use.
    for (const [id, conversation] of this.conversations) {
      if (conversation.lastActiveAt > oldestAllowed) break;
      this.conversations.delete(id);
    }
  }
}

/** The size of a value as JSON, in bytes. */
export const jsonBytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');
