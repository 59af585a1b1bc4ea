import type { Activity } from 'botbuilder';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app';
import { getRule, type QuantifiedRule } from '../src/rules';
import { startConversation, textOf } from './support/chat';

/**
 * The interview cases of the shared dev conversation set (../shared/eval/conversations.dev.jsonl,
 * kind "interview", and the regression interview rg-pingtai-360), as transcripts through
 * the real app. Each test follows its case's turns and checks what the case is about
 * (its "why"), more closely than the set's regexes do: the amount, the clause, the
 * question asked next.
 */

let app: App;
beforeAll(async () => {
  app = await createApp({ STORAGE: 'memory' });
});

const rule = (id: string) => getRule(id) as QuantifiedRule;
const question = (ruleId: string, key: string): string => rule(ruleId).inputs[key].question;
const buttonsOf = (replies: Partial<Activity>[]): string[] =>
  replies.at(-1)?.suggestedActions?.actions.map((a) => String(a.title)) ?? [];
const cardText = (replies: Partial<Activity>[]): string =>
  JSON.stringify(replies.flatMap((r) => r.attachments ?? []).map((a) => a.content));

describe('the dev set’s interview cases', () => {
  it('iv-bare-50: only "50" for the investment, most likely 50万 — the unit is asked, nothing is concluded', async () => {
    const chat = startConversation(app);
    await chat.say('帮我估算两化融合补贴');
    await chat.say('是');
    expect(textOf(await chat.say('是'))).toContain(question('two-integration', 'investment'));
    const reply = await chat.say('50');
    expect(textOf(reply)).toContain('您是指50万元吗？');
    expect(textOf(reply)).not.toMatch(/不符合|可获/);
    expect(buttonsOf(reply)).toEqual(expect.arrayContaining(['50万元', '50元']));
  });

  it('iv-early-fix: 没有 to the 名录, then 说错了，已经纳入名录了 — corrected, and the interview goes on', async () => {
    const chat = startConversation(app);
    expect(textOf(await chat.say('帮我估算平台服务商奖补'))).toContain(question('platform-cloud-service', 'inProviderDirectory'));
    expect(textOf(await chat.say('没有'))).toContain('不符合条件');
    const reply = await chat.say('说错了，已经纳入名录了');
    expect(textOf(reply)).toContain(question('platform-cloud-service', 'localEnterprisesServed'));
    expect(textOf(reply)).not.toMatch(/没有在通知中找到|请问您想了解哪一条/);
  });

  it('iv-after-result: 150万 → 300,000; 投资额其实是250万 → recomputed, 250万 × 20% = 50万', async () => {
    const chat = startConversation(app);
    await chat.say('帮我估算两化融合补贴');
    await chat.say('是');
    await chat.say('是');
    expect(textOf(await chat.say('150万'))).toContain('1,500,000 元');
    expect((await chat.say('确认'))[0].text).toContain('结论：可获约 300,000.00 元（30万元）');
    const reply = await chat.say('投资额其实是250万');
    expect(reply[0].text).toContain('结论：可获约 500,000.00 元（50万元），一次性');
    expect(cardText(reply)).toContain('2,500,000 × 20% = 500,000；未超过上限 2,000,000');
    expect(cardText(reply)).toContain('措施（八）');
  });

  it('iv-trad-shi: 是的，屬於中小企業 in traditional script is a yes, and the next question comes', async () => {
    const chat = startConversation(app);
    await chat.say('帮我估算两化融合补贴');
    const reply = await chat.say('是的，屬於中小企業');
    expect(textOf(reply)).toContain(question('two-integration', 'completed'));
    expect(textOf(reply)).not.toMatch(/没能读懂|请回答/);
  });

  it('iv-help: 什么算中小企业 while asked — the definition, then the same question', async () => {
    const chat = startConversation(app);
    await chat.say('帮我估算两化融合补贴');
    const reply = await chat.say('什么算中小企业');
    expect(textOf(reply)).toContain('划型标准');
    expect(textOf(reply)).toContain('从业人员');
    expect(textOf(reply)).toContain('营业收入');
    expect(reply.at(-1)?.text).toContain(question('two-integration', 'isSme'));
  });

  it('rg-pingtai-360 (regression): 是 / 1800万 / 72家 in whatever order asked, 确认 → 1800万 × 20% = 360万', async () => {
    const chat = startConversation(app);
    const answers: [string, string][] = [
      [question('platform-cloud-service', 'inProviderDirectory'), '是'],
      [question('platform-cloud-service', 'localServiceRevenue'), '1800万'],
      [question('platform-cloud-service', 'localEnterprisesServed'), '72家'],
      ['请核对', '确认'],
    ];
    let replies = await chat.say('帮我估算平台服务商奖补');
    for (let turn = 0; turn < 8 && !textOf(replies).includes('结论'); turn++) {
      const [, text] = answers.find(([asked]) => textOf(replies).includes(asked))!;
      replies = await chat.say(text);
    }
    expect(replies[0].text).toContain('3,600,000.00 元（360万元），按年度');
  });
});
