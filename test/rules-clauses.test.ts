import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  allInputs,
  allNotQuantifiedRules,
  allQuantifiedRules,
  allRules,
  describeRule,
  describeRules,
  getRule,
  twoIntegration,
  type TwoIntegrationInputs,
} from '../src/rules';

// Read the file itself, not the parsed knowledge: the quotes must be in the notice as published.
const notice = readFileSync(join(__dirname, '..', 'knowledge', 'notice.zh-Hans.txt'), 'utf8');

/** '完成投资50万元以上' → 500000; '年度服务本地企业50家以上' → 50; '投资额的20%' → 20. */
function numberIn(quote: string): number {
  const match = /(\d+(?:\.\d+)?)\s*(万|亿)?/.exec(quote);
  if (!match) throw new Error(`no number in ${quote}`);
  const scale = match[2] === '万' ? 10_000 : match[2] === '亿' ? 100_000_000 : 1;
  return Number(match[1]) * scale;
}

describe('clauses quote the notice', () => {
  it.each(allRules.map((rule) => [rule.id, rule] as const))('%s: its clause text is verbatim in the notice', (_, rule) => {
    expect(notice).toContain(rule.clause.text);
    // …and inside the paragraph of the measure it cites.
    const paragraph = notice.split('\n').find((line) => line.startsWith(rule.clause.number));
    expect(paragraph).toContain(rule.clause.text);
  });

  it.each(allRules.map((rule) => [rule.id, rule] as const))('%s: each figure says the number its quote says', (_, rule) => {
    for (const figure of Object.values(rule.clause.figures)) {
      expect(rule.clause.text).toContain(figure.quote);
      const value = figure.kind === 'money' ? figure.yuan : figure.kind === 'rate' ? figure.percent : figure.count;
      expect(numberIn(figure.quote)).toBe(value);
      if (figure.kind === 'rate') expect(figure.quote).toContain(`${figure.percent}%`);
      if (figure.kind === 'money') expect(figure.quote).toMatch(/万元/);
    }
  });

  it.each(allQuantifiedRules.map((rule) => [rule.id, rule] as const))('%s: each condition quotes its clause', (_, rule) => {
    expect(rule.conditions.length).toBeGreaterThan(0);
    for (const condition of rule.conditions) {
      expect(rule.clause.text).toContain(condition.quote);
      expect(rule.inputs[condition.input]).toBeDefined();
    }
    // No input is asked for nothing: each one is decided by some condition.
    for (const key of Object.keys(rule.inputs)) {
      expect(rule.conditions.some((condition) => condition.input === key)).toBe(true);
    }
  });

  it('not-quantified rules quote what the notice promises and state no figure', () => {
    for (const rule of allNotQuantifiedRules) {
      expect(rule.clause.text).toContain(rule.promise);
      expect(Object.keys(rule.clause.figures)).toEqual([]);
    }
  });

  it('the figures of awards.md are the ones the rules use', () => {
    const figures = Object.fromEntries(
      allRules.map((rule) => [
        rule.id,
        Object.fromEntries(describeRule(rule).figures.map((figure) => [figure.name, figure.value])),
      ]),
    );
    expect(figures['scenario-demo']).toEqual({ platformAward: 3_000_000, smartFactoryAward: 1_000_000, workshopOrLineAward: 500_000 });
    expect(figures['future-city-top10']).toEqual({ minSmartInvestment: 5_000_000, rate: 10, cap: 2_000_000 });
    expect(figures['platform-cloud-service']).toEqual({ minEnterprises: 50, minRevenue: 10_000_000, rate: 20, yearlyCap: 5_000_000 });
    expect(figures['two-integration']).toEqual({ minInvestment: 500_000, rate: 20, cap: 2_000_000 });
    expect(figures['identifier-resolution']).toEqual({ rate: 5 });
    expect(figures['security-emergency-platform']).toEqual({ rate: 20, cumulativeCap: 2_000_000 });
    expect(figures['equity-investment']).toEqual({ maxStake: 50 });
  });
});

