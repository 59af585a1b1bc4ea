import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app';
import { loadKnowledge } from '../src/knowledge';
import { respond } from '../src/replies';
import { askInOrder, askOnce, startConversation, textOf } from './support/chat';

/**
 * Ways of saying things that the blind7 conversations showed the bot missing, each asked here
 * in other words (through the real app, TestAdapter): an award had, then 还能 another with no
 * comma between; a yes/no question ending in 没; the networks a plant lays; how much, said
 * with an adverb of degree (挺可观); where, said with a word of position (周边). And what
 * the blind8 conversations showed: how an application is handed in (递交) and by when
 * (时限); a follow-up whose word the topic writes while another measure's title has it too;
 * a year after the notice expired, which leads the answer whatever else the question states.
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


  it('递交 and 时限 after a measure are how-to-apply questions about it: no procedure in the notice, its units, the expiry', async () => {
    for (const [topic, question] of [
      ['安全应急处置平台有什么补助', '申请书要去哪里递交'],
      ['安全应急处置平台有什么补助', '申报时限有多长'],
    ]) {
      const reply = await askInOrder(app, topic, question);
      expect(reply, question).not.toMatch(/通知没有提到/);
      expect(reply, question).toContain('措施（十二）');
      expect(reply, question).toContain('2022年12月31日');
    }
  });

  it('a follow-up whose word the topic writes as it is stays on the topic (用什么方式 after （四）: 股权、债权等方式)', async () => {
    const reply = await askInOrder(app, '海尔卡奥斯这类双跨平台市里怎么支持', '具体是什么方式');
    expect(reply).toMatch(/^\*\*措施（四）/);
    expect(reply).toContain('债权');
  });

  it('…but a follow-up naming another measure by a synonym switches (那两化融合呢 after （六）)', async () => {
    const reply = await askInOrder(app, '平台服务商的上云奖补怎么算', '那两化融合呢');
    expect(reply).toContain('措施（八）');
    expect(reply).not.toMatch(/^\*\*措施（六）/);
  });

  it('a year after the notice expired leads the answer, even when the question states what the rule asks', async () => {
    const reply = await ask('2024年认定的数字化车间，还能按这份通知拿50万吗');
    expect(reply).toMatch(/^\*\*现在不能再按本通知申报\*\*/);
    expect(reply).toContain('2022年12月31日');
  });

  it('a requirement no measure sets (成立几年, 注册资本) is said to be unset first, then the conditions the measure sets', async () => {
    const years = await ask('两化融合项目奖补对企业成立满三年有要求吗');
    expect(years).toMatch(/^\*\*通知没有规定成立或运营的年限\*\*/);
    expect(years).toContain('措施（八）');
    expect(years).toContain('中小企业');
    const capital = await ask('申请标识解析项目奖励，注册资本要多少');
    expect(capital).toMatch(/^\*\*通知没有规定注册资本\*\*/);
    expect(capital).toContain('措施（九）');
  });

  it('…while a question about such a thing alone stays outside the notice (纳税有优惠吗)', async () => {
    const reply = await ask('企业纳税有优惠吗');
    expect(reply).toMatch(/^通知没有提到“纳税”/);
  });

  it('the summary before an estimate asks its question as one (以上回答都对吗？…确认), as every step does', async () => {
    const chat = startConversation(app);
    await chat.say('帮我估算两化融合补贴');
    await chat.say('是');
    await chat.say('是');
    const summary = textOf(await chat.say('80万'));
    const questionLines = summary.split('\n').filter((line) => /[？?]/.test(line));
    expect(questionLines.at(-1)).toMatch(/^以上回答都对吗？.*确认/);
    expect(textOf(await chat.say('确认'))).toContain('160,000');
  });

  it('a legal person elsewhere, only a branch or an office in Qingdao, is not registered here: 不能', async () => {
    const reply = await ask('我们的安全应急处置平台只有个分公司在青岛，法人在济南，能拿补助吗');
    expect(reply).toMatch(/^\*\*不能\*\*/);
    expect(reply).toContain('措施（十二）');
  });

  it('谢谢，很有帮助 is thanks, not a question', async () => {
    const reply = await ask('谢谢，很有帮助');
    expect(reply).not.toMatch(/通知没有提到/);
  });

  it('a discount from the platform (打折, 便宜点) is （六）\'s 优惠', async () => {
    const reply = await ask('中小企业用平台的云服务，平台能打折吗');
    expect(reply).toContain('措施（六）');
    expect(reply).not.toMatch(/通知没有提到/);
  });

  it('按年度 asks whether it is yearly, and leaves no piece of 年度 behind as an unknown word', async () => {
    const reply = await ask('安全应急平台的补助是按年度给的吗');
    expect(reply).toContain('措施（十二）');
    expect(reply).not.toMatch(/通知没有提到/);
  });

  it('两化熔合 (熔 for 融) is put right', async () => {
    expect(await ask('两化熔合的项目最多补多少')).toContain('措施（八）');
  });

  it('你会些啥 asks what the assistant can do', async () => {
    const reply = await ask('你都会些啥');
    expect(reply).not.toMatch(/通知没有/);
    expect(reply).toMatch(/政策体检|估算/);
  });

  it('the awards capped at a sum are the answer\'s measures (封顶200万的有哪几条 → （三）（八）（十二）)', () => {
    const knowledge = loadKnowledge();
    const ctx = { notice: knowledge.notice, search: app.search, isEstimable: () => true };
    expect(respond('上限是200万元的奖补都有哪些', undefined, ctx).measures).toEqual([3, 8, 12]);
  });

  it('a kind of enterprise asked with 什么 (中小企业能享受什么) gets the awards for that kind, not a request to name a measure', async () => {
    const reply = await ask('中小企业在这个通知里能享受什么');
    expect(reply).toContain('措施（八）');
    expect(reply).not.toMatch(/请先告诉我您想了解哪一条措施/);
  });

  it('a detail the notice does not write, about a measure named by a term of its title only it has, is answered from that measure', async () => {
    const reply = await ask('上云用平台的奖补按开票金额算吗');
    expect(reply).toMatch(/^措施（六）支持企业用户上云用平台没有提到/);
  });

  it('…but a short word of a title (开发 of 房地产开发) does not pull an outside question in', async () => {
    expect(await ask('房地产开发贷款有补贴吗')).toMatch(/^通知没有提到/);
  });
});

