import { z } from 'zod';

/**
 * What the insights keep, one event at a time (个人信息保护法: the least that answers the
 * operators' questions). Never the user's words, except the masked, normalised question
 * of a turn that was not answered or was rated badly; never amounts, ids or names.
 */

/** 好差评 (国办发〔2019〕51号): the five levels of a rating of the service. */
export const SERVICE_LEVELS = ['非常满意', '满意', '基本满意', '不满意', '非常不满意'] as const;
export type ServiceLevel = (typeof SERVICE_LEVELS)[number];
/** The levels that count as a bad rating (their question or comment is kept, masked). */
export const BAD_LEVELS: readonly ServiceLevel[] = ['不满意', '非常不满意'];

const base = {
  /** Milliseconds since the epoch. */
  at: z.number().int().nonnegative(),
  channel: z.string().max(32),
  /** Hash of the conversation id (hashId), never the id. */
  conversation: z.string().max(16),
};

/** What one message turn came to. */
export const TurnEventSchema = z.object({
  kind: z.literal('turn'),
  ...base,
  /** Unique per turn, so a later rating can point at it. */
  id: z.string().max(40),
  /** answered, asked-which, not-found, out-of-scope, notice-fact, small-talk, interview, estimate, refused… */
  outcome: z.string().max(32),
  measure: z.number().int().min(1).max(20).optional(),
  score: z.number().optional(),
  /** Masked and normalised, only when the turn was not answered. */
  question: z.string().max(500).optional(),
});

/** A step of an award interview or the check-up. */
export const InterviewEventSchema = z.object({
  kind: z.literal('interview'),
  ...base,
  /** A rule id, or 'check-up'. */
  rule: z.string().max(64),
  step: z.enum(['start', 'ask', 'done', 'cancel']),
  /** The input asked (ask) or being asked when the user left (cancel). */
  input: z.string().max(64).optional(),
  /** eligible / ineligible / not-quantified, or the check-up's count (done). */
  status: z.string().max(32).optional(),
});

/** A rating: 有帮助 / 没帮助 under an answer or an estimate, or a 好差评 level of the service. */
export const RatingEventSchema = z.object({
  kind: z.literal('rating'),
  ...base,
  target: z.enum(['answer', 'estimate', 'service']),
  value: z.enum(['helpful', 'unhelpful', ...SERVICE_LEVELS]),
  /** The turn rated (answers), its measure, or the rule estimated. */
  turn: z.string().max(40).optional(),
  measure: z.number().int().min(1).max(20).optional(),
  rule: z.string().max(64).optional(),
  /** Masked: the question of an answer rated unhelpful. */
  question: z.string().max(500).optional(),
});

/** The optional short comment after a 好差评, masked, with the level it follows. */
export const CommentEventSchema = z.object({
  kind: z.literal('comment'),
  ...base,
  level: z.enum(SERVICE_LEVELS),
  comment: z.string().max(500),
});

export const InsightEventSchema = z.discriminatedUnion('kind', [TurnEventSchema, InterviewEventSchema, RatingEventSchema, CommentEventSchema]);
export type InsightEvent = z.infer<typeof InsightEventSchema>;
export type TurnEvent = z.infer<typeof TurnEventSchema>;
export type InterviewEvent = z.infer<typeof InterviewEventSchema>;
export type RatingEvent = z.infer<typeof RatingEventSchema>;
export type CommentEvent = z.infer<typeof CommentEventSchema>;

/** Days are counted in China Standard Time (UTC+8, no daylight saving): '2026-11-27'. */
export function dayOf(at: number): string {
  return new Date(at + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Where events are kept: the same store as conversations (STORAGE), by day. */
export interface InsightsStore {
  append(events: InsightEvent[]): Promise<void>;
  /** Every event of the days from … to (inclusive, 'YYYY-MM-DD'). */
  between(from: string, to: string): Promise<InsightEvent[]>;
  /** Forgets the days before `day` (retention). */
  forgetBefore(day: string): Promise<void>;
}
