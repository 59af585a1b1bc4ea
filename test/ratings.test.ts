import type { Activity } from 'botbuilder';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app';
import { dayOf, type InsightEvent } from '../src/insights/events';
import { startConversation, textOf } from './support/chat';

let app: App;
beforeAll(async () => {
  app = await createApp({ STORAGE: 'memory' });
});

const buttons = (replies: Partial<Activity>[]) => replies.flatMap((r) => r.suggestedActions?.actions ?? []).map((a) => String(a.title));
const today = () => dayOf(Date.now());
async function recorded(): Promise<InsightEvent[]> {
  await app.insights!.flush();
  return app.store.insights.between(today(), today());
}
const since = async (count: number) => (await recorded()).slice(count);

describe('rating an answer (TestAdapter)', () => {
  it('offers 有帮助 / 没帮助 under an answer, takes one rating, and records it with the measure', async () => {
    const chat = startConversation(app);
    const before = (await recorded()).length;
    const answer = await chat.say('两化融合项目补贴多少');
    expect(textOf(answer)).toContain('措施（八）');
    expect(buttons(answer).slice(-2)).toEqual(['👍 有帮助', '👎 没帮助']);
    expect(textOf(await chat.say('有帮助'))).toContain('感谢您的反馈');
    expect(textOf(await chat.say('有帮助'))).toContain('已收到您的评价'); // once per answer
    const events = await since(before);
    const turn = events.find((e) => e.kind === 'turn');
    expect(turn).toMatchObject({ outcome: 'answered', measure: 8 });
    expect(turn).not.toHaveProperty('question'); // an answered question's words are not kept
    const score = (turn as { score?: number }).score!;
    expect(score).toBeGreaterThan(0.5); // how much of the question （八） covers
    expect(score).toBeLessThanOrEqual(1);
    const ratings = events.filter((e) => e.kind === 'rating');
    expect(ratings).toHaveLength(1);
    expect(ratings[0]).toMatchObject({ target: 'answer', value: 'helpful', measure: 8 });
    expect((ratings[0] as { turn?: string }).turn).toBe((turn as { id: string }).id);
  });

  it('records a score only for a measure found from the words asked: 1 when named by number, none from the topic or for a question asked back', async () => {
    const before = (await recorded()).length;
    const chat = startConversation(app);
    await chat.say('第十二条的责任单位是谁');
    await chat.say('补多少'); // about the topic: the measure came from the conversation, not the words
    await startConversation(app).say('补贴'); // which measure? asked back
    const turns = (await since(before)).filter((e) => e.kind === 'turn');
    expect(turns[0]).toMatchObject({ outcome: 'answered', measure: 12, score: 1 });
    expect(turns[1]).toMatchObject({ outcome: 'answered', measure: 12 });
    expect(turns[1]).not.toHaveProperty('score');
    expect(turns[2]).toMatchObject({ outcome: 'asked-which' });
    expect(turns[2]).not.toHaveProperty('score');
  });

  it('keeps the masked question of an answer rated 没帮助, and points to the units', async () => {
    const chat = startConversation(app);
    const before = (await recorded()).length;
    await chat.say('企业上云用平台的奖补怎么算，我电话13812345678');
    const sorry = textOf(await chat.say('没帮助'));
    expect(sorry).toContain('抱歉没能帮到您');
    expect(sorry).toContain('市工业和信息化局');
    const rating = (await since(before)).find((e) => e.kind === 'rating') as { value: string; question?: string };
    expect(rating.value).toBe('unhelpful');
    expect(rating.question).toContain('〔号码〕');
    expect(rating.question).not.toContain('13812345678');
  });

  it('records a question the notice does not answer, masked, and offers no rating', async () => {
    const chat = startConversation(app);
    const before = (await recorded()).length;
    const reply = await chat.say('首台套保险补偿有吗，我的邮箱是li@example.com');
    expect(buttons(reply)).not.toContain('👍 有帮助');
    const turn = (await since(before)).find((e) => e.kind === 'turn') as { outcome: string; question?: string };
    expect(turn.outcome).toBe('not-found');
    expect(turn.question).toMatch(/^首台套保险补偿有吗,我的邮箱是〔邮箱〕$/);
  });
});

