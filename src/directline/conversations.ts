import type { Activity } from 'botbuilder';

export interface Conversation {
  id: string;
  userId: string;
  /** Kept activities, oldest first; `seq` is what watermarks count. */
  history: { seq: number; activity: Activity }[];
  lastSeq: number;
  lastActiveAt: number;
  /** The conversationUpdate that lets the bot greet has been queued. */
  started: boolean;
  /** Bot turns run one after another, so the greeting comes before the first answer. */
  turnQueue: Promise<void>;
}

/**
 * Conversations in memory, bounded: idle ones expire, and when full the least recently
 * used one is dropped. The Map's insertion order is the recency order (touch re-inserts).
 */
export class ConversationStore {
  private readonly conversations = new Map<string, Conversation>();

  constructor(
    private readonly limits: { maxConversations: number; maxActivitiesPerConversation: number; idleExpirySeconds: number },
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

  create(id: string, userId: string): Conversation {
    this.evictIdle();
    this.conversations.delete(id);
    while (this.conversations.size >= this.limits.maxConversations) {
      const oldest = this.conversations.keys().next().value as string;
      this.conversations.delete(oldest);
    }
    const conversation: Conversation = {
      id,
      userId,
      history: [],
      lastSeq: 0,
      lastActiveAt: this.now(),
      started: false,
      turnQueue: Promise.resolve(),
    };
    this.conversations.set(id, conversation);
    return conversation;
  }

  /** Gives the activity its id (`<conversationId>|0000001`) and keeps it. */
  append(conversation: Conversation, activity: Activity): Activity {
    conversation.lastSeq += 1;
    activity.id = `${conversation.id}|${String(conversation.lastSeq).padStart(7, '0')}`;
    conversation.history.push({ seq: conversation.lastSeq, activity });
    const excess = conversation.history.length - this.limits.maxActivitiesPerConversation;
    if (excess > 0) conversation.history.splice(0, excess);
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
