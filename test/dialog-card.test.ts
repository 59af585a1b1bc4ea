import { CardFactory } from 'botbuilder';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { cardActivity } from '../dialogs/card-activity';
import { amountText, checkUpReply, estimateReply, wanText, yuanText, type AdaptiveCard } from '../src/replies';
import { checkUp, estimate, type Estimate } from '../src/rules';

/** The Adaptive Cards library Web Chat itself renders with (its own dependency, not ours). */
const webChatEntry = require.resolve('botframework-webchat');
const webChatRequire = createRequire(
  webChatEntry.slice(0, webChatEntry.lastIndexOf('botframework-webchat') + 'botframework-webchat'.length) + '/package.json',
);
/** The few calls of the adaptivecards API this test makes. */
interface AdaptiveCardsLibrary {
  AdaptiveCard: new () => {
    parse(json: unknown, context: unknown): void;
    validateProperties(): { validationEvents: { message: string }[] };
    getItemCount(): number;
  };
  SerializationContext: new () => { eventCount: number; getEventAt(i: number): { message: string } };
}
// The library's bundle (its lib/ is ESM with extensionless imports, meant for bundlers).
const AdaptiveCards = webChatRequire('adaptivecards/dist/adaptivecards.js') as AdaptiveCardsLibrary;

/** What Web Chat's parser complains about when it reads the card: [] when nothing. */
function webChatWarnings(card: AdaptiveCard): string[] {
  const parsed = new AdaptiveCards.AdaptiveCard();
  const context = new AdaptiveCards.SerializationContext();
  parsed.parse(card, context);
  const warnings = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message);
  warnings.push(...parsed.validateProperties().validationEvents.map((event) => event.message));
  if (parsed.getItemCount() !== card.body.length) warnings.push('elements dropped');
  return warnings;
}

const KNOWN_ELEMENTS = new Set(['TextBlock', 'ColumnSet', 'Column', 'Container', 'FactSet']);

/**
 * The basic shape of an Adaptive Card that Web Chat 4.18 renders: type and version at
 * most 1.3, a body array, and only elements of schema 1.3 whose texts are strings.
 */
function problemsOf(card: AdaptiveCard): string[] {
  const problems: string[] = [];
  if (card.type !== 'AdaptiveCard') problems.push('type');
  const [major, minor] = card.version.split('.').map(Number);
  if (!(major === 1 && minor <= 3)) problems.push(`version ${card.version}`);
  if (!Array.isArray(card.body) || card.body.length === 0) problems.push('body');
  if (typeof card.fallbackText !== 'string' || card.fallbackText === '') problems.push('fallbackText');
  const visit = (element: Record<string, unknown>, path: string): void => {
    if (!KNOWN_ELEMENTS.has(element.type as string)) problems.push(`${path}: ${String(element.type)}`);
    if (element.type === 'TextBlock' && (typeof element.text !== 'string' || element.text === '')) problems.push(`${path}: empty text`);
    for (const key of ['items', 'columns'] as const) {
      const children = element[key];
      if (children !== undefined) {
        if (!Array.isArray(children)) problems.push(`${path}.${key}`);
        else children.forEach((child, i) => visit(child as Record<string, unknown>, `${path}.${key}[${i}]`));
      }
    }
  };
  card.body.forEach((element, i) => visit(element as unknown as Record<string, unknown>, `body[${i}]`));
  return problems;
}

/** Every text of the card, in order. */
function textsOf(card: AdaptiveCard): string[] {
  const texts: string[] = [];
  const visit = (element: Record<string, unknown>): void => {
    if (typeof element.text === 'string') texts.push(element.text);
    for (const key of ['items', 'columns'] as const) {
      (element[key] as Record<string, unknown>[] | undefined)?.forEach(visit);
    }
  };
  card.body.forEach((element) => visit(element as unknown as Record<string, unknown>));
  return texts;
}

function estimated(rule: string, answers: Record<string, unknown>): Estimate {
  const result = estimate(rule, answers);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.estimate;
}

describe('amounts in words', () => {
  it('shows yuan with the fen and 万元 exactly', () => {
    expect(yuanText(64_000_000)).toBe('640,000.00 元');
    expect(yuanText(24_691_340)).toBe('246,913.40 元');
    expect(wanText(64_000_000)).toBe('64万元');
    expect(wanText(24_691_340)).toBe('24.69134万元');
    expect(wanText(5_000)).toBe('0.005万元');
    expect(amountText(200_000_000)).toBe('2,000,000.00 元（200万元）');
  });
});

