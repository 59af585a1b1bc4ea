import { ActivityTypes, type Activity } from 'botbuilder';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app';
import { startConversation } from './support/chat';

let app: App;
beforeAll(async () => {
  app = await createApp({ STORAGE: 'memory' });
});

const conversation = () => startConversation(app);

const actionTitles = (activity: Partial<Activity>) => activity.suggestedActions?.actions.map((a) => a.title) ?? [];

describe('the bot', () => {
  it('greets a new member with what it can do and the five sections', async () => {
    const { adapter } = conversation();
    await adapter.receiveActivity({
      type: ActivityTypes.ConversationUpdate,
      membersAdded: [{ id: 'user', name: 'User' }],
      recipient: { id: 'bot', name: 'Bot' },
    } as Partial<Activity>);
    const [hello] = adapter.activeQueue;
    expect(hello.text).toContain('政策助手');
    expect(hello.text).toContain('20条措施');
    expect(actionTitles(hello)).toHaveLength(5);
    expect(actionTitles(hello)[0]).toBe('一、构建完备的工业互联网生态');
  });

  it('answers a question with the measure, its figures, units and the validity note', async () => {
    const [answer] = await conversation().say('两化融合项目补贴多少');
    expect(answer.text).toContain('措施（八）推进两化深度融合');
    expect(answer.text).toContain('按照投资额的20%给予奖补，最高不超过200万元');
    expect(answer.text).toContain('责任单位：市工业和信息化局；市财政局；各区、市政府');
    expect(answer.text).toContain('有效期至2022年12月31日');
    expect(actionTitles(answer)).toEqual(expect.arrayContaining(['查看原文', '相关措施']));
  });

  it('answers a follow-up about 这条 from the measure last discussed', async () => {
    const chat = conversation();
    await chat.say('标识解析项目有什么奖励');
    const [units] = await chat.say('这条的责任单位是谁');
    expect(units.text).toContain('措施（九）');
    expect(units.text).toContain('市工业和信息化局；市科技局；市财政局；各区、市政府');
    const [original] = await chat.say('查看原文');
    expect(original.text).toContain('（九）推进工业互联网标识解析体系建设。对我市获批国家立项支持');
  });

  it('answers who is responsible for a measure named in the question', async () => {
    const [reply] = await conversation().say('措施8的责任单位是谁');
    expect(reply.text).toBe('措施（八）推进两化深度融合的责任单位：市工业和信息化局；市财政局；各区、市政府。');
  });

  it('asks for a measure when 这条 has nothing to refer to', async () => {
    const [reply] = await conversation().say('这条的责任单位是谁');
    expect(reply.text).toContain('请先告诉我您想了解哪一条措施');
  });

  it('says what the notice does not mention when nothing matches, and offers the topic menu', async () => {
    const [reply] = await conversation().say('今天天气怎么样');
    expect(reply.text).toMatch(/^通知没有提到“天气”/);
    expect(actionTitles(reply)).toHaveLength(5);
  });

  it('understands traditional characters', async () => {
    const [reply] = await conversation().say('企業上雲有什麼補貼');
    expect(reply.text).toContain('措施（六）支持企业用户上云用平台');
  });

  it('resolves direct references and lists a section', async () => {
    const chat = conversation();
    expect((await chat.say('第十四条'))[0].text).toContain('措施（十四）设立工业互联网基金');
    const [menu] = await chat.say('三、发展全链条的工业互联网体系');
    expect(actionTitles(menu)).toEqual([
      '（九）推进工业互联网标识解析体系建设',
      '（十）支持5G基站建设',
      '（十一）培育工业互联网服务商梯队',
      '（十二）支持工业互联网安全保障体系建设',
    ]);
    expect((await chat.say('第二十一条'))[0].text).toContain('没有第21条');
  });

  it('asks which measure was meant when the best two are close', async () => {
    const [reply] = await conversation().say('平台服务商名录');
    expect(reply.text).toContain('请问您想了解哪一条');
    expect(actionTitles(reply)).toEqual(expect.arrayContaining(['（五）支持行业领域工业互联网平台建设', '（六）支持企业用户上云用平台']));
  });

  it('answers questions about the notice itself', async () => {
    const chat = conversation();
    expect((await chat.say('这个政策的有效期到什么时候'))[0].text).toContain('有效期至2022年12月31日');
    expect((await chat.say('发文单位是谁'))[0].text).toContain('青岛市人民政府办公厅');
    expect((await chat.say('什么时候发布的'))[0].text).toContain('2020年8月5日');
    expect((await chat.say('适用范围'))[0].text).toContain('各区、市人民政府');
  });

  it('shows help at any time', async () => {
    const [reply] = await conversation().say('帮助');
    expect(reply.text).toContain('使用方法');
  });

  it('refuses an over-long message in Chinese and keeps the conversation', async () => {
    const chat = conversation();
    await chat.say('第八条');
    const [tooLong] = await chat.say('补贴'.repeat(300));
    expect(tooLong.text).toContain('超过了500字');
    const [units] = await chat.say('这条的责任单位是谁');
    expect(units.text).toContain('措施（八）');
  });
});

describe('the 估算奖励 button', () => {
  it('starts the estimate of the measure just discussed, not of the measure its words match', async () => {
    const chat = conversation();
    await chat.say('两化融合项目补贴多少');
    const replies = await chat.say('估算奖励');
    const text = replies.map((r) => r.text ?? '').join('\n');
    expect(text).toContain('两化融合');
    expect(text).not.toContain('平台服务商');
  });
});
