import { z } from 'zod';
import { getMeasure } from '../knowledge';
import { applyComputation } from './formula';
import type { InputSpec } from './inputs';
import { formatYuan } from './money';
import { COMBINATION_NOTE, validity } from './notes';
import { getRule } from './registry';
import type { ConditionResult, Estimate, EstimateResult, Issue, NotQuantifiedRule, QuantifiedRule, Rule } from './types';

/**
 * Estimates one rule from answers, as data.
 *
 *   estimate('two-integration', { isSme: true, investment: 1_234_567, completed: true })
 *     → { ok: true, estimate: { status: 'eligible', amount: 246913.4, amountFen: 24691340, clause: '措施（八）',
 *          formula: { text: '1,234,567 × 20% = 246,913.40；未超过上限 2,000,000', … }, conditions: [3 met], … } }
 *   estimate('two-integration', { isSme: false })          → ok, status 'ineligible', unanswered ['completed', 'investment']
 *   estimate('two-integration', { isSme: true })           → { ok: false, error: 'invalid-input', issues: [2 missing] }
 *   estimate('two-integration', { isSme: true, investment: -1, completed: true }) → invalid-input
 *   estimate('no-such-rule', {})                           → { ok: false, error: 'unknown-rule' }
 *
 * Answers may be partial: when a given answer already fails a condition the result is
 * 'ineligible' at once (the dialog can stop asking). Keys the rule does not know are
 * ignored, so one object of shared answers can be passed to every rule.
 */
export function estimate(rule: string | Rule, answers: unknown): EstimateResult {
  const found = typeof rule === 'string' ? getRule(rule) : rule;
  if (!found) return { ok: false, error: 'unknown-rule', rule: String(rule), issues: [] };
  if (found.kind === 'not-quantified') return { ok: true, estimate: notQuantifiedEstimate(found) };

  const { values, issues } = readAnswers(found, answers);
  if (issues.length > 0) return { ok: false, error: 'invalid-input', rule: found.id, issues };

  const filled = withDefaults(found, values);
  const { conditions, unanswered } = judge(found, filled);
  const unmet = conditions.filter((condition) => !condition.met);
  if (unmet.length > 0) return { ok: true, estimate: ineligibleEstimate(found, filled, conditions, unanswered) };

  const parsed = found.schema.safeParse(filled);
  if (!parsed.success) return { ok: false, error: 'invalid-input', rule: found.id, issues: parsed.error.issues };

  const { formula, fen } = applyComputation(found.compute(parsed.data));
  return {
    ok: true,
    estimate: {
      ...header(found),
      status: 'eligible',
      amountKind: found.amountKind,
      amount: fen / 100,
      amountFen: fen,
      formula,
      conditions,
      unanswered: [],
      inputs: parsed.data,
      notes: [...found.notes, COMBINATION_NOTE],
    },
  };
}

/** Answers as an object of any keys (each is checked by its own input's schema). */
const AnswersSchema = z.record(z.string(), z.unknown());

/**
 * The answers a rule knows, each checked with its own schema; absent keys are not errors
 * here. Issues carry the key in their path: [{ path: ['investment'], message: '金额不能为负数', … }].
 */
export function readAnswers(rule: QuantifiedRule, answers: unknown): { values: Record<string, unknown>; issues: Issue[] } {
  const shape = AnswersSchema.safeParse(answers ?? {});
  if (!shape.success) return { values: {}, issues: shape.error.issues };
  const values: Record<string, unknown> = {};
  const issues: Issue[] = [];
  for (const [key, spec] of Object.entries(rule.inputs)) {
    const answer = shape.data[key];
    if (answer === undefined) continue;
    const parsed = spec.schema.safeParse(answer);
    if (parsed.success) values[key] = parsed.data;
    else issues.push(...parsed.error.issues.map((issue) => ({ ...issue, path: [key, ...issue.path] }) as Issue));
  }
  return { values, issues };
}

/** Fills in the inputs that have a default (alreadyReceived → 0) when they were not given. */
export function withDefaults(rule: QuantifiedRule, values: Record<string, unknown>): Record<string, unknown> {
  const filled = { ...values };
  for (const [key, spec] of Object.entries(rule.inputs)) {
    if (filled[key] === undefined && spec.default !== undefined) filled[key] = spec.default;
  }
  return filled;
}

/** Each condition whose input is known, applied; and the required inputs still unknown. */
export function judge(
  rule: QuantifiedRule,
  values: Record<string, unknown>,
): { conditions: ConditionResult[]; unanswered: string[] } {
  const conditions: ConditionResult[] = [];
  for (const condition of rule.conditions) {
    const value = values[condition.input];
    if (value === undefined) continue;
    const spec = rule.inputs[condition.input];
    conditions.push({
      input: condition.input,
      label: spec.label,
      value: value as ConditionResult['value'],
      valueText: valueText(spec, value),
      threshold: condition.threshold,
      met: condition.test(value),
      clause: rule.clause.cite,
      quote: condition.quote,
    });
  }
  const unanswered = Object.keys(rule.inputs).filter((key) => values[key] === undefined);
  return { conditions, unanswered };
}

/** true → '是'; 3000000 → '3,000,000 元'; 60 → '60 家'; 'digital-workshop' → '数字化车间'. */
export function valueText(spec: InputSpec, value: unknown): string {
  switch (spec.kind) {
    case 'yesno':
      return value ? '是' : '否';
    case 'money':
      return `${formatYuan(value as number)} 元`;
    case 'count':
      return `${value as number} ${spec.unit ?? ''}`.trim();
    case 'choice':
      return spec.choices?.find((option) => option.value === value)?.label ?? String(value);
  }
}

function header(rule: Rule) {
  const measure = getMeasure(rule.clause.measure);
  if (!measure) throw new Error(`rule ${rule.id}: no measure ${rule.clause.measure} in the notice`);
  return {
    rule: rule.id,
    title: rule.title,
    measure: rule.clause.measure,
    number: rule.clause.number,
    clause: rule.clause.cite,
    measureTitle: measure.title,
    quote: rule.clause.text,
    period: rule.period,
    periodBasis: rule.periodBasis,
    units: measure.units,
    validity: validity(),
  };
}

function ineligibleEstimate(
  rule: QuantifiedRule,
  values: Record<string, unknown>,
  conditions: ConditionResult[],
  unanswered: string[],
): Estimate {
  const reasons = conditions
    .filter((condition) => !condition.met)
    .map((condition) => {
      const def = rule.conditions.find((d) => d.input === condition.input && d.quote === condition.quote);
      return (
        def?.unmetNote?.(condition.value) ??
        `不符合${condition.clause}的条件：${condition.label}应为“${condition.threshold}”（通知原文：“${condition.quote}”），所填为“${condition.valueText}”。`
      );
    });
  return {
    ...header(rule),
    status: 'ineligible',
    amountKind: rule.amountKind,
    conditions,
    unanswered,
    inputs: values,
    notes: [...reasons, ...rule.notes, COMBINATION_NOTE],
  };
}

function notQuantifiedEstimate(rule: NotQuantifiedRule): Estimate {
  return {
    ...header(rule),
    status: 'not-quantified',
    amountKind: 'none',
    conditions: [],
    unanswered: [],
    inputs: {},
    notes: [`${rule.clause.cite}只规定“${rule.promise}”，未规定金额、比例或上限，无法测算。`, rule.askNote, ...rule.notes],
  };
}
