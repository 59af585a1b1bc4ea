import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { estimate, type Estimate, type EstimateResult } from '../src/rules';

const evalFile = join(__dirname, '..', '..', 'shared', 'eval', 'awards.dev.jsonl');

interface EvalCase {
  rule: string;
  inputs: Record<string, unknown>;
  expect: { status: string; amount?: number };
}

/** The estimate of a result that must be ok; fails the test with the issues otherwise. */
function ok(result: EstimateResult): Estimate {
  if (!result.ok) throw new Error(`expected an estimate, got ${result.error}: ${JSON.stringify(result.issues)}`);
  return result.estimate;
}
const amountOf = (rule: string, inputs: Record<string, unknown>) => ok(estimate(rule, inputs)).amount;

const sme = (investment: number, completed = true) => ({ isSme: true, investment, completed });
const platform = (served: number, revenue: number) => ({
  inProviderDirectory: true,
  localEnterprisesServed: served,
  localServiceRevenue: revenue,
});
const scene = (smartInvestment: number) => ({
  is5gOrAi: true,
  selectedTopTen: true,
  governmentInvested: false,
  smartInvestment,
});
const security = (annualOperatingCost: number, alreadyReceived?: number) => ({
  registeredInQingdao: true,
  isRegionalEmergencyPlatform: true,
  annualOperatingCost,
  ...(alreadyReceived === undefined ? {} : { alreadyReceived }),
});

describe('eval/awards.dev.jsonl', () => {
  const cases: EvalCase[] = readFileSync(evalFile, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));

  it('has cases to check', () => expect(cases.length).toBeGreaterThanOrEqual(19));

  it.each(cases.map((c, i) => [i + 1, c.rule, c] as const))('case %i (%s)', (_, __, c) => {
    const result = ok(estimate(c.rule, c.inputs));
    expect(result.status).toBe(c.expect.status);
    if (c.expect.amount !== undefined) {
      expect(result.amount).toBe(c.expect.amount);
      expect(result.amountFen).toBe(Math.round(c.expect.amount * 100));
    }
    if (c.expect.status === 'ineligible') {
      expect(result.amount).toBeUndefined();
      expect(result.conditions.some((condition) => !condition.met)).toBe(true);
    }
  });
});

describe('the worked examples of awards.md', () => {
  it('two-integration: 3,000,000 invested → 600,000, under the cap, citing （八）', () => {
    const result = ok(estimate('two-integration', sme(3_000_000)));
    expect(result).toMatchObject({ status: 'eligible', amount: 600_000, clause: '措施（八）', measure: 8, period: 'one-time' });
    expect(result.formula).toMatchObject({ base: 3_000_000, rate: 0.2, raw: 600_000, cap: 2_000_000, capBound: false });
    expect(result.formula?.text).toBe('3,000,000 × 20% = 600,000；未超过上限 2,000,000');
    expect(result.conditions.map((c) => [c.input, c.met])).toEqual([
      ['isSme', true],
      ['completed', true],
      ['investment', true],
    ]);
  });

  it('two-integration: 12,000,000 → 2,000,000, bound by the cap', () => {
    const result = ok(estimate('two-integration', sme(12_000_000)));
    expect(result.amount).toBe(2_000_000);
    expect(result.formula).toMatchObject({ raw: 2_400_000, capBound: true, result: 2_000_000 });
    expect(result.formula?.text).toBe('12,000,000 × 20% = 2,400,000；超过上限 2,000,000，按 2,000,000 计');
  });

  it('two-integration: 500,000 → 100,000 (以上 includes 500,000)', () => {
    expect(amountOf('two-integration', sme(500_000))).toBe(100_000);
  });

  it('two-integration: 400,000 → ineligible, the unmet condition citing （八） in its own words', () => {
    const result = ok(estimate('two-integration', sme(400_000)));
    expect(result.status).toBe('ineligible');
    const unmet = result.conditions.filter((c) => !c.met);
    expect(unmet).toEqual([
      expect.objectContaining({
        input: 'investment',
        value: 400_000,
        valueText: '400,000 元',
        threshold: '≥ 500,000 元',
        clause: '措施（八）',
        quote: '完成投资50万元以上',
      }),
    ]);
    expect(result.notes[0]).toContain('完成投资50万元以上');
    expect(result.formula).toBeUndefined();
  });

  it('platform-cloud-service: in directory, 60 served, 15,000,000 → 3,000,000 a year', () => {
    const result = ok(estimate('platform-cloud-service', platform(60, 15_000_000)));
    expect(result).toMatchObject({ status: 'eligible', amount: 3_000_000, period: 'yearly', clause: '措施（六）' });
  });

  it('security-emergency-platform: cost 5,000,000, already 1,500,000 → 500,000 (what is left)', () => {
    const result = ok(estimate('security-emergency-platform', security(5_000_000, 1_500_000)));
    expect(result.amount).toBe(500_000);
    expect(result.formula).toMatchObject({
      raw: 1_000_000,
      cap: 500_000,
      capBound: true,
      cumulative: { cap: 2_000_000, alreadyReceived: 1_500_000, remaining: 500_000 },
    });
    expect(result.formula?.text).toBe(
      '5,000,000 × 20% = 1,000,000；政策期内累计上限 2,000,000 − 已获 1,500,000 = 尚余 500,000，按 500,000 计',
    );
  });
});

