import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app';
import { askInOrder } from './support/chat';

/**
 * Colloquial descriptions of what a measure pays for, through the real app (TestAdapter):
 * everyday words the notice never writes do not make a question "outside the notice" when
 * its distinctive words (as the notice or its synonyms have them) clearly hit one measure.
 */
let app: App;
beforeAll(async () => {
  app = await createApp({ STORAGE: 'memory' });
});

const ask = (...texts: string[]): Promise<string> => askInOrder(app, ...texts);

const OUTSIDE = /通知没有提到/;

describe('colloquial descriptions reach the measure that pays for them', () => {
  it('lines where machines do the work and nobody watches them are （三）’s 自动化生产线', async () => {
    const reply = await ask('车间好几条线都换成机器自己干，平时不用人盯，市里也认定过，这样有奖励吗');
    expect(reply).not.toMatch(OUTSIDE);
    expect(reply).toContain('措施（三）');
    expect(reply).toContain('50万元');
  });

  it('keeping hackers off local factories and handling incidents is （十二）’s 安全应急处置', async () => {
    const reply = await ask('我们在青岛注册，帮本地工厂防黑客，出了问题做应急处理，一年运营下来政府给补吗');
    expect(reply).not.toMatch(OUTSIDE);
    expect(reply).toContain('措施（十二）');
    expect(reply).toContain('20%');
  });

  it('the state taking a stake instead of handing out money is （十三）’s 拨改投', async () => {
    const reply = await ask('财政能以入股的方式投我们吗，而不是白给钱');
    expect(reply).toContain('措施（十三）');
    expect(reply).toContain('50%');
  });

  it('a product’s 身份证 code is its 标识 (（九）)', async () => {
    const reply = await ask('产品的“身份证”编码项目拿了国家的钱，市里奖多少');
    expect(reply).toContain('措施（九）');
    expect(reply).toContain('5%');
  });

  it('a short question whose head word the notice lacks stays outside (绿色工厂认定)', async () => {
    expect(await ask('绿色工厂认定有没有奖励')).toMatch(OUTSIDE);
  });

  it('a foreign provider setting up a legal entity here (海外…设法人) is （十一）’s 国内外…在青注册法人机构', async () => {
    const reply = await ask('海外的工业互联网企业在青岛设法人，有支持吗');
    expect(reply).toMatch(/^\*\*有\*\*/);
    expect(reply).toContain('措施（十一）');
  });

  it('overseas industrial internet, in English words among Chinese ones, is （十一）’s 国内外…工业互联网服务商', async () => {
    expect(await ask('overseas industrial internet 服务商在青岛注册法人有 subsidy 吗')).toContain('措施（十一）');
  });

  it('land use (用地, 出让) is another policy’s: the words are kept whole and the question stays outside', async () => {
    expect(await ask('工业用地出让金能减免吗')).toMatch(OUTSIDE);
  });

  it('a person’s 身份证 is not a product’s 身份证编码', async () => {
    expect(await ask('身份证丢了怎么补办')).toMatch(OUTSIDE);
  });

  it('a term of neighbouring policy (高新技术企业, 集成电路) is outside, not （七）’s 技术 or （八）’s 系统集成', async () => {
    expect(await ask('高新技术企业认定了能奖多少')).toMatch(/通知没有提到“高新技术企业”/);
    expect(await ask('做集成电路的企业有哪些补贴')).toMatch(/通知没有提到“集成电路”/);
  });

  it('a common mistyping (技该 for 技改) finds the measure as the right word does', async () => {
    expect(await ask('技该项目有综合奖补吗')).toContain('措施（七）');
  });

  it('another city beside Qingdao is where the asker comes from (总部在成都…在青岛设子公司): （十一）, not another city’s policy', async () => {
    const reply = await ask('总部在成都的工业互联网服务商，想在青岛设个子公司，有什么支持');
    expect(reply).toContain('措施（十一）');
    expect(reply).not.toMatch(/成都的政策/);
  });

  it('compared with Qingdao (跟青岛比), another city’s policy is outside the notice', async () => {
    expect(await ask('广州的两化融合补贴跟青岛比哪个多')).toMatch(/通知没有提到“广州的政策”/);
  });

  it('评上 is the city’s 认定: a workshop just 评上 数字化车间 is （三）’s fixed award', async () => {
    const reply = await ask('我们工厂刚评上数字化车间，给奖金吗');
    expect(reply).toContain('50万元');
    expect(reply).not.toMatch(OUTSIDE);
  });

  it('one noun the notice lacks (专利) beside more of （十五）’s distinctive words (数据资产, 银行, 抵押, 贷款) is （十五）', async () => {
    expect(await ask('我们准备用专利和数据资产向银行抵押贷款，有没有政策')).toContain('措施（十五）');
    // Alone, 专利 is still another topic.
    expect(await ask('专利申请费能资助吗')).toMatch(OUTSIDE);
  });

  it('a fragment of how it is said (拿到, a verb with its complement) weighs less than the measure’s distinctive words: （九）', async () => {
    const reply = await ask('我们拿到了国家部委的专项资金，给产品发身份证的项目，青岛还有奖励吗');
    expect(reply).toContain('措施（九）');
    expect(reply).not.toMatch(OUTSIDE);
  });

  it('a run with no verb (首台套) or of verbs a measure word ends (环评审批) is still another topic', async () => {
    expect(await ask('首台套保险补偿有吗')).toMatch(OUTSIDE);
    expect(await ask('建设项目环评审批要多久')).toMatch(OUTSIDE);
  });

  it('terms of neighbouring policy (节能改造, 合同能源管理, 工业设计中心, 本科生) are outside, not （八）’s 改造 or （三）’s 认定', async () => {
    expect(await ask('我们做节能改造，政府有没有支持')).toMatch(/通知没有提到“节能改造”/);
    expect(await ask('用合同能源管理模式建设的项目给奖补吗')).toMatch(/通知没有提到“合同能源管理”/);
    expect(await ask('申报市级工业设计中心能拿多少钱')).toMatch(/通知没有提到“工业设计中心”/);
    expect(await ask('应届本科生来青岛就业有补贴吗')).toMatch(OUTSIDE);
  });

  it('a provider from another province (外省) is among （十一）’s 国内外 providers registering in Qingdao', async () => {
    const reply = await ask('我们是一家外省做数字化改造方案的公司，准备在青岛设立独立法人的子公司，有没有奖励');
    expect(reply).toContain('措施（十一）');
    expect(reply).not.toMatch(OUTSIDE);
  });

  it('a penetration test or attack drill of control systems (工业控制系统…攻防演练) is （十二）’s 安全攻防验证', async () => {
    expect(await ask('我们想给工业控制系统做一次攻防演练，政策支持吗')).toContain('措施（十二）');
  });

  it('a station people name (高铁站, 汽车站) is （十）’s 公共交通枢纽 opened for 5G base stations', async () => {
    const reply = await ask('高铁站能不能免费给装5G基站');
    expect(reply).toMatch(/^\*\*措施（十）/);
    expect(reply).toContain('公共交通枢纽');
  });
});
