import { describeInput, type InputDescription } from './describe';
import { estimate, judge, readAnswers, withDefaults } from './estimate';
import type { InputSpec } from './inputs';
import type { ConditionResult, EstimateResult, Rule } from './types';

/**
 * What an interview needs: which input to ask next, and whether an answer already
 * rules the enterprise out (as Publicodes' missingVariables).
 *
 *   missingInputs(twoIntegration, {}).map((i) => i.key)             → ['isSme', 'completed', 'investment']
 *   missingInputs(twoIntegration, { isSme: false })                 → [] (ruled out: nothing more to ask)
 *   earlyIneligibility(twoIntegration, { isSme: false })[0].quote   → '支持中小企业'
 *   nextStep(twoIntegration, { isSme: true })                       → { kind: 'ask', input: { key: 'completed', … } }
 */

/**
 * Order of asking: yes/no gates first, then choices, then numbers (which decide both
 * thresholds and amounts), then inputs that have a default. Ties keep declaration order.
 */
export function askRank(spec: InputSpec): number {
  if (spec.default !== undefined) return 3;
  return spec.kind === 'yesno' ? 0 : spec.kind === 'choice' ? 1 : 2;
}

/** The conditions the known answers already fail ([] when nothing rules the rule out yet). Invalid answers are ignored. */
export function earlyIneligibility(rule: Rule, known: Record<string, unknown>): ConditionResult[] {
  if (rule.kind !== 'quantified') return [];
  const { values } = readAnswers(rule, known);
  return judge(rule, withDefaults(rule, values)).conditions.filter((condition) => !condition.met);
}

export interface MissingOptions {
  /** Also list inputs that have a default (alreadyReceived). Default true: they change the amount. */
  includeDefaulted?: boolean;
}

/**
 * The inputs still to ask, gates first; [] once a known answer rules the rule out, and
 * [] for rules without inputs. An answer that does not validate counts as missing.
 */
export function missingInputs(rule: Rule, known: Record<string, unknown>, options: MissingOptions = {}): InputDescription[] {
  if (rule.kind !== 'quantified') return [];
  if (earlyIneligibility(rule, known).length > 0) return [];
  const { values } = readAnswers(rule, known);
  const includeDefaulted = options.includeDefaulted ?? true;
  return Object.entries(rule.inputs)
    .map(([key, spec], index) => ({ key, spec, index }))
    .filter(({ key, spec }) => values[key] === undefined && (includeDefaulted || spec.default === undefined))
    .sort((a, b) => askRank(a.spec) - askRank(b.spec) || a.index - b.index)
    .map(({ key, spec }) => describeInput(key, spec));
}

export type InterviewStep =
  | { kind: 'ask'; input: InputDescription }
  | { kind: 'done'; result: EstimateResult };

/**
 * One turn of an interview: ask the next missing input, or finish with the estimate
 * (eligible, or ineligible as soon as an answer rules the enterprise out).
 */
export function nextStep(rule: Rule, known: Record<string, unknown>, options: MissingOptions = {}): InterviewStep {
  const [next] = missingInputs(rule, known, options);
  if (next) return { kind: 'ask', input: next };
  return { kind: 'done', result: estimate(rule, known) };
}
