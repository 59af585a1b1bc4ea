import { describe, expect, it } from 'vitest';
import {
  checkUp,
  checkUpMissingInputs,
  earlyIneligibility,
  estimate,
  futureCityTop10,
  getRule,
  missingInputs,
  nextStep,
  platformCloudService,
  scenarioDemo,
  securityEmergencyPlatform,
  technicalRenovation,
  twoIntegration,
  type CheckUp,
  type Rule,
} from '../src/rules';

const keys = (rule: Rule, known: Record<string, unknown>) => missingInputs(rule, known).map((input) => input.key);

/** Plays an interview the way a dialog would: ask the next input, answer it from `profile`, repeat. */
function interview(rule: Rule, profile: Record<string, unknown>) {
  const known: Record<string, unknown> = {};
  const asked: string[] = [];
  for (;;) {
    const step = nextStep(rule, known);
    if (step.kind === 'done') return { asked, result: step.result };
    asked.push(step.input.key);
    known[step.input.key] = profile[step.input.key];
    if (asked.length > 10) throw new Error('interview does not end');
  }
}

describe('missingInputs: what to ask, gates first', () => {
  it('asks yes/no gates before choices and amounts, defaulted inputs last', () => {
    expect(keys(twoIntegration, {})).toEqual(['isSme', 'completed', 'investment']);
    expect(keys(scenarioDemo, {})).toEqual(['newlyRecognized', 'category']);
    expect(keys(futureCityTop10, {})).toEqual(['is5gOrAi', 'selectedTopTen', 'governmentInvested', 'smartInvestment']);
    expect(keys(platformCloudService, {})).toEqual(['inProviderDirectory', 'localEnterprisesServed', 'localServiceRevenue']);
    expect(keys(securityEmergencyPlatform, {})).toEqual([
      'registeredInQingdao',
      'isRegionalEmergencyPlatform',
      'annualOperatingCost',
      'alreadyReceived',
    ]);
  });

  it('gives the question, help and kind a dialog needs', () => {
    const [first] = missingInputs(twoIntegration, {});
    expect(first).toMatchObject({ key: 'isSme', kind: 'yesno', question: '贵企业是否属于中小企业？', optional: false });
    const last = missingInputs(securityEmergencyPlatform, {}).at(-1);
    expect(last).toMatchObject({ key: 'alreadyReceived', optional: true, default: 0 });
  });

  it('leaves out what is known, and can leave out defaulted inputs', () => {
    expect(keys(twoIntegration, { isSme: true })).toEqual(['completed', 'investment']);
    expect(keys(twoIntegration, { isSme: true, completed: true, investment: 600_000 })).toEqual([]);
    const known = { registeredInQingdao: true, isRegionalEmergencyPlatform: true, annualOperatingCost: 1 };
    expect(keys(securityEmergencyPlatform, known)).toEqual(['alreadyReceived']);
    expect(missingInputs(securityEmergencyPlatform, known, { includeDefaulted: false })).toEqual([]);
  });

  it('returns [] as soon as a known answer rules the rule out', () => {
    expect(keys(twoIntegration, { isSme: false })).toEqual([]);
    expect(keys(twoIntegration, { investment: 400_000 })).toEqual([]);
    expect(keys(futureCityTop10, { governmentInvested: true })).toEqual([]);
    expect(keys(platformCloudService, { localEnterprisesServed: 49 })).toEqual([]);
    expect(keys(securityEmergencyPlatform, { alreadyReceived: 2_000_000 })).toEqual([]);
  });

  it('asks again for an answer that does not validate', () => {
    expect(keys(twoIntegration, { isSme: '是', investment: -1 })).toEqual(['isSme', 'completed', 'investment']);
  });

  it('asks nothing for a not-quantified measure', () => {
    expect(missingInputs(technicalRenovation, {})).toEqual([]);
    expect(nextStep(technicalRenovation, {})).toMatchObject({ kind: 'done', result: { ok: true, estimate: { status: 'not-quantified' } } });
  });
});

