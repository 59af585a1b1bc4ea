import { recognizeBoolean } from '@microsoft/recognizers-text-choice';
import { Culture, recognizeNumber } from '@microsoft/recognizers-text-number';
import { describe, expect, it } from 'vitest';
import { recognizeReply, type Expectation } from '../dialogs/answer-prompt';
import {
  looksLikeQuestion,
  readChoice,
  readCommand,
  readCorrection,
  readDefinitionQuestion,
  readEdit,
  readPick,
  readUnitChoice,
  type CorrectableItem,
} from '../dialogs/answers';
import { readAmount, readMoney, readYesNo, saysUnknown } from '../src/rules/reading';
import { describeRule, getRule, type InputDescription } from '../src/rules';

const input = (ruleId: string, key: string): InputDescription =>
  describeRule(getRule(ruleId)!).inputs.find((i) => i.key === key)!;

describe('reading yes and no', () => {
  it.each(['是', '是的', '对', '有', '有的', '对的', '没错', '属于', '嗯'])('%s is yes', (text) => {
    expect(readYesNo(text)).toEqual({ kind: 'value', value: true, strict: true });
  });

  it.each(['否', '没有', '不是', '不', '无', '不属于', '未', '否。', '没有的', '沒有', '不屬於'])('%s is no', (text) => {
    expect(readYesNo(text)).toEqual({ kind: 'value', value: false, strict: true });
  });

  it('reads 否 and 没有 although the zh-cn boolean recogniser alone does not', () => {
    // The fact the word list is there for.
    expect(recognizeBoolean('否', 'zh-cn')).toEqual([]);
    expect(recognizeBoolean('没有', 'zh-cn')).toEqual([]);
    expect(readYesNo('否')).toMatchObject({ value: false });
    expect(readYesNo('没有')).toMatchObject({ value: false });
  });

  it('reads a sentence loosely, the negation first', () => {
    expect(readYesNo('是的，我们是中小企业')).toEqual({ kind: 'value', value: true, strict: false });
    expect(readYesNo('我们不属于中小企业')).toEqual({ kind: 'value', value: false, strict: false });
    expect(readYesNo('项目已经上线了')).toEqual({ kind: 'value', value: true, strict: false });
  });

  it.each(['不知道', '不清楚', '可能是', '不确定', '很多', ''])('%s is not an answer (never taken as no)', (text) => {
    expect(readYesNo(text)).toEqual({ kind: 'none' });
  });
});

