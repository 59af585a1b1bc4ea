import type { Activity } from 'botbuilder';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app';
import { estimateCommand } from '../src/replies';
import { allInputs, getRule, type QuantifiedRule } from '../src/rules';
import { startConversation, textOf } from './support/chat';

/**
 * Interviews that forgive (issue 11), through the real app and botbuilder's TestAdapter:
 * each way people really answer, for at least two rules. The amounts asserted are the
 * rules' own arithmetic (20% of what was said, capped), worked out in each test.
 */

let app: App;
beforeAll(async () => {
  app = await createApp({ STORAGE: 'memory' });
});

type Chat = ReturnType<typeof startConversation>;
const conversation = (): Chat => startConversation(app);

const buttonsOf = (replies: Partial<Activity>[]): string[] =>
  replies.at(-1)?.suggestedActions?.actions.map((a) => String(a.title)) ?? [];
const cardText = (replies: Partial<Activity>[]): string =>
  JSON.stringify(replies.flatMap((r) => r.attachments ?? []).map((a) => a.content));
const rule = (id: string) => getRule(id) as QuantifiedRule;
const question = (ruleId: string, key: string): string => rule(ruleId).inputs[key].question;

/** The input whose declared question the bot's last message asks. */
function askedKey(replies: Partial<Activity>[]): string | undefined {
  const text = replies.at(-1)?.text ?? '';
  return [...allInputs.entries()].find(([, spec]) => text.includes(spec.question))?.[0];
}

/** Answers whatever the interview asks from `answers` (by key), until it asks something else; returns the last replies. */
async function answerAll(chat: Chat, first: Partial<Activity>[], answers: Record<string, string>): Promise<Partial<Activity>[]> {
  let replies = first;
  for (let turn = 0; turn < 30; turn++) {
    const key = askedKey(replies);
    if (!key || !(key in answers)) return replies;
    replies = await chat.say(answers[key]);
  }
  throw new Error('the interview did not end');
}

const twoIntegration = (investment: string) => ({ isSme: '是', completed: '是', investment });
const platform = (revenue: string) => ({ inProviderDirectory: '是', localEnterprisesServed: '72家', localServiceRevenue: revenue });

async function start(chat: Chat, ruleId: string): Promise<Partial<Activity>[]> {
  return chat.say(estimateCommand(rule(ruleId)));
}

describe('bare numbers: 万元 or 元?', () => {
  it('two-integration: the question says its unit; "50" is asked about, 50万元 is taken and computed', async () => {
    const chat = conversation();
    const asked = await answerAll(chat, await start(chat, 'two-integration'), { isSme: '是', completed: '是' });
    expect(textOf(asked)).toContain(`${question('two-integration', 'investment')}（单位：万元或元）`);
    const unit = await chat.say('50');
    expect(textOf(unit)).toContain('您是指50万元吗？');
    expect(textOf(unit)).not.toMatch(/不符合|可获/);
    expect(buttonsOf(unit)).toEqual(['50万元', '50元', '返回', '取消']);
    const summary = await chat.say('50万元');
    expect(textOf(summary)).toContain('完成投资额：500,000 元');
    // 以上 includes the number: 500,000 × 20% = 100,000.
    expect(textOf(await chat.say('确认'))).toContain('100,000.00 元（10万元）');
  });

  it('platform-cloud-service: "1500" for the revenue, 是 → 1500万元 → 3,000,000 a year', async () => {
    const chat = conversation();
    const asked = await answerAll(chat, await start(chat, 'platform-cloud-service'), {
      inProviderDirectory: '是',
      localEnterprisesServed: '72家',
    });
    expect(textOf(asked)).toContain('（单位：万元或元）');
    expect(textOf(await chat.say('1500'))).toContain('您是指1500万元吗？');
    const summary = await chat.say('是');
    expect(textOf(summary)).toContain('服务本地企业的年度服务收入：15,000,000 元');
    expect(textOf(await chat.say('确认'))).toContain('3,000,000.00 元（300万元），按年度');
  });

  it('the 元 button takes the number as yuan, and an answer with its unit is never asked about', async () => {
    const chat = conversation();
    await answerAll(chat, await start(chat, 'two-integration'), { isSme: '是', completed: '是' });
    await chat.say('300');
    const result = await chat.say('300元');
    expect(result[0].text).toContain('不符合条件');
    expect(result[0].text).toContain('所填为“300 元”');

    const other = conversation();
    await answerAll(other, await start(other, 'identifier-resolution'), { nationallyApproved: '是' });
    expect(textOf(await other.say('800元'))).toContain('项目获得的中央财政资金：800 元');
  });

  it('不是 asks the question again for a figure with its unit; a new figure answers it', async () => {
    const chat = conversation();
    await answerAll(chat, await start(chat, 'security-emergency-platform'), {
      registeredInQingdao: '是',
      isRegionalEmergencyPlatform: '是',
    });
    expect(textOf(await chat.say('200'))).toContain('您是指200万元吗？');
    const again = await chat.say('不是');
    expect(textOf(again)).toContain('请连同单位重新回答');
    expect(textOf(again)).toContain(question('security-emergency-platform', 'annualOperatingCost'));
    expect(textOf(await chat.say('80万'))).toContain(question('security-emergency-platform', 'alreadyReceived'));
  });

  it('"五十+" is a bare rough figure: asked about, then computed and said to be approximate', async () => {
    const chat = conversation();
    await answerAll(chat, await start(chat, 'two-integration'), { isSme: '是', completed: '是' });
    expect(textOf(await chat.say('五十+'))).toContain('您是指约50万元吗？');
    const summary = await chat.say('50万元');
    expect(textOf(summary)).toContain('500,000 元以上（按 500,000 元 计）');
    const result = await chat.say('确认');
    expect(result[0].text).toContain('100,000.00 元');
    expect(result[0].text).toContain('是约数，按该数测算，结果也是近似值');
  });
});