describe('earlyIneligibility and estimates from partial answers', () => {
  it('names the failed condition, with its clause, from one answer', () => {
    const unmet = earlyIneligibility(twoIntegration, { isSme: false });
    expect(unmet).toEqual([expect.objectContaining({ input: 'isSme', met: false, clause: '措施（八）', quote: '支持中小企业' })]);
    expect(earlyIneligibility(twoIntegration, { isSme: true })).toEqual([]);
    expect(earlyIneligibility(twoIntegration, { investment: 500_000 })).toEqual([]);
  });

  it('estimate on partial answers says ineligible early, listing what was never asked', () => {
    const result = estimate('platform-cloud-service', { inProviderDirectory: true, localEnterprisesServed: 10 });
    expect(result).toMatchObject({ ok: true, estimate: { status: 'ineligible', unanswered: ['localServiceRevenue'] } });
    if (!result.ok) return;
    expect(result.estimate.conditions.map((c) => [c.input, c.met])).toEqual([
      ['inProviderDirectory', true],
      ['localEnterprisesServed', false],
    ]);
  });

  it('the default alone never rules a rule out', () => {
    expect(earlyIneligibility(securityEmergencyPlatform, {})).toEqual([]);
    expect(earlyIneligibility(securityEmergencyPlatform, { alreadyReceived: 1_999_999.99 })).toEqual([]);
    expect(earlyIneligibility(securityEmergencyPlatform, { alreadyReceived: 2_000_000 })[0].input).toBe('alreadyReceived');
  });
});

describe('an interview driven by nextStep', () => {
  it('stops after the first disqualifying answer', () => {
    const { asked, result } = interview(twoIntegration, { isSme: false, completed: true, investment: 3_000_000 });
    expect(asked).toEqual(['isSme']);
    expect(result).toMatchObject({ ok: true, estimate: { status: 'ineligible', unanswered: ['completed', 'investment'] } });
  });

  it('asks everything, in order, for an enterprise that qualifies', () => {
    const { asked, result } = interview(securityEmergencyPlatform, {
      registeredInQingdao: true,
      isRegionalEmergencyPlatform: true,
      annualOperatingCost: 5_000_000,
      alreadyReceived: 1_500_000,
    });
    expect(asked).toEqual(['registeredInQingdao', 'isRegionalEmergencyPlatform', 'annualOperatingCost', 'alreadyReceived']);
    expect(result).toMatchObject({ ok: true, estimate: { status: 'eligible', amount: 500_000 } });
  });

  it('stops at the amount when it falls under the threshold', () => {
    const { asked, result } = interview(getRule('future-city-top10')!, {
      is5gOrAi: true,
      selectedTopTen: true,
      governmentInvested: false,
      smartInvestment: 4_999_999,
    });
    expect(asked).toHaveLength(4);
    expect(result).toMatchObject({ ok: true, estimate: { status: 'ineligible' } });
  });
});

/** Three rules met: scenario-demo (smart factory), two-integration, identifier-resolution; equity too (not counted). */
const threeRuleEnterprise = {
  newlyRecognized: true,
  category: 'smart-factory',
  is5gOrAi: false,
  inProviderDirectory: false,
  isSme: true,
  completed: true,
  investment: 3_000_000,
  nationallyApproved: true,
  centralFunds: 10_000_000,
  registeredInQingdao: true,
  isRegionalEmergencyPlatform: false,
  inKeyProjectLibrary: true,
  totalShareCapital: 40_000_000,
};

function run(known: Record<string, unknown>): CheckUp {
  const result = checkUp(known);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.checkUp;
}

