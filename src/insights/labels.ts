import { getMeasure } from '../knowledge';
import { allInputs, getRule } from '../rules';
import type { InsightsSummary } from './summary';

/**
 * A summary as people read it: measure numbers, rule ids and input keys replaced by their
 * Chinese names, for the dashboard, its CSV files and `npm run insights`.
 */
export function labelled(summary: InsightsSummary): InsightsSummary & { measureNames: Record<number, string> } {
  const ruleName = (id: string) => (id === 'check-up' ? '政策体检' : (getRule(id)?.title ?? id));
  const inputName = (key: string) => allInputs.get(key)?.label ?? key;
  const measureNames: Record<number, string> = {};
  for (const { measure } of summary.topMeasures) {
    const found = getMeasure(measure);
    measureNames[measure] = found ? `${found.number}${found.title}` : String(measure);
  }
  return {
    ...summary,
    interviews: summary.interviews.map((row) => ({
      ...row,
      rule: ruleName(row.rule),
      leftAt: row.leftAt.map((left) => ({ ...left, input: inputName(left.input) })),
    })),
    measureNames,
  };
}
