/**
 * The award rules of the notice, as pure functions over plain values.
 *
 *   import { estimate, missingInputs, getRule, checkUp, describeRules } from './rules';
 *   estimate('two-integration', { isSme: true, investment: 3_000_000, completed: true })
 *     → { ok: true, estimate: { status: 'eligible', amount: 600000, clause: '措施（八）', … } }
 */
export { estimate, valueText } from './estimate';
export { earlyIneligibility, missingInputs, nextStep, askRank, type InterviewStep, type MissingOptions } from './interview';
export { checkUp, checkUpMissingInputs, type CheckUp, type CheckUpEntry, type CheckUpOptions, type CheckUpResult } from './checkup';
export { describeRule, describeRules, describeInput, type InputDescription, type RuleDescription } from './describe';
export { allRules, allQuantifiedRules, allNotQuantifiedRules, allInputs, getRule, ruleIds, rulesForMeasure } from './registry';
export { COMBINATION_NOTE, validity } from './notes';
export { formatFen, formatYuan, fenToYuan, percentOfFen, toFen } from './money';
export type { Clause, Figure, MoneyFigure, RateFigure, CountFigure } from './clause';
export type { InputKind, InputSpec, ChoiceOption, YesNoWords } from './inputs';
export {
  clean,
  readAmount,
  readMoney,
  readYesNo,
  saysUnknown,
  timesTenThousand,
  type AnswerValue,
  type Approximation,
  type Reading,
} from './reading';
export type * from './types';

import type { z } from 'zod';
import { equityInvestment } from './definitions/equity-investment';
import { futureCityTop10 } from './definitions/future-city-top10';
import { identifierResolution } from './definitions/identifier-resolution';
import { platformCloudService } from './definitions/platform-cloud-service';
import { scenarioDemo } from './definitions/scenario-demo';
import { securityEmergencyPlatform } from './definitions/security-emergency-platform';
import { twoIntegration } from './definitions/two-integration';

export {
  scenarioDemo,
  futureCityTop10,
  platformCloudService,
  twoIntegration,
  identifierResolution,
  securityEmergencyPlatform,
  equityInvestment,
};
export {
  crossIndustryPlatform,
  technicalRenovation,
  fiveGPark,
  serviceProviderRegistration,
} from './definitions/not-quantified';

/** The answers each rule takes, inferred from its schema (z.input: defaults may be left out). */
export type ScenarioDemoInputs = z.input<typeof scenarioDemo.schema>;
export type FutureCityTop10Inputs = z.input<typeof futureCityTop10.schema>;
export type PlatformCloudServiceInputs = z.input<typeof platformCloudService.schema>;
export type TwoIntegrationInputs = z.input<typeof twoIntegration.schema>;
export type IdentifierResolutionInputs = z.input<typeof identifierResolution.schema>;
export type SecurityEmergencyPlatformInputs = z.input<typeof securityEmergencyPlatform.schema>;
export type EquityInvestmentInputs = z.input<typeof equityInvestment.schema>;
