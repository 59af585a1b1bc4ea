import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app';
import { askOnce } from './support/chat';

/**
 * Ways of saying things that the blind7 conversations showed the bot missing, each asked here
 * in other words (through the real app, TestAdapter): an award had, then 还能 another with no
 * comma between; a yes/no question ending in 没; the networks a plant lays; how much, said
 * with an adverb of degree (挺可观); where, said with a word of position (周边).
 */
let app: App;
beforeAll(async () => {
  app = await createApp({ STORAGE: 'memory' });
});

const ask = (text: string): Promise<string> => askOnce(app, text);

describe('spoken forms', () => {
  it('…了还能再申请… with no comma names two awards: combining, which the notice does not settle', async () => {
    const reply = await ask('拿过标识解析的奖励了还能再申请两化融合的奖补吗');
    expect(reply).toMatch(/^通知未规定/);
    expect(reply).toContain('措施（九）');
    expect(reply).toContain('措施（八）');
  });

  it('having had one award, 还能 with one measure stays a yes/no question about it', async () => {
    const reply = await ask('已累计拿了150万还能申请安全平台补助吗');
    expect(reply).not.toMatch(/^通知未规定/);
    expect(reply).toContain('措施（十二）');
  });

  it('a question ending in 没 (有补贴没) is a yes/no question, judged on the facts it states', async () => {
    const reply = await ask('我们上了一套MES花了80万，有补贴没');
    expect(reply).toMatch(/\*\*能，如果\*\*/);
    expect(reply).toContain('措施（八）');
  });

  it('还没 at the end is not a question put as …没', async () => {
    const reply = await ask('两化融合的奖补我们还没');
    expect(reply).not.toMatch(/\*\*能，如果\*\*|\*\*不能\*\*/);
  });

  it('a plant network (局域网, 以太网, 无线网) is the 网络 of （八）', async () => {
    for (const text of ['厂里装了局域网，花了60万，能补多少', '厂区铺无线网和以太网有补助吗']) {
      const reply = await ask(text);
      // 局域网 alone ties （八） with （七）'s 技术改造 (both say 网络/改造 in some form): （八） first.
      expect(reply.match(/措施（[一二三四五六七八九十]+）/)?.[0], text).toBe('措施（八）');
      expect(reply, text).not.toMatch(/通知没有提到/);
    }
  });

  it('收入很可观 and 给周边的企业 say how much and where: not topics the notice lacks', async () => {
    const reply = await ask('我们给周边几十家企业做上云服务，收入很可观，能奖点不');
    expect(reply).toContain('措施（六）');
    expect(reply).not.toMatch(/通知没有提到/);
  });
});