describe('the rules and their inputs, as awards.md names them', () => {
  it('has the seven quantified ids and four not-quantified measures', () => {
    expect(allQuantifiedRules.map((rule) => rule.id)).toEqual([
      'scenario-demo',
      'future-city-top10',
      'platform-cloud-service',
      'two-integration',
      'identifier-resolution',
      'security-emergency-platform',
      'equity-investment',
    ]);
    expect(allNotQuantifiedRules.map((rule) => rule.clause.number)).toEqual(['（四）', '（七）', '（十）', '（十一）']);
    expect(allQuantifiedRules.map((rule) => rule.clause.measure)).toEqual([3, 3, 6, 8, 9, 12, 13]);
    expect(getRule('two-integration')?.title).toBe('两化融合项目奖补');
  });

  it('declares the inputs of awards.md with their kinds', () => {
    const kinds = Object.fromEntries(
      allQuantifiedRules.map((rule) => [rule.id, describeRule(rule).inputs.map((input) => `${input.key}:${input.kind}`)]),
    );
    expect(kinds).toEqual({
      'scenario-demo': ['newlyRecognized:yesno', 'category:choice'],
      'future-city-top10': ['is5gOrAi:yesno', 'selectedTopTen:yesno', 'governmentInvested:yesno', 'smartInvestment:money'],
      'platform-cloud-service': ['inProviderDirectory:yesno', 'localEnterprisesServed:count', 'localServiceRevenue:money'],
      'two-integration': ['isSme:yesno', 'completed:yesno', 'investment:money'],
      'identifier-resolution': ['nationallyApproved:yesno', 'centralFunds:money'],
      'security-emergency-platform': [
        'registeredInQingdao:yesno',
        'isRegionalEmergencyPlatform:yesno',
        'annualOperatingCost:money',
        'alreadyReceived:money',
      ],
      'equity-investment': ['inKeyProjectLibrary:yesno', 'totalShareCapital:money'],
    });
    expect(describeRule(getRule('scenario-demo')!).inputs[1].choices).toEqual([
      { value: 'platform', label: '工业互联网平台' },
      { value: 'smart-factory', label: '智能（互联）工厂' },
      { value: 'digital-workshop', label: '数字化车间' },
      { value: 'automated-line', label: '自动化生产线' },
    ]);
  });

  it('only alreadyReceived is optional, defaulting to 0', () => {
    const optional = allQuantifiedRules.flatMap((rule) =>
      describeRule(rule).inputs.filter((input) => input.optional).map((input) => [rule.id, input.key, input.default]),
    );
    expect(optional).toEqual([['security-emergency-platform', 'alreadyReceived', 0]]);
  });

  it('every input has a polite Chinese question, a help text and an example its own schema accepts', () => {
    for (const [key, spec] of allInputs) {
      expect(spec.question, key).toMatch(/[\u4e00-\u9fff].*？$/);
      expect(spec.help.length, key).toBeGreaterThan(4);
      expect(spec.label, key).toMatch(/[\u4e00-\u9fff]/);
      expect(spec.schema.safeParse(spec.example).success, key).toBe(true);
    }
  });

  it('each example set of answers is a complete, valid answer to its rule', () => {
    for (const rule of allQuantifiedRules) {
      const example = Object.fromEntries(Object.entries(rule.inputs).map(([key, spec]) => [key, spec.example]));
      expect(rule.schema.safeParse(example).success, rule.id).toBe(true);
    }
  });

  it('a key means one thing: one declaration per key across all rules', () => {
    const declarations = allQuantifiedRules.flatMap((rule) => Object.entries(rule.inputs));
    for (const [key, spec] of declarations) expect(allInputs.get(key)).toBe(spec);
  });

  it('types come from the schemas', () => {
    const answers: TwoIntegrationInputs = { isSme: true, investment: 1, completed: false };
    const parsed: z.infer<typeof twoIntegration.schema> = twoIntegration.schema.parse(answers);
    expect(parsed).toEqual(answers);
  });
});

describe('describeRule: the serialisable declaration', () => {
  it('gives id, measure, clause, title, inputs and conditions as plain JSON', () => {
    const description = describeRule(getRule('two-integration')!);
    expect(JSON.parse(JSON.stringify(description))).toEqual(description);
    expect(description).toMatchObject({
      id: 'two-integration',
      kind: 'quantified',
      title: '两化融合项目奖补',
      measure: 8,
      number: '（八）',
      clause: '措施（八）',
      measureTitle: '推进两化深度融合',
      units: ['市工业和信息化局', '市财政局', '各区、市政府'],
      amountKind: 'award',
    });
    expect(description.inputs[0]).toEqual({
      key: 'isSme',
      label: '中小企业',
      names: ['中小企业', '中小微企业', '小微企业'],
      question: '贵企业是否属于中小企业？',
      help: expect.stringContaining('《中小企业划型标准规定》'),
      kind: 'yesno',
      example: true,
      optional: false,
      words: { yes: expect.arrayContaining(['中小企业', '小型企业']), no: ['大型企业', '大企业'] },
    });
    expect(description.inputs[2]).toMatchObject({ key: 'investment', kind: 'money', unit: '元', plausibleMin: 10_000 });
    expect(description.conditions).toContainEqual({
      input: 'investment',
      label: '年度内网络、工业软件、系统集成等方面完成投资额',
      threshold: '≥ 500,000 元',
      quote: '完成投资50万元以上',
    });
    expect(description.jsonSchema).toMatchObject({
      type: 'object',
      required: ['isSme', 'completed', 'investment'],
      properties: { investment: { type: 'number', minimum: 0 } },
    });
  });

  it('describes every rule, not-quantified ones without inputs or schema', () => {
    const all = describeRules();
    expect(all.map((rule) => rule.measure)).toEqual([3, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13]);
    const renovation = all.find((rule) => rule.id === 'technical-renovation')!;
    expect(renovation).toMatchObject({ kind: 'not-quantified', inputs: [], amountKind: 'none', period: 'unspecified' });
    expect(renovation.jsonSchema).toBeUndefined();
    expect(all.find((rule) => rule.id === 'security-emergency-platform')!.jsonSchema).toMatchObject({
      required: ['registeredInQingdao', 'isRegionalEmergencyPlatform', 'annualOperatingCost'],
      properties: { alreadyReceived: { default: 0 } },
    });
  });
});