describe('rough figures are taken one way and the estimate says it is approximate', () => {
  it('two-integration: 约三百万左右 → about 3,000,000 → about 600,000', async () => {
    const chat = conversation();
    const summary = await answerAll(chat, await start(chat, 'two-integration'), twoIntegration('约三百万左右'));
    expect(textOf(summary)).toContain('完成投资额：约 3,000,000 元');
    const result = await chat.say('确认');
    expect(result[0].text).toContain('600,000.00 元（60万元）');
    expect(result[0].text).toContain('近似值');
    expect(cardText(result)).toContain('近似值');
  });

  it('security-emergency-platform: 一百二十来万 → about 1,200,000 → 240,000 a year', async () => {
    const chat = conversation();
    const summary = await answerAll(chat, await start(chat, 'security-emergency-platform'), {
      registeredInQingdao: '是',
      isRegionalEmergencyPlatform: '是',
      annualOperatingCost: '一百二十来万',
      alreadyReceived: '没有',
    });
    expect(textOf(summary)).toContain('平台年度运营费用：约 1,200,000 元');
    const result = await chat.say('确认');
    expect(result[0].text).toContain('240,000.00 元（24万元），按年度');
    expect(result[0].text).toContain('近似值');
  });

  it('an exact figure is not said to be approximate', async () => {
    const chat = conversation();
    await answerAll(chat, await start(chat, 'two-integration'), twoIntegration('300万'));
    expect((await chat.say('确认'))[0].text).not.toContain('近似值');
  });
});

