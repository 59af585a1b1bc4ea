/** What the conversation remembers between turns, beside the dialog stack. */
export interface ConversationMemory {
  /** The measure last discussed, for follow-ups such as 这条的责任单位是谁 and 估算奖励. */
  lastMeasureId?: number;
  /** The rule last estimated (or being estimated), for 重新估算. */
  lastRuleId?: string;
}
