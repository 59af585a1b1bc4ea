import { ActivityHandler, DeliveryModes, type ConversationState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import { z } from 'zod';
import { MainDialog, TURN_OUTCOME, type ConversationMemory, type TurnOutcome } from '../dialogs/main-dialog';
import { toActivity } from './activities';
import { greeting, type QaContext } from './replies';
import { isETagConflict } from './state';

/** How often a turn is run when other turns of its conversation keep saving first (several instances). */
const MAX_TURN_ATTEMPTS = 3;

/** The longest message the bot reads; a portal text box can send anything. */
export const MAX_MESSAGE_LENGTH = 500;

const MessageTextSchema = z
  .string({ error: '目前我只能理解文字消息，请用文字输入您的问题。' })
  .trim()
  .min(1, '请输入您的问题，例如“两化融合项目补贴多少”。')
  .max(MAX_MESSAGE_LENGTH, `您的消息超过了${MAX_MESSAGE_LENGTH}字，请精简后再发送。`);

/** What a turn came to, for the request log (never what the user wrote). */
export type TurnObserver = (outcome: TurnOutcome | 'refused' | 'greeting') => void;

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
    observe: TurnObserver = () => undefined,
  ) {
    super();
    this.dialogState = conversationState.createProperty<DialogState>('dialogState');
    this.memory = conversationState.createProperty<ConversationMemory>('memory');
    this.dialog = new MainDialog(this.memory, qa);

    this.onMembersAdded(async (context, next) => {
      const newcomers = (context.activity.membersAdded ?? []).filter((m) => m.id !== context.activity.recipient.id);
      if (newcomers.length > 0) {
        await context.sendActivity(toActivity(greeting(this.qa.notice)));
        observe('greeting');
      }
      await next();
    });

    this.onMessage(async (context, next) => {
      const text = MessageTextSchema.safeParse(context.activity.text);
      if (!text.success) {
        await context.sendActivity(text.error.issues[0].message);
        observe('refused');
      } else {
        context.activity.text = text.data;
        await this.dialog.run(context, this.dialogState);
        const outcome = context.turnState.get(TURN_OUTCOME) as TurnOutcome | undefined;
        if (outcome) observe(outcome);
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
   * the user never sees both.
   */
  override async run(context: TurnContext): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await super.run(context);
      } catch (error) {
        const retry = isETagConflict(error) && context.activity.deliveryMode === DeliveryModes.ExpectReplies && attempt < MAX_TURN_ATTEMPTS;
        if (!retry) throw error;
        context.bufferedReplyActivities.length = 0;
        await this.conversationState.load(context, true);
      }
    }
  }
}
