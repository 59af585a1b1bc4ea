import type { ServiceLevel } from '../src/insights/events';
import type { InterviewRecord } from './interview-state';

/** What the conversation remembers between turns, beside the dialog stack. */
export interface ConversationMemory {
  /**
   * The conversation's topic: the measure last discussed. respond() reads it for follow-ups
   * whose words name no measure (这条的责任单位是谁, 门槛是什么, 补多少, 怎么申报, 估算奖励)
   * and returns the new one; a question the notice does not cover clears it.
   */
  lastMeasureId?: number;
  /** The rule last estimated (or being estimated), for 重新估算. */
  lastRuleId?: string;
  /**
   * The interview last run, with its answers, until the conversation expires (or 取消):
   * a correction after its verdict or result re-opens it (dialogs/reopen.ts), and a
   * switch to another interview carries the answers they share. Read it with readRecord.
   */
  interview?: InterviewRecord;
  /** The rules a menu just offered (估算哪一项？), for 后一个 / 十佳 / the typed label to pick. */
  offeredRules?: string[];
  /**
   * What the last reply offered to rate (its buttons), until rated once: an answer (the
   * turn, its measure and its question, masked into the insights only if it is rated
   * 没帮助), an estimate (its rule), or the service (好差评).
   */
  rating?: { target: 'answer' | 'estimate' | 'service'; turn?: string; measure?: number; rule?: string; question?: string };
  /** A 好差评 was just given: the next message may be its comment. */
  awaitingComment?: ServiceLevel;
}
