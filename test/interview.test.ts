import type { Activity } from 'botbuilder';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp, type App } from '../src/app';
import { startConversation, textOf } from './support/chat';
import { estimateCommand } from '../src/replies';
import { getRule, type QuantifiedRule } from '../src/rules';

let app: App;
beforeAll(async () => {
  app = await createApp({ STORAGE: 'memory' });
});
afterEach(() => {
  vi.restoreAllMocks();
});

const conversation = (locale = 'zh-CN') => startConversation(app, locale);

const buttonsOf = (replies: Partial<Activity>[]): string[] =>
  replies.at(-1)?.suggestedActions?.actions.map((a) => String(a.title)) ?? [];
const cardOf = (replies: Partial<Activity>[]) =>
  replies.flatMap((r) => r.attachments ?? []).find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
    ?.content as { body: unknown[]; fallbackText: string } | undefined;
const cardText = (replies: Partial<Activity>[]): string => JSON.stringify(cardOf(replies) ?? null);

const rule = (id: string) => getRule(id) as QuantifiedRule;
const question = (ruleId: string, key: string): string => rule(ruleId).inputs[key].question;
const q = {
  isSme: question('two-integration', 'isSme'),
  completed: question('two-integration', 'completed'),
  investment: question('two-integration', 'investment'),
};

/** Answers two-integration's three questions and stops at the summary. */
async function twoIntegrationUpToSummary(chat: ReturnType<typeof conversation>, investment = '三百二十万元') {
  const first = await chat.say('我想算一下两化融合能拿多少');
  expect(textOf(first)).toContain('第1题/共3题');
  expect(textOf(first)).toContain(q.isSme);
  expect(textOf(await chat.say('是的'))).toContain(q.completed);
  expect(textOf(await chat.say('对'))).toContain(q.investment);
  return chat.say(investment);
}