describe('reading amounts with the zh-cn number recogniser', () => {
  it.each([
    ['三百二十万元', 3_200_000],
    ['1,800万', 18_000_000],
    ['1.2亿', 120_000_000],
    ['50万元', 500_000],
    ['72家', 72],
    ['３００万', 3_000_000],
    ['人民币1800万元', 18_000_000],
    ['3,200,000元', 3_200_000],
    ['1800w', 18_000_000],
    ['两个亿', 200_000_000],
    ['300万5千', 3_005_000],
    ['三十二万零五百', 320_500],
    ['叁佰贰拾万元', 3_200_000],
    ['參佰貳拾萬', 3_200_000],
    ['三百二十萬元', 3_200_000],
  ])('%s → %d', (text, value) => {
    const reading = readAmount(text);
    expect(reading).toMatchObject({ kind: 'value', value, strict: true });
    expect(reading).not.toHaveProperty('approximate');
  });

  it('reads 72家 as 72 and says the number came without a unit of money', () => {
    expect(readAmount('72家')).toEqual({ kind: 'value', value: 72, strict: true, bare: true });
    expect(readAmount('72万')).toEqual({ kind: 'value', value: 720_000, strict: true });
  });

  it.each([
    ['约300万', 3_000_000, 'about'],
    ['约三百万左右', 3_000_000, 'about'],
    ['一百二十来万', 1_200_000, 'about'],
    ['300多万', 3_000_000, 'at-least'],
    ['500万以上', 5_000_000, 'at-least'],
    ['五十多万', 500_000, 'at-least'],
  ])('reads the rough figure %s as %d, marked %s', (text, value, approximate) => {
    expect(readAmount(text)).toMatchObject({ kind: 'value', value, approximate });
  });

  it('needs the Chinese culture: with en-us, 300万 would silently be 300', () => {
    expect(Number(recognizeNumber('300万', Culture.English)[0]?.resolution?.value)).toBe(300);
    expect(readAmount('300万')).toMatchObject({ value: 3_000_000 });
  });

  it('keeps negative amounts, for the schema to refuse', () => {
    expect(readAmount('负50万')).toMatchObject({ value: -500_000 });
    expect(readAmount('-50万')).toMatchObject({ value: -500_000 });
  });

  it('reads a number inside a sentence loosely', () => {
    expect(readAmount('今年投了300万')).toEqual({ kind: 'value', value: 3_000_000, strict: false });
    expect(readAmount('一共320万')).toEqual({ kind: 'value', value: 3_200_000, strict: true });
  });

  it('does not take the 一 of 算一下 for an amount of 1', () => {
    expect(readAmount('帮我算一下两化融合')).toEqual({ kind: 'none' });
    expect(readAmount('一些')).toEqual({ kind: 'none' });
  });

  it.each(['不到50万', '50万以下', '十几家', '几百万', '三四百万', '300到400万', '300万或400万'])(
    '%s is a ceiling or a range: no figure to compute with',
    (text) => {
      expect(readAmount(text)).toEqual({ kind: 'imprecise' });
    },
  );

  it.each(['很多', '不知道', '第十四条讲什么', '第十四条', '20%', '没有', '5万5', '三万五'])('%s is not an amount', (text) => {
    expect(readAmount(text)).toEqual({ kind: 'none' });
  });

  it('reads 没有 as 0 only where the input defaults to 0 (already received)', () => {
    expect(readAmount('没有', { zeroIfNone: true })).toEqual({ kind: 'value', value: 0, strict: true });
    const alreadyReceived = input('security-emergency-platform', 'alreadyReceived');
    expect(alreadyReceived.default).toBe(0);
  });
});

describe('reading a choice with a Chinese tokenizer', () => {
  const category = input('scenario-demo', 'category');
  const choices = category.choices!;

  it.each([
    ['智能（互联）工厂', 'smart-factory'],
    ['智能工厂', 'smart-factory'],
    ['数字化车间', 'digital-workshop'],
    ['车间', 'digital-workshop'],
    ['平台', 'platform'],
    ['2', 'smart-factory'],
    ['第四个', 'automated-line'],
  ])('%s → %s', (text, value) => {
    expect(readChoice(text, choices)).toMatchObject({ kind: 'value', value });
  });

  it('reads a choice named inside a sentence, loosely', () => {
    expect(readChoice('我们是自动化生产线', choices)).toEqual({ kind: 'value', value: 'automated-line', strict: false });
  });

  it.each(['都不是', '不知道', '其他'])('%s is none of them', (text) => {
    expect(readChoice(text, choices)).toEqual({ kind: 'none' });
  });
});

