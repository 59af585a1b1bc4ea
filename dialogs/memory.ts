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
}