describe('a rule interview, answered in free Chinese', () => {
  it('two-integration: 是的 / 对 / 三百二十万元, a summary, 确认, then the card with 640,000', async () => {
    const chat = conversation();
    const first = await chat.say('我想算一下两化融合能拿多少');
    expect(textOf(first)).toContain('两化融合项目奖补');
    expect(textOf(first)).toContain('**第1题/共3题** 贵企业是否属于中小企业？');
    expect(buttonsOf(first)).toEqual(['是', '否', '取消']);

    const second = await chat.say('是的');
    expect(textOf(second)).toContain(`**第2题/共3题** ${q.completed}`);
    expect(buttonsOf(second)).toEqual(['是', '否', '返回', '取消']);

    const third = await chat.say('对');
    expect(textOf(third)).toContain(`**第3题/共3题** ${q.investment}`);
    expect(buttonsOf(third)).toEqual(['返回', '取消']);

    const summary = await chat.say('三百二十万元');
    expect(textOf(summary)).toContain('请核对您的回答');
    expect(textOf(summary)).toContain('1. 中小企业：是');
    expect(textOf(summary)).toContain('2. 项目年度内竣工（上线）：是');
    expect(textOf(summary)).toContain('3,200,000 元');
    expect(buttonsOf(summary)).toEqual(['确认', '修改中小企业', '修改竣工上线', '修改投资额', '返回', '取消']);
    expect(cardOf(summary)).toBeUndefined();

    const result = await chat.say('确认');
    expect(result).toHaveLength(1);
    expect(result[0].text).toContain('640,000.00 元（64万元）');
    expect(result[0].text).toContain('措施（八）推进两化深度融合');
    expect(cardText(result)).toContain('640,000.00 元');
    expect(cardText(result)).toContain('3,200,000 × 20% = 640,000；未超过上限 2,000,000');
    expect(buttonsOf(result)).toEqual(['修改回答', '重新估算', '政策体检', '查看原文', '👍 有帮助', '👎 没帮助']);

    // The conversation is back to questions and answers, about the measure just estimated.
    const original = await chat.say('查看原文');
    expect(textOf(original)).toContain('（八）推进两化深度融合');
  });

  it('platform-cloud-service: 有 / 72家 / 1,800万 → 3,600,000 a year', async () => {
    const chat = conversation();
    expect(textOf(await chat.say('帮我估算平台服务商奖补'))).toContain(question('platform-cloud-service', 'inProviderDirectory'));
    expect(textOf(await chat.say('有'))).toContain(question('platform-cloud-service', 'localEnterprisesServed'));
    expect(textOf(await chat.say('72家'))).toContain(question('platform-cloud-service', 'localServiceRevenue'));
    const summary = await chat.say('1,800万');
    expect(textOf(summary)).toContain('年度服务本地企业数：72 家');
    expect(textOf(summary)).toContain('18,000,000 元');
    const result = await chat.say('确认');
    expect(result[0].text).toContain('3,600,000.00 元（360万元），按年度');
    expect(cardText(result)).toContain('18,000,000 × 20% = 3,600,000；未超过上限 5,000,000');
    expect(cardText(result)).toContain('措施（六）');
  });

  it('security-emergency-platform: what was already received lowers the amount to what is left', async () => {
    const chat = conversation();
    const first = await chat.say(estimateCommand(rule('security-emergency-platform')));
    expect(textOf(first)).toContain('第1题/共4题');
    await chat.say('是');
    await chat.say('是');
    const asked = await chat.say('500万');
    expect(textOf(asked)).toContain(question('security-emergency-platform', 'alreadyReceived'));
    expect(buttonsOf(asked)).toContain('没有');
    await chat.say('150万');
    const result = await chat.say('确认');
    expect(result[0].text).toContain('500,000.00 元（50万元），按年度');
    expect(cardText(result)).toContain('已获 1,500,000 = 尚余 500,000');
  });

  it('scenario-demo: measure 3 asks which of its two rules, then a choice answered by name', async () => {
    const chat = conversation();
    const which = await chat.say('估算场景示范应用的奖励');
    expect(textOf(which)).toContain('有2项可以估算的奖励');
    expect(buttonsOf(which)).toEqual(
      expect.arrayContaining(['（三）“工业赋能”场景示范奖励', '（三）“未来城市”十佳场景奖励']),
    );
    const buttonValue = which.at(-1)!.suggestedActions!.actions[0].value as string;
    expect(textOf(await chat.say(buttonValue))).toContain(question('scenario-demo', 'newlyRecognized'));
    const choice = await chat.say('是');
    expect(textOf(choice)).toContain(question('scenario-demo', 'category'));
    expect(buttonsOf(choice)).toEqual(['工业互联网平台', '智能（互联）工厂', '数字化车间', '自动化生产线', '返回', '取消']);
    expect(textOf(await chat.say('我们是数字化车间'))).toContain('认定类别：数字化车间');
    const result = await chat.say('确认');
    expect(result[0].text).toContain('500,000.00 元（50万元），一次性');
    expect(cardText(result)).toContain('定额奖励 500,000（数字化车间）');
  });

  it('starts from the 估算奖励 button under an answer, for the measure just discussed', async () => {
    const chat = conversation();
    const answer = await chat.say('两化融合项目补贴多少');
    expect(buttonsOf(answer)).toContain('估算奖励');
    expect(textOf(await chat.say('估算奖励'))).toContain(q.isSme);
  });

  it('reads 1.2亿 as 120,000,000 and caps the award', async () => {
    const chat = conversation();
    const summary = await twoIntegrationUpToSummary(chat, '1.2亿');
    expect(textOf(summary)).toContain('120,000,000 元');
    const result = await chat.say('确认');
    expect(result[0].text).toContain('2,000,000.00 元（200万元）');
    expect(cardText(result)).toContain('超过上限 2,000,000，按 2,000,000 计');
  });

  it('reads 300万 as 3,000,000 even when the client says its locale is en-US', async () => {
    const chat = conversation('en-US');
    const summary = await twoIntegrationUpToSummary(chat, '300万');
    expect(textOf(summary)).toContain('3,000,000 元');
  });
});