describe('rating an estimate and the service (好差评)', () => {
  it('after an estimate: 有帮助, then the five levels, then an optional comment, masked', async () => {
    const chat = startConversation(app);
    const before = (await recorded()).length;
    await chat.say('帮我估算两化融合补贴');
    await chat.say('是');
    await chat.say('是');
    await chat.say('300万');
    const result = await chat.say('确认');
    expect(buttons(result).slice(-2)).toEqual(['👍 有帮助', '👎 没帮助']);
    const levels = await chat.say('有帮助');
    expect(buttons(levels)).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
    expect(textOf(await chat.say('不满意'))).toContain('哪里没有帮到您');
    expect(textOf(await chat.say('希望写明申报流程，有事打13900001111'))).toContain('感谢您的意见');
    const events = await since(before);
    expect(events.filter((e) => e.kind === 'interview').map((e) => (e as { step: string }).step)).toEqual(['start', 'ask', 'ask', 'ask', 'ask', 'done']);
    expect(events.filter((e) => e.kind === 'rating').map((e) => [(e as { target: string }).target, (e as { value: string }).value])).toEqual([
      ['estimate', 'helpful'],
      ['service', '不满意'],
    ]);
    const comment = events.find((e) => e.kind === 'comment') as { level: string; comment: string };
    expect(comment).toMatchObject({ level: '不满意', comment: '希望写明申报流程,有事打〔号码〕' });
  });

  it('asks the 好差评 at goodbye; a question after a rating is answered, not taken as a comment', async () => {
    const chat = startConversation(app);
    const before = (await recorded()).length;
    const bye = await chat.say('好的，再见');
    expect(textOf(bye)).toContain('请为本次服务评价');
    expect(buttons(bye)).toContain('非常满意');
    await chat.say('非常满意');
    expect(textOf(await chat.say('企业上云有什么补贴'))).toContain('措施（六）');
    const events = await since(before);
    expect(events.filter((e) => e.kind === 'comment')).toEqual([]);
    expect(events.find((e) => e.kind === 'rating')).toMatchObject({ target: 'service', value: '非常满意' });
  });

  it('a suggestion after a rating is its comment, though it names something the bot could answer', async () => {
    const chat = startConversation(app);
    const before = (await recorded()).length;
    await chat.say('好的，再见');
    await chat.say('基本满意');
    expect(textOf(await chat.say('建议把两化融合的申报入口也放进来'))).toContain('感谢您的意见');
    const events = await since(before);
    expect(events.find((e) => e.kind === 'comment')).toMatchObject({ level: '基本满意', comment: '建议把两化融合的申报入口也放进来' });
  });

  it('never requires a rating: the next question is simply answered', async () => {
    const chat = startConversation(app);
    await chat.say('两化融合项目补贴多少');
    expect(textOf(await chat.say('这条的责任单位是谁'))).toContain('工业和信息化局');
  });
});

describe('rating through Direct Line (Web Chat)', () => {
  it('shows the rating buttons to Web Chat and records the click', async () => {
    const { listeningApp } = await import('./support/server');
    const running = await listeningApp();
    try {
      const { token, conversationId } = running.app.directLine.generateToken();
      const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const url = `${running.base}/v3/directline/conversations`;
      await fetch(url, { method: 'POST', headers: auth });
      const post = (text: string) =>
        fetch(`${url}/${conversationId}/activities`, { method: 'POST', headers: auth, body: JSON.stringify({ type: 'message', from: { id: 'x' }, text }) });
      await post('标识解析项目有什么奖励');
      const page = await (await fetch(`${url}/${conversationId}/activities`, { headers: auth })).json();
      const answer = page.activities.at(-1);
      expect(answer.text).toContain('措施（九）');
      expect(answer.suggestedActions.actions.map((a: { value: string }) => a.value)).toEqual(expect.arrayContaining(['有帮助', '没帮助']));
      await post('有帮助');
      await running.app.insights!.flush();
      const events = await running.app.store.insights.between(today(), today());
      expect(events.find((e) => e.kind === 'rating')).toMatchObject({ channel: 'directline', target: 'answer', value: 'helpful', measure: 9 });
    } finally {
      await running.close();
    }
  });
});
