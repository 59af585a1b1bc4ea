import { randomBytes } from 'node:crypto';
import type { Activity, ChannelAccount } from 'botbuilder';
import { HttpError } from '../http/errors';
import { KeyedQueue } from '../state/keyed-queue';
import { jsonBytes, StoreUnavailableError, type ConversationRecord, type DirectLineStore } from '../state/store';
import type { ResolvedDirectLineOptions } from './options';
import {
  ConversationRequestSchema,
  IncomingActivitySchema,
  UserIdSchema,
  WatermarkSchema,
  describeIssues,
  type IncomingActivity,
} from './schemas';
import { TokenService } from './tokens';

/** Who is calling: the holder of the secret (a portal back end) or a token for one conversation. */
export type Caller =
  | { kind: 'secret' }
  | { kind: 'token'; token: string; conversationId: string; userId: string; exp: number };

export interface ConversationTicket {
  conversationId: string;
  token: string;
  expires_in: number;
}

/** Activity types the bot produces that a Direct Line client never sees. */
const INTERNAL_REPLY_TYPES = new Set(['trace', 'delay', 'invokeResponse']);

/** The Direct Line 3.0 channel without HTTP: tokens, conversations, activities. */
export class DirectLineChannel {
  readonly tokens: TokenService;
  readonly conversations: DirectLineStore;
  /** Turns of one conversation, one after another in this process. */
  private readonly turns = new KeyedQueue();

  constructor(private readonly options: ResolvedDirectLineOptions) {
    this.tokens = new TokenService(options.secret, options.tokenTtlSeconds, options.now);
    this.conversations = options.store;
  }

  /** From the Authorization header value; throws 401/403. */
  authenticate(credential: string | undefined): Caller {
    if (!credential) throw new HttpError(401, 'Unauthorized', 'Missing Authorization: Bearer <token>');
    if (this.tokens.isSecret(credential)) return { kind: 'secret' };
    const check = this.tokens.verify(credential);
    if (!check.ok) {
      if (check.reason === 'expired') throw new HttpError(403, 'TokenExpired', 'Token expired');
      throw new HttpError(403, 'BadToken', 'Token is not valid');
    }
    return { kind: 'token', token: credential, conversationId: check.claims.conv, userId: check.claims.user, exp: check.claims.exp };
  }

  /**
   * POST /tokens/generate (secret only): a token for a new conversation. Nothing is stored
   * until the token is used, so issuing tokens costs nothing.
   */
  generateToken(caller: Caller, body?: unknown): ConversationTicket {
    if (caller.kind !== 'secret') throw new HttpError(403, 'Forbidden', 'Tokens are generated with the secret');
    return this.newConversationTicket(body).ticket;
  }

  private newConversationTicket(body: unknown): { ticket: ConversationTicket; userId: string } {
    const request = parseOrThrow(ConversationRequestSchema, body);
    const userId = request?.user?.id ?? newUserId();
    const conversationId = newConversationId();
    return { ticket: { conversationId, ...this.tokens.issue(conversationId, userId) }, userId };
  }

  /** POST /tokens/refresh: a fresh token for the same conversation and user. */
  refreshToken(caller: Caller): ConversationTicket {
    if (caller.kind !== 'token') throw new HttpError(403, 'Forbidden', 'Only a token can be refreshed');
    return { conversationId: caller.conversationId, ...this.tokens.issue(caller.conversationId, caller.userId) };
  }

  /**
   * POST /conversations. With a token: that token's conversation (created on first use).
   * With the secret: a new conversation and a token for it. Answers once the bot has greeted.
   */
  async startConversation(caller: Caller, client: string, body?: unknown): Promise<ConversationTicket & { created: boolean }> {
    if (caller.kind === 'secret') {
      const { ticket, userId } = this.newConversationTicket(body);
      await this.ensureStarted(await this.conversations.create(ticket.conversationId, userId, client));
      return { ...ticket, created: true };
    }
    const existing = await this.conversations.get(caller.conversationId);
    const conversation = existing ?? (await this.conversations.create(caller.conversationId, caller.userId, client));
    await this.ensureStarted(conversation);
    return { ...this.ticketFor(caller), created: !existing };
  }