describe('commands, corrections and questions', () => {
  it('knows the steering words', () => {
    expect(['返回', '上一题', '取消', '退出', '帮助', '确认'].map(readCommand)).toEqual([
      'back',
      'back',
      'cancel',
      'cancel',
      'help',
      'confirm',
    ]);
    expect(readCommand('三百万')).toBeUndefined();
  });

  const items = [
    { key: 'isSme', label: '中小企业', short: '中小企业' },
    { key: 'completed', label: '项目年度内竣工（上线）', short: '第2项' },
    { key: 'investment', label: '年度内网络、工业软件、系统集成等方面完成投资额', short: '完成投资额' },
  ];

  it('finds the item to correct by its words or its number', () => {
    expect(readEdit('修改投资额', items)).toEqual({ kind: 'edit', key: 'investment' });
    expect(readEdit('修改第2项', items)).toEqual({ kind: 'edit', key: 'completed' });
    expect(readEdit('改第一项', items)).toEqual({ kind: 'edit', key: 'isSme' });
    expect(readEdit('修改', items)).toEqual({ kind: 'edit-which', candidates: ['isSme', 'completed', 'investment'] });
    expect(readEdit('修改第9项', items)?.kind).toBe('edit-which');
    expect(readEdit('三百万', items)).toBeUndefined();
  });

  it('tells a question from an answer', () => {
    expect(looksLikeQuestion('发文单位是谁')).toBe(true);
    expect(looksLikeQuestion('第十四条讲什么')).toBe(true);
    expect(looksLikeQuestion('有效期到什么时候？')).toBe(true);
    expect(looksLikeQuestion('三百二十万元')).toBe(false);
    expect(looksLikeQuestion('没有')).toBe(false);
  });

  it('recognises a reply against what the prompt expects', () => {
    const view = { title: '两化融合项目奖补估算', input: input('two-integration', 'investment'), progress: '第3题/共3题', canGoBack: true };
    const asking: Expectation = {
      kind: 'input',
      view,
      answered: items.slice(0, 2).map((item) => ({ ...item, valueText: '是' })),
      canSkip: false,
    };
    expect(recognizeReply('1.2亿', asking)).toEqual({
      kind: 'answer',
      answer: { kind: 'value', key: 'investment', value: 120_000_000 },
      strict: true,
    });
    expect(recognizeReply('返回', asking)).toMatchObject({ kind: 'answer', answer: { kind: 'back' } });
    expect(recognizeReply('修改第1项', asking)).toMatchObject({ kind: 'answer', answer: { kind: 'edit', key: 'isSme' } });
    expect(recognizeReply('帮助', asking)).toEqual({ kind: 'help' });
    expect(recognizeReply('不到300万', asking)).toEqual({ kind: 'imprecise' });
    expect(recognizeReply('很多', asking)).toEqual({ kind: 'none' });

    const summing: Expectation = {
      kind: 'summary',
      title: '两化融合项目奖补估算',
      items: items.map((item) => ({ ...item, valueText: '是' })),
    };
    expect(recognizeReply('确认', summing)).toMatchObject({ answer: { kind: 'confirm' } });
    expect(recognizeReply('修改投资额', summing)).toMatchObject({ answer: { kind: 'edit', key: 'investment' } });
    expect(recognizeReply('1.2亿', summing)).toEqual({ kind: 'none' });
  });
});

describe('an input’s own words for yes and no (from its declaration)', () => {
  const isSme = input('two-integration', 'isSme');
  const directory = input('platform-cloud-service', 'inProviderDirectory');

  it.each([
    ['我们是大型企业', false],
    ['不是大型企业', true],
    ['小微企业', true],
    ['我们不属于中小企业', false],
  ])('isSme: %s → %s', (text, value) => {
    expect(readYesNo(text, isSme.words)).toMatchObject({ kind: 'value', value });
  });

  it.each([
    ['已纳入', true],
    ['未纳入', false],
    ['还没有被纳入', false],
    ['说错了，已经纳入名录了', true],
    ['不在名录里', false],
  ])('名录: %s → %s', (text, value) => {
    expect(readYesNo(text, directory.words)).toMatchObject({ kind: 'value', value });
  });

  it.each([
    ['不是，企业自筹', false],
    ['不是。企业自己投的，属于企业自筹', false],
    ['不是企业自筹，是政府投资', true],
    ['是，政府投资的', true],
  ])('政府投资: a negation stays in its clause: %s → %s', (text, value) => {
    const governmentInvested = input('future-city-top10', 'governmentInvested');
    expect(readYesNo(text, governmentInvested.words)).toMatchObject({ kind: 'value', value });
  });

  it('a question put back is no answer: 是不是中小企业', () => {
    expect(readYesNo('是不是中小企业', isSme.words)).toEqual({ kind: 'none' });
    expect(readYesNo('有没有上线')).toEqual({ kind: 'none' });
  });
});