describe('no dead end after an early stop', () => {
  it('platform-cloud-service: 没有 → the verdict and its reason; 说错了，已经纳入名录了 goes on where it was', async () => {
    const chat = conversation();
    await start(chat, 'platform-cloud-service');
    const verdict = await chat.say('没有');
    expect(verdict[0].text).toContain('不符合条件');
    expect(verdict[0].text).toContain('纳入市工业互联网平台服务商名录应为“是”');
    expect(verdict[0].text).toContain('回答都已保留');
    expect(buttonsOf(verdict)).toEqual(['修改服务商名录', '返回', '重新估算', '政策体检', '👍 有帮助', '👎 没帮助']);

    const next = await chat.say('说错了，已经纳入名录了');
    expect(textOf(next)).toContain('已改为：纳入市工业互联网平台服务商名录：是');
    expect(textOf(next)).toContain(`第2题/共3题** ${question('platform-cloud-service', 'localEnterprisesServed')}`);
    const summary = await answerAll(chat, next, platform('1800万'));
    expect(textOf(summary)).toContain('1. 纳入市工业互联网平台服务商名录：是');
    expect((await chat.say('确认'))[0].text).toContain('3,600,000.00 元（360万元）');
  });

  it('two-integration: 返回 after the verdict asks the question that stopped it again, with its answer forgotten', async () => {
    const chat = conversation();
    await start(chat, 'two-integration');
    await chat.say('是');
    expect((await chat.say('否'))[0].text).toContain('项目年度内竣工（上线）应为“是”');
    const back = await chat.say('返回');
    expect(textOf(back)).toContain(`第2题/共3题** ${question('two-integration', 'completed')}`);
    const summary = await answerAll(chat, back, twoIntegration('200万'));
    expect(textOf(summary)).toContain('1. 中小企业：是');
    expect((await chat.say('确认'))[0].text).toContain('400,000.00 元');
  });

  it('security-emergency-platform: the 修改… button under the verdict, and 修改 alone, re-ask the answer that stopped it', async () => {
    const chat = conversation();
    await start(chat, 'security-emergency-platform');
    const verdict = await chat.say('不是');
    expect(buttonsOf(verdict)[0]).toBe('修改在青注册');
    const again = await chat.say('修改在青注册');
    expect(textOf(again)).toContain(`修改第1项** ${question('security-emergency-platform', 'registeredInQingdao')}`);
    expect(textOf(await chat.say('是'))).toContain(question('security-emergency-platform', 'isRegionalEmergencyPlatform'));

    const other = conversation();
    await start(other, 'two-integration');
    await other.say('我们是大型企业');
    expect(textOf(await other.say('修改'))).toContain(`修改第1项** ${question('two-integration', 'isSme')}`);
  });

  it('a question asked after the verdict is answered; the answers are still there to correct', async () => {
    const chat = conversation();
    await start(chat, 'two-integration');
    await chat.say('否');
    expect(textOf(await chat.say('发文单位是谁'))).toContain('青岛市人民政府办公厅');
    expect(textOf(await chat.say('说错了，是中小企业'))).toContain(question('two-integration', 'completed'));
  });
});

describe('corrections after a result', () => {
  it('two-integration: 投资额其实是250万 recomputes and says what changed', async () => {
    const chat = conversation();
    await answerAll(chat, await start(chat, 'two-integration'), twoIntegration('150万'));
    expect((await chat.say('确认'))[0].text).toContain('300,000.00 元');
    const again = await chat.say('投资额其实是250万');
    expect(again).toHaveLength(1);
    const text = again[0].text ?? '';
    expect(text).toContain('已按修改后的回答重新计算');
    expect(text).toContain('投资额：1,500,000 元 → 2,500,000 元');
    expect(text).toContain('结论：可获约 300,000.00 元（30万元），一次性 → 可获约 500,000.00 元（50万元），一次性');
    expect(cardText(again)).toContain('2,500,000 × 20% = 500,000');
  });

  it('platform-cloud-service: 改一下服务收入 asks that question only, then recomputes', async () => {
    const chat = conversation();
    await answerAll(chat, await start(chat, 'platform-cloud-service'), platform('1800万'));
    await chat.say('确认');
    const asked = await chat.say('改一下服务收入');
    expect(textOf(asked)).toContain(`修改第3项** ${question('platform-cloud-service', 'localServiceRevenue')}`);
    const result = await chat.say('3000万');
    // 30,000,000 × 20% = 6,000,000, capped at 5,000,000 a year.
    expect(result[0].text).toContain('服务收入：18,000,000 元 → 30,000,000 元');
    expect(result[0].text).toContain('5,000,000.00 元（500万元），按年度');
    expect(result[0].text).not.toContain('请核对');
  });

  it('any later turn may correct: after other questions, and a correction may rule the enterprise out', async () => {
    const chat = conversation();
    await answerAll(chat, await start(chat, 'two-integration'), twoIntegration('300万'));
    await chat.say('确认');
    await chat.say('企业上云有什么补贴');
    await chat.say('这条的责任单位是谁');
    const result = await chat.say('投资额应该是40万');
    expect(result[0].text).toContain('投资额：3,000,000 元 → 400,000 元');
    expect(result[0].text).toContain('不符合条件');
  });

  it('修改回答 and 返回 after a result re-open the summary as it was before 确认', async () => {
    const chat = conversation();
    await answerAll(chat, await start(chat, 'two-integration'), twoIntegration('300万'));
    const result = await chat.say('确认');
    expect(buttonsOf(result)).toContain('修改回答');
    const summary = await chat.say('修改回答');
    expect(textOf(summary)).toContain('请核对您的回答');
    expect(textOf(summary)).toContain('3,000,000 元');
    expect(textOf(await chat.say('修改第3项'))).toContain(question('two-integration', 'investment'));
    expect(textOf(await chat.say('500万'))).toContain('5,000,000 元');
    expect((await chat.say('确认'))[0].text).toContain('1,000,000.00 元');

    const other = conversation();
    await answerAll(other, await start(other, 'platform-cloud-service'), platform('1800万'));
    await other.say('确认');
    expect(textOf(await other.say('返回'))).toContain('请核对您的回答（平台服务商上云用平台奖补估算）');
  });

  it('the check-up too: 修改投资额 after its result recomputes the total', async () => {
    const chat = conversation();
    const summary = await answerAll(chat, await chat.say('政策体检'), {
      newlyRecognized: '否',
      is5gOrAi: '否',
      inProviderDirectory: '否',
      isSme: '是',
      completed: '是',
      nationallyApproved: '否',
      registeredInQingdao: '否',
      inKeyProjectLibrary: '否',
      investment: '300万',
    });
    expect(textOf(await chat.say('确认'))).toContain('合计约 600,000.00 元');
    await chat.say('修改投资额');
    const result = await chat.say('400万');
    expect(textOf(result)).toContain('投资额：3,000,000 元 → 4,000,000 元');
    expect(textOf(result)).toContain('合计约 800,000.00 元');
    expect(textOf(summary)).toContain('请核对您的回答（政策体检）');
  });

  it('取消 forgets the answers: nothing is left to correct', async () => {
    const chat = conversation();
    await start(chat, 'two-integration');
    await chat.say('否');
    await chat.say('取消');
    expect(textOf(await chat.say('说错了，是中小企业'))).not.toContain(question('two-integration', 'completed'));
  });
});