  /** GET /conversations/:id: reconnect (polling needs no new stream URL, just the token). */
  async reconnect(caller: Caller, conversationId: string, client: string): Promise<ConversationTicket> {
    this.authorize(caller, conversationId);
    if (caller.kind === 'secret') {
      const conversation = await this.requireConversation(conversationId);
      return { conversationId, ...this.tokens.issue(conversationId, conversation.userId) };
    }
    if (!(await this.conversations.get(conversationId))) await this.conversations.create(conversationId, caller.userId, client);
    return this.ticketFor(caller);
  }

  /** POST /conversations/:id/activities: keep the user's activity, run the bot turn, keep the replies. */
  async postActivity(caller: Caller, conversationId: string, body: unknown): Promise<{ id: string }> {
    this.authorize(caller, conversationId);
    const input = parseOrThrow(IncomingActivitySchema, body);
    const conversation = await this.requireConversation(conversationId);
    if (input.type === 'typing') {
      // Nobody here needs the user's typing; acknowledge without using a history slot.
      return { id: `${conversationId}|typing` };
    }
    const incoming = this.fromUser(caller, conversation, input);
    if (jsonBytes(incoming) > this.options.limits.maxActivityBytes) {
      throw new HttpError(413, 'PayloadTooLarge', `Activity larger than ${this.options.limits.maxActivityBytes} bytes`);
    }
    await this.ensureStarted(conversation);
    const [activity] = await this.conversations.append(conversationId, [incoming]);
    if (!activity) throw new HttpError(404, 'NotFound', 'Conversation not found or expired');
    await this.runTurn(conversation, activity);
    return { id: activity.id! };
  }

  /** GET /conversations/:id/activities?watermark=N */
  async getActivities(caller: Caller, conversationId: string, watermark: string | undefined): Promise<{ activities: Activity[]; watermark: string }> {
    this.authorize(caller, conversationId);
    const parsed = WatermarkSchema.safeParse(watermark ?? '');
    if (!parsed.success) throw new HttpError(400, 'BadArgument', describeIssues(parsed.error));
    const conversation = await this.requireConversation(conversationId);
    await this.ensureStarted(conversation);
    const since = await this.conversations.since(conversationId, parsed.data);
    return { activities: since.activities, watermark: String(since.watermark) };
  }

  private authorize(caller: Caller, conversationId: string): void {
    if (caller.kind === 'token' && caller.conversationId !== conversationId) {
      throw new HttpError(403, 'Forbidden', 'Token is for another conversation');
    }
  }

  private async requireConversation(conversationId: string): Promise<ConversationRecord> {
    const conversation = await this.conversations.get(conversationId);
    if (!conversation) throw new HttpError(404, 'NotFound', 'Conversation not found or expired');
    return conversation;
  }

  private ticketFor(caller: Extract<Caller, { kind: 'token' }>): ConversationTicket {
    // The same token back, as the Direct Line service does; the client refreshes it itself.
    return {
      conversationId: caller.conversationId,
      token: caller.token,
      expires_in: this.tokens.secondsLeft(caller.exp),
    };
  }

  /**
   * The first time anyone touches a conversation, tell the bot the user (and the bot) joined,
   * so the bot greets first (Web Chat itself sends no conversationUpdate). The store lets
   * exactly one caller, on any instance, claim it; that caller waits for the greeting.
   */
  private async ensureStarted(conversation: ConversationRecord): Promise<void> {
    if (conversation.started || !(await this.conversations.claimStart(conversation.id))) return;
    const update = this.baseActivity(conversation, 'conversationUpdate') as Activity;
    update.from = { id: conversation.userId, role: 'user' } as ChannelAccount;
    update.recipient = this.botAccount();
    update.membersAdded = [this.botAccount(), { id: conversation.userId } as ChannelAccount];
    update.id = `${conversation.id}|start`;
    await this.runTurn(conversation, update).catch(() => undefined); // failures already reported by runTurn
  }

