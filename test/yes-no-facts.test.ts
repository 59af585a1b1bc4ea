import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app';
import { askOnce } from './support/chat';

/**
 * Yes/no questions that state facts, through the real app (TestAdapter): the facts are read
 * (knowledge/question-facts.json) and judged by the rules module; the reply leads with the answer.
 */
let app: App;
beforeAll(async () => {
  app = await createApp({ STORAGE: 'memory' });
});

const ask = (text: string): Promise<string> => askOnce(app, text);

describe('yes/no questions judged on the facts they state', () => {
  it('不能 when the 智能软硬件 investment said after 软硬件…投了 is below （三）’s 500万', async () => {
    const reply = await ask('智慧社区场景智能软硬件才投了450万，评十佳能拿奖励吗');
    expect(reply).toMatch(/^\*\*不能\*\*/);
    expect(reply).toContain('500万');
  });

  it('不能 for a recognition below the city level: 区里认定 is no （三）’s 市级新认定', async () => {
    const reply = await ask('我们的智能工厂是区里认定的，还没有市级认定，能拿100万奖励吗');
    expect(reply).toMatch(/^\*\*不能/);
    expect(reply).toContain('市级新认定');
  });

  it('不能 for a project the province approved, said with 的 between (省里立的项): no （九）’s 国家立项', async () => {
    const reply = await ask('我们的标识解析项目是省里立的项，能拿（九）的奖励吗');
    expect(reply).toMatch(/^\*\*不能/);
    expect(reply).toContain('国家立项');
  });

  it('who owns the enterprise (民营) does not take over a yes/no question: no such distinction, then the measure’s conditions', async () => {
    const reply = await ask('我们是民营企业，能申请安全应急平台补助吗');
    expect(reply).toMatch(/^通知没有区分企业的所有制，对“民营企业”/);
    expect(reply).toContain('措施（十二）');
    expect(reply).toContain('在我市注册法人机构');
  });

  it('an ownership word in a question about no measure is read whole: still outside', async () => {
    const reply = await ask('外资企业增资扩股有奖励吗');
    expect(reply).toMatch(/^通知没有提到/);
    expect(reply).not.toContain('所有制');
  });

  it('不能 for a project the government invested in, however the words run (政府投资…项目)', async () => {
    const reply = await ask('市政府投资建设的智慧交通项目入选了十佳场景，能拿奖励吗');
    expect(reply).toMatch(/^\*\*不能\*\*/);
    expect(reply).toContain('政府投资项目除外');
  });

  it('不是政府投资的项目 is not one: the longer negation wins', async () => {
    const reply = await ask('我们不是政府投资的项目，评上十佳了，智能软硬件投了800万，能拿吗');
    expect(reply).toMatch(/^\*\*能/);
    expect(reply).toContain('您说的是“不是政府投资的项目”');
  });

  it('不能拿到 the sum asked about when the rule pays less (what is left of the cumulative cap), with that sum', async () => {
    const reply = await ask('安全应急处置平台之前累计拿了150万，今年运营费用400万，能拿80万吗');
    expect(reply).toMatch(/^\*\*不能拿到80万\*\*/);
    expect(reply).toContain('500,000.00 元（50万元）');
  });

  it('不能拿到 the sum asked right after 奖励 when the rate pays less (（九）: 5% of the central funds)', async () => {
    const reply = await ask('标识解析项目国家给了中央财政资金600万，市里能奖励50万吗');
    expect(reply).toMatch(/^\*\*不能拿到50万\*\*/);
    expect(reply).toContain('300,000.00 元（30万元）');
  });

  it('可以 for a measure without an amount when the question states what its subject is (在青岛注册)', async () => {
    const reply = await ask('我们是北京的工业互联网服务商，打算在青岛注册法人公司，能拿奖励吗');
    expect(reply).toMatch(/^\*\*可以\*\*/);
    expect(reply).toContain('措施（十一）');
    expect(reply).toContain('财源');
  });

  it('不能 for it when the question says the registration is elsewhere', async () => {
    const reply = await ask('在深圳注册的工业互联网服务商能拿服务商注册奖励吗');
    expect(reply).toMatch(/^\*\*不能\*\*/);
    expect(reply).toContain('在青注册法人机构');
  });
});

