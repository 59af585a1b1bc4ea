import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { estimateReply, interviewIntro, type QaContext } from '../src/replies';
import { earlyIneligibility, estimate, missingInputs, type InputDescription, type QuantifiedRule } from '../src/rules';
import type { AnswerValue } from '../src/rules';
import { cardActivity } from './card-activity';
import { InterviewDialog, type InterviewOutcome } from './interview-dialog';
import type { ConversationMemory } from './memory';

/** The id of a rule's interview: 'interview:two-integration'. */
export const interviewId = (ruleId: string): string => `interview:${ruleId}`;

/**
 * The interview for one quantified rule, generated from its declaration: it asks the
 * rule's inputs with their own questions, in the rules module's order (gates first),
 * only while they are missing, stops as soon as an answer rules the enterprise out,
 * and ends with the estimate as a card.
 */
export class RuleInterviewDialog extends InterviewDialog {
  protected readonly title: string;
  protected readonly restartCommand = '重新估算';
  protected readonly approximate = false;

  constructor(
    readonly rule: QuantifiedRule,
    memory: StatePropertyAccessor<ConversationMemory>,
    qa: QaContext,
  ) {
    super(interviewId(rule.id), memory, qa);
    this.title = `${rule.title}估算`;
  }

  protected missing(answers: Record<string, AnswerValue>): InputDescription[] {
    return missingInputs(this.rule, answers);
  }

  protected ruledOut(answers: Record<string, AnswerValue>): boolean {
    return earlyIneligibility(this.rule, answers).length > 0;
  }

  protected intro(total: number): string {
    return interviewIntro(this.rule.title, this.rule.clause.cite, total);
  }

  protected async finish(context: TurnContext, answers: Record<string, AnswerValue>): Promise<InterviewOutcome> {
    const result = estimate(this.rule, answers);
    if (!result.ok) {
      // Every answer passed its schema, so this is a bug: say so rather than guess.
      console.error(`[interview ${this.rule.id}] estimate failed: ${JSON.stringify(result.issues)}`);
      await context.sendActivity('抱歉，计算时出现问题，未能得出结果。请输入“重新估算”再试一次。');
      return { kind: 'failed' };
    }
    await context.sendActivity(cardActivity(estimateReply(result.estimate, Object.keys(answers))));
    return { kind: 'estimate', ruleId: this.rule.id, measureId: this.rule.clause.measure, status: result.estimate.status };
  }
}
