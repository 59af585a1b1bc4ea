import type { Activity } from 'botbuilder';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app';
import { estimateCommand } from '../src/replies';
import { allInputs, getRule, type QuantifiedRule } from '../src/rules';
import { startConversation, textOf } from './support/chat';

/**
 * Interview answers that restate the question's own condition, amounts given in one clause
 * of a longer answer, and a request to estimate whose stated facts name the award, through
 * the real app (TestAdapter).
 */
let app: App;
beforeAll(async () => {
  app = await createApp({ STORAGE: 'memory' });
});

const rule = (id: string) => getRule(id) as QuantifiedRule;
const askedKey = (replies: Partial<Activity>[]): string | undefined => {
  const text = replies.at(-1)?.text ?? '';
  return [...allInputs.entries()].find(([, spec]) => text.includes(spec.question))?.[0];
};

describe('answers that restate the condition', () => {
  it('是区域性工业互联网安全应急处置平台 answers yes; 不是… answers no', async () => {
    for (const [answer, next] of [
      ['我们就是区域性工业互联网安全应急处置平台', 'annualOperatingCost'],
      ['不是区域性工业互联网安全应急处置平台', undefined],
    ] as const) {
      const chat = startConversation(app);
      await chat.say(estimateCommand(rule('security-emergency-platform')));
      const asked = await chat.say('是');
      expect(askedKey(asked)).toBe('isRegionalEmergencyPlatform');
      const replies = await chat.say(answer);
      if (next) expect(askedKey(replies)).toBe(next);
      else expect(textOf(replies)).toMatch(/不符合|不能/);
      expect(textOf(replies)).not.toMatch(/^\*\*措施（十二）/);
    }
  });

  it('naming a kind the yes/no question lists (…认定为…、智能（互联）工厂、…) answers yes, and which kind; 不是… answers no', async () => {
    for (const [answer, kind] of [
      ['我们是智能工厂', '智能（互联）工厂'],
      ['自动化生产线', '自动化生产线'],
      ['不是智能工厂', undefined],
    ] as const) {
      const chat = startConversation(app);
      const asked = await chat.say(estimateCommand(rule('scenario-demo')));
      expect(askedKey(asked)).toBe('newlyRecognized');
      const replies = textOf(await chat.say(answer));
      if (kind) expect(replies).toContain(`认定类别：${kind}`);
      else expect(replies).toMatch(/不符合|不能/);
    }
  });

  it('an amount in one clause of a longer answer (之前没领过，累计0元) is the answer', async () => {
    const chat = startConversation(app);
    let replies = await chat.say(estimateCommand(rule('security-emergency-platform')));
    const answers: Record<string, string> = {
      registeredInQingdao: '是',
      isRegionalEmergencyPlatform: '是',
      annualOperatingCost: '300万',
      alreadyReceived: '以前没领过，累计0元',
    };
    for (let turn = 0; turn < 8; turn++) {
      const key = askedKey(replies);
      if (!key) break;
      replies = await chat.say(answers[key]);
    }
    expect(textOf(replies)).toContain('政策期内已获此项补助累计：0 元');
  });
});

describe('a request to estimate whose words find a measure without an amount', () => {
  it('评上十佳 names （三）’s 十佳场景 award, whatever （一）’s 未来城市场景清单 ranks', async () => {
    const replies = await startConversation(app).say('我们的智慧交通项目评上了未来城市十佳场景，帮我算算奖励');
    const text = textOf(replies);
    expect(text).toContain('十佳场景奖励');
    expect(text).not.toContain('无法估算');
  });
});

describe('a request to estimate in the words of one award’s own name', () => {
  it('场景示范奖励 is （三）’s “工业赋能”场景示范奖励: its name has more of the words than the measure’s title', async () => {
    const text = textOf(await startConversation(app).say('我想测一测场景示范奖励能拿多少'));
    expect(text).toContain('“工业赋能”场景示范奖励');
    expect(text).not.toMatch(/请问您想估算哪一项/);
  });

  it('words of the measure’s title alone (开展场景示范应用) still leave the choice to the user', async () => {
    const text = textOf(await startConversation(app).say('帮我估算开展场景示范应用的奖励'));
    expect(text).toMatch(/请问您想估算哪一项/);
  });
});