  /**
   * The user's activity as the channel keeps it and the bot sees it: only what Web Chat
   * shows or matches its echo by (text, card submit value, clientActivityID), never the
   * client's entities or other channelData.
   */
  private fromUser(caller: Caller, conversation: ConversationRecord, input: IncomingActivity): Activity {
    // A token fixes the user id; only the secret holder may speak for another user id.
    const requestedId = caller.kind === 'secret' ? UserIdSchema.safeParse(input.from?.id) : undefined;
    const userId = caller.kind === 'token' ? caller.userId : requestedId?.success ? requestedId.data : conversation.userId;
    const activity = this.baseActivity(conversation, input.type) as Activity;
    activity.from = { id: userId, name: input.from?.name ?? '', role: 'user' } as ChannelAccount;
    activity.recipient = this.botAccount();
    for (const key of ['text', 'textFormat', 'locale', 'name', 'value'] as const) {
      if (input[key] !== undefined) (activity as unknown as Record<string, unknown>)[key] = input[key];
    }
    const clientActivityID = input.channelData?.clientActivityID;
    if (clientActivityID !== undefined) activity.channelData = { clientActivityID };
    return activity;
  }

  private baseActivity(conversation: ConversationRecord, type: string): Partial<Activity> {
    return {
      type,
      timestamp: new Date(this.options.now()),
      channelId: 'directline',
      serviceUrl: this.options.serviceUrl,
      conversation: { id: conversation.id } as Activity['conversation'],
    };
  }

  private botAccount(): ChannelAccount {
    return { id: this.options.bot.id, name: this.options.bot.name, role: 'bot' } as ChannelAccount;
  }

  /**
   * One bot turn for the conversation, after the turns queued before it in this process;
   * its replies are kept. Resolves when the turn is done; a turn that fails or times out
   * rejects with 502/504 but never blocks later turns.
   */
  private runTurn(conversation: ConversationRecord, activity: Activity): Promise<void> {
    return this.turns.run(conversation.id, () => this.deliverAndKeepReplies(conversation, activity));
  }

  private async deliverAndKeepReplies(conversation: ConversationRecord, activity: Activity): Promise<void> {
    const delivery = this.options
      .deliver(structuredClone(activity)) // the bot may mutate what it gets; the history keeps the original
      .then((replies) => {
        const shown = replies.filter((reply) => reply?.type && !INTERNAL_REPLY_TYPES.has(reply.type));
        return this.conversations.append(conversation.id, shown.map((reply) => this.normalizeReply(conversation, activity, reply)));
      });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new HttpError(504, 'BotTimeout', 'The bot did not answer in time')),
        this.options.limits.botTimeoutMs,
      );
    });
    try {
      await Promise.race([delivery, timeout]);
    } catch (error) {
      if (error instanceof HttpError || error instanceof StoreUnavailableError) throw error;
      this.options.onError(error, activity);
      throw new HttpError(502, 'BotError', 'The bot could not handle the activity');
    } finally {
      clearTimeout(timer);
      delivery.catch(() => undefined); // a late failure after a timeout is not unhandled
    }
  }

  private normalizeReply(conversation: ConversationRecord, request: Activity, reply: Partial<Activity>): Activity {
    const activity = { ...reply } as Activity;
    activity.timestamp = new Date(this.options.now());
    activity.channelId = 'directline';
    activity.serviceUrl = this.options.serviceUrl;
    activity.conversation = { id: conversation.id } as Activity['conversation'];
    activity.from = reply.from?.id ? reply.from : this.botAccount();
    activity.recipient = reply.recipient?.id ? reply.recipient : request.from;
    activity.replyToId = reply.replyToId ?? request.id;
    delete (activity as Partial<Activity>).deliveryMode;
    return activity;
  }
}

function parseOrThrow<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: import('zod').ZodError } }, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new HttpError(400, 'BadArgument', describeIssues(result.error));
  return result.data;
}

function newConversationId(): string {
  return randomBytes(16).toString('base64url');
}

function newUserId(): string {
  return `dl_${randomBytes(12).toString('base64url')}`;
}