/**
 * What the blind11 questions showed: who asks (同事, 老板, 客户经理) and how a role is asked
 * (扮演什么角色, 能干点啥) are not topics; a detail asked about a measure named by a term of
 * its text only it has; a stake asked as 股份; the notice's own phrase beating its words
 * scattered over another measure; a measure that writes no sum, asked how much.
 */
describe('spoken forms (blind11)', () => {
  it('a detail asked about a term only one measure writes (十佳场景) is answered from it, saying what it does not mention', async () => {
    const reply = await ask('十佳场景奖励发给供应商还是项目业主');
    expect(reply).toMatch(/^措施（三）开展场景示范应用没有提到“供应商”“业主”/);
  });

  it('…but a noun heading a compound after another of its words (两化融合专利) is another topic', async () => {
    expect(await ask('两化融合专利有补贴吗')).toMatch(/^通知没有提到“专利”/);
  });

  it('how a role is asked (扮演什么角色, 能干点啥) is not a topic', async () => {
    expect(await ask('商会协会在这里面扮演什么角色')).toMatch(/^\*\*措施（十八）/);
    expect(await ask('商会能干点啥')).toMatch(/^\*\*措施（十八）/);
  });

  it('who asks (老板, 同事, 客户经理) is not a topic', async () => {
    expect(await ask('我们老板想知道两化融合补多少')).toContain('措施（八）');
    expect(await ask('我是银行的客户经理，想了解供应链金融这条')).toMatch(/^\*\*措施（十五）/);
  });

  it('股份 and 占股 are （十三）’s 总股本', async () => {
    expect(await ask('财政股权投资占股最多多少')).toContain('措施（十三）');
  });

  it('工信 and 哪个局 ask the responsible units', async () => {
    expect(await ask('5G基站那条归哪个局')).toMatch(/^措施（十）支持5G基站建设的责任单位：市工业和信息化局/);
    expect(await ask('区工信想问两化融合哪个局牵头')).toMatch(/^措施（八）推进两化深度融合的责任单位/);
  });

  it('the notice’s own phrase (服务本地企业) wins over its words scattered over other measures', async () => {
    expect(await ask('服务本地企业的家数有要求吗')).toContain('措施（六）');
  });

  it('how much, asked of a measure that writes no sum, says so first', async () => {
    expect(await ask('卡奥斯那条写明奖多少了吗')).toMatch(/^措施（四）支持跨行业跨领域工业互联网平台建设\*\*没有写明具体金额或比例\*\*/);
  });
});

/**
 * What the blind12 sets showed: Qingdao's districts named beside a question (李沧, 城阳区), a
 * providers' 名单 for the notice's 名录, a which-measures question that says how support is given
 * (以股权形式), and a project that will go live only later.
 */
