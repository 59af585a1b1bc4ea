import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { estimateReply, headline, interviewIntro, type QaContext } from '../src/replies';
import { earlyIneligibility, estimate, missingInputs, type InputDescription, type QuantifiedRule } from '../src/rules';
import { cardActivity } from './card-activity';
import { InterviewDialog, type InterviewOutcome } from './interview-dialog';
import { approximateAnswers, changesSince, type InterviewState } from './interview-state';
import type { ConversationMemory } from './memory';
import { log } from '../src/log';

/** The id of a rule's interview: 'interview:two-integration'. */
export const interviewId = (ruleId: string): string => `interview:${ruleId}`;

/**
 * The interview for one quantified rule, generated from its declaration: it asks the
 * rule's inputs with their own questions, in the rules module's order (gates first),
 * only while they are missing, stops as soon as an answer rules the enterprise out
 * (keeping the answers, so that a correction re-opens it), and ends with the estimate
 * as a card.
 */
export class RuleInterviewDialog extends InterviewDialog {
  readonly title: string;
  protected readonly restartCommand = '重新估算';
  protected readonly approximate = false;
  protected readonly canSkip = false;
  readonly inputKeys: ReadonlySet<string>;

  constructor(
    readonly rule: QuantifiedRule,
    memory: StatePropertyAccessor<ConversationMemory>,
    qa: QaContext,
    ratings = false,
  ) {
    super(interviewId(rule.id), memory, qa, ratings);
    this.title = `${rule.title}估算`;
    this.inputKeys = new Set(Object.keys(rule.inputs));
  }

  protected missing(state: InterviewState): InputDescription[] {
    return missingInputs(this.rule, state.answers);
  }

  protected ruledOut(answers: InterviewState['answers']): boolean {
    return earlyIneligibility(this.rule, answers).length > 0;
  }

  protected intro(total: number): string {
    return interviewIntro(this.rule.title, this.rule.clause.cite, total);
  }

  protected async finish(context: TurnContext, state: InterviewState): Promise<InterviewOutcome> {
    const result = estimate(this.rule, state.answers);
    if (!result.ok) {
      // Every answer passed its schema, so this is a bug: say so rather than guess.
      log.error({ rule: this.rule.id, issues: result.issues.map((i) => i.path.join('.')) }, 'estimate failed');
      await context.sendActivity('抱歉，计算时出现问题，未能得出结果。请输入“重新估算”再试一次。');
      return { kind: 'failed' };
    }
    const reply = estimateReply(result.estimate, {
      answered: Object.keys(state.answers),
      approximate: approximateAnswers(state),
      changes: changesSince(state),
      previousHeadline: state.previous?.headline,
      correctable: true,
    });
    await context.sendActivity(cardActivity(this.rateable(reply)));
    return {
      kind: 'estimate',
      ruleId: this.rule.id,
      measureId: this.rule.clause.measure,
      status: result.estimate.status,
      headline: headline(result.estimate),
    };
  }
}