describe('an amount given ahead', () => {
  it('300万元 to a yes/no question answers the one amount still to be asked; the question comes again, and the amount is not asked', async () => {
    const chat = startConversation(app);
    const first = await chat.say(estimateCommand(rule('two-integration')));
    const question = askedKey(first);
    expect(allInputs.get(question!)?.kind).toBe('yesno');
    const again = await chat.say('300万元');
    expect(textOf(again)).toMatch(/^已记下“[^”]*投资额”：3,000,000 元（如果指的是别的金额，最后核对时可以修改）。请再回答下面这个问题。/);
    expect(askedKey(again)).toBe(question);
    let replies = again;
    for (let i = 0; i < 4 && !/以上回答都对吗/.test(textOf(replies)); i++) {
      expect(allInputs.get(askedKey(replies)!)?.kind).toBe('yesno');
      replies = await chat.say('是');
    }
    expect(textOf(replies)).toContain('3,000,000 元');
    expect(textOf(await chat.say('确认'))).toMatch(/600,000\.00 元/);
  });

  it('with two amounts still to be asked, the next one the interview would ask takes it; the summary shows which', async () => {
    const chat = startConversation(app);
    await chat.say(estimateCommand(rule('security-emergency-platform')));
    const yesNo = await chat.say('是');
    expect(askedKey(yesNo)).toBe('isRegionalEmergencyPlatform');
    const again = await chat.say('900万元');
    expect(textOf(again)).toMatch(/^已记下“平台年度运营费用”：9,000,000 元/);
    expect(askedKey(again)).toBe('isRegionalEmergencyPlatform');
    // Said again, it is not taken for the other amount: the yes/no question is asked once more.
    const repeated = await chat.say('900万元');
    expect(textOf(repeated)).not.toMatch(/已记下/);
    expect(askedKey(repeated)).toBe('isRegionalEmergencyPlatform');
    const next = await chat.say('是');
    expect(askedKey(next)).toBe('alreadyReceived');
  });

  it('a bare number (300) to a yes/no question is not taken for an amount: its unit is unclear', async () => {
    const chat = startConversation(app);
    const first = await chat.say(estimateCommand(rule('two-integration')));
    const replies = await chat.say('300');
    expect(textOf(replies)).not.toMatch(/已记下/);
    expect(askedKey(replies)).toBe(askedKey(first));
  });
});

describe('a kind named in answer to the yes/no question that lists it', () => {
  it('数字化车间 to 是否已获市级新认定为…数字化车间…？ says yes and which kind: the summary follows, with both', async () => {
    const chat = startConversation(app);
    const first = await chat.say(estimateCommand(rule('scenario-demo')));
    expect(askedKey(first)).toBe('newlyRecognized');
    const summary = textOf(await chat.say('数字化车间'));
    expect(summary).toMatch(/请核对您的回答/);
    expect(summary).toMatch(/市级新认定：是/);
    expect(summary).toMatch(/认定类别：数字化车间/);
    expect(textOf(await chat.say('确认'))).toMatch(/可获约 500,000\.00 元/);
  });

  it('a plain 是 still asks which kind', async () => {
    const chat = startConversation(app);
    await chat.say(estimateCommand(rule('scenario-demo')));
    expect(askedKey(await chat.say('是的'))).toBe('category');
  });
});

describe('an amount where a yes/no answer is asked', () => {
  it('taken ahead once; given again, the reply says this question needs no amount, and asks it again', async () => {
    const chat = startConversation(app);
    await chat.say(estimateCommand(rule('security-emergency-platform')));
    await chat.say('是');
    expect(textOf(await chat.say('900万元'))).toMatch(/^已记下“平台年度运营费用”：9,000,000 元/);
    const again = await chat.say('900万元');
    expect(textOf(again)).toMatch(/^这一题不需要金额，请回答“是”或“否”。/);
    expect(askedKey(again)).toBe('isRegionalEmergencyPlatform');
  });

  it('a yes/no question of an interview with no amount to ask: the same plain re-ask', async () => {
    const chat = startConversation(app);
    await chat.say(estimateCommand(rule('scenario-demo')));
    expect(textOf(await chat.say('300万'))).toMatch(/^这一题不需要金额/);
  });
});
