import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { checkUpIntro, checkUpReply, type QaContext } from '../src/replies';
import { checkUp, checkUpMissingInputs, type InputDescription } from '../src/rules';
import type { AnswerValue } from '../src/rules';
import { cardActivity } from './card-activity';
import { InterviewDialog, type InterviewOutcome } from './interview-dialog';
import type { ConversationMemory } from './memory';

export const CHECK_UP_DIALOG = 'check-up';

/**
 * The 政策体检: one interview over every quantified rule. Each shared input is asked
 * once; yes/no gates of every rule come first, so that a "no" prunes the rest of that
 * rule's questions; the count of questions is therefore only an estimate (共约…题).
 * It ends with every rule the enterprise may qualify for and the total.
 */
export class CheckUpDialog extends InterviewDialog {
  protected readonly title = '政策体检';
  protected readonly restartCommand = '重新体检';
  protected readonly approximate = true;

  constructor(memory: StatePropertyAccessor<ConversationMemory>, qa: QaContext) {
    super(CHECK_UP_DIALOG, memory, qa);
  }

  protected missing(answers: Record<string, AnswerValue>): InputDescription[] {
    return checkUpMissingInputs(answers);
  }

  protected ruledOut(): boolean {
    return false;
  }

  protected intro(total: number): string {
    return checkUpIntro(total);
  }

  protected async finish(context: TurnContext, answers: Record<string, AnswerValue>): Promise<InterviewOutcome> {
    const result = checkUp(answers);
    if (!result.ok) {
      console.error(`[check-up] failed: ${JSON.stringify(result.issues)}`);
      await context.sendActivity('抱歉，体检计算时出现问题，未能得出结果。请输入“重新体检”再试一次。');
      return { kind: 'failed' };
    }
    await context.sendActivity(cardActivity(checkUpReply(result.checkUp)));
    return { kind: 'check-up', totalFen: result.checkUp.totalFen };
  }
}