describe('stopping, going back, correcting, leaving', () => {
  it('stops at the first failed condition with its clause and asks nothing more', async () => {
    const chat = conversation();
    await chat.say('我想算一下两化融合能拿多少');
    const result = await chat.say('没有');
    expect(result).toHaveLength(1);
    expect(result[0].text).toContain('不符合条件');
    expect(result[0].text).toContain('不符合措施（八）的条件：中小企业应为“是”');
    expect(result[0].text).not.toContain('第2题');
    expect(cardText(result)).toContain('✘');
    expect(cardText(result)).toContain('未再询问');
    // The interview is over: 是 is no longer an answer to anything.
    expect(textOf(await chat.say('是'))).not.toContain(q.completed);
  });

  it('accepts 否 as no', async () => {
    const chat = conversation();
    await chat.say('我想算一下两化融合能拿多少');
    await chat.say('是');
    const result = await chat.say('否');
    expect(result[0].text).toContain('项目年度内竣工（上线）应为“是”');
    expect(result[0].text).toContain('所填为“否”');
  });

  it('corrects one answer: 修改投资额 asks only that, sums up again, and computes the new result', async () => {
    const chat = conversation();
    await twoIntegrationUpToSummary(chat);
    const again = await chat.say('修改投资额');
    expect(textOf(again)).toContain(`修改第3项** ${q.investment}`);
    expect(textOf(again)).not.toContain(q.isSme);
    const summary = await chat.say('400万');
    expect(textOf(summary)).toContain('4,000,000 元');
    expect(textOf(summary)).not.toContain('3,200,000 元');
    expect(textOf(summary)).toContain('1. 中小企业：是');
    const result = await chat.say('确认');
    expect(result[0].text).toContain('800,000.00 元（80万元）');
  });

  it('corrects by number too (修改第2项), and a correction may rule the enterprise out', async () => {
    const chat = conversation();
    await twoIntegrationUpToSummary(chat);
    expect(textOf(await chat.say('修改第2项'))).toContain(q.completed);
    const result = await chat.say('不是');
    expect(result[0].text).toContain('不符合条件');
  });

  it('返回 goes back one question and forgets that answer', async () => {
    const chat = conversation();
    await chat.say('我想算一下两化融合能拿多少');
    await chat.say('是');
    await chat.say('是');
    const back = await chat.say('返回');
    expect(textOf(back)).toContain(`第2题/共3题** ${q.completed}`);
    expect(textOf(await chat.say('对'))).toContain(q.investment);
    const back2 = await chat.say('返回');
    expect(textOf(back2)).toContain(q.completed);
    const back1 = await chat.say('返回');
    expect(textOf(back1)).toContain(q.isSme);
    const first = await chat.say('返回');
    expect(textOf(first)).toContain('这已经是第一题了');
    expect(textOf(first)).toContain(q.isSme);
  });

  it('返回 on the summary asks the last question again', async () => {
    const chat = conversation();
    await twoIntegrationUpToSummary(chat);
    expect(textOf(await chat.say('返回'))).toContain(q.investment);
    expect(textOf(await chat.say('500万'))).toContain('5,000,000 元');
  });

  it('取消 leaves at any time, says how to start again, and the answers are gone', async () => {
    const chat = conversation();
    await chat.say('我想算一下两化融合能拿多少');
    await chat.say('是');
    const left = await chat.say('取消');
    expect(textOf(left)).toContain('已退出两化融合项目奖补估算');
    expect(textOf(left)).toContain('重新开始');
    expect(buttonsOf(left)).toContain('重新估算');
    expect(textOf(await chat.say('是'))).not.toContain(q.completed);
    // 重新估算 starts the same rule from its first question.
    expect(textOf(await chat.say('重新估算'))).toContain(`第1题/共3题** ${q.isSme}`);
  });

  it('帮助 explains how to answer and asks the same question', async () => {
    const chat = conversation();
    await chat.say('我想算一下两化融合能拿多少');
    await chat.say('是');
    await chat.say('是');
    const help = await chat.say('帮助');
    expect(textOf(help)).toContain('怎么回答');
    expect(textOf(help)).toContain('1.2亿');
    expect(textOf(help)).toContain(q.investment);
    expect(textOf(help)).toContain('例如：“300万”或“3,000,000元”');
  });
});

