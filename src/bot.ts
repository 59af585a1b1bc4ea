import { ActivityHandler, DeliveryModes, TurnContext, type ConversationState, type StatePropertyAccessor } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import { z } from 'zod';
import { MainDialog, type ConversationMemory } from '../dialogs/main-dialog';
import { toActivity } from './activities';
import type { InsightEvent } from './insights/events';
import type { InsightsRecorder } from './insights/recorder';
import { hashId } from './log';
import { greeting, type QaContext } from './replies';
import { isETagConflict } from './state';
import { noteOf, noteTurn, resetNote, type TurnNote } from './turn-note';

/**
 * How often a turn is run when other turns of its conversation keep saving first (several
 * instances). Ten messages sent at once to one conversation through two instances need more
 * than three: each save lets one turn through and sends the others round again.
 */
const MAX_TURN_ATTEMPTS = 8;

/** A random pause before a turn runs again, growing with the attempt, so the racing turns spread out. */
const retryPause = (attempt: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, attempt * (5 + Math.random() * 20)));

/** The longest message the bot reads; a portal text box can send anything. */
export const MAX_MESSAGE_LENGTH = 500;

const MessageTextSchema = z
  .string({ error: '目前我只能理解文字消息，请用文字输入您的问题。' })
  .trim()
  .min(1, '请输入您的问题，例如“两化融合项目补贴多少”。')
  .max(MAX_MESSAGE_LENGTH, `您的消息超过了${MAX_MESSAGE_LENGTH}字，请精简后再发送。`);

export interface BotHooks {
  /** What each turn came to, for the request log (never what the user wrote). */
  observe?: (outcome: string) => void;
  /** Records turns and ratings for /admin; ratings are offered only when it is there. */
  insights?: InsightsRecorder;
}

/** Turn outcomes that are not questions: their own events say what happened. */
const NOT_A_QUESTION = new Set(['rating', 'comment', 'greeting']);

/**
 * The policy assistant's one ActivityHandler: greets new members, checks each
 * message at the boundary, and hands it to the main dialog.
 */
export class PolicyBot extends ActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly memory: StatePropertyAccessor<ConversationMemory>;
  private readonly dialog: MainDialog;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly qa: QaContext,
    private readonly hooks: BotHooks = {},
  ) {
    super();
    this.dialogState = conversationState.createProperty<DialogState>('dialogState');
    this.memory = conversationState.createProperty<ConversationMemory>('memory');
    this.dialog = new MainDialog(this.memory, qa, { ratings: hooks.insights !== undefined });

    this.onMembersAdded(async (context, next) => {
      const newcomers = (context.activity.membersAdded ?? []).filter((m) => m.id !== context.activity.recipient.id);
      if (newcomers.length > 0) {
        await context.sendActivity(toActivity(greeting(this.qa.notice)));
        noteTurn(context, { outcome: 'greeting' });
      }
      await next();
    });

    this.onMessage(async (context, next) => {
      const text = MessageTextSchema.safeParse(context.activity.text);
      if (!text.success) {
        await context.sendActivity(text.error.issues[0].message);
        noteTurn(context, { outcome: 'refused' });
      } else {
        context.activity.text = text.data;
        await this.dialog.run(context, this.dialogState);
      }
      await next();
    });

    // Save what the turn changed, whatever handler ran.
    this.onDialog(async (context, next) => {
      await this.conversationState.saveChanges(context, false);
      await next();
    });
  }

  /**
   * Runs the turn; when its state was saved by another turn of the same conversation in
   * the meantime (on another instance: the store's eTag says so), runs it again on the
   * fresh state rather than overwrite, up to MAX_TURN_ATTEMPTS times. Only while its
   * replies are still held back (expectReplies: Direct Line and the in-process chat), so
   * the user never sees both. Each attempt after the first gets a context of its own,
   * with what the adapter put in the turn's state: one that has already "responded" would
   * make the prompts keep quiet (they re-ask only when nothing was said in the turn).
   */
  override async run(context: TurnContext): Promise<void> {
    const arrived = new Map(context.turnState);
    let attempt = context;
    for (let attempts = 1; ; attempts++) {
      resetNote(attempt);
      try {
        await super.run(attempt);
        if (attempt !== context) context.bufferedReplyActivities.push(...attempt.bufferedReplyActivities);
        return this.report(attempt, noteOf(attempt));
      } catch (error) {
        const retry = isETagConflict(error) && context.activity.deliveryMode === DeliveryModes.ExpectReplies && attempts < MAX_TURN_ATTEMPTS;
        if (!retry) throw error;
        context.bufferedReplyActivities.length = 0;
        await retryPause(attempts);
        attempt = new TurnContext(context.adapter, context.activity);
        for (const [key, value] of arrived) attempt.turnState.set(key, value);
      }
    }
  }

  /** Hands what the turn came to to the request log and, as events, to the insights. */
  private report(context: TurnContext, note: TurnNote): void {
    if (note.outcome) this.hooks.observe?.(note.outcome);
    const insights = this.hooks.insights;
    if (!insights) return;
    const { channelId, conversation } = context.activity;
    const base = { at: Date.now(), channel: channelId, conversation: hashId(`${channelId}/${conversation.id}`) };
    const events: InsightEvent[] = [];
    if (note.outcome && !NOT_A_QUESTION.has(note.outcome) && context.activity.type === 'message') {
      events.push({
        kind: 'turn',
        ...base,
        id: note.id,
        outcome: note.outcome,
        ...(note.measure ? { measure: note.measure } : {}),
        ...(note.score !== undefined ? { score: note.score } : {}),
        ...(note.question ? { question: note.question } : {}),
      });
    }
    for (const step of note.interview) events.push({ kind: 'interview', ...base, ...step });
    for (const rating of note.ratings) events.push({ kind: 'rating', ...base, ...rating });
    if (note.comment) events.push({ kind: 'comment', ...base, ...note.comment });
    if (events.length > 0) insights.record(...events);
  }
}