describe('spoken forms (blind12)', () => {
  it('a district of Qingdao (李沧, 城阳区) is neither a topic nor missing from the notice', async () => {
    const reply = await ask('我们在李沧，做了MES花了80万，两化融合能补多少');
    expect(reply).toContain('措施（八）');
    expect(reply).not.toMatch(/通知没有提到/);
    expect(await ask('城阳区的工业互联网平台服务商有什么奖补')).toContain('措施（六）');
  });

  it('在服务商名单里 is being in the providers’ 名录: the award is computed', async () => {
    expect(await ask('我们在服务商名单里，服务本地60家企业，收入1500万，能拿多少')).toMatch(/^\*\*能，符合条件\*\*.*3,000,000\.00 元/);
  });

  it('a which-measures question that says how support is given (以股权形式) lists the measures naming the thing', async () => {
    const reply = await ask('哪些措施写到以股权形式支持');
    for (const measure of ['措施（四）', '措施（十三）', '措施（十六）']) expect(reply).toContain(measure);
  });

  it('programmes of other policies (服务型制造, 绿色工厂) are outside the notice, not （十四） or （三）', async () => {
    expect(await ask('服务型制造示范项目能拿奖补吗')).toMatch(/^通知没有提到“服务型制造”/);
    expect(await ask('绿色工厂认定有奖励吗')).toMatch(/^通知没有提到“绿色工厂”/);
  });

  it('having had one award, 又… or 同一个… then 还能 another is combining, however long between', async () => {
    const first = await ask('拿了标识解析的奖励，又评上了十佳场景，十佳的奖励还能拿吗');
    expect(first).toMatch(/^通知未规定/);
    expect(first).toContain('措施（九）');
    const second = await ask('评上了自动化生产线，同一个产线的软件投入还能再申请两化融合吗');
    expect(second).toMatch(/^通知未规定/);
    expect(second).toContain('措施（八）');
  });

  it('会不会冲突 asks about combining two awards', async () => {
    expect(await ask('拿了两化融合奖补，再拿上云补贴会冲突吗')).toMatch(/^通知未规定/);
  });

  it('whether what （六） leaves out counts (外省客户的收入) is answered 不算, quoting what it counts', async () => {
    const reply = await ask('上云用平台奖补里，外省客户的收入能算进去吗');
    expect(reply).toMatch(/^\*\*不算\*\*：措施（六）的平台服务商上云用平台奖补只计“年度服务本地企业50家以上/);
  });

  it('a project that goes live only later (下个月才上线) is not 竣工（上线）: 不能', async () => {
    expect(await ask('MES投了100万，下个月才上线，能申请两化融合吗')).toMatch(/^\*\*不能\*\*/);
  });
});

describe('yes/no questions about what the notice writes', () => {
  it('a yes/no question whose every word the answering sentence writes leads with 通知写到了这一点', async () => {
    expect(await ask('事业单位的项目会纳入场景清单管理吗')).toMatch(/^\*\*通知写到了这一点\*\*：见措施（一）/);
    expect(await ask('高校可以参与标识解析体系建设吗')).toMatch(/^\*\*通知写到了这一点\*\*：见措施（九）/);
  });

  it('…but not when the sentence lacks a word or a number of it, or the question asks what', async () => {
    expect(await ask('场景清单每月发布一次吗')).not.toMatch(/通知写到了这一点/);
    expect(await ask('工业赋能场景每季度发布500个吗')).not.toMatch(/通知写到了这一点/);
    expect(await ask('人才赋能基金支持什么')).not.toMatch(/通知写到了这一点/);
  });
});

/**
 * What the blind13 sets showed: who asks and dialect pronouns (记者, 顾问, 俺们) are not
 * topics; other industries' programmes (光伏, 元宇宙) are outside; 是不是拿不到… is a yes/no
 * question, not one about what the money is; 拿过了…再… is asking for another award; an enterprise
 * that uses the cloud is not the provider （六） pays; 没写具体多少钱 lists the measures without
 * an amount; 场景示范项目奖励 names the award called 场景示范奖励.
 */