describe('the policy check-up (政策体检)', () => {
  it('starts with the yes/no gates of every rule, then choices, then amounts', () => {
    const missing = checkUpMissingInputs({}).map((input) => input.key);
    expect(missing.slice(0, 11)).toEqual([
      'newlyRecognized',
      'is5gOrAi',
      'selectedTopTen',
      'governmentInvested',
      'inProviderDirectory',
      'isSme',
      'completed',
      'nationallyApproved',
      'registeredInQingdao',
      'isRegionalEmergencyPlatform',
      'inKeyProjectLibrary',
    ]);
    expect(missing[11]).toBe('category');
    expect(missing.at(-1)).toBe('alreadyReceived');
    expect(new Set(missing).size).toBe(missing.length);
    expect(missing).toHaveLength(20);
  });

  it('skips the inputs of rules already ruled out', () => {
    const missing = checkUpMissingInputs({ isSme: false, inProviderDirectory: false }).map((input) => input.key);
    for (const key of ['isSme', 'completed', 'investment', 'inProviderDirectory', 'localEnterprisesServed', 'localServiceRevenue']) {
      expect(missing).not.toContain(key);
    }
    expect(missing).toContain('smartInvestment');
  });

  it('an enterprise meeting three rules: each amount, and a total without the equity ceiling', () => {
    const result = run(threeRuleEnterprise);
    const byRule = Object.fromEntries(result.entries.map((entry) => [entry.rule, entry]));
    expect(Object.fromEntries(result.entries.map((entry) => [entry.rule, entry.status]))).toEqual({
      'scenario-demo': 'eligible',
      'future-city-top10': 'ineligible',
      'platform-cloud-service': 'ineligible',
      'two-integration': 'eligible',
      'identifier-resolution': 'eligible',
      'security-emergency-platform': 'ineligible',
      'equity-investment': 'eligible',
    });
    expect(byRule['scenario-demo'].estimate?.amount).toBe(1_000_000);
    expect(byRule['two-integration'].estimate?.amount).toBe(600_000);
    expect(byRule['identifier-resolution'].estimate?.amount).toBe(500_000);
    expect(byRule['equity-investment'].estimate).toMatchObject({ amount: 20_000_000, amountKind: 'equity-ceiling' });
    expect(result.total).toBe(2_100_000);
    expect(result.totalFen).toBe(210_000_000);
    expect(result.totalText).toBe('2,100,000 元');
    expect(result.complete).toBe(true);
    expect(result.missing).toEqual([]);
    expect(result.notes.join('')).toContain('不计入合计');
    expect(result.notes.join('')).toContain('市工业和信息化局决定');
    expect(result.notQuantified.map((estimate) => estimate.number)).toEqual(['（四）', '（七）', '（十）', '（十一）']);
  });

  it('adds fen exactly', () => {
    const result = run({ ...threeRuleEnterprise, investment: 1_234_567, centralFunds: 123_456.78 });
    // 1,000,000 + 246,913.40 + 6,172.84
    expect(result.total).toBe(1_253_086.24);
  });

  it('reports rules still open as incomplete, with what they need', () => {
    const result = run({ isSme: true, newlyRecognized: false });
    const twoIntegrationEntry = result.entries.find((entry) => entry.rule === 'two-integration')!;
    expect(twoIntegrationEntry).toMatchObject({ status: 'incomplete', missing: ['completed', 'investment'] });
    expect(twoIntegrationEntry.estimate).toBeUndefined();
    expect(result.entries.find((entry) => entry.rule === 'scenario-demo')?.status).toBe('ineligible');
    expect(result.complete).toBe(false);
    expect(result.total).toBe(0);
    expect(result.missing[0].key).toBe('is5gOrAi');
  });

  it('rejects invalid shared answers with their issues', () => {
    const result = checkUp({ isSme: true, investment: -3 });
    expect(result).toMatchObject({ ok: false, error: 'invalid-input' });
    if (result.ok) return;
    expect(result.issues).toEqual([expect.objectContaining({ path: ['investment'] })]);
  });
});