describe('what counts as something a rule asks about', () => {
  it('算不算…中小企业, the name last: the notice does not define it; the rule’s own explanation, citing （八）', async () => {
    const reply = await ask('年营业收入2亿的制造企业，算不算中小企业呢');
    expect(reply).toMatch(/^\*\*通知没有规定\*\*“中小企业”的认定标准/);
    expect(reply).toContain('措施（八）');
    expect(reply).toContain('中小企业划型标准规定');
  });

  it('…的认定标准 right after an input’s name (投资额)', async () => {
    const reply = await ask('两化融合的完成投资额怎么认定');
    expect(reply).toMatch(/^\*\*通知没有规定\*\*/);
    expect(reply).toContain('实际完成的投资');
  });

  it('a yes/no question that only mentions the name among its facts is judged as before', async () => {
    expect(await ask('我们属于中小企业，两化融合项目投了80万已经上线，能拿吗')).toMatch(/^\*\*能/);
  });
});

describe('an AI system bought for a scene, and hoping to 评个奖', () => {
  it('AI…系统…花了 is （三）’s 智能软硬件 investment in an AI scene, 评个奖 its 评选: the 十佳 award, not （八）', async () => {
    const reply = await ask('我们做智慧交通项目，上了AI调度系统花了800万，想评个奖');
    expect(reply).toContain('措施（三）');
    expect(reply).toContain('十佳场景');
  });

  it('an AI system beside 两化融合 is still （八）’s investment', async () => {
    expect(await ask('我们上了AI质检系统，投了200万，两化融合能补吗')).toContain('措施（八）');
  });
});


describe('a 能 with the amount names the measure in its lead', () => {
  it('the computed award cites its measure: 能：按通知原口径，措施（八）的…', async () => {
    const reply = await ask('我们是中小企业，网络和工业软件投了80万，项目年内已经上线，能拿两化融合奖补吗');
    expect(reply).toMatch(/^\*\*能，符合条件\*\*：按通知原口径，措施（八）的/);
  });
});

describe('a negated statement with words between (没纳入…名录)', () => {
  it('还没纳入平台服务商名录 is not in （六）’s directory: 不能', async () => {
    const reply = await ask('我们还没纳入平台服务商名录，服务了80家本地企业、收入2000万，能拿奖补吗');
    expect(reply).toMatch(/^\*\*不能\*\*/);
    expect(reply).toContain('措施（六）');
  });
});

describe('another Shandong city as where the enterprise is registered', () => {
  it('在潍坊注册 says no to （十二）’s 在我市注册, though the question names Qingdao', async () => {
    const reply = await ask('我们是在潍坊注册的公司，做区域性工业互联网安全应急处置平台，能拿青岛的运营补助吗');
    expect(reply).toMatch(/^\*\*不能\*\*/);
    expect(reply).toContain('在我市注册');
  });

  it('a question about another Shandong city’s policy is outside, as 北京’s is', async () => {
    expect(await ask('威海的两化融合补贴多少')).toMatch(/通知没有提到“威海的政策”/);
  });
});

describe('a system connected and in use, in users’ words', () => {
  it('连上网 is 联网 and 用起来了 is 上线: （八）’s award, computed', async () => {
    const reply = await ask('我们是中小企业，上了套ERP管理系统，机器都连上网了，投了90万，已经用起来了，能补吗');
    expect(reply).toMatch(/^\*\*能，符合条件\*\*：按通知原口径，措施（八）的/);
  });
});

describe('the 十佳 评选 in users’ words', () => {
  it('评最好的 is the 评选 and 有奖吗 asks whether there is an award: （三）’s 十佳 award', async () => {
    const reply = await ask('我们在学校做了套5G加AI的智慧课堂，软硬件投了700万，想参加市里评最好的场景，有奖吗');
    expect(reply).toMatch(/^\*\*有\*\*：措施（三）/);
    expect(reply).toContain('十佳场景');
  });
});
