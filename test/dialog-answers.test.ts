import { recognizeBoolean } from '@microsoft/recognizers-text-choice';
import { Culture, recognizeNumber } from '@microsoft/recognizers-text-number';
import { describe, expect, it } from 'vitest';
import { recognizeReply, type Expectation } from '../dialogs/answer-prompt';
import { looksLikeQuestion, readChoice, readCommand, readEdit } from '../dialogs/answers';
import { readAmount, readYesNo } from '../src/rules/reading';
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