describe('answers that are not answers', () => {
  it('asks again with help and an example when an amount cannot be read, storing nothing', async () => {
    const chat = conversation();
    await chat.say('我想算一下两化融合能拿多少');
    await chat.say('是');
    await chat.say('是');
    const unreadable = await chat.say('很多');
    expect(textOf(unreadable)).toContain('没能读懂');
    expect(textOf(unreadable)).toContain(q.investment);
    expect(textOf(unreadable)).toContain('例如：');
    const unknown = await chat.say('不知道');
    // A single rule's estimate cannot do without it (the check-up can skip it).
    expect(textOf(unknown)).toContain('测算必需');
    expect(textOf(unknown)).toContain(q.investment);
    expect(textOf(unknown)).toContain('例如：');
    expect(textOf(unknown)).not.toContain('请核对');
    const summary = await chat.say('320万');
    expect(textOf(summary)).toContain('3,200,000 元');
  });

  it('never takes 不知道 as no', async () => {
    const chat = conversation();
    await chat.say('我想算一下两化融合能拿多少');
    const again = await chat.say('不知道');
    expect(textOf(again)).toContain(q.isSme);
    expect(textOf(again)).not.toContain('不符合');
  });

  it('asks for an exact figure when given a bound', async () => {
    const chat = conversation();
    await chat.say('我想算一下两化融合能拿多少');
    await chat.say('是');
    await chat.say('是');
    const again = await chat.say('不到300万');
    expect(textOf(again)).toContain('确切的数');
    expect(textOf(again)).toContain(q.investment);
  });

  it('refuses a negative amount with the schema’s own message', async () => {
    const chat = conversation();
    await chat.say('我想算一下两化融合能拿多少');
    await chat.say('是');
    await chat.say('是');
    const again = await chat.say('负50万');
    expect(textOf(again)).toContain('金额不能为负数');
    expect(textOf(again)).toContain(q.investment);
  });

  it('answers an unrelated question, then asks the same question again, and the interview finishes', async () => {
    const chat = conversation();
    await chat.say('我想算一下两化融合能拿多少');
    await chat.say('是');
    await chat.say('是');
    const aside = await chat.say('发文单位是谁');
    expect(aside).toHaveLength(2);
    expect(aside[0].text).toContain('青岛市人民政府办公厅');
    expect(aside[1].text).toContain('我们继续');
    expect(aside[1].text).toContain(`第3题/共3题** ${q.investment}`);
    expect(textOf(await chat.say('三百二十万元'))).toContain('3,200,000 元');
    expect((await chat.say('确认'))[0].text).toContain('640,000.00 元');
  });

  it('does not read 第十四条讲什么 as 14 yuan: it answers about measure (十四) and asks again', async () => {
    const chat = conversation();
    await chat.say('我想算一下两化融合能拿多少');
    await chat.say('是');
    await chat.say('是');
    const aside = await chat.say('第十四条讲什么');
    expect(aside[0].text).toContain('措施（十四）设立工业互联网基金');
    expect(aside.at(-1)!.text).toContain(q.investment);
    expect(textOf(aside)).not.toContain('请核对');
  });

  it('answers a question asked on the summary and shows the summary again', async () => {
    const chat = conversation();
    await twoIntegrationUpToSummary(chat);
    const aside = await chat.say('有效期到什么时候？');
    expect(aside[0].text).toContain('有效期至2022年12月31日');
    expect(aside.at(-1)!.text).toContain('请核对您的回答');
  });

  it('keeps the interview when a turn fails', async () => {
    const chat = conversation();
    await chat.say('我想算一下两化融合能拿多少');
    await chat.say('是');
    await chat.say('是');
    vi.spyOn(app.search, 'search').mockImplementationOnce(() => {
      throw new Error('search down');
    });
    await expect(chat.say('第十四条讲什么')).rejects.toThrow('search down');
    const summary = await chat.say('320万');
    expect(textOf(summary)).toContain('1. 中小企业：是');
    expect(textOf(summary)).toContain('3,200,000 元');
  });

  it('asking again for the estimate already running goes on with it', async () => {
    const chat = conversation();
    await chat.say('我想算一下两化融合能拿多少');
    await chat.say('是');
    await chat.say('是');
    const again = await chat.say('帮我算一下两化融合');
    expect(textOf(again)).not.toContain('已结束');
    expect(textOf(again)).not.toContain('第1题');
    expect(textOf(again)).toContain(`第3题/共3题** ${q.investment}`);
    // 重新估算, though, starts it again.
    expect(textOf(await chat.say('重新估算'))).toContain(`第1题/共3题** ${q.isSme}`);
  });

  it('a new estimate request in the middle ends the current interview and starts the new one', async () => {
    const chat = conversation();
    await chat.say('我想算一下两化融合能拿多少');
    await chat.say('是');
    const switched = await chat.say('帮我估算平台服务商奖补');
    expect(switched[0].text).toContain('已结束刚才的两化融合项目奖补估算');
    expect(textOf(switched)).toContain(`第1题/共3题** ${question('platform-cloud-service', 'inProviderDirectory')}`);
  });
});