describe('thresholds: just under and at (以上/不低于 include the number)', () => {
  it.each([
    ['two-integration investment', 'two-integration', sme(499_999.99), sme(500_000), 100_000],
    ['platform enterprises served', 'platform-cloud-service', platform(49, 20_000_000), platform(50, 20_000_000), 4_000_000],
    ['platform local revenue', 'platform-cloud-service', platform(60, 9_999_999), platform(60, 10_000_000), 2_000_000],
    ['platform local revenue, a fen under', 'platform-cloud-service', platform(60, 9_999_999.99), platform(60, 10_000_000), 2_000_000],
    ['future-city smart investment', 'future-city-top10', scene(4_999_999), scene(5_000_000), 500_000],
  ] as const)('%s', (_, rule, under, at, amountAt) => {
    expect(ok(estimate(rule, under)).status).toBe('ineligible');
    const atResult = ok(estimate(rule, at));
    expect(atResult.status).toBe('eligible');
    expect(atResult.amount).toBe(amountAt);
  });

  it('"> 0" bases: 0 yuan of central funds, share capital or operating cost is ineligible, 0.01 is not', () => {
    expect(ok(estimate('identifier-resolution', { nationallyApproved: true, centralFunds: 0 })).status).toBe('ineligible');
    expect(ok(estimate('equity-investment', { inKeyProjectLibrary: true, totalShareCapital: 0 })).status).toBe('ineligible');
    expect(ok(estimate('security-emergency-platform', security(0))).status).toBe('ineligible');
    expect(ok(estimate('equity-investment', { inKeyProjectLibrary: true, totalShareCapital: 0.02 })).amount).toBe(0.01);
  });
});

describe('caps: at and just past', () => {
  it('two-integration: 10,000,000 is exactly the 2,000,000 cap, not bound; 10,000,005 is bound', () => {
    const at = ok(estimate('two-integration', sme(10_000_000)));
    expect(at.amount).toBe(2_000_000);
    expect(at.formula?.capBound).toBe(false);
    expect(at.formula?.text).toBe('10,000,000 × 20% = 2,000,000；恰好等于上限 2,000,000');
    const past = ok(estimate('two-integration', sme(10_000_005)));
    expect(past.amount).toBe(2_000_000);
    expect(past.formula).toMatchObject({ raw: 2_000_001, capBound: true });
  });

  it('platform-cloud-service: 25,000,000 is exactly the 5,000,000 yearly cap; 25,000,000.05 is bound', () => {
    expect(amountOf('platform-cloud-service', platform(60, 25_000_000))).toBe(5_000_000);
    const past = ok(estimate('platform-cloud-service', platform(60, 25_000_000.05)));
    expect(past.amount).toBe(5_000_000);
    expect(past.formula?.capBound).toBe(true);
  });

  it('future-city-top10: 20,000,000 → exactly 2,000,000; 30,000,000 → capped 2,000,000', () => {
    expect(ok(estimate('future-city-top10', scene(20_000_000))).formula).toMatchObject({ result: 2_000_000, capBound: false });
    expect(ok(estimate('future-city-top10', scene(30_000_000))).formula).toMatchObject({ raw: 3_000_000, capBound: true });
  });

  it('identifier-resolution has no cap: 5% of 1,000,000,000 → 50,000,000, one-time', () => {
    const result = ok(estimate('identifier-resolution', { nationallyApproved: true, centralFunds: 1_000_000_000 }));
    expect(result).toMatchObject({ amount: 50_000_000, period: 'one-time' });
    expect(result.formula?.cap).toBeUndefined();
    expect(result.formula?.text).toBe('1,000,000,000 × 5% = 50,000,000（通知未设上限）');
    expect(result.notes.join('')).toContain('奖励核心团队');
  });
});

