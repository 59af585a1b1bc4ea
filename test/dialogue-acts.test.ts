import { describe, expect, it } from 'vitest';
import { factsOf, measureOfFacts, withoutAmounts } from '../src/replies/question-facts';
import { readAct } from '../src/replies';
import { compileCues, firstCue, withoutCues } from '../src/replies/vocabulary';
import { futureCityTop10, identifierResolution, platformCloudService, securityEmergencyPlatform, twoIntegration } from '../src/rules';
import { normalizeQuery } from '../src/search';

const act = (text: string) => readAct(normalizeQuery(text));

describe('reading what a message does', () => {
  it.each([
    ['早上好', 'greeting'],
    ['你好！', 'greeting'],
    ['好的再见', 'goodbye'],
    ['谢谢，再见', 'goodbye'],
    ['你能做什么', 'capabilities'],
    ['你叫什么', 'identity'],
    ['有没有人工客服', 'human'],
    ['我要转人工，两化融合的事', 'human'],
    ['帮助', 'help'],
    ['行，知道了，谢谢', 'thanks'],
    ['嗯，了解了，感谢', 'thanks'],
    ['你好，你能干什么', 'capabilities'],
    ['有人吗？', 'greeting'],
    ['在不在?', 'greeting'],
    ['？', 'help'],
  ])('%s is small talk: %s', (text, what) => {
    expect(act(text)).toEqual({ kind: 'small-talk', what });
  });

  it('does not take words inside a question for small talk', () => {
    expect(act('政府能帮助中小企业上云吗').kind).not.toBe('small-talk');
    expect(act('你好，两化融合有什么补贴').kind).not.toBe('small-talk');
    expect(act('人工智能应用场景有奖励吗').kind).not.toBe('small-talk');
  });

  it('reads how-to-apply questions and what they need', () => {
    expect(act('在哪儿报名')).toEqual({ kind: 'apply', need: 'procedure' });
    expect(act('要交什么材料')).toEqual({ kind: 'apply', need: 'materials' });
    expect(act('申报截止时间是哪天')).toEqual({ kind: 'apply', need: 'deadline' });
    expect(act('有联系电话吗')).toEqual({ kind: 'apply', need: 'phone' });
    expect(act('上哪儿申报')).toEqual({ kind: 'apply', need: 'procedure' });
    expect(act('啥时候开始申报')).toEqual({ kind: 'apply', need: 'deadline' });
    // The notice's own end date is a fact about the notice, not a deadline for applying.
    expect(act('有效期截止到什么时候')).toMatchObject({ kind: 'notice-fact', fact: 'validity' });
  });

  it('reads yes/no questions about qualifying, and whether they are about now', () => {
    expect(act('大型企业可以拿两化融合奖补吗')).toEqual({ kind: 'eligibility', later: false });
    expect(act('2024年还能申报标识解析项目奖励吗')).toEqual({ kind: 'eligibility', later: true });
    expect(act('2021年能申报吗')).toEqual({ kind: 'eligibility', later: false });
  });

  it('reads lists, combining, and aspects of a measure', () => {
    expect(act('能拿钱的有哪几条')).toEqual({ kind: 'list', byPeriod: false });
    expect(act('哪些奖补是一次性的')).toEqual({ kind: 'list', byPeriod: true });
    expect(act('这两项能不能同时享受')).toEqual({ kind: 'combine' });
    expect(act('拿了标识解析的奖励，还能再申请别的吗')).toEqual({ kind: 'combine', again: true });
    expect(act('哪条措施的奖励最高')).toEqual({ kind: 'list', byPeriod: false, focus: 'highest' });
    expect(act('定额的奖励有哪些')).toEqual({ kind: 'list', byPeriod: false, focus: 'fixed' });
    expect(act('这个股权投资算补贴吗')).toEqual({ kind: 'nature' });
    expect(act('金融局负责哪些')).toEqual({ kind: 'by-unit', unit: '市地方金融监管局' });
    expect(act('人民银行在政策里管哪一块')).toEqual({ kind: 'by-unit', unit: '人民银行青岛市中心支行' });
    // Without a unit it is no such question.
    expect(act('负责哪些').kind).not.toBe('by-unit');
    // How an award is worked out is not whether it is one.
    expect(act('这个奖励怎么算')).not.toEqual({ kind: 'nature' });
    expect(act('门槛是什么')).toEqual({ kind: 'question', aspect: 'conditions' });
    expect(act('补多少')).toEqual({ kind: 'question', aspect: 'figures' });
    expect(act('哪个部门管')).toEqual({ kind: 'question', aspect: 'units' });
    expect(act('这条的责任单位是谁')).toEqual({ kind: 'follow-up', aspect: 'units' });
    expect(act('两化融合项目补贴多少')).toEqual({ kind: 'question', aspect: 'figures' });
  });
});

describe('phrases with a gap', () => {
  it('match with up to 8 characters in the gap, and can be blanked out', () => {
    const cues = compileCues(['哪几…补贴']);
    expect(firstCue('哪几项补贴', cues)).toBeDefined();
    expect(firstCue('哪几条措施有补贴', cues)).toBeDefined();
    expect(firstCue('哪几条一二三四五六七八九措施有补贴', cues)).toBeUndefined();
    expect(withoutCues('两化融合哪几项补贴', cues).trim()).toBe('两化融合');
  });

  it('leave what stands in the gap when it may be what the question is about', () => {
    const cues = compileCues(['有…奖励吗'], { keepGaps: true });
    expect(withoutCues('市里有啥评选或者奖励吗', cues).replace(/\s+/g, '')).toBe('市里啥评选或者');
  });

  it('read 啥, 咋 and 哪儿 as 什么, 怎么 and 哪里', () => {
    const cues = compileCues(['什么时候截止', '怎么申报', '去哪里申请']);
    for (const text of ['啥时候截止', '咋申报', '去哪儿申请']) expect(firstCue(text, cues)).toBeDefined();
  });
});

