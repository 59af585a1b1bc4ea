import type { z } from 'zod';
import type { Clause, MoneyFigure, RateFigure } from './clause';
import type { ConditionDef } from './conditions';
import type { InputSpec } from './inputs';

/** How often an amount is paid: once, or each year. 'unspecified' when the notice names no amount. */
export type Period = 'one-time' | 'yearly' | 'unspecified';

/** An award paid in money, the ceiling of the city's equity stake, or nothing stated. */
export type AmountKind = 'award' | 'equity-ceiling' | 'none';

export type InputSpecs = Record<string, InputSpec>;
export type ShapeOf<I extends InputSpecs> = { [K in keyof I]: I[K]['schema'] };
export type ValuesOf<I extends InputSpecs> = z.output<z.ZodObject<ShapeOf<I>>>;

/** What a rule's amount is, before the engine turns it into fen and words. */
export type Computation =
  /** A fixed sum: 300万元 for a newly recognised platform. */
  | { kind: 'fixed'; amount: MoneyFigure; what: string }
  /** A share of a base, maybe capped per award / per year, or by what is left of a cumulative cap. */
  | {
      kind: 'rate';
      base: number;
      rate: RateFigure;
      cap?: MoneyFigure;
      cumulativeCap?: { cap: MoneyFigure; alreadyReceived: number };
      /** Words after the product, for amounts that are not awards: '（股权投资上限，非奖励）'. */
      suffix?: string;
    };

export interface RuleBase {
  id: string;
  /** Short Chinese title: '两化融合项目奖补'. */
  title: string;
  /** Who may apply, in the notice's words: '中小企业'. */
  subject: string;
  clause: Clause;
  period: Period;
  /** Why that period, from the notice: '通知写明“一次性奖励”'. */
  periodBasis: string;
  /** Notes every estimate of this rule carries. */
  notes: readonly string[];
}

/** A rule whose amount the notice states, as the engine sees it (input types erased). */
export interface QuantifiedRule extends RuleBase {
  kind: 'quantified';
  amountKind: 'award' | 'equity-ceiling';
  /** The inputs, in the order the rule's author would ask them. */
  inputs: InputSpecs;
  /** Built from `inputs`: the one schema that validates a complete answer. */
  schema: z.ZodObject;
  conditions: readonly ConditionDef[];
  compute(values: Record<string, unknown>): Computation;
}

/** The same rule with its input types kept: `z.infer<typeof twoIntegration.schema>`. */
export interface TypedQuantifiedRule<I extends InputSpecs> extends QuantifiedRule {
  inputs: I;
  schema: z.ZodObject<ShapeOf<I>>;
  conditions: readonly ConditionDef<Extract<keyof I, string>>[];
  compute(values: ValuesOf<I>): Computation;
}

export interface NotQuantifiedRule extends RuleBase {
  kind: 'not-quantified';
  /** What the notice promises, verbatim (part of the clause text). */
  promise: string;
  /** Whom to ask, beyond the measure's responsible units. */
  askNote: string;
  /**
   * What its subject is, as yes/no facts a question may state (question-facts.json inputs),
   * each with the clause's words for it: 在青注册法人机构 → registeredInQingdao.
   */
  requires?: readonly { input: string; value: boolean; quote: string }[];
}

export type Rule = QuantifiedRule | NotQuantifiedRule;

/** A condition as applied to an answer. */
export interface ConditionResult {
  input: string;
  /** '年度完成投资额' */
  label: string;
  value: boolean | number | string;
  /** The value in words: '是', '3,000,000 元', '数字化车间'. */
  valueText: string;
  threshold: string;
  met: boolean;
  /** '措施（八）' */
  clause: string;
  /** The notice's words for the condition: '完成投资50万元以上'. */
  quote: string;
}

/**
 * The amount as computed, with its words: '3,000,000 × 20% = 600,000；未超过上限 2,000,000'.
 * All amounts in yuan, exact to the fen. A fixed sum (kind 'fixed') has no base or rate.
 */
export interface Formula {
  kind: 'rate' | 'fixed';
  base?: number;
  /** 0.2 for 20%. */
  rate?: number;
  /** base × rate rounded half up to the fen, before any cap (for a fixed sum: the sum). */
  raw: number;
  /** The cap that applied; for a cumulative cap, what is left of it. */
  cap?: number;
  /** True when the cap lowered the amount (raw > cap); false when raw equals the cap. */
  capBound: boolean;
  cumulative?: { cap: number; alreadyReceived: number; remaining: number };
  result: number;
  text: string;
}

export interface Validity {
  from: string;
  to: string;
  note: string;
}

export type Status = 'eligible' | 'ineligible' | 'not-quantified';

export interface Estimate {
  rule: string;
  title: string;
  /** 8 */
  measure: number;
  /** '（八）' */
  number: string;
  /** '措施（八）' */
  clause: string;
  /** The measure's own title: '推进两化深度融合'. */
  measureTitle: string;
  /** The clause's sentence, verbatim. */
  quote: string;
  status: Status;
  amountKind: AmountKind;
  /** Yuan, exact to the fen. Only when eligible. */
  amount?: number;
  amountFen?: number;
  period: Period;
  periodBasis: string;
  formula?: Formula;
  /** Every condition that could be decided, met or not. */
  conditions: ConditionResult[];
  /** Inputs not given: only ever non-empty when a given answer already rules the rule out. */
  unanswered: string[];
  /** The answers used, defaults filled in. */
  inputs: Record<string, unknown>;
  units: string[];
  validity: Validity;
  notes: string[];
}

/** A zod issue, as plain JSON: { code, path, message, … }. */
export type Issue = z.core.$ZodIssue;

export type EstimateError =
  | { ok: false; error: 'unknown-rule'; rule: string; issues: [] }
  | { ok: false; error: 'invalid-input'; rule: string; issues: Issue[] };

export type EstimateResult = { ok: true; estimate: Estimate } | EstimateError;