describe('spoken forms (blind13)', () => {
  it('who asks and dialect pronouns (俺们, 咱们, 顾问) are not topics', async () => {
    expect(await ask('俺们想问问两化融合的补贴咋算')).toMatch(/^\*\*措施（八）/);
    expect(await ask('我是顾问，咱们标识解析奖励给谁')).toContain('措施（九）');
  });

  it('other industries’ programmes (光伏, 元宇宙) are outside the notice', async () => {
    expect(await ask('光伏电站有补贴吗')).toMatch(/^通知没有提到“光伏”/);
    expect(await ask('元宇宙企业有什么扶持')).toMatch(/^通知没有提到“元宇宙”/);
  });

  it('是不是拿不到… asks whether one can have it: judged on the facts', async () => {
    expect(await ask('政府投资的项目是不是拿不到十佳场景奖励')).toMatch(/^\*\*不能\*\*：措施（三）规定“政府投资项目除外”/);
  });

  it('拿过了…再… another award is combining', async () => {
    expect(await ask('拿过了标识解析奖励，再做ERP还能拿两化融合的钱吗')).toMatch(/^通知未规定/);
  });

  it('an enterprise that uses the cloud (用云的小企业) is not the provider （六） pays', async () => {
    expect(await ask('用云的小企业自己能申请上云用平台那个奖补吗')).toMatch(/^\*\*不能直接\*\*/);
  });

  it('没写具体多少钱 lists the measures that promise support without an amount', async () => {
    expect(await ask('哪几条只说支持没写具体多少钱')).toContain('措施（四）');
  });

  it('a figure the notice writes, not a sum an award reads (100亿, 200个), names its measure', async () => {
    // Without the figure as a word, 钱 and 工业互联网 also rank （六） and （三）: a choice between three.
    expect(await ask('100亿的工业互联网基金钱从哪儿来')).toMatch(/^\*\*措施（十四）/);
    expect(await ask('每季度200个场景指的是哪个清单')).toContain('措施（二）');
  });

  it('a rate or figure quoted back is shown as the user wrote it (5%), never as the index word', async () => {
    const reply = await ask('两化融合奖补按5%吗');
    expect(reply).not.toMatch(/RATE|FIG/);
    expect(reply).toContain('5%');
  });

  it('场景示范项目奖励 names the award called 场景示范奖励, not the 十佳场景 one', async () => {
    const chat = startConversation(app);
    expect(textOf(await chat.say('帮我算算场景示范项目奖励'))).toContain('“工业赋能”场景示范奖励');
  });
});

/**
 * What the blind14 sets showed: 再会/回见 are goodbyes; whether the notice still works in a
 * later year leads with its expiry; 当责任单位的措施 lists a unit's measures; 跟…有关的措施 lists
 * the measures that name it; 西海岸新区 is Qingdao; 起点 asks the threshold; an either-or
 * question answered by one side; a statement taken out of a yes/no question that named its
 * measure (新认定, 注册在…).
 */
describe('spoken forms (blind14)', () => {
  it('谢谢，回见 is a goodbye', async () => {
    expect(await ask('谢谢，回见')).toMatch(/^再见/);
  });

  it('whether the notice still works in a later year leads with its expiry', async () => {
    expect(await ask('这个政策2026年还管用吗')).toMatch(/^\*\*已经到期\*\*/);
  });

  it('当责任单位的措施 lists the unit’s measures; 跟…有关的措施 those that name it', async () => {
    expect(await ask('商务局当责任单位的措施有哪些')).toMatch(/^市商务局是以下1条措施的责任单位/);
    expect(await ask('跟人工智能有关的措施有哪些')).toMatch(/^通知中写到“人工智能”的措施有\d条/);
  });

  it('西海岸新区 is Qingdao, and registering there names （十一）', async () => {
    const reply = await ask('注册在西海岸新区的服务商有奖励吗');
    expect(reply).toContain('措施（十一）');
    expect(reply).not.toMatch(/新区的政策/);
  });

  it('起点 asks the threshold', async () => {
    expect(await ask('两化融合投资的起点是多少')).toMatch(/^措施（八）推进两化深度融合的条件/);
  });

  it('an either-or question whose one side the measure has is answered from it, saying what it does not mention', async () => {
    expect(await ask('卡奥斯是给现金还是入股')).toMatch(/^措施（四）支持跨行业跨领域工业互联网平台建设没有提到“现金”/);
  });

  it('a statement that named the measure (刚被市里新认定) is judged by its rule', async () => {
    expect(await ask('我们的数字化车间刚被市里新认定，是不是能拿50万')).toMatch(/^\*\*能，符合条件\*\*：.*500,000\.00 元/);
  });
});

describe('how a question is addressed and asked', () => {
  it('a greeting, an address or an asking verb inside a question (你好, 同志, 大哥, 打听, 麻烦) is no topic', async () => {
    expect(await ask('你好，我想打听一下标识解析的奖励')).toMatch(/^\*\*措施（九）/);
    expect(await ask('同志，5G基站有什么政策')).toMatch(/^\*\*措施（十）/);
    expect(await ask('大哥，我们厂做了MES能补吗')).toContain('措施（八）');
  });
});

/**
 * What the blind15 sets showed: whether an award has a cap leads; 两个亿 is an amount; coming
 * to Qingdao to register is registering in Qingdao; 运营花了 is the operating cost; digital yuan
 * is another policy.
 */
