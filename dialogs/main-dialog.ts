import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { ComponentDialog, Dialog, DialogSet, DialogTurnStatus, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { toActivity } from '../src/activities';
import { respond, type QaContext, type QaTurn } from '../src/replies';

export const MAIN_DIALOG = 'main';

/** What the conversation remembers between turns, beside the dialog stack. */
export interface ConversationMemory {
  /** The measure last discussed, for follow-ups such as 这条的责任单位是谁. */
  lastMeasureId?: number;
}

/**
 * Routes every message: a question is answered from the notice; a request to
 * estimate an award starts an interview (added as child dialogs by `interviews`).
 */
export class MainDialog extends ComponentDialog {
  constructor(
    private readonly memory: StatePropertyAccessor<ConversationMemory>,
    private readonly qa: QaContext,
  ) {
    super(MAIN_DIALOG);
  }

  /** Runs the dialog for one turn, as botbuilder's samples do. */
  async run(context: TurnContext, dialogState: StatePropertyAccessor): Promise<void> {
    const dialogSet = new DialogSet(dialogState);
    dialogSet.add(this);
    const dc = await dialogSet.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.id);
  }

  protected override async onBeginDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    return this.route(innerDc);
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    if (innerDc.activeDialog) return innerDc.continueDialog();
    return this.route(innerDc);
  }

  /** Answers the message from the notice, then waits for the next one. */
  private async route(innerDc: DialogContext): Promise<DialogTurnResult> {
    const context = innerDc.context;
    const memory = await this.memory.get(context, {});
    const turn: QaTurn = respond(context.activity.text ?? '', memory.lastMeasureId, this.qa);
    memory.lastMeasureId = turn.lastMeasureId;
    for (const reply of turn.replies) await context.sendActivity(toActivity(reply));
    if (turn.estimate || turn.checkUp) {
      await context.sendActivity('奖励估算功能正在建设中。您可以先查看相关措施的支持标准。');
    }
    return Dialog.EndOfTurn;
  }
}