describe('bare numbers, for an amount that declares its plausible minimum', () => {
  const investment = input('two-integration', 'investment');
  const revenue = input('platform-cloud-service', 'localServiceRevenue');
  const received = input('security-emergency-platform', 'alreadyReceived');

  it('asks about a bare number under it, with both readings exact', () => {
    expect(readMoney('50', investment)).toEqual({ kind: 'unit-unclear', asWan: 500_000, asYuan: 50, strict: true });
    expect(readMoney('1.5', investment)).toMatchObject({ kind: 'unit-unclear', asWan: 15_000, asYuan: 1.5 });
    expect(readMoney('五十+', investment)).toMatchObject({ kind: 'unit-unclear', asWan: 500_000, approximate: 'at-least' });
    // The revenue's minimum is higher: 1000万 is its threshold.
    expect(readMoney('50000', revenue)).toMatchObject({ kind: 'unit-unclear', asWan: 500_000_000 });
    expect(readMoney('50000', investment)).toMatchObject({ kind: 'value', value: 50_000 });
  });

  it('takes a number with its unit as said, and 0 or 没有 as nothing', () => {
    expect(readMoney('50元', investment)).toMatchObject({ kind: 'value', value: 50 });
    expect(readMoney('50万', investment)).toMatchObject({ kind: 'value', value: 500_000 });
    expect(readMoney('0', received)).toMatchObject({ kind: 'value', value: 0 });
    expect(readMoney('没有', received)).toMatchObject({ kind: 'value', value: 0 });
  });

  it('reads the reply to 您是指50万元吗？', () => {
    const labels = { wan: '50万元', yuan: '50元' };
    expect(['50万元', '是', '对', '万元', '嗯'].map((t) => readUnitChoice(t, labels))).toEqual(['wan', 'wan', 'wan', 'wan', 'wan']);
    expect(['50元', '元', '就是50元'].map((t) => readUnitChoice(t, labels))).toEqual(['yuan', 'yuan', 'yuan']);
    expect(readUnitChoice('不是', labels)).toBe('neither');
    expect(readUnitChoice('60万', labels)).toBeUndefined();
  });
});

describe('not knowing, and definitions asked back', () => {
  it.each(['不清楚', '这题先不答', '跳过', '不知道', '投资额不清楚', '不確定'])('%s says the user does not know', (text) => {
    expect(saysUnknown(text)).toBe(true);
  });

  it.each(['是', '300万', '我们公司的情况比较复杂，有几个项目都在做，不知道该填哪一个'])('%s does not', (text) => {
    expect(saysUnknown(text)).toBe(false);
  });

  it('finds which input a definition question is about', () => {
    const isSme = input('two-integration', 'isSme');
    const completed = input('two-integration', 'completed');
    expect(readDefinitionQuestion('什么算中小企业', isSme)).toBe('isSme');
    expect(readDefinitionQuestion('什麼算中小企業？', isSme)).toBe('isSme');
    expect(readDefinitionQuestion('这是什么意思', isSme)).toBe('isSme');
    expect(readDefinitionQuestion('上线怎么算', isSme, [completed])).toBe('completed');
    expect(readDefinitionQuestion('发文单位是谁', isSme)).toBeUndefined();
    expect(readDefinitionQuestion('是的，属于中小企业', isSme)).toBeUndefined();
  });
});

