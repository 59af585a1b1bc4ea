import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app';
import { loadKnowledge } from '../src/knowledge';
import { allNotQuantifiedRules, allQuantifiedRules, COMBINATION_NOTE, getRule, type QuantifiedRule } from '../src/rules';
import { startConversation, textOf } from './support/chat';

/**
 * What enterprises actually say, through the real app (TestAdapter): follow-ups, how to
 * apply, yes/no questions, lists, combining, outside the notice, paraphrase, small talk.
 */
let app: App;
beforeAll(async () => {
  app = await createApp({ STORAGE: 'memory' });
});

/** A conversation; `ask` returns the text of the bot's replies to one message. */
const chat = () => {
  const conversation = startConversation(app);
  return {
    ...conversation,
    ask: async (text: string) => textOf(await conversation.say(text)),
    buttons: async (text: string) => (await conversation.say(text)).flatMap((r) => r.suggestedActions?.actions.map((a) => a.title) ?? []),
  };
};

/** The label a reply leads with when it answers with a measure: **措施（八）… */
const LEADS_WITH_MEASURE = /^[*#\s]*措施[（(]/;
const NOT_FOUND = /没有在通知中找到|没有找到/;

describe('elliptical follow-ups stay on the measure just discussed', () => {
  it('门槛是什么 after （六） gives its conditions from the rule declaration', async () => {
    const c = chat();
    await c.ask('企业上云用平台有什么奖补');
    const reply = await c.ask('门槛是什么');
    expect(reply).toContain('措施（六）');
    for (const condition of (getRule('platform-cloud-service') as QuantifiedRule).conditions) expect(reply).toContain(condition.quote);
  });

  it('起码 / 至少得 / 最少要 after a measure ask for its threshold: the conditions, not not-found', async () => {
    const c = chat();
    await c.ask('数字化车间认定有奖励吗');
    const reply = await c.ask('项目投资起码要多少');
    expect(reply).toMatch(/^措施（三）[\s\S]*条件/);
    expect(reply).toContain('500万元');
    const d = chat();
    await d.ask('两化融合奖补是什么');
    expect(await d.ask('投资至少得多少')).toMatch(/^措施（八）[\s\S]*条件/);
  });

  it('补多少 and 最高投多少 give the figures of the measure in context', async () => {
    const c = chat();
    await c.ask('工业互联网安全保障有什么政策');
    expect(await c.ask('补多少')).toMatch(/措施（十二）[\s\S]*年度运营费用的20%[\s\S]*累计补助不超过200万元/);
    const d = chat();
    await d.ask('拨改投是什么');
    expect(await d.ask('最高投多少')).toMatch(/措施（十三）[\s\S]*总股本的50%/);
  });

  it('哪个部门管 after （三） gives （三）’s units, not those of （二十）强化部门协同', async () => {
    const c = chat();
    await c.ask('十佳场景示范奖励多少');
    const reply = await c.ask('哪个部门管');
    expect(reply).toMatch(/^措施（三）/);
    expect(reply).not.toContain('（二十）');
  });

  it('a follow-up on the cap says when the notice sets none, from the rule', async () => {
    const c = chat();
    await c.ask('标识解析项目怎么奖励');
    expect(await c.ask('封顶是多少')).toMatch(/^措施（九）[^\n]*5%（通知未规定上限）/);
  });

  it('a question that names another topic switches to it', async () => {
    const c = chat();
    await c.ask('两化融合项目补贴多少');
    expect(await c.ask('那5G园区呢')).toMatch(LEADS_WITH_MEASURE);
    expect(await c.ask('哪个部门管')).toMatch(/^措施（十）/);
  });

  it('由哪个部门负责 stays on the topic: 负责 names no measure (（二十） has it among its units)', async () => {
    const c = chat();
    await c.ask('5G基站建设有什么支持');
    const reply = await c.ask('由哪个部门负责');
    expect(reply).toMatch(/^措施（十）[^\n]*市发展改革委/);
    expect(reply).not.toContain('（二十）');
  });

  it('a follow-up made only of how it is put (大概, 每次) stays on the topic', async () => {
    const c = chat();
    await c.ask('标识解析项目奖励多少');
    expect(await c.ask('大概每次能给多少')).toMatch(/^措施（九）[\s\S]*中央财政资金的5%/);
  });

  it('after a which-one question, a follow-up is about the first measure offered, and names it', async () => {
    const c = chat();
    const choice = await c.ask('平台服务商名录');
    const first = /- (措施（[一二三四五六七八九十]+）)/.exec(choice)?.[1];
    expect(first).toBeDefined();
    expect(await c.ask('由哪些部门负责')).toMatch(new RegExp(`^${first}`));
  });

  it('points at the topic and asks what it does not say: says so, citing the measure', async () => {
    const c = chat();
    await c.ask('标识解析项目有什么奖励');
    const reply = await c.ask('这笔钱公司可以随意支配吗');
    expect(reply).toMatch(/^措施（九）[^\n]*没有提到“支配”/);
    expect(reply).toContain('核心团队');
  });

  it('a question outside the notice leaves the topic as it was', async () => {
    const c = chat();
    await c.ask('两化融合补贴多少');
    expect(await c.ask('首台套有补贴吗')).toMatch(/^通知没有提到/);
    expect(await c.ask('门槛是什么')).toContain('措施（八）');
  });

  it('这一条 beside a named measure means that measure, with nothing discussed before', async () => {
    expect(await chat().ask('工业互联网标识解析这一条的责任单位有哪些')).toMatch(/^措施（九）[^\n]*责任单位：市工业和信息化局；市科技局/);
  });

  it('帮助 inside a question is not the help menu', async () => {
    const reply = await chat().ask('政府能帮助中小企业上云吗');
    expect(reply).not.toContain('使用方法');
    expect(reply).toContain('措施（六）');
  });
});

describe('how to apply', () => {
  it('says the notice gives no procedure and names the units of the measure in context', async () => {
    const c = chat();
    await c.ask('第九条');
    const reply = await c.ask('要交什么材料');
    expect(reply).toMatch(/^通知没有写明[^。]*材料/);
    expect(reply).toContain('市科技局');
    expect(reply).toContain('已到期');
  });

  it('says the notice gives no phone number, and whom to contact for the measure in context', async () => {
    const c = chat();
    await c.ask('5G基站建设有什么支持');
    const reply = await c.ask('联系电话是多少');
    expect(reply).toMatch(/^通知没有写明联系电话/);
    expect(reply).toContain('市发展改革委');
  });

  it('reads colloquial ways to ask where and when (哪儿, 啥时候), about the measure in context', async () => {
    const c = chat();
    await c.ask('上云用平台奖补多少');
    const where = await c.ask('到哪儿去申请呢');
    expect(where).toMatch(/^通知没有写明申报流程/);
    expect(where).toContain('措施（六）');
    const when = await c.ask('那申报啥时候截止');
    expect(when).toMatch(/^通知没有写明申报的时间和截止日期/);
    expect(when).toContain('市财政局');
  });

  it('网上…申请 with words between is how to apply online, about the measure in context, not a topic the notice lacks', async () => {
    const c = chat();
    await c.ask('两化融合奖补');
    const reply = await c.ask('可以在网上直接申请吗');
    expect(reply).toMatch(/^通知没有写明申报流程/);
    expect(reply).toContain('措施（八）');
  });

  it('a deadline question that names its measure gets that measure’s units, not a hedge', async () => {
    const reply = await chat().ask('安全应急平台补助的申报截止日期是哪天');
    expect(reply).toMatch(/^通知没有写明申报的时间/);
    expect(reply).toContain('措施（十二）');
    expect(reply).not.toContain('最相关');
  });

  it('asks which measure when none is in context, and never answers with the five-section menu text alone', async () => {
    const reply = await chat().ask('怎么申报');
    expect(reply).toMatch(/^通知没有写明申报流程/);
    expect(reply).toContain('哪一条措施');
  });
});

describe('yes/no questions are answered first, judged by the rules module', () => {
  it('不能 for a large enterprise asking about （八）, which supports SMEs only', async () => {
    const reply = await chat().ask('年营收几十亿的大型企业可以拿两化融合奖补吗');
    expect(reply).toMatch(/^\*\*不能\*\*[^\n]*措施（八）[^\n]*支持中小企业[^\n]*大型企业/);
  });

  it('不能 with the threshold the rule declares when the count is below it', async () => {
    const reply = await chat().ask('平台服务商一年服务了30家本地企业，能拿上云用平台奖补吗');
    expect(reply).toMatch(/^\*\*不能\*\*/);
    expect(reply).toContain('年度服务本地企业50家以上');
    expect(reply).toContain('30家');
  });

  it('不能 for an emergency platform registered in another city', async () => {
    const reply = await chat().ask('我们区域性的安全应急处置平台是在深圳注册的，能申请补助吗');
    expect(reply).toMatch(/^\*\*不能\*\*[^\n]*在我市注册法人机构[^\n]*深圳/);
  });

  it('不能 once the cumulative cap of （十二） is used up', async () => {
    const reply = await chat().ask('我们的安全应急处置平台已累计拿了200万补助，还能申请吗');
    expect(reply).toMatch(/通知已经到期|\*\*不能\*\*/);
    expect(reply).toContain('累计补助上限 2,000,000 元已经用完');
  });

  it('能 with the amount when every input is given, computed as an interview would', async () => {
    const reply = await chat().ask('我们是中小企业，工业软件项目已上线，投资300万，能拿两化融合奖补吗');
    expect(reply).toMatch(/^\*\*能，符合条件\*\*[^\n]*600,000\.00 元/);
  });

  it('能，如果… lists what is still open and previews the amount from the rate', async () => {
    const reply = await chat().ask('我们上了一套MES花了80万，政府能补吗');
    expect(reply).toMatch(/^\*\*能，如果\*\*[^\n]*措施（八）/);
    expect(reply).toContain('支持中小企业');
    expect(reply).toContain('160,000.00 元');
  });

  it('a how-much question that states an amount gets it computed by the rule', async () => {
    const reply = await chat().ask('区域性安全应急处置平台一年运营费用800万能补多少');
    expect(reply).toMatch(/^\*\*能，如果\*\*[^\n]*措施（十二）/);
    expect(reply).toContain('8,000,000 × 20% = 1,600,000');
    expect(await chat().ask('两化融合项目投了40万能补多少')).toMatch(/^\*\*不能\*\*[^\n]*完成投资50万元以上/);
  });

  it('leads with the verdict on the facts stated, the expiry after it, when asked about now', async () => {
    const reply = await chat().ask('我们是小型企业，ERP系统还没竣工，今年还能申请两化融合奖补吗');
    expect(reply).toMatch(/^\*\*不能\*\*：[^\n]*竣工/);
    expect(reply.indexOf('已经到期')).toBeGreaterThan(reply.indexOf('不能'));
  });

  it('leads with the expiry when asked about now with nothing to judge', async () => {
    const reply = await chat().ask('2024年还能申报标识解析项目奖励吗');
    expect(reply.slice(0, 60)).toContain('到期');
    expect(reply).toContain('措施（九）');
  });

  it('says the notice does not say, for a measure without an amount', async () => {
    expect(await chat().ask('我们的技改项目能申请技术改造综合奖补吗')).toMatch(/^\*\*通知没有规定\*\*/);
  });
});

describe('lists of what pays', () => {
  it('lists every award rule with its rate or sums, and offers the check-up', async () => {
    const c = chat();
    const replies = await c.say('能拿钱的有哪几条');
    const reply = textOf(replies);
    for (const rule of allQuantifiedRules) {
      expect(reply).toContain(`${rule.clause.cite}${rule.title}`);
      for (const figure of Object.values(rule.clause.figures).filter((f) => f.kind === 'rate')) expect(reply).toContain(figure.quote);
    }
    for (const rule of allNotQuantifiedRules) expect(reply).toContain(rule.clause.number);
    expect(replies[0].suggestedActions?.actions.map((a) => a.title)).toContain('政策体检');
  });

  it('groups them one-time and yearly when asked', async () => {
    const reply = await chat().ask('哪些补贴是每年都有的');
    const yearly = reply.slice(reply.indexOf('**按年度**'));
    for (const rule of allQuantifiedRules.filter((r) => r.amountKind === 'award' && r.period === 'yearly')) expect(yearly).toContain(rule.title);
    expect(reply.indexOf('**一次性**')).toBeLessThan(reply.indexOf('**按年度**'));
  });

  it('says whether the measure in context is one-time or yearly, from its rule', async () => {
    const c = chat();
    await c.ask('上云用平台奖补多少');
    expect(await c.ask('是每年都有吗')).toMatch(/^\*\*是\*\*：措施（六）[^\n]*是按年度的/);
  });

  it('answers about the measure when the question names one', async () => {
    expect(await chat().ask('两化融合有哪些补贴')).toMatch(/^\*\*措施（八）/);
  });
});

describe('lists asking for part of what pays, and whether it is a subsidy', () => {
  const cited = (rule: QuantifiedRule) => `${rule.clause.cite}${rule.title}`;
  const awards = allQuantifiedRules.filter((rule) => rule.amountKind === 'award');
  const fixed = awards.filter((rule) => !Object.values(rule.clause.figures).some((f) => f.kind === 'rate'));

  it('the largest single award leads, from the caps the rules declare; the equity stake is not first', async () => {
    const reply = await chat().ask('哪一项奖补给得最多');
    expect(reply).toMatch(/^\*\*单项金额最高的是措施（六）平台服务商上云用平台奖补\*\*[^\n]*500万元/);
    expect(reply.slice(0, 40)).not.toContain('（十三）');
    expect(reply).toMatch(/措施（九）[^\n]*没有写明上限/);
  });

  it('the fixed sums, asked after the list', async () => {
    const c = chat();
    await c.ask('能拿钱的有哪几条');
    const reply = await c.ask('里面哪些是固定金额的');
    const [head] = reply.split('\n\n');
    for (const rule of fixed) expect(head).toContain(cited(rule));
    for (const rule of awards.filter((r) => !fixed.includes(r))) expect(head).not.toContain(cited(rule));
    expect(head).toContain('300万元、100万元、50万元');
  });

  it('those paid as a share', async () => {
    const reply = await chat().ask('按百分比给钱的是哪几项');
    const [head] = reply.split('\n\n');
    for (const rule of awards.filter((r) => !fixed.includes(r))) expect(head).toContain(cited(rule));
    for (const rule of fixed) expect(head).not.toContain(cited(rule));
  });

  it('the equity stake of （十三） is not a subsidy; an award is', async () => {
    expect(await chat().ask('市里对重点项目的股权投资算不算补贴')).toMatch(/^\*\*不算补贴\*\*：措施（十三）/);
    expect(await chat().ask('上云用平台那个奖补算补贴吗')).toMatch(/^\*\*是奖补\*\*：措施（六）/);
  });
});

describe('combining awards', () => {
  it('says the notice does not address it, and whom to ask for each measure named', async () => {
    const reply = await chat().ask('场景示范奖励和上云用平台奖补能不能同时享受');
    expect(reply.startsWith(COMBINATION_NOTE)).toBe(true);
    expect(reply).toContain('措施（三）');
    expect(reply).toContain('措施（六）');
  });
});

describe('having had one award, asking for another', () => {
  it('拿了…还能申请… naming two measures is combining: the notice does not address it', async () => {
    const reply = await chat().ask('我们的数字化车间拿了50万，还能申请标识解析的奖励吗');
    expect(reply.startsWith(COMBINATION_NOTE)).toBe(true);
    expect(reply).toContain('措施（三）');
    expect(reply).toContain('措施（九）');
  });

  it('同一项目…再… is combining, whatever the verbs', async () => {
    const reply = await chat().ask('同一项目申请过两化融合补贴，能不能再拿技改综合奖补');
    expect(reply.startsWith(COMBINATION_NOTE)).toBe(true);
    expect(reply).toContain('措施（七）');
    expect(reply).toContain('措施（八）');
  });

  it('two awards of one measure are two awards', async () => {
    const reply = await chat().ask('自动化生产线认定拿了奖励以后，还能参加十佳场景评选拿奖励吗');
    expect(reply.startsWith(COMBINATION_NOTE)).toBe(true);
    expect(reply).toMatch(/措施（三）[^\n]*工业赋能[^\n]*十佳场景/);
  });
});

describe('an award named by its rate', () => {
  it('服务商那个20%的奖补 is （六）, the one of the three measures at 20% that the words name', async () => {
    expect(await chat().ask('服务商那个20%的奖补最高多少')).toMatch(/^\*\*措施（六）[\s\S]*500万元/);
  });

  it('a rate the topic pays keeps the topic', async () => {
    const c = chat();
    await c.ask('安全应急处置平台补助怎么算');
    expect(await c.ask('就是20%对吧')).toContain('措施（十二）');
  });
});

describe('outside the notice', () => {
  it.each([
    ['首台套保险补偿有吗', '首台套'],
    ['研发费用加计扣除怎么算', '加计扣除'],
    ['专利申请费能资助吗', '专利'],
  ])('%s: says the notice does not mention %s, and quotes no measure as the answer', async (question, term) => {
    const reply = await chat().ask(question);
    expect(reply).toMatch(new RegExp(`^通知没有提到“[^”]*${term}`));
    expect(reply).not.toMatch(LEADS_WITH_MEASURE);
  });

  it('names no nearest measure that shares only words such as 政府 or 奖励 with the question', async () => {
    const reply = await chat().ask('公司上市的话政府给奖励吗');
    expect(reply).toMatch(/^通知没有提到“上市”/);
    expect(reply).not.toContain('最相关');
  });

  it('names a genuinely close measure only as the nearest', async () => {
    const reply = await chat().ask('人才落户有什么政策');
    expect(reply).toMatch(/^通知没有提到“落户”/);
    expect(reply).toContain('最相关的是措施（十七）');
  });

  it('says another city’s policy is not in it', async () => {
    expect(await chat().ask('北京的工业互联网补贴政策')).toMatch(/^通知没有提到“北京的政策”/);
  });
});

describe('colloquial descriptions reach the measure that pays for them', () => {
  it.each([
    ['我们上了一套WMS仓储系统花了80万，政府能补吗', '措施（八）'],
    ['园区里建5G基站电费太贵了，有没有支持', '措施（十）'],
    ['标识解析二级节点建设有奖励吗', '措施（九）'],
    ['平台运维成本能补贴吗', '措施（十二）'],
  ])('%s → %s', async (question, measure) => {
    const reply = await chat().ask(question);
    expect(reply).toContain(measure);
    expect(reply).not.toMatch(NOT_FOUND);
  });
});

describe('what a yes/no question states chooses the rule it is about', () => {
  it('小公司, 已经上线, 花了60万 fit （八）: judged and computed, whatever else the message names', async () => {
    const reply = await chat().ask('我们小公司上了一套WMS，仓库都联网了，花了60万，系统已经上线，能给点补贴吗');
    expect(reply).toMatch(/^\*\*能，符合条件\*\*：[^\n]*120,000\.00 元/);
  });

  it('an amount named by the notice’s own words (智能软硬件) is kept for the search and fits its rule', async () => {
    const reply = await chat().ask('我们的AI质检场景智能软硬件投了900万，能参加评选拿奖励吗');
    expect(reply).toMatch(/^\*\*能，如果\*\*[^\n]*措施（三）[^\n]*十佳场景/);
    expect(reply).toMatch(/✔ 智能软硬件投资额[^\n]*900万/);
  });
});

describe('whether there is support at all', () => {
  it('有 for a measure that promises support without an amount, with what it promises first', async () => {
    const reply = await chat().ask('服务商梯队那条有奖励吗');
    expect(reply).toMatch(/^\*\*有\*\*：措施（十一）写明“注册后按支持财源经济发展相关政策给予奖励”/);
  });

  it('…and 可以 when the question states what the measure requires (来青岛注册)', async () => {
    const reply = await chat().ask('外省的服务商来青岛注册公司，有奖励吗');
    expect(reply).toMatch(/^\*\*可以\*\*：措施（十一）写明给在青注册法人机构的国内外优秀工业互联网服务商“注册后按支持财源经济发展相关政策给予奖励”（您说的是“来青岛注册”）/);
  });

  it('naming nothing, it is answered with what the notice pays', async () => {
    for (const question of ['请问有补贴吗', '有啥奖励']) expect(await chat().ask(question)).toMatch(/^通知写明了金额或比例的奖补有以下\d+项/);
  });

  it('有 with the award and its conditions; 不能 when what the question states rules it out', async () => {
    expect(await chat().ask('人工智能应用场景有补贴吗')).toMatch(/^\*\*有\*\*：措施（三）/);
    expect(await chat().ask('我们是大型企业，有两化融合补贴吗')).toMatch(/^\*\*不能\*\*：措施（八）/);
  });
});

describe('the responsible units', () => {
  const { measures } = loadKnowledge();
  const listed = (unit: string) => measures.filter((m) => m.units.includes(unit));

  it('lists the measures a unit is responsible for, by the name people call it', async () => {
    const reply = await chat().ask('科技局牵头哪些措施');
    const expected = listed('市科技局');
    expect(reply).toMatch(new RegExp(`^市科技局是以下${expected.length}条措施的责任单位`));
    for (const m of expected) expect(reply).toContain(`措施${m.number}${m.title}`);
    for (const m of measures.filter((x) => !expected.includes(x))) expect(reply).not.toContain(`措施${m.number}`);
  });

  it('reads the addressee 各区、市政府 without its comma', async () => {
    expect(await chat().ask('各区市政府负责哪几条')).toMatch(new RegExp(`^各区、市政府是以下${listed('各区、市政府').length}条措施`));
  });
});

describe('questions about the notice that name a measure', () => {
  it('谁发布 beside a measure’s own words is about that measure; 发文单位 alone about the notice', async () => {
    expect(await chat().ask('紧缺的人才目录由哪个部门发布')).toMatch(/^[*]*措施（十七）/);
    expect(await chat().ask('文件是谁发布的')).toContain('青岛市人民政府办公厅');
  });

  it('of two measures too close to call, the one that has every word of the question is meant', async () => {
    // 项目库 is （一）'s word (and 重点项目库 （十三）'s); （七） ranks close on 改造升级 alone.
    expect(await chat().ask('工业互联网改造升级项目库有什么用')).toMatch(/^\*\*措施（一）/);
  });

  it('a measure’s 适用范围 is whom it is for', async () => {
    expect(await chat().ask('上云用平台奖补的适用范围')).toMatch(/^措施（六）[^\n]*的条件/);
  });
});

describe('small talk and meta', () => {
  it('greets, says what it can do and that it is automated, and says goodbye', async () => {
    const c = chat();
    expect(await c.ask('早上好')).toContain('政策助手');
    expect(await c.ask('你能做什么')).toMatch(/估算[\s\S]*政策体检/);
    expect(await c.ask('你叫什么')).toContain('自动回复');
    expect(await c.ask('你是真人吗')).toContain('不是真人');
    expect(await c.ask('好的再见')).toContain('再见');
  });

  it('asked colloquially what it can do (你到底能帮我做点啥, 都 and 到底 only fillers), it says so', async () => {
    expect(await chat().ask('你到底能帮我做点啥呀')).toMatch(/估算[\s\S]*政策体检/);
    // Someone else's capabilities are a question about the notice, not small talk.
    expect(await chat().ask('行业协会都能干点啥')).not.toMatch(/估算[\s\S]*政策体检/);
  });

  it('says there is no human agent here and which bureau to contact', async () => {
    const reply = await chat().ask('有没有人工客服');
    expect(reply).toContain('没有人工客服');
    expect(reply).toContain('市工业和信息化局');
  });

  it('thanks back when thanks come with an acknowledgement, after an answer', async () => {
    const c = chat();
    await c.ask('标识解析项目奖励多少');
    expect(await c.ask('行，了解了，多谢')).toMatch(/^不客气/);
  });

  it('reads small talk said with more words: thanks for a big help, what it is for, nothing else to ask', async () => {
    const c = chat();
    await c.ask('数字化车间认定有奖励吗');
    expect(await c.ask('好，这回帮了大忙')).toMatch(/^不客气/);
    expect(await chat().ask('请问你是干什么用的')).toMatch(/估算[\s\S]*政策体检/);
    expect(await chat().ask('嗯，暂时没有别的问题了')).toContain('再见');
  });

  it('reads 问完了 / 没啥要问的了 as the end of the chat, with thanks or without: goodbye, not not-found', async () => {
    const c = chat();
    await c.ask('上云用平台有什么补贴');
    const reply = await c.ask('嗯，谢谢，都问完了');
    expect(reply).toMatch(/^再见[\s\S]*欢迎随时/);
    expect(reply).not.toMatch(NOT_FOUND);
    expect(await chat().ask('嗯，没啥要问的了')).toContain('再见');
    expect(await chat().ask('问完了')).toContain('再见');
  });

  it('never answers small talk with not-found', async () => {
    for (const text of ['你好', '谢谢', '好的', '在吗', '拜拜', '你是机器人吗']) expect(await chat().ask(text)).not.toMatch(NOT_FOUND);
  });
});
