import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app';
import { startConversation, textOf } from './support/chat';

/**
 * Short follow-ups whose own words name no measure, through the real app (TestAdapter): they
 * are about the measure in context; how they are put (留着, 还有, 一次) never makes them
 * "outside the notice".
 */
let app: App;
beforeAll(async () => {
  app = await createApp({ STORAGE: 'memory' });
});

const conversation = () => {
  const c = startConversation(app);
  return async (text: string) => textOf(await c.say(text));
};

describe('short follow-ups stay on the measure in context', () => {
  it('a verb with 着 (拿着) is how it is put: whom （九）’s award goes to, in the notice’s words', async () => {
    const ask = conversation();
    await ask('标识解析的奖励是怎么规定的');
    const reply = await ask('这钱发给谁，公司可以一直拿着吗');
    expect(reply).not.toMatch(/通知没有提到/);
    expect(reply).toContain('措施（九）');
    expect(reply).toContain('核心团队');
  });

  it('一次 is how often, not 一次性: 一次发多少 after （二） gives its figures', async () => {
    const ask = conversation();
    await ask('定期发布场景清单是什么意思');
    const reply = await ask('一次发几个');
    expect(reply).toContain('措施（二）');
    expect(reply).toContain('200个');
  });

  it('还有哪些 after （十四） is about （十四）', async () => {
    const ask = conversation();
    await ask('工业互联网基金是怎么回事');
    const reply = await ask('还有哪些基金');
    expect(reply).not.toMatch(/通知没有提到/);
    expect(reply).toContain('海创千峰');
  });

  it('除此之外, 多长时间, a verb run with 着 (留着用) are how it is put, on three topics', async () => {
    for (const [first, then, expected] of [
      ['工业互联网基金规模多大', '除此之外还有别的基金吗', '措施（十四）'],
      ['场景清单多久发布', '多长时间发一次', '措施（二）'],
      ['标识解析奖励给谁', '这笔奖金企业能自己留着用吗', '措施（九）'],
    ]) {
      const ask = conversation();
      await ask(first);
      const reply = await ask(then);
      expect(reply).not.toMatch(/通知没有提到/);
      expect(reply).toContain(expected);
    }
  });

  it('东西 (什么东西) is not a place: no "other city" reply', async () => {
    expect(await conversation()('场景清单是什么东西')).not.toMatch(/东西的政策/);
  });

  it('a fund’s 盘子 is its 规模: after （十四）, how big it is gives the 100亿', async () => {
    const ask = conversation();
    await ask('工业互联网基金的情况介绍一下');
    const reply = await ask('这个基金盘子多大');
    expect(reply).toContain('措施（十四）');
    expect(reply).toMatch(/100亿/);
  });

  it('它们 points at the measure in context, which stays when it has the words in some form (方式 → its 形式)', async () => {
    const ask = conversation();
    await ask('共性技术攻关那条讲什么');
    const reply = await ask('它们以什么方式得到支持');
    expect(reply).toMatch(/^\*\*措施（十六）/);
    expect(reply).toContain('股权投资形式');
  });

  it('入口 is how to apply, not a place: the measure in context, with what the notice does not say', async () => {
    const ask = conversation();
    await ask('标识解析项目的奖励');
    const reply = await ask('网上申请有入口吗');
    expect(reply).not.toMatch(/通知没有提到“入口/);
    expect(reply).toContain('措施（九）');
  });
});
