import { equityInvestment } from './definitions/equity-investment';
import { futureCityTop10 } from './definitions/future-city-top10';
import { identifierResolution } from './definitions/identifier-resolution';
import { notQuantifiedRules } from './definitions/not-quantified';
import { platformCloudService } from './definitions/platform-cloud-service';
import { scenarioDemo } from './definitions/scenario-demo';
import { securityEmergencyPlatform } from './definitions/security-emergency-platform';
import { twoIntegration } from './definitions/two-integration';
import type { InputSpec } from './inputs';
import type { NotQuantifiedRule, QuantifiedRule, Rule } from './types';

/**
 * Every rule, in the notice's order.
 *
 *   getRule('two-integration')?.title → '两化融合项目奖补'
 *   getRule('nope') → undefined
 */
export const allQuantifiedRules: readonly QuantifiedRule[] = [
  scenarioDemo,
  futureCityTop10,
  platformCloudService,
  twoIntegration,
  identifierResolution,
  securityEmergencyPlatform,
  equityInvestment,
];

export const allNotQuantifiedRules: readonly NotQuantifiedRule[] = notQuantifiedRules;

export const allRules: readonly Rule[] = [...allQuantifiedRules, ...allNotQuantifiedRules].sort(
  (a, b) => a.clause.measure - b.clause.measure,
);

export const ruleIds = allRules.map((rule) => rule.id);

export function getRule(id: string): Rule | undefined {
  return allRules.find((rule) => rule.id === id);
}

/**
 * Every input key across the rules, with its one declaration. A key means the same
 * thing in every rule that asks it; declaring it twice differently is an error.
 */
export const allInputs: ReadonlyMap<string, InputSpec> = (() => {
  const inputs = new Map<string, InputSpec>();
  for (const rule of allQuantifiedRules) {
    for (const [key, spec] of Object.entries(rule.inputs)) {
      const seen = inputs.get(key);
      if (seen && seen !== spec && (seen.question !== spec.question || seen.kind !== spec.kind)) {
        throw new Error(`input ${key} is declared twice with different meanings`);
      }
      inputs.set(key, seen ?? spec);
    }
  }
  return inputs;
})();

/** The rules that implement one measure: 3 → scenario-demo and future-city-top10. */
export function rulesForMeasure(measureId: number): Rule[] {
  return allRules.filter((rule) => rule.clause.measure === measureId);
}