describe('spoken forms (blind15)', () => {
  it('有没有上限/有封顶吗 leads with the cap, or that the notice sets none', async () => {
    expect(await ask('标识解析中央资金1000万，奖励有没有上限')).toMatch(/^\*\*没有上限\*\*：措施（九）的标识解析项目奖励按其获得中央财政资金的5%（通知未规定上限）。/);
    expect(await ask('两化融合奖补有封顶吗，投了2000万')).toMatch(/^\*\*有上限\*\*：措施（八）写明“最高不超过200万元”/);
  });

  it('来青岛注册 is registering in Qingdao', async () => {
    expect(await ask('外地服务商来青岛注册法人能拿奖励吗')).toMatch(/^\*\*可以\*\*：措施（十一）/);
  });

  it('一年运营花了300万 is the operating cost: 20% is computed', async () => {
    expect(await ask('在青岛注册的区域性安全应急处置平台，一年运营花了300万，能贴多少')).toContain('600,000.00 元');
  });

  it('how much, asked with a plant described in words the notice lacks (小机加工厂), is judged on the facts that fit a rule', async () => {
    expect(await ask('我们即墨一个小机加工厂，今年花了80万上了MES，已经用起来了，能给多少')).toContain('措施（八）');
  });

  it('有钱拿吗 asks whether there is money for what the message names, not for a list of all awards', async () => {
    expect(await ask('我们的数字化车间刚被市里认定了，有钱拿吗')).toMatch(/^\*\*有\*\*：措施（三）/);
    expect(await ask('标识解析项目是不是都有钱拿')).toContain('措施（九）');
  });

  it('数字人民币 is another policy', async () => {
    expect(await ask('数字人民币怎么开通')).toMatch(/^通知没有提到“数字人民币”/);
  });
});

/**
 * What the blind16 sets showed: a term only one measure writes, with details the notice lacks,
 * when nothing covers enough of the question; a term of neighbouring policy the best measure
 * lacks (电价) decides; 云计算 is no 计算 (working out) and no 算…补贴吗; buying cloud resources
 * is being the platform's user; 换个话题 and 省里 are how it is put.
 */
describe('spoken forms (blind16)', () => {
  it('a term only one measure writes (技能大赛), with details it lacks, is answered from it', async () => {
    expect(await ask('我是职业学校的，想带学生参加工业互联网技能大赛，文件里有提到吗')).toMatch(/^措施（十七）[^\n]*没有提到/);
  });

  it('…but not when a word joined to the term makes another thing (区块链专项资金) or it is another city’s', async () => {
    expect(await ask('区块链专项资金怎么申请')).not.toMatch(/措施（十三）/);
    expect(await ask('杭州的5G基站电费补贴标准是多少')).toMatch(/^通知没有提到“杭州的政策”/);
  });

  it('…nor when a noun before the term, past the words the measure has, names another fund (十强|产业|专项资金)', async () => {
    expect(await ask('市里“海工装备产业”专项资金里能拿多少')).not.toMatch(/^措施（十三）/);
  });

  it('a term of neighbouring policy the best measure lacks decides: outside (工业电价)', async () => {
    expect(await ask('制造企业用的工业电价能优惠吗')).toMatch(/^通知没有提到“电价”/);
  });

  it('云计算 is no request to work an award out, and buying cloud resources is being the platform’s user', async () => {
    expect(await ask('小企业自己买云计算资源，政府直接给补贴吗')).toMatch(/^\*\*不能直接\*\*/);
  });

  it('换个话题 is how a question is put', async () => {
    expect(await ask('换个话题，商会协会在里面起啥作用')).toMatch(/^\*\*措施（十八）/);
  });
});

/**
 * What the blind17 conversations showed: a request to estimate that names its award beside
 * words the notice lacks; 设了最高限额 lists the capped awards; 既拿…又拿 is combining;
 * 去哪报 asks where to apply.
 */
describe('spoken forms (blind17)', () => {
  it('a request to estimate names its award though other words are the notice’s to lack (我们拿的中央钱挺多)', async () => {
    const chat = startConversation(app);
    expect(textOf(await chat.say('帮我算算标识解析奖励，我们拿的中央钱挺多'))).toContain('**标识解析项目奖励**');
  });

  it('设了最高限额 lists the awards with a cap, not the largest one', async () => {
    expect(await ask('哪些奖补设了最高限额')).toMatch(/^写明上限（封顶）或金额的奖补有\d项/);
  });

  it('既拿…又拿 is combining; 去哪报 asks where to apply', async () => {
    expect(await ask('既拿两化融合奖补又拿上云奖补，可以吗')).toMatch(/^通知未规定/);
    expect(await ask('想把项目报进工业赋能场景清单，去哪报')).toMatch(/^通知没有写明申报流程/);
  });
});

