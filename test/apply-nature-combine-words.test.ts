import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app';
import { askOnce } from './support/chat';

/**
 * More ways to ask how to apply, whether money is a subsidy and whether awards combine
 * (knowledge/dialogue.json), through the real app (TestAdapter).
 */
let app: App;
beforeAll(async () => {
  app = await createApp({ STORAGE: 'memory' });
});

const ask = (text: string): Promise<string> => askOnce(app, text);

describe('how to apply, subsidy or not, combining: more of the words people use', () => {
  it('a 模板 for a named measure is a how-to-apply question: no materials in the notice, its units', async () => {
    const reply = await ask('两化融合项目的申请表有没有范本');
    expect(reply).toMatch(/^通知没有写明申报需要提交的材料/);
    expect(reply).toContain('措施（八）');
    expect(reply).toContain('市工业和信息化局');
  });

  it('联系哪个部门 to get an award is whom to contact: no window in the notice first, then the units and the expiry', async () => {
    const reply = await ask('想申请标识解析项目的奖励，应该联系哪个部门');
    expect(reply).toMatch(/^通知没有写明具体的受理窗口和联系人/);
    expect(reply).toContain('措施（九）');
    expect(reply).toContain('2022年12月31日');
  });

  it('是不是…补钱 about （十三） is answered 不算补贴, equity up to 50% of the share capital', async () => {
    const reply = await ask('拨改投是不是政府直接补钱');
    expect(reply).toMatch(/^\*\*不算补贴\*\*/);
    expect(reply).toContain('总股本的50%');
  });

  it('拿了 an award named by more words than one gap holds (拿了…补贴，还能…) is combining, both measures cited', async () => {
    const reply = await ask('拿了市里给的两化融合补贴，还能申请安全平台补助吗');
    expect(reply).toMatch(/^通知未规定/);
    expect(reply).toContain('措施（八）');
    expect(reply).toContain('措施（十二）');
  });

  it('同一笔 investment under two measures is combining: the notice does not say, both cited', async () => {
    const reply = await ask('同一笔投资拿了两化融合奖补，还能再申请十佳场景奖励吗');
    expect(reply).toMatch(/^通知未规定/);
    expect(reply).toContain('措施（三）');
    expect(reply).toContain('措施（八）');
  });
});