describe('what cannot be interviewed', () => {
  it('a measure that names no amount gets what the notice says and whom to ask, no questions', async () => {
    const result = await conversation().say('估算技术改造奖补');
    expect(result).toHaveLength(1);
    expect(result[0].text).toContain('通知未规定金额，无法测算');
    expect(result[0].text).toContain('技术改造综合奖补');
    expect(result[0].text).not.toContain('第1题');
    expect(cardText(result)).toContain('请咨询市工业和信息化局');
  });

  it('with no measure known, offers the rules that can be estimated', async () => {
    const chat = conversation();
    const menu = await chat.say('帮我估算');
    expect(textOf(menu)).toContain('请问您想估算哪一项奖励');
    expect(buttonsOf(menu)).toHaveLength(8);
    expect(buttonsOf(menu)).toContain('（八）两化融合项目奖补');
  });

  it('a measure without any award says so', async () => {
    const chat = conversation();
    await chat.say('第十四条');
    const reply = await chat.say('估算奖励');
    expect(textOf(reply)).toContain('措施（十四）设立工业互联网基金没有规定奖励或补贴的金额');
  });

  it('取消 with nothing running says there is nothing to leave', async () => {
    expect(textOf(await conversation().say('取消'))).toContain('目前没有进行中的估算');
  });
});

describe('an early stop shows only what the user said', () => {
  it('does not list a default (already received = 0) the user was never asked', async () => {
    const chat = conversation();
    await chat.say(estimateCommand(rule('security-emergency-platform')));
    await chat.say('是');
    const result = await chat.say('不是');
    expect(result[0].text).toContain('区域性工业互联网安全应急处置平台应为“是”');
    expect(result[0].text).not.toContain('政策期内已获此项补助累计');
    expect(cardText(result)).not.toContain('政策期内已获此项补助累计');
  });
});

describe('which award a request to estimate is about', () => {
  it('starts the interview of the award the words single out, without asking which of the measure’s awards', async () => {
    const chat = conversation();
    const first = textOf(await chat.say('我们的人工智能应用场景评上了十佳，帮我测一下能拿多少'));
    expect(first).toContain('“未来城市”十佳场景奖励');
    expect(first).not.toContain('估算哪一项');
    const other = textOf(await conversation().say('我们新认定了数字化车间，帮我算下奖励'));
    expect(other).toContain('“工业赋能”场景示范奖励');
  });
});
