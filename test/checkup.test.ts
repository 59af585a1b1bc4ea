import type { Activity } from 'botbuilder';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app';
import { startConversation, textOf } from './support/chat';
import { allInputs } from '../src/rules';

let app: App;
beforeAll(async () => {
  app = await createApp({ STORAGE: 'memory' });
});

const conversation = () => startConversation(app);

const cardText = (replies: Partial<Activity>[]): string =>
  JSON.stringify(replies.flatMap((r) => r.attachments ?? []).map((a) => a.content));

/** The input whose declared question the bot's last message asks. */
function askedKey(replies: Partial<Activity>[]): string | undefined {
  const text = replies.at(-1)?.text ?? '';
  return [...allInputs.entries()].find(([, spec]) => text.includes(spec.question))?.[0];
}

/**
 * Runs the check-up, answering each question from `answers` by the key it asks (so the
 * test does not depend on the order); fails on a question it did not expect. Returns
 * the keys asked, in order, the progress labels, and the summary.
 */
async function checkUpWith(answers: Record<string, string>, opening = '政策体检') {
  const chat = conversation();
  let replies = await chat.say(opening);
  const asked: string[] = [];
  const progress: string[] = [];
  for (let turn = 0; turn < 30; turn++) {
    const key = askedKey(replies);
    if (!key) break;
    expect(answers, `unexpected question: ${key}`).toHaveProperty(key);
    asked.push(key);
    progress.push(/第\d+题\/共约\d+题/.exec(replies.at(-1)?.text ?? '')?.[0] ?? '');
    replies = await chat.say(answers[key]);
  }
  return { chat, asked, progress, summary: replies };
}

/** An SME that is a listed platform provider and carries a national identifier project. */
const threeRules = {
  newlyRecognized: '否',
  is5gOrAi: '不是',
  inProviderDirectory: '是',
  isSme: '是的',
  completed: '对',
  nationallyApproved: '有',
  registeredInQingdao: '否',
  inKeyProjectLibrary: '没有',
  localEnterprisesServed: '72家',
  localServiceRevenue: '1,800万',
  investment: '三百二十万元',
  centralFunds: '1000万',
};

describe('the policy check-up', () => {
  it('asks each shared input once, prunes what a “no” rules out, and totals three awards', async () => {
    const { chat, asked, progress, summary } = await checkUpWith(threeRules);
    // Each answer was needed and asked once; 5G "no" skipped the top-ten questions,
    // "not registered" skipped the platform's costs, "not in the library" skipped the capital.
    expect(new Set(asked)).toEqual(new Set(Object.keys(threeRules)));
    expect(asked).toHaveLength(Object.keys(threeRules).length);
    // Gates first.
    expect(asked.slice(0, 8).every((key) => allInputs.get(key)!.kind === 'yesno')).toBe(true);
    expect(progress[0]).toMatch(/^第1题\/共约\d+题$/);
    expect(progress.at(-1)).toBe(`第${asked.length}题/共约${asked.length}题`);

    expect(textOf(summary)).toContain('请核对您的回答（政策体检）');
    expect(textOf(summary)).toContain('18,000,000 元');

    const result = await chat.say('确认');
    const text = textOf(result);
    expect(text).toContain('您可能符合 3 项奖补，合计约 4,740,000.00 元（474万元）');
    expect(text).toContain('措施（六） 平台服务商上云用平台奖补：3,600,000.00 元');
    expect(text).toContain('措施（八） 两化融合项目奖补：640,000.00 元');
    expect(text).toContain('措施（九） 标识解析项目奖励：500,000.00 元');
    expect(text).toContain('能否叠加由市工业和信息化局决定');
    expect(text).toContain('按原政策口径测算，仅供参考');
    expect(cardText(result)).toContain('合计约 4,740,000.00 元');
    expect(cardText(result)).toContain('10,000,000 × 5% = 500,000');
  });

  it('starts from 我能享受哪些政策 too, and shows the equity ceiling apart from the total', async () => {
    const answers = {
      newlyRecognized: '否',
      is5gOrAi: '否',
      inProviderDirectory: '否',
      isSme: '是',
      completed: '是',
      nationallyApproved: '否',
      registeredInQingdao: '否',
      inKeyProjectLibrary: '是',
      investment: '300万',
      totalShareCapital: '4000万',
    };
    const { chat, asked } = await checkUpWith(answers, '我能享受哪些政策');
    expect(new Set(asked)).toEqual(new Set(Object.keys(answers)));
    const text = textOf(await chat.say('确认'));
    expect(text).toContain('您可能符合 1 项奖补，合计约 600,000.00 元（60万元）');
    expect(text).toContain('市级财政股权投资上限 20,000,000.00 元（2000万元），不是奖励，不计入合计');
  });

  it('lets a check-up answer be corrected from the summary', async () => {
    const { chat } = await checkUpWith(threeRules);
    const again = await chat.say('修改投资额');
    expect(askedKey(again)).toBe('investment');
    expect(textOf(await chat.say('50万'))).toContain('500,000 元');
    expect(textOf(await chat.say('确认'))).toContain('合计约 4,200,000.00 元');
  });

  it('when every gate is no, says nothing can be estimated and names the measures without amounts', async () => {
    const gates = Object.fromEntries(
      [...allInputs.entries()].filter(([, spec]) => spec.kind === 'yesno').map(([key]) => [key, key === 'governmentInvested' ? '是' : '否']),
    );
    const { chat, asked } = await checkUpWith(gates);
    expect(asked.every((key) => allInputs.get(key)!.kind === 'yesno')).toBe(true);
    const text = textOf(await chat.say('确认'));
    expect(text).toContain('暂未发现可以测算金额的奖补');
    expect(text).toContain('措施（七）技术改造综合奖补');
  });

  it('can be left with 退出', async () => {
    const chat = conversation();
    await chat.say('政策体检');
    const left = await chat.say('退出');
    expect(textOf(left)).toContain('已退出政策体检');
    expect(textOf(left)).toContain('重新开始');
  });
});