describe('traditional-script controls read as simplified ones', () => {
  it('two-integration: 修改第2項, 返回上一題, 確認無誤', async () => {
    const chat = conversation();
    await answerAll(chat, await start(chat, 'two-integration'), twoIntegration('300万'));
    expect(textOf(await chat.say('修改第2項'))).toContain(`修改第2项** ${question('two-integration', 'completed')}`);
    expect(textOf(await chat.say('返回上一題'))).toContain('请核对您的回答');
    expect((await chat.say('確認無誤'))[0].text).toContain('600,000.00 元');
  });

  it('platform-cloud-service: 返回上一題 mid-interview, 確定 on the summary, 沒有 / 伍拾萬元 answers', async () => {
    const chat = conversation();
    await start(chat, 'platform-cloud-service');
    await chat.say('是');
    expect(textOf(await chat.say('返回上一題'))).toContain(`第1题/共3题** ${question('platform-cloud-service', 'inProviderDirectory')}`);
    await answerAll(chat, await chat.say('是'), platform('壹仟捌佰萬元'));
    expect((await chat.say('確定'))[0].text).toContain('3,600,000.00 元');
  });
});

describe('pickers: 后一个, 最后那个, a word of the label, the label typed', () => {
  const topTen = question('future-city-top10', 'is5gOrAi');
  const demo = question('scenario-demo', 'newlyRecognized');

  it.each([
    ['后一个', topTen],
    ['最后那个', topTen],
    ['十佳那个', topTen],
    ['（三）“未来城市”十佳场景奖励', topTen],
    ['前一个', demo],
    ['工业赋能', demo],
    ['第一个', demo],
  ])('the two awards of （三）: %s', async (pick, asked) => {
    const chat = conversation();
    expect(textOf(await chat.say('估算场景示范应用的奖励'))).toContain('有2项可以估算的奖励');
    expect(textOf(await chat.say(pick))).toContain(asked);
  });

  it.each([
    ['最后那个', '自动化生产线'],
    ['智能（互联）工厂', '智能（互联）工厂'],
    ['工厂', '智能（互联）工厂'],
    ['倒数第二个', '数字化车间'],
  ])('the categories of scenario-demo: %s → %s', async (pick, label) => {
    const chat = conversation();
    await start(chat, 'scenario-demo');
    await chat.say('是');
    expect(textOf(await chat.say(pick))).toContain(`认定类别：${label}`);
  });

  it.each([
    ['两化融合那个', question('two-integration', 'isSme')],
    ['第三个', question('platform-cloud-service', 'inProviderDirectory')],
    ['最后一个', question('equity-investment', 'inKeyProjectLibrary')],
    ['（九）标识解析项目奖励', question('identifier-resolution', 'nationallyApproved')],
  ])('the menu of every rule: %s', async (pick, asked) => {
    const chat = conversation();
    expect(textOf(await chat.say('帮我估算'))).toContain('请问您想估算哪一项奖励');
    expect(textOf(await chat.say(pick))).toContain(asked);
  });

  it('a menu pick is only read right after the menu', async () => {
    const chat = conversation();
    await chat.say('估算场景示范应用的奖励');
    await chat.say('发文单位是谁');
    expect(textOf(await chat.say('后一个'))).not.toContain(topTen);
  });
});