describe('pickers', () => {
  const rules = [
    { value: 'scenario-demo', label: '（三）“工业赋能”场景示范奖励' },
    { value: 'future-city-top10', label: '（三）“未来城市”十佳场景奖励' },
  ];

  it.each([
    ['后一个', 'future-city-top10'],
    ['後一個', 'future-city-top10'],
    ['后者', 'future-city-top10'],
    ['最后那个', 'future-city-top10'],
    ['十佳', 'future-city-top10'],
    ['未来城市那个', 'future-city-top10'],
    ['（三）“未来城市”十佳场景奖励', 'future-city-top10'],
    ['前一个', 'scenario-demo'],
    ['第一个', 'scenario-demo'],
    ['1', 'scenario-demo'],
    ['工业赋能', 'scenario-demo'],
  ])('%s → %s', (text, value) => {
    expect(readPick(text, rules)).toMatchObject({ kind: 'value', value });
  });

  it.each(['场景', '奖励', '都不要', '第三个'])('%s picks none (shared by both, or nothing)', (text) => {
    expect(readPick(text, rules)).toEqual({ kind: 'none' });
  });

  it('后一个 is only clear between two', () => {
    const category = input('scenario-demo', 'category');
    expect(readChoice('后一个', category.choices!)).toEqual({ kind: 'none' });
    expect(readChoice('最后一个', category.choices!)).toMatchObject({ value: 'automated-line' });
  });
});

describe('corrections of answers already given', () => {
  const items: CorrectableItem[] = (
    [
      ['two-integration', 'isSme'],
      ['two-integration', 'completed'],
      ['two-integration', 'investment'],
    ] as const
  ).map(([ruleId, key]) => {
    const described = input(ruleId, key);
    return { key, label: described.label, short: described.names[0], names: described.names, input: described };
  });

  it('reads a new value for a named answer', () => {
    expect(readCorrection('投资额其实是250万', items)).toMatchObject({ kind: 'value', key: 'investment', reading: { value: 2_500_000 } });
    expect(readCorrection('把投资额改成二百五十万', items)).toMatchObject({ kind: 'value', key: 'investment', reading: { value: 2_500_000 } });
    expect(readCorrection('修改第3项为250万', items)).toMatchObject({ kind: 'value', key: 'investment', reading: { value: 2_500_000 } });
    expect(readCorrection('说错了，是中小企业', items)).toMatchObject({ kind: 'value', key: 'isSme', reading: { value: true } });
    expect(readCorrection('说错了，项目还没上线', items)).toMatchObject({ kind: 'value', key: 'completed', reading: { value: false } });
    expect(readCorrection('投资额其实是250', items)).toMatchObject({ kind: 'value', key: 'investment', reading: { kind: 'unit-unclear' } });
  });

  it('asks again when it names an answer but gives no new value', () => {
    expect(readCorrection('改一下投资额', items)).toEqual({ kind: 'edit', key: 'investment' });
    expect(readCorrection('修改第2項', items)).toEqual({ kind: 'edit', key: 'completed' });
    expect(readCorrection('修改中小企业', items)).toEqual({ kind: 'edit', key: 'isSme' });
    expect(readCorrection('说错了', items, { lastKey: 'completed' })).toEqual({ kind: 'edit', key: 'completed' });
    expect(readCorrection('修改', items)).toEqual({ kind: 'edit-which' });
  });

  it('a plain statement corrects only where allowed, and a question never does', () => {
    expect(readCorrection('投资额是250万', items)).toBeUndefined();
    expect(readCorrection('投资额是250万', items, { unmarked: true })).toMatchObject({ kind: 'value', key: 'investment' });
    expect(readCorrection('投资额250万的话能拿多少', items, { unmarked: true })).toBeUndefined();
    expect(readCorrection('企业上云有什么补贴', items, { unmarked: true })).toBeUndefined();
  });

  it('reads traditional-script controls as the simplified ones', () => {
    expect(['確定', '確認無誤', '返回上一題', '返回'].map(readCommand)).toEqual(['confirm', 'confirm', 'back', 'back']);
    expect(readEdit('修改第2項', items)).toEqual({ kind: 'edit', key: 'completed' });
  });
});

describe('overlapping own words', () => {
  it('the longer word wins: 以前认定过 is not newly recognised', () => {
    const recognised = input('scenario-demo', 'newlyRecognized');
    expect(readYesNo('以前认定过', recognised.words)).toMatchObject({ kind: 'value', value: false });
    expect(readYesNo('已获得认定', recognised.words)).toMatchObject({ kind: 'value', value: true });
  });
});