/**
 * What the blind18 conversations and questions showed: a condition of the measure said beside
 * an award had (法人注册在青岛) is no second award; 哪几条…上限 lists the capped awards;
 * vouchers are another programme; Qingdao's districts that jieba does not tag as places;
 * 一家 is an article; what the asker makes says who asks, not what about.
 */
describe('spoken forms (blind18)', () => {
  it('an award had, with a condition of the same measure said beside it: judged by its cumulative cap, not as combining', async () => {
    const reply = await ask('我们的安全应急处置平台注册在本市，之前累计拿了200万补助，今年还能再申请吗');
    expect(reply).toMatch(/^\*\*不能\*\*：政策期内累计补助上限 2,000,000 元已经用完/);
    expect(reply).not.toMatch(/。。/);
  });

  it('能超过100万吗 asks about the award: the rule pays less, and says so first', async () => {
    expect(await ask('入选十佳的AI场景，软硬件投资700万，奖励能超过100万吗')).toMatch(/^\*\*不能拿到超过100万\*\*：[^\n]*700,000\.00 元/);
  });

  it('the figures of a measure without an amount quote what it says of the support (按…政策给予奖励)', async () => {
    const chat = startConversation(app);
    await chat.say('吸引外地服务商来青注册法人有奖励吗');
    const reply = textOf(await chat.say('按什么标准奖'));
    expect(reply).toMatch(/^措施（十一）[^\n]*没有写明具体金额或比例，原文对支持是这样写的/);
    expect(reply).toContain('按支持财源经济发展相关政策给予奖励');
  });

  it('a yes/no question about the period is answered 是 / 不是 first; which period, as before', async () => {
    expect(await ask('标识解析的奖励会不会年年都给')).toMatch(/^\*\*不是\*\*：措施（九）[^\n]*是一次性的/);
    expect(await ask('安全应急处置平台的补助是按年度给吗')).toMatch(/^\*\*是\*\*：措施（十二）[^\n]*是按年度的/);
    expect(await ask('两化融合奖补是一次性的还是每年都有')).toMatch(/^措施（八）[^\n]*：\*\*一次性\*\*/);
  });

  it('which measures name two topics (融资和人才): the measures that name either, said so', async () => {
    const reply = await ask('跟融资和人才有关的措施有哪几条');
    expect(reply).toMatch(/^通知中写到“融资”或“人才”的措施有\d条/);
    expect(reply).toContain('措施（十五）');
    expect(reply).toContain('措施（十七）');
  });

  it('which measures name a compound (股权投资): those that write it, then those that write only its distinctive word', async () => {
    const reply = await ask('通知里有哪些条涉及股权投资');
    expect(reply).toMatch(/^通知中写到“股权投资”的措施有2条/);
    expect(reply).toMatch(/另外写到“股权”的：\n- 措施（四）/);
    // A word of one part (服务商) has no such tier.
    expect(await ask('跟服务商有关的措施有哪几条')).not.toContain('另外写到');
  });

  it('a building’s roof (天台, 楼顶) is among the premises （十） opens to base stations for free', async () => {
    expect(await ask('政府办公楼的天台能免费装5G基站吗')).toMatch(/^\*\*通知写到了这一点\*\*：见措施（十）/);
  });

  it('fees for patents (专利申请, 专利授权) are another programme; 手上 is how a question is put', async () => {
    expect(await ask('青岛对专利申请有资助吗')).toMatch(/^通知没有提到“专利申请”/);
    expect(await ask('我们手上有几项专利，能不能拿去融资')).toMatch(/^通知没有提到“专利”。/);
  });

  it('法人在… says where the legal entity is registered', async () => {
    expect(await ask('安全应急处置平台的法人在济南，能拿补助吗')).toMatch(/^\*\*不能\*\*：措施（十二）的条件是“在我市注册法人机构”，而您说的是“法人在济南”/);
    expect(await ask('我们的安全应急处置平台法人在青岛，已经领了150万补助，还能补吗')).toMatch(/✔ 在我市注册法人机构[^\n]*您说的是“法人在青岛”/);
  });

  it('哪几条…上限 and 有上限的是哪几条 list the awards with a cap', async () => {
    for (const question of ['有上限的是哪几条', '哪几项奖补有封顶']) {
      expect(await ask(question)).toMatch(/^写明上限（封顶）或金额的奖补有\d项/);
    }
  });

  it('a voucher is another programme; with a measure named beside it, that measure is only the nearest', async () => {
    expect(await ask('算力券怎么申请')).toMatch(/^通知没有提到“算力券”/);
    const reply = await ask('创新券可以用在两化融合项目上吗');
    expect(reply).toMatch(/^通知没有提到“创新券”/);
    expect(reply).toContain('最相关的是措施（八）');
  });

  it('a district jieba does not tag as a place (即墨, 西海岸) still says the company comes to Qingdao', async () => {
    const reply = await ask('我们是杭州的工业互联网服务商，准备在西海岸注册法人公司，有奖励吗');
    expect(reply).toContain('措施（十一）');
    expect(reply).not.toMatch(/没有提到“杭州/);
  });

  it('一家 is an article, not a count of enterprises served', async () => {
    expect(await ask('我们是一家平台服务商，服务本地企业的收入有补贴吗')).not.toMatch(/您说的是1家/);
    expect(await ask('我们平台一年只服务了1家本地企业，能拿服务商奖补吗')).toMatch(/^\*\*不能\*\*：[^\n]*50家以上[^\n]*1家/);
  });

  it('what the asker makes (做服装的, 纺织行业的) says who asks: the rest of the question names the measure', async () => {
    expect(await ask('我们是做服装的企业，想上云，有补贴吗')).toContain('措施（六）');
    expect(await ask('我们做纺织行业的细分平台，通知里有相关支持吗')).toContain('措施（五）');
    // Nor is it noted as missing beside an answer (做五金的小厂).
    const answer = await ask('我们是做五金的小厂，今年上了ERP花了80万，能补多少');
    expect(answer).not.toMatch(/没有提到/);
    expect(answer).toContain('160,000.00 元');
    // A designation of another policy is no trade: 瞪羚企业 stays outside the notice.
    expect(await ask('瞪羚企业认定有奖励吗')).toMatch(/^通知没有提到/);
  });
});

