import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { checkUpHeadline, checkUpIntro, checkUpReply, type QaContext } from '../src/replies';
import { allInputs, checkUp, checkUpMissingInputs, type InputDescription } from '../src/rules';
import { cardActivity } from './card-activity';
import { InterviewDialog, type InterviewOutcome } from './interview-dialog';
import { approximateAnswers, changesSince, type InterviewState } from './interview-state';
import type { ConversationMemory } from './memory';
import { log } from '../src/log';

export const CHECK_UP_DIALOG = 'check-up';

/**
 * The 政策体检: one interview over every quantified rule. Each shared input is asked
 * once; yes/no gates of every rule come first, so that a "no" prunes the rest of that
 * rule's questions; the count of questions is therefore only an estimate (共约…题).
 * A question may be skipped (不清楚): the rules that need it are named as not judged.
 * It ends with every rule the enterprise may qualify for and the total.
 */
export class CheckUpDialog extends InterviewDialog {
  readonly title = '政策体检';
  protected readonly restartCommand = '重新体检';
  protected readonly approximate = true;
  protected readonly canSkip = true;
  readonly inputKeys: ReadonlySet<string> = new Set(allInputs.keys());

  constructor(memory: StatePropertyAccessor<ConversationMemory>, qa: QaContext, ratings = false) {
    super(CHECK_UP_DIALOG, memory, qa, ratings);
  }

  protected missing(state: InterviewState): InputDescription[] {
    return checkUpMissingInputs(state.answers, { unknown: state.skipped ?? [] });
  }

  protected ruledOut(): boolean {
    return false;
  }

  protected intro(total: number): string {
    return checkUpIntro(total);
  }

  protected async finish(context: TurnContext, state: InterviewState): Promise<InterviewOutcome> {
    const skipped = state.skipped ?? [];
    const result = checkUp(state.answers, { unknown: skipped });
    if (!result.ok) {
      log.error({ rule: 'check-up', issues: result.issues.map((i) => i.path.join('.')) }, 'check-up failed');
      await context.sendActivity('抱歉，体检计算时出现问题，未能得出结果。请输入“重新体检”再试一次。');
      return { kind: 'failed' };
    }
    const reply = checkUpReply(result.checkUp, {
      skipped,
      answered: Object.keys(state.answers),
      approximate: approximateAnswers(state),
      changes: changesSince(state),
      previousHeadline: state.previous?.headline,
      correctable: true,
    });
    await context.sendActivity(cardActivity(this.rateable(reply)));
    return { kind: 'check-up', totalFen: result.checkUp.totalFen, headline: checkUpHeadline(result.checkUp) };
  }
}