describe('the cumulative cap of （十二）', () => {
  it('alreadyReceived defaults to 0', () => {
    const result = ok(estimate('security-emergency-platform', security(5_000_000)));
    expect(result.amount).toBe(1_000_000);
    expect(result.inputs.alreadyReceived).toBe(0);
    expect(result.formula?.capBound).toBe(false);
  });

  it('used up at 2,000,000 (and beyond): ineligible, saying the cap is used up', () => {
    for (const already of [2_000_000, 2_500_000]) {
      const result = ok(estimate('security-emergency-platform', security(5_000_000, already)));
      expect(result.status).toBe('ineligible');
      expect(result.amount).toBeUndefined();
      expect(result.conditions.find((c) => !c.met)?.input).toBe('alreadyReceived');
      expect(result.notes[0]).toContain('累计补助上限 2,000,000 元已经用完');
    }
  });

  it('1,999,999.99 received leaves 0.01', () => {
    const result = ok(estimate('security-emergency-platform', security(5_000_000, 1_999_999.99)));
    expect(result).toMatchObject({ status: 'eligible', amount: 0.01, amountFen: 1 });
  });

  it('a small cost stays under what is left', () => {
    const result = ok(estimate('security-emergency-platform', security(100_000, 1_500_000)));
    expect(result.amount).toBe(20_000);
    expect(result.formula?.capBound).toBe(false);
  });
});

describe('money to the fen', () => {
  it('20% of 1,234,567 is 246,913.40 exactly', () => {
    const result = ok(estimate('two-integration', sme(1_234_567)));
    expect(result.amount).toBe(246_913.4);
    expect(result.amountFen).toBe(24_691_340);
    expect(result.formula?.text).toBe('1,234,567 × 20% = 246,913.40；未超过上限 2,000,000');
  });

  it('rounds half up to the fen: 10% of 8,000,000.05 → 800,000.01; 20% of 500,000.03 → 100,000.01', () => {
    expect(amountOf('future-city-top10', scene(8_000_000.05))).toBe(800_000.01);
    expect(amountOf('future-city-top10', scene(8_000_000.04))).toBe(800_000);
    expect(amountOf('two-integration', sme(500_000.03))).toBe(100_000.01);
    expect(amountOf('two-integration', sme(500_000.02))).toBe(100_000);
  });

  it('amounts that binary floating point gets wrong come out exact', () => {
    // 0.1 + 0.2 style traps: 20% × 1,000,000.35 = 200,000.07 exactly.
    expect(amountOf('two-integration', sme(1_000_000.35))).toBe(200_000.07);
    expect(amountOf('identifier-resolution', { nationallyApproved: true, centralFunds: 123_456.78 })).toBe(6_172.84);
  });
});

describe('the other rules', () => {
  it('scenario-demo gives the fixed sum of each category; workshop and line share 500,000', () => {
    const amount = (category: string) => amountOf('scenario-demo', { newlyRecognized: true, category });
    expect(amount('platform')).toBe(3_000_000);
    expect(amount('smart-factory')).toBe(1_000_000);
    expect(amount('digital-workshop')).toBe(500_000);
    expect(amount('automated-line')).toBe(500_000);
    const result = ok(estimate('scenario-demo', { newlyRecognized: true, category: 'smart-factory' }));
    expect(result.formula).toMatchObject({ kind: 'fixed', capBound: false, text: '定额奖励 1,000,000（智能（互联）工厂）' });
    expect(result.conditions.find((c) => c.input === 'category')?.valueText).toBe('智能（互联）工厂');
  });

  it('scenario-demo: not newly recognised → ineligible', () => {
    expect(ok(estimate('scenario-demo', { newlyRecognized: false, category: 'platform' })).status).toBe('ineligible');
  });

  it('future-city-top10: government-invested, not top ten, or not 5G/AI → ineligible', () => {
    expect(ok(estimate('future-city-top10', { ...scene(8_000_000), governmentInvested: true })).status).toBe('ineligible');
    expect(ok(estimate('future-city-top10', { ...scene(8_000_000), selectedTopTen: false })).status).toBe('ineligible');
    expect(ok(estimate('future-city-top10', { ...scene(8_000_000), is5gOrAi: false })).status).toBe('ineligible');
    const result = ok(estimate('future-city-top10', scene(8_000_000)));
    expect(result).toMatchObject({ period: 'one-time', periodBasis: '通知写明“一次性奖励”' });
  });

  it('two-integration: not an SME or not completed → ineligible, listing every unmet condition', () => {
    const result = ok(estimate('two-integration', { isSme: false, investment: 400_000, completed: false }));
    expect(result.status).toBe('ineligible');
    expect(result.conditions.filter((c) => !c.met).map((c) => c.input)).toEqual(['isSme', 'completed', 'investment']);
    expect(result.notes.filter((note) => note.startsWith('不符合措施（八）'))).toHaveLength(3);
  });

  it('equity-investment is not an award: the ceiling of the city stake, with a note saying so', () => {
    const result = ok(estimate('equity-investment', { inKeyProjectLibrary: true, totalShareCapital: 40_000_000 }));
    expect(result).toMatchObject({ status: 'eligible', amount: 20_000_000, amountKind: 'equity-ceiling', clause: '措施（十三）' });
    expect(result.formula?.text).toBe('40,000,000 × 50% = 20,000,000（财政股权投资上限，不是奖励）');
    expect(result.notes[0]).toContain('这不是奖励');
    expect(ok(estimate('equity-investment', { inKeyProjectLibrary: false, totalShareCapital: 1 })).status).toBe('ineligible');
  });

  it('every estimate carries the validity of the notice, its units and the combination note', () => {
    const result = ok(estimate('platform-cloud-service', platform(60, 15_000_000)));
    expect(result.validity).toEqual({
      from: '2020-08-05',
      to: '2022-12-31',
      note: '本通知有效期至2022年12月31日，已经到期；按原政策口径测算，仅供参考',
    });
    expect(result.units).toEqual(['市工业和信息化局', '市财政局', '各区、市政府']);
    expect(result.notes.some((note) => note.includes('市工业和信息化局决定') && note.includes('同时享受'))).toBe(true);
    expect(ok(estimate('security-emergency-platform', security(1))).units).toEqual(['市工业和信息化局', '市财政局']);
  });

  it('an estimate is plain JSON: it survives a round trip unchanged', () => {
    const result = ok(estimate('security-emergency-platform', security(5_000_000, 1_500_000)));
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });
});

