import type { InputDescription } from './describe';
import { estimate, readAnswers } from './estimate';
import { askRank, earlyIneligibility, missingInputs, type MissingOptions } from './interview';
import { formatFen } from './money';
import { COMBINATION_NOTE, validity } from './notes';
import { allInputs, allNotQuantifiedRules, allQuantifiedRules } from './registry';
import type { Estimate, Issue, QuantifiedRule, Validity } from './types';

/**
 * The 政策体检 (policy check-up): one set of answers, shared across rules (a key means
 * the same thing in every rule), checked against every rule at once.
 *
 *   checkUpMissingInputs({})[0].key → 'newlyRecognized' (yes/no gates of every rule first)
 *   checkUp({ isSme: true, completed: true, investment: 3_000_000, … })
 *     → { ok: true, checkUp: { entries: [...7], total: 600000 + …, complete: false, missing: [...] } }
 */

export interface CheckUpEntry {
  rule: string;
  title: string;
  clause: string;
  amountKind: QuantifiedRule['amountKind'];
  /** 'incomplete': not ruled out yet, but answers are missing. */
  status: 'eligible' | 'ineligible' | 'incomplete';
  /** Present when eligible or ineligible. */
  estimate?: Estimate;
  /** Keys still needed before this rule can be estimated. */
  missing: string[];
}

export interface CheckUp {
  entries: CheckUpEntry[];
  /** Sum of the eligible awards, in yuan; equity ceilings are not money paid and are left out. */
  total: number;
  totalFen: number;
  /** '3,600,000 元' */
  totalText: string;
  /** True when every rule is decided (no entry is 'incomplete'). */
  complete: boolean;
  /** What to ask next, across the rules not yet decided, gates first. */
  missing: InputDescription[];
  /** Measures that promise support without an amount: worth asking about. */
  notQuantified: Estimate[];
  validity: Validity;
  notes: string[];
}

export type CheckUpResult = { ok: true; checkUp: CheckUp } | { ok: false; error: 'invalid-input'; issues: Issue[] };

export interface CheckUpOptions extends MissingOptions {
  /**
   * Inputs the user could not answer (不清楚, 跳过). A rule that still needs one cannot be
   * judged, so its other questions are not asked either; the check-up totals the rest.
   */
  unknown?: readonly string[];
}

/** True when the rule, not ruled out yet, still needs an input nobody can give. */
function blocked(rule: QuantifiedRule, known: Record<string, unknown>, unknown: readonly string[]): boolean {
  if (unknown.length === 0) return false;
  return missingInputs(rule, known, { includeDefaulted: false }).some((input) => unknown.includes(input.key));
}

/**
 * The union of the inputs the undecided rules still need, without repeats: yes/no gates
 * of every rule first, then choices, then amounts, then inputs with defaults; within a
 * rank, rules in the notice's order. Rules already ruled out ask nothing more.
 */
export function checkUpMissingInputs(known: Record<string, unknown>, options: CheckUpOptions = {}): InputDescription[] {
  const unknown = options.unknown ?? [];
  const candidates = allQuantifiedRules.flatMap((rule, ruleIndex) =>
    (blocked(rule, known, unknown) ? [] : missingInputs(rule, known, options)).map((input, index) => ({
      input,
      rank: askRank(allInputs.get(input.key)!),
      ruleIndex,
      index,
    })),
  );
  candidates.sort((a, b) => a.rank - b.rank || a.ruleIndex - b.ruleIndex || a.index - b.index);
  const seen = new Set<string>();
  return candidates
    .filter(({ input }) => !seen.has(input.key) && seen.add(input.key))
    .map(({ input }) => input);
}

/**
 * Estimates every quantified rule from the shared answers and adds up the awards. A rule
 * that still needs an answer (one the user skipped, say) is 'incomplete': it is named,
 * with what it lacks, and left out of the total.
 */
export function checkUp(known: Record<string, unknown>, options: Pick<CheckUpOptions, 'unknown'> = {}): CheckUpResult {
  const issues = allQuantifiedRules.flatMap((rule) => readAnswers(rule, known).issues);
  const uniqueIssues = issues.filter(
    (issue, i) => issues.findIndex((other) => other.path.join('.') === issue.path.join('.') && other.message === issue.message) === i,
  );
  if (uniqueIssues.length > 0) return { ok: false, error: 'invalid-input', issues: uniqueIssues };

  const entries = allQuantifiedRules.map((rule) => entryFor(rule, known));
  const totalFen = entries
    .filter((entry) => entry.status === 'eligible' && entry.amountKind === 'award')
    .reduce((sum, entry) => sum + (entry.estimate?.amountFen ?? 0), 0);
  const equity = entries.find((entry) => entry.amountKind === 'equity-ceiling' && entry.status === 'eligible');
  return {
    ok: true,
    checkUp: {
      entries,
      total: totalFen / 100,
      totalFen,
      totalText: `${formatFen(totalFen)} 元`,
      complete: entries.every((entry) => entry.status !== 'incomplete'),
      missing: checkUpMissingInputs(known, options),
      notQuantified: allNotQuantifiedRules.map((rule) => {
        const result = estimate(rule, {});
        if (!result.ok) throw new Error(`not-quantified rule ${rule.id} failed`);
        return result.estimate;
      }),
      validity: validity(),
      notes: [
        '合计为各项单独测算的奖补金额之和。',
        COMBINATION_NOTE,
        ...(equity ? ['股权投资上限是市级财政股权投资的上限，不是奖励，不计入合计。'] : []),
      ],
    },
  };
}

function entryFor(rule: QuantifiedRule, known: Record<string, unknown>): CheckUpEntry {
  const base = { rule: rule.id, title: rule.title, clause: rule.clause.cite, amountKind: rule.amountKind };
  const stillNeeded = missingInputs(rule, known, { includeDefaulted: false }).map((input) => input.key);
  if (earlyIneligibility(rule, known).length === 0 && stillNeeded.length > 0) {
    return { ...base, status: 'incomplete', missing: stillNeeded };
  }
  const result = estimate(rule, known);
  if (!result.ok) throw new Error(`check-up: ${rule.id} did not estimate (${result.error})`);
  return { ...base, status: result.estimate.status as 'eligible' | 'ineligible', estimate: result.estimate, missing: [] };
}
