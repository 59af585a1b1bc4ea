import { defineClause, moneyFigure, type MoneyFigure } from '../clause';
import { isTrue, oneOf } from '../conditions';
import { defineRule } from '../define';
import { choice, yesNo } from '../inputs';

/**
 * 措施（三）开展场景示范应用, first half: the “工业赋能” demonstration projects.
 *
 *   estimate('scenario-demo', { newlyRecognized: true, category: 'platform' }) → eligible, amount 3000000
 */
export const clause = defineClause(
  3,
  '对市级新认定的工业互联网平台、智能（互联）工厂、数字化车间或自动化生产线，按照市政府促进先进制造业加快发展的政策，分别给予300万元、100万元、50万元奖励。',
  {
    platformAward: moneyFigure('300万元', 3_000_000),
    smartFactoryAward: moneyFigure('100万元', 1_000_000),
    // 数字化车间或自动化生产线: the two share the third figure.
    workshopOrLineAward: moneyFigure('50万元', 500_000),
  },
);

const categories = [
  { value: 'platform', label: '工业互联网平台' },
  { value: 'smart-factory', label: '智能（互联）工厂' },
  { value: 'digital-workshop', label: '数字化车间' },
  { value: 'automated-line', label: '自动化生产线' },
] as const;

type Category = (typeof categories)[number]['value'];

const awardFor: Record<Category, MoneyFigure> = {
  platform: clause.figures.platformAward,
  'smart-factory': clause.figures.smartFactoryAward,
  'digital-workshop': clause.figures.workshopOrLineAward,
  'automated-line': clause.figures.workshopOrLineAward,
};

export const scenarioDemo = defineRule({
  id: 'scenario-demo',
  title: '“工业赋能”场景示范奖励',
  subject: '市级新认定的工业互联网平台、智能（互联）工厂、数字化车间或自动化生产线',
  clause,
  period: 'one-time',
  periodBasis: '通知对市级新认定的项目给予奖励，未规定按年度重复发放',
  inputs: {
    newlyRecognized: yesNo({
      label: '市级新认定',
      names: ['市级新认定', '新认定'],
      question: '贵企业的项目是否已获市级新认定为工业互联网平台、智能（互联）工厂、数字化车间或自动化生产线？',
      help: '指在“工业赋能”场景示范项目遴选中获得市级新认定；以往已获认定的项目不属于新认定。',
      example: true,
      yes: ['认定', '获得认定', '新认定'],
      no: ['以前认定', '以往认定', '往年认定', '早就认定'],
    }),
    category: choice(
      {
        label: '认定类别',
        names: ['认定类别', '类别'],
        question: '该项目被认定为哪一类？',
        help: '以市级认定文件载明的类别为准。',
        example: 'smart-factory',
      },
      categories,
    ),
  },
  conditions: [
    isTrue('newlyRecognized', '市级新认定'),
    oneOf(
      'category',
      categories.map((c) => c.value),
      '工业互联网平台、智能（互联）工厂、数字化车间或自动化生产线',
      '工业互联网平台、智能（互联）工厂、数字化车间或自动化生产线之一',
    ),
  ],
  compute: ({ category }) => ({
    kind: 'fixed',
    amount: awardFor[category],
    what: categories.find((c) => c.value === category)!.label,
  }),
  notes: ['奖励按照市政府促进先进制造业加快发展的政策执行（通知原文），具体申报以该政策为准。'],
});
