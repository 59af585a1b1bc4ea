import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app';
import { startConversation, textOf } from './support/chat';

/**
 * How people say things, as a second blind set of conversations showed (issue 10, third
 * round): spoken requests to estimate, spoken yes/no forms, facts that contradict a
 * condition, lists asked in other words, follow-ups put colloquially, paraphrase. Through
 * the real app (TestAdapter), with sentences of our own.
 */
let app: App;
beforeAll(async () => {
  app = await createApp({ STORAGE: 'memory' });
});

const chat = () => {
  const conversation = startConversation(app);
  return { ask: async (text: string) => textOf(await conversation.say(text)) };
};

/** The first words of an interview: 好的，我们来估算**<title>**（措施（N））… */
const startsInterview = (title: string) => new RegExp(`^好的，我们来估算\\*\\*${title}\\*\\*`);

describe('spoken requests to estimate start the interview of the measure the other words name', () => {
  it.each([
    ['上云用平台的奖补帮我测下', '平台服务商上云用平台奖补'],
    ['帮忙估一估两化融合能补多少', '两化融合项目奖补'],
    ['安全应急处置平台的补助给我算一算', '安全应急处置平台补助'],
    ['标识解析那笔奖励帮我看看能拿多少', '标识解析项目奖励'],
    ['两化融合这块你替我测一测', '两化融合项目奖补'],
  ])('%s', async (text, title) => {
    expect(await chat().ask(text)).toMatch(startsInterview(title));
  });

  it('naming nothing, the measure just discussed', async () => {
    const c = chat();
    await c.ask('两化融合项目有什么补贴');
    expect(await c.ask('那帮我估下')).toMatch(startsInterview('两化融合项目奖补'));
  });

  it('算 in other senses is no request to estimate', async () => {
    expect(await chat().ask('拨改投算不算补贴')).toMatch(/^\*\*不算补贴\*\*/);
    expect(await chat().ask('我们打算下个月上MES，政府能补吗')).not.toMatch(/^好的，我们来估算/);
  });
});