/**
 * What the blind19 conversations and questions showed: which measures mention something, asked
 * with 提到/涉及/有关 and 条款; a follow-up asking who must do what the measure writes; lists
 * published (公布); a company that 落地 in Qingdao.
 */
describe('spoken forms (blind19)', () => {
  it('which measures mention something, asked with 提到 / 涉及 / 有关的条款', async () => {
    expect(await ask('文件里涉及人才的有哪几条')).toMatch(/^通知中写到“人才”的措施有\d条/);
    // One measure writes it: that measure is the answer.
    expect(await ask('跟融资有关的条款都有哪些')).toMatch(/^\*\*措施（十五）/);
    expect(await ask('通知里讲到5G的有哪些措施')).toMatch(/^通知中写到“5G”的措施有\d条/);
    // With nothing named, the overview.
    expect(await ask('通知里有哪些措施')).toMatch(/共5个方面、20条措施/);
  });

  it('哪些单位… after a measure: the sentence its other words point at, then the responsible units', async () => {
    const chat = startConversation(app);
    await chat.say('5G基站建设通知里怎么说');
    const reply = textOf(await chat.say('哪些单位要免费开放场所'));
    expect(reply).toMatch(/^措施（十）[^\n]*原文：“各级政府机关、事业单位、国有企业/);
    expect(reply).toContain('的责任单位：');
  });

  it('公布 is 发布, and 落地 in Qingdao is registering there', async () => {
    expect(await ask('场景清单多长时间公布一回')).toMatch(/^\*\*措施（二）/);
    expect(await ask('外地的工业互联网服务商来青岛落地，能享受什么')).toContain('措施（十一）');
  });
});

/**
 * What the blind20 conversations and questions showed: 一块拿 and 还能再领 are combining;
 * 找谁对接 asks whom to contact about the measure in context; agriculture is another sector;
 * 会不会 is how a question is put.
 */
describe('spoken forms (blind20)', () => {
  it('一块拿 and …还能再领… name two awards: combining, which the notice does not settle', async () => {
    expect(await ask('上云奖补和标识解析奖励能一块拿吗')).toMatch(/^通知未规定/);
    expect(await ask('拿到市里股权投资的项目，还能再领两化融合补贴吗')).toMatch(/^通知未规定/);
  });

  it('找谁对接 after a measure asks whom to contact about it', async () => {
    const chat = startConversation(app);
    await chat.say('支持龙头企业建人才实训基地是哪条');
    expect(textOf(await chat.say('该找谁对接'))).toMatch(/措施（十七）[^\n]*的责任单位是/);
  });

  it('人工的还是机器人 asks who answers: an automated assistant', async () => {
    expect(await ask('请问你们是人工还是机器人？')).toMatch(/^我是青岛市工业互联网政策助手，一个自动回复的程序/);
  });

  it('agriculture is another sector; 会不会 says nothing of the topic', async () => {
    expect(await ask('智慧农业项目上物联网有补贴吗')).toMatch(/^通知没有提到/);
    expect(await ask('市里股权投资会不会控股我们')).toMatch(/^\*\*措施（十三）/);
  });
});