describe('the estimate card', () => {
  const eligible = estimateReply(estimated('two-integration', { isSme: true, completed: true, investment: 3_200_000 }));

  it('is a valid Adaptive Card 1.3 with a complete fallback text', () => {
    expect(problemsOf(eligible.card)).toEqual([]);
    expect(webChatWarnings(eligible.card)).toEqual([]);
    expect(eligible.card.version).toBe('1.3');
    // The fallback is complete (conditions, units); the text beside the card is short.
    expect(eligible.card.fallbackText).toContain('✔ 年度内网络、工业软件、系统集成等方面完成投资额：所填“3,200,000 元”');
    expect(eligible.card.fallbackText).toContain('责任单位：市工业和信息化局；市财政局；各区、市政府');
    expect(eligible.card.fallbackText).toContain('640,000.00 元（64万元）');
    expect(eligible.text).toContain('640,000.00 元（64万元）');
    expect(eligible.text).toContain('按原政策口径测算，仅供参考');
    expect(eligible.text).not.toContain('市财政局');
  });

  it('names the rule and clause, the amount, the formula, each condition, the units, the period and the validity', () => {
    const texts = textsOf(eligible.card);
    expect(texts[0]).toBe('估算结果：两化融合项目奖补');
    expect(texts).toContain('措施（八）推进两化深度融合');
    expect(texts).toContain('可获约 640,000.00 元（64万元），一次性');
    expect(texts).toContain('3,200,000 × 20% = 640,000；未超过上限 2,000,000');
    expect(texts.filter((t) => t === '✔')).toHaveLength(3);
    expect(texts).toContain('所填：3,200,000 元　要求：≥ 500,000 元');
    expect(texts).toContain('原文：“完成投资50万元以上”（措施（八））');
    expect(texts).toContain('市工业和信息化局；市财政局；各区、市政府');
    expect(texts.some((t) => t.startsWith('一次性：'))).toBe(true);
    expect(texts).toContain('本通知有效期至2022年12月31日，已经到期；按原政策口径测算，仅供参考。');
    expect(texts.some((t) => t.includes('能否叠加由市工业和信息化局决定'))).toBe(true);
  });

  it('for an ineligible answer, shows no amount, the unmet condition with ✘ and why', () => {
    const reply = estimateReply(estimated('two-integration', { isSme: true, completed: true, investment: 400_000 }));
    const texts = textsOf(reply.card);
    expect(problemsOf(reply.card)).toEqual([]);
    expect(webChatWarnings(reply.card)).toEqual([]);
    expect(texts).toContain('不符合条件');
    expect(texts).toContain('✘');
    expect(texts.some((t) => t.includes('应为“≥ 500,000 元”') && t.includes('措施（八）'))).toBe(true);
    expect(texts.join()).not.toMatch(/可获约/);
  });

  it('says an equity ceiling is not an award', () => {
    const reply = estimateReply(estimated('equity-investment', { inKeyProjectLibrary: true, totalShareCapital: 40_000_000 }));
    expect(textsOf(reply.card)).toContain('市级财政股权投资上限 20,000,000.00 元（2000万元）（不是奖励）');
  });

  it('for a measure without an amount, says so and whom to ask', () => {
    const reply = estimateReply(estimated('technical-renovation', {}));
    expect(problemsOf(reply.card)).toEqual([]);
    expect(textsOf(reply.card)).toContain('通知未规定金额，无法测算');
    expect(reply.text).toContain('请咨询市工业和信息化局');
    expect(reply.actions?.map((a) => a.title)).not.toContain('重新估算');
  });

  it('becomes one activity: the text, the card as an attachment, the buttons', () => {
    const activity = cardActivity(eligible);
    expect(activity.text).toBe(eligible.text);
    expect(activity.attachments).toEqual([CardFactory.adaptiveCard(eligible.card)]);
    expect(activity.attachments?.[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(activity.suggestedActions?.actions.map((a) => a.title)).toEqual(['重新估算', '政策体检', '查看原文']);
  });
});

describe('the check-up card', () => {
  const answers = {
    newlyRecognized: false,
    is5gOrAi: false,
    inProviderDirectory: true,
    localEnterprisesServed: 60,
    localServiceRevenue: 15_000_000,
    isSme: true,
    completed: true,
    investment: 3_000_000,
    nationallyApproved: false,
    registeredInQingdao: true,
    isRegionalEmergencyPlatform: true,
    annualOperatingCost: 5_000_000,
    alreadyReceived: 1_500_000,
    inKeyProjectLibrary: true,
    totalShareCapital: 40_000_000,
  };

  it('lists each award, the total without the equity ceiling, and the rules missed', () => {
    const result = checkUp(answers);
    if (!result.ok) throw new Error('check-up failed');
    const reply = checkUpReply(result.checkUp);
    const texts = textsOf(reply.card);
    expect(problemsOf(reply.card)).toEqual([]);
    expect(webChatWarnings(reply.card)).toEqual([]);
    // 3,000,000 + 600,000 + 500,000; the 20,000,000 equity ceiling is apart.
    expect(texts).toContain('合计约 4,100,000.00 元（410万元）');
    expect(texts).toContain('3,000,000.00 元（300万元），按年度');
    expect(texts).toContain('市级财政股权投资上限 20,000,000.00 元（2000万元）');
    expect(texts).toContain('股权投资（不是奖励，不计入合计）');
    expect(texts).toContain('措施（九） 标识解析项目奖励');
    expect(texts.filter((t) => t === '✘')).toHaveLength(3);
    expect(reply.card.fallbackText).toContain('合计约 4,100,000.00 元');
  });
});