describe('unknown answers in the 政策体检', () => {
  const gatesNo = {
    newlyRecognized: '否',
    is5gOrAi: '否',
    nationallyApproved: '否',
    registeredInQingdao: '否',
    inKeyProjectLibrary: '否',
  };

  it('不清楚 skips the SME question: two-integration is not judged, the platform award is still totalled', async () => {
    const chat = conversation();
    const summary = await answerAll(chat, await chat.say('政策体检'), {
      ...gatesNo,
      inProviderDirectory: '是',
      isSme: '不清楚',
      localEnterprisesServed: '60家',
      localServiceRevenue: '1500万',
    });
    expect(textOf(summary)).toContain('中小企业：未回答（跳过）');
    expect(buttonsOf(summary)).toContain('修改中小企业');
    // Nothing more of two-integration was asked: without the SME answer it cannot be judged.
    expect(textOf(summary)).not.toContain('完成投资额');
    const result = await chat.say('确认');
    expect(textOf(result)).toContain('您可能符合 1 项奖补，合计约 3,000,000.00 元');
    expect(textOf(result)).toContain('未能判断（缺少回答）：措施（八）两化融合项目奖补（缺：中小企业）。补上回答即可计算，如“修改中小企业”');
    expect(cardText(result)).toContain('未能判断');

    // Answered later, the rule is judged and added: 3,000,000 + 300万 × 20%.
    expect(textOf(await chat.say('修改中小企业'))).toContain(question('two-integration', 'isSme'));
    const more = await answerAll(chat, await chat.say('是'), { completed: '是', investment: '300万' });
    expect(textOf(more)).toContain('中小企业：未回答 → 是');
    expect(textOf(more)).toContain('合计约 3,600,000.00 元');
  });

  it('这题先不答 skips an amount: the identifier award is totalled without it', async () => {
    const chat = conversation();
    let replies = await chat.say('政策体检');
    const skippedAt: string[] = [];
    replies = await answerAll(chat, replies, {
      ...gatesNo,
      nationallyApproved: '是',
      inProviderDirectory: '否',
      isSme: '是',
      completed: '是',
      centralFunds: '1000万',
    });
    expect(askedKey(replies)).toBe('investment');
    const next = await chat.say('这题先不答');
    skippedAt.push(textOf(next));
    expect(skippedAt[0]).toContain('先跳过');
    const summary = await answerAll(chat, next, { centralFunds: '1000万' });
    expect(textOf(summary)).toContain('完成投资额：未回答（跳过）');
    // 10,000,000 × 5% = 500,000; two-integration is left out of the total.
    const result = await chat.say('确认');
    expect(textOf(result)).toContain('合计约 500,000.00 元');
    expect(textOf(result)).toContain('措施（八）两化融合项目奖补（缺：年度内网络、工业软件、系统集成等方面完成投资额）');
  });

  it('a single rule’s interview cannot skip: it says the answer is needed, with the help', async () => {
    const chat = conversation();
    await start(chat, 'platform-cloud-service');
    const again = await chat.say('不清楚');
    expect(textOf(again)).toContain('测算必需');
    expect(textOf(again)).toContain('说明：名录由市工业和信息化局建立');
    expect(textOf(again)).not.toContain('没能读懂');
  });
});

describe('definitions inside an interview', () => {
  it('two-integration: 什么算中小企业 answers with the 划型标准 and asks again', async () => {
    const chat = conversation();
    await start(chat, 'two-integration');
    const help = await chat.say('什么算中小企业');
    expect(help).toHaveLength(1);
    expect(textOf(help)).toContain('《中小企业划型标准规定》');
    expect(textOf(help)).toMatch(/从业人员.*营业收入/);
    expect(textOf(help)).toContain(`第1题/共3题** ${question('two-integration', 'isSme')}`);
    expect(textOf(help)).not.toContain('请问您想了解哪一条');
    expect(textOf(await chat.say('是'))).toContain(question('two-integration', 'completed'));
  });

  it('platform-cloud-service: 名录是指什么, and another answer’s meaning asked later', async () => {
    const chat = conversation();
    await start(chat, 'platform-cloud-service');
    const help = await chat.say('名录是指什么');
    expect(textOf(help)).toContain('名录由市工业和信息化局建立并实施动态管理');
    expect(textOf(help)).toContain(question('platform-cloud-service', 'inProviderDirectory'));
    await chat.say('是');
    const other = await chat.say('服务商名录怎么认定？');
    expect(textOf(other)).toContain('名录由市工业和信息化局建立');
    expect(textOf(other)).toContain(question('platform-cloud-service', 'localEnterprisesServed'));
  });
});