describe('amounts taken out before searching', () => {
  it('are the money and counts stated, not 5G, rates or years', () => {
    expect(withoutAmounts('投了80万的5G项目').replace(/\s+/g, '')).toBe('投了的5G项目');
    expect(withoutAmounts('服务商那个20%的奖补')).toBe('服务商那个20%的奖补');
    expect(withoutAmounts('2021年服务了30家')).toContain('2021年');
  });
});

describe('facts a question states, read for a rule', () => {
  const facts = (text: string, rule: Parameters<typeof factsOf>[1]) => factsOf(normalizeQuery(text), rule);

  it('reads statements about the enterprise, the longer phrase first', () => {
    expect(facts('年营收几十亿的大型企业可以拿吗', twoIntegration).answers).toEqual({ isSme: false });
    expect(facts('我们不是中小企业', twoIntegration).answers).toEqual({ isSme: false });
    expect(facts('我们是中小企业，项目还没上线', twoIntegration).answers).toEqual({ isSme: true, completed: false });
  });

  it('reads amounts with the rules’ reader and gives them to the input they belong to', () => {
    expect(facts('一年服务了30家本地企业', platformCloudService)).toEqual({
      answers: { localEnterprisesServed: 30 },
      said: { localEnterprisesServed: '30家' },
    });
    expect(facts('投资五十万', twoIntegration).answers).toEqual({ investment: 500_000 });
    expect(facts('运营费用500万，已累计拿了200万', securityEmergencyPlatform).answers).toEqual({
      annualOperatingCost: 5_000_000,
      alreadyReceived: 2_000_000,
    });
  });

  it('reads where something is registered: in Qingdao yes, elsewhere no, an ordinary word nothing', () => {
    expect(facts('平台是在上海注册的法人', securityEmergencyPlatform).answers).toEqual({ registeredInQingdao: false });
    expect(facts('我们注册在崂山', securityEmergencyPlatform).answers).toEqual({ registeredInQingdao: true });
    expect(facts('在新建的园区注册', securityEmergencyPlatform).answers).toEqual({});
  });

  it('gives an amount to the input whose words end nearest before it, the longer words winning', () => {
    // 软硬件…花了 is （三）'s 智能软硬件投资, not （八）'s 投资.
    expect(facts('软硬件一共花了700万', twoIntegration).answers).toEqual({});
    expect(facts('软硬件一共花了700万', futureCityTop10).answers).toEqual({ smartInvestment: 7_000_000 });
    expect(facts('系统一共花了两百来万', twoIntegration)).toMatchObject({ answers: { investment: 2_000_000 }, approximate: ['investment'] });
  });

  it('takes 一个 for an article, not a count', () => {
    expect(facts('我们做了一个平台', platformCloudService).answers).toEqual({});
  });

  it('leaves out what is not an amount of this rule', () => {
    // 几十亿 is a rough size; 营收 is not what （八） asks; 2024年 and 20% are no amounts.
    expect(facts('年营收几十亿', twoIntegration).answers).toEqual({});
    expect(facts('营收5000万', twoIntegration).answers).toEqual({});
    expect(facts('2024年按20%能拿吗', twoIntegration).answers).toEqual({});
  });

  it('finds the measure when only the facts name it', () => {
    expect(measureOfFacts(normalizeQuery('服务收入1000万以上是不是能拿'))).toBe(6);
    expect(measureOfFacts(normalizeQuery('我们是大型企业能拿吗'))).toBeUndefined();
  });
});

describe('the rule the stated facts point at', () => {
  it('weighs statements that only one award asks, and says when an asker is not whom a rule pays', () => {
    expect(measureOfFacts(normalizeQuery('政府投资的项目评上了十佳，给奖不'))).toBe(3);
    const user = factsOf(normalizeQuery('我们用了平台的云服务，能领补贴吗'), platformCloudService);
    expect(user.role).toMatchObject({ role: expect.stringContaining('使用'), said: '用了平台的云服务' });
    // Not for another rule, and not when a provider speaks of its customers.
    expect(factsOf(normalizeQuery('我们用了平台的云服务'), twoIntegration).role).toBeUndefined();
    expect(factsOf(normalizeQuery('我们服务的本地企业用我们的云服务，有60家'), platformCloudService).role).toBeUndefined();
  });

  it('reads a level below the state as not approved by the state', () => {
    for (const text of ['省工信厅立项的', '区里立项支持', '不是国家立项的', '省级立项']) {
      expect(factsOf(normalizeQuery(text), identifierResolution).answers).toEqual({ nationallyApproved: false });
    }
    expect(factsOf(normalizeQuery('获批国家立项'), identifierResolution).answers).toEqual({ nationallyApproved: true });
  });
});

describe('period words and lists', () => {
  it('每年都能拿 is no combining; with 有没有… it asks for the list by period', () => {
    expect(act('有没有年年都能领的补贴')).toEqual({ kind: 'list', byPeriod: true });
    expect(act('每年两项都能拿吗')).toEqual({ kind: 'combine' });
  });

  it('a stopword is never a place (jieba tags 罗列 ns)', () => {
    expect(act('把所有补贴罗列出来')).toEqual({ kind: 'list', byPeriod: false });
  });
});
