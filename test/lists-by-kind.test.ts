import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app';
import { askOnce } from './support/chat';

/**
 * Lists that filter the measures by how they pay (a share of one base, a cap, no amount at all)
 * or by whom they name, through the real app (TestAdapter): a list, not "which measure?".
 */
let app: App;
beforeAll(async () => {
  app = await createApp({ STORAGE: 'memory' });
});

const ask = (text: string): Promise<string> => askOnce(app, text);

describe('lists by kind', () => {
  it('awards capped at an amount: those whose cap is that amount, the others after', async () => {
    const reply = await ask('上限500万元的补助是哪几项');
    expect(reply).toMatch(/最高（封顶）500万元的奖补有1项/);
    expect(reply).toContain('措施（六）');
    expect(reply).toContain('其余奖补的上限或金额');
  });

  it('awards paid at a rate said with % (5%的是哪几条): those at that rate, the others after', async () => {
    const reply = await ask('补贴比例汇总一下，按10%给的是哪些');
    expect(reply).toMatch(/^按10%计算的奖补有1项/);
    expect(reply).toContain('“未来城市”十佳场景奖励');
    expect(reply).toContain('其余奖补的比例或金额');
  });

  it('every award with a cap, each with its cap (有上限的都列一下，各自上限多少), not "which measure?"', async () => {
    const reply = await ask('有上限的补助帮我列一下，各自上限多少');
    expect(reply).toMatch(/^写明上限（封顶）或金额的奖补有5项/);
    expect(reply).toContain('措施（六）平台服务商上云用平台奖补：最多500万元');
    expect(reply).toContain('措施（十二）安全应急处置平台补助：最多200万元');
    expect(reply).toContain('没有写明上限');
  });

  it('a cap word without an amount is still the largest award (最高的是哪条), not a cap', async () => {
    const reply = await ask('单项奖励最高的是哪条');
    expect(reply).toMatch(/^\*\*单项金额最高的是/);
  });

  it('the measures that promise support without an amount, each with its promise', async () => {
    const reply = await ask('有哪些条款没有写明金额的');
    for (const cite of ['措施（四）', '措施（七）', '措施（十）', '措施（十一）']) expect(reply).toContain(cite);
    expect(reply).toContain('技术改造综合奖补');
  });

  it('paid as a share of a base the words name (投资额): the rate awards among the measures found, the rest apart', async () => {
    const reply = await ask('按投资额百分比给奖补的都有哪些');
    expect(reply).toMatch(/按比例计算的奖补有2项与所问相关/);
    expect(reply).toContain('按照投资额的20%');
    expect(reply).toContain('智能软硬件投资额的10%');
    expect(reply).not.toMatch(/请问您想了解哪一条/);
  });

  it('which measures name a kind of beneficiary: every measure whose text names it', async () => {
    const reply = await ask('跟服务商相关的措施有哪几条');
    expect(reply).toMatch(/写到“服务商”的措施有4条/);
    for (const cite of ['措施（五）', '措施（六）', '措施（十一）', '措施（十四）']) expect(reply).toContain(cite);
  });

  it('a which-measures question whose words name one measure is answered with it', async () => {
    const reply = await ask('标识解析的政策有哪几条');
    expect(reply).toMatch(/^\*\*措施（九）/);
  });

  it('a verb and the adverb after it (算又, 给也) and 分别/各自 are how the list is asked: the rate awards with their caps', async () => {
    for (const text of ['按比例给也有上限的奖补有哪些，上限各自多少', '按比例算又有封顶的奖补有哪些']) {
      const reply = await ask(text);
      expect(reply).toMatch(/^按比例计算的奖补有5项/);
      expect(reply).toContain('措施（十二）');
    }
  });
});