describe('not-quantified measures （四）（七）（十）（十一）', () => {
  it.each([
    ['cross-industry-platform', 4, '（四）', ['市工业和信息化局', '市财政局', '各区、市政府']],
    ['technical-renovation', 7, '（七）', ['市工业和信息化局', '市财政局', '各区、市政府']],
    ['5g-park', 10, '（十）', ['市工业和信息化局', '市发展改革委', '各区、市政府']],
    ['service-provider-registration', 11, '（十一）', ['市工业和信息化局', '市财政局', '市商务局', '各区、市政府']],
  ] as const)('%s cites measure %i, names its units and gives no amount', (rule, measure, number, units) => {
    const result = ok(estimate(rule, {}));
    expect(result).toMatchObject({ status: 'not-quantified', measure, number, clause: `措施${number}`, amountKind: 'none' });
    expect(result.units).toEqual(units);
    expect(result.amount).toBeUndefined();
    expect(result.amountFen).toBeUndefined();
    expect(result.formula).toBeUndefined();
    expect(result.notes[0]).toContain('未规定金额');
    expect(result.notes.join('')).toContain('咨询');
    // No figure of money is invented: the notes hold no digits at all.
    expect(result.notes.join('')).not.toMatch(/\d/);
  });
});

describe('errors the JSON API turns into 404 and 400', () => {
  it('an unknown rule id is unknown-rule', () => {
    expect(estimate('no-such-rule', {})).toEqual({ ok: false, error: 'unknown-rule', rule: 'no-such-rule', issues: [] });
  });

  it('negative money is invalid-input, with a Chinese message at the field', () => {
    const result = estimate('two-integration', sme(-1));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBe('invalid-input');
    expect(result.issues).toEqual([expect.objectContaining({ path: ['investment'], message: '金额不能为负数' })]);
  });

  it('a missing field is invalid-input naming the question', () => {
    const result = estimate('two-integration', { isSme: true, investment: 3_000_000 });
    expect(result).toMatchObject({ ok: false, error: 'invalid-input' });
    if (result.ok) return;
    expect(result.issues).toEqual([
      expect.objectContaining({ path: ['completed'], message: '请回答：该项目是否已在申报年度内竣工（上线）？' }),
    ]);
  });

  it('a wrong type is invalid-input', () => {
    const result = estimate('two-integration', { isSme: '是', investment: '300万', completed: true });
    expect(result).toMatchObject({ ok: false, error: 'invalid-input' });
    if (result.ok) return;
    expect(result.issues.map((issue) => issue.path)).toEqual([['isSme'], ['investment']]);
  });

  it('more decimals than fen, a fractional count, an unknown category, a non-object body: invalid-input', () => {
    expect(estimate('two-integration', sme(500_000.001)).ok).toBe(false);
    expect(estimate('platform-cloud-service', platform(50.5, 20_000_000)).ok).toBe(false);
    expect(estimate('scenario-demo', { newlyRecognized: true, category: 'factory' }).ok).toBe(false);
    expect(estimate('two-integration', 'isSme=true')).toMatchObject({ ok: false, error: 'invalid-input' });
    expect(estimate('two-integration', sme(Number.POSITIVE_INFINITY)).ok).toBe(false);
  });

  it('an invalid value is an error even when another answer rules the rule out', () => {
    expect(estimate('two-integration', { isSme: false, investment: -5 })).toMatchObject({ ok: false, error: 'invalid-input' });
  });

  it('keys of other rules are ignored, so shared answers can go to any rule', () => {
    expect(amountOf('two-integration', { ...sme(3_000_000), inProviderDirectory: 'whatever' })).toBe(600_000);
  });
});