describe('smaller things', () => {
  it('edit buttons have one style: 修改 and the input’s name, for every rule', async () => {
    for (const [ruleId, answers] of [
      ['two-integration', twoIntegration('300万')],
      ['platform-cloud-service', platform('1800万')],
    ] as const) {
      const chat = conversation();
      const summary = await answerAll(chat, await start(chat, ruleId), answers);
      const edits = buttonsOf(summary).filter((b) => b.startsWith('修改'));
      expect(edits).toEqual(Object.values(rule(ruleId).inputs).map((spec) => `修改${spec.names[0]}`));
      expect(edits.some((b) => /第\d项/.test(b))).toBe(false);
    }
  });

  it('an all-否 check-up neither says 共 0 项 nor points at 修改 buttons that are not there', async () => {
    const chat = conversation();
    const gates = Object.fromEntries(
      [...allInputs.entries()].filter(([, spec]) => spec.kind === 'yesno').map(([key]) => [key, key === 'governmentInvested' ? '是' : '否']),
    );
    const summary = await answerAll(chat, await chat.say('政策体检'), gates);
    expect(buttonsOf(summary).some((b) => b.startsWith('修改'))).toBe(false);
    expect(textOf(summary)).not.toContain('修改…');
    expect(textOf(summary)).toContain('输入“修改第N项”');
    const result = await chat.say('确认');
    expect(textOf(result)).toContain('暂未发现可以测算金额的奖补');
    expect(cardText(result)).not.toContain('共 0 项');
  });

  it('questions say 申报年度, never 本年度 (the notice has expired)', async () => {
    for (const [key, spec] of allInputs) {
      expect(spec.question, key).not.toContain('本年度');
      expect(spec.help, key).not.toContain('本年度');
    }
    const chat = conversation();
    const asked = await answerAll(chat, await start(chat, 'two-integration'), { isSme: '是' });
    expect(textOf(asked)).toContain('申报年度内竣工（上线）');
  });

  it('switching to 政策体检 mid-interview carries the shared answers', async () => {
    const chat = conversation();
    await start(chat, 'two-integration');
    await chat.say('是');
    await chat.say('是');
    const switched = await chat.say('政策体检');
    expect(textOf(switched)).toContain('已结束刚才的两化融合项目奖补估算');
    expect(textOf(switched)).toContain('已沿用您在两化融合项目奖补估算中的2项回答（中小企业：是；项目年度内竣工（上线）：是）');
    const asked: string[] = [];
    let replies = switched;
    for (let turn = 0; turn < 20 && askedKey(replies); turn++) {
      const key = askedKey(replies)!;
      asked.push(key);
      replies = await chat.say(key === 'investment' ? '300万' : key === 'governmentInvested' ? '是' : '否');
    }
    expect(asked).not.toContain('isSme');
    expect(asked).not.toContain('completed');
    expect(textOf(replies)).toContain('1. 中小企业：是');
    expect(textOf(await chat.say('确认'))).toContain('合计约 600,000.00 元');
  });

  it('and back: a rule started after the check-up goes straight to the summary of what it already knows', async () => {
    const chat = conversation();
    await answerAll(chat, await chat.say('政策体检'), {
      newlyRecognized: '否',
      is5gOrAi: '否',
      inProviderDirectory: '是',
      isSme: '否',
      nationallyApproved: '否',
      registeredInQingdao: '否',
      inKeyProjectLibrary: '否',
      localEnterprisesServed: '60家',
      localServiceRevenue: '1200万',
    });
    await chat.say('确认');
    const summary = await chat.say('帮我估算平台服务商奖补');
    expect(textOf(summary)).toContain('已沿用您在政策体检中的3项回答');
    expect(textOf(summary)).toContain('请核对您的回答（平台服务商上云用平台奖补估算）');
    expect((await chat.say('确认'))[0].text).toContain('2,400,000.00 元');
    // 重新估算 starts afresh.
    expect(textOf(await chat.say('重新估算'))).toContain(`第1题/共3题** ${question('platform-cloud-service', 'inProviderDirectory')}`);
  });
});