/**
 * What the blind21 conversations and questions showed: 办理 is how an application is put;
 * 还能按…申请 asks whether one can apply; 财政…投资 is government investment; 哪些地方提到 asks
 * which measures mention something; national programmes and the digital economy are other
 * policies; 注册法人 is something done, not a kind of enterprise.
 */
describe('spoken forms (blind21)', () => {
  it('去哪个部门办理 after a measure: the measure’s units, not a word the notice lacks', async () => {
    const chat = startConversation(app);
    await chat.say('安全应急处置平台有什么补助');
    expect(textOf(await chat.say('要去哪个部门办理'))).toMatch(/^通知没有写明具体的受理窗口和联系人。[\s\S]*措施（十二）/);
  });

  it('a year after the notice with 还能按…申请 leads with the expiry', async () => {
    expect(await ask('我们2024年上线的MES，还能按两化融合那条申请补贴吗')).toMatch(/^\*\*现在不能再按本通知申报\*\*/);
  });

  it('财政…投资 and 政府全额投资 are government investment, which （三）’s top-10 award leaves out', async () => {
    expect(await ask('财政全额投资的智慧交通项目评上了十佳场景，能拿那10%的奖励吗')).toMatch(/^\*\*不能\*\*：措施（三）规定“政府投资项目除外”/);
  });

  it('哪些地方提到 asks which measures mention something', async () => {
    expect(await ask('通知里哪些地方提到了人才')).toMatch(/^通知中写到“人才”的措施有\d条/);
  });

  it('national programmes and the digital economy are other policies', async () => {
    expect(await ask('数字经济方面有什么扶持')).toMatch(/^通知没有提到“数字经济”/);
    expect(await ask('国家级智能制造示范工厂怎么申报')).toMatch(/^通知没有提到“智能制造示范工厂”/);
  });

  it('来青岛注册法人 is something done, not the kind of enterprise （十二） pays', async () => {
    expect(await ask('上海的工业互联网公司来青岛注册法人有啥奖励')).not.toMatch(/^\*\*措施（十二）/);
  });

  it('who asks and how (报社记者, 想了解, 频率和数量) says nothing of which measure', async () => {
    expect(await ask('我是媒体记者，想了解场景清单的发布频次')).toMatch(/^\*\*措施（二）/);
  });

  it('这个机器人都能帮我查点啥 asks what the assistant can do', async () => {
    expect(await ask('这个机器人都能帮我查点啥')).not.toMatch(/^通知没有提到/);
  });
});

/**
 * What the blind22 conversations and questions showed: 财政出钱 is government investment, and a
 * word of a stated fact is not noted as missing; 贴息 is another programme; which measures, asked
 * 措施有哪些 / 在哪几条 / 涉及…的内容; 你这个 addresses the assistant; changing equipment (换设备) is
 * 技改; a fee for a base station's site is （十）'s 免费开放.
 */
describe('spoken forms (blind22)', () => {
  it('财政出钱建的 is government investment: 不能 first, with no note of 出钱 as missing', async () => {
    const reply = await ask('区里财政出钱建的智慧停车项目入选了十佳场景，能拿10%的奖励吗');
    expect(reply).toMatch(/^\*\*不能\*\*：措施（三）规定“政府投资项目除外”/);
  });

  it('贴息 is another programme', async () => {
    expect(await ask('上云的贷款能不能贴息')).toMatch(/^通知没有提到“贴息”/);
  });

  it('which measures, asked 措施有哪些 / 在哪几条 / 涉及…的内容', async () => {
    expect(await ask('提到人才的措施有哪些')).toMatch(/^通知中写到“人才”的措施有\d条/);
    expect(await ask('涉及场景清单的内容在哪几条')).toMatch(/^通知中写到“场景清单”的措施有\d条/);
  });

  it('你这个能帮我干啥 asks what the assistant can do', async () => {
    expect(await ask('你这个能帮我干点啥')).not.toMatch(/^通知没有/);
  });

  it('换设备 is 技改; a fee for a base station’s site is （十）’s 免费开放', async () => {
    expect(await ask('厂里打算更新设备，技改有奖补吗')).toContain('措施（七）');
    expect(await ask('国企楼顶给运营商建5G基站要收钱吗')).toContain('措施（十）');
  });
});
