import { defineClause, rateFigure } from '../clause';
import { isTrue, positiveMoney } from '../conditions';
import { defineRule } from '../define';
import { money, yesNo } from '../inputs';

/**
 * 措施（九）推进工业互联网标识解析体系建设.
 *
 *   estimate('identifier-resolution', { nationallyApproved: true, centralFunds: 10_000_000 })
 *     → eligible, amount 500000, one-time, no cap
 */
export const clause = defineClause(
  9,
  '对我市获批国家立项支持的工业互联网标识解析类项目，按其获得中央财政资金的5%，给予项目承担企业一次性奖励，由企业用于奖励核心团队。',
  {
    rate: rateFigure('按其获得中央财政资金的5%', 5),
  },
);

export const identifierResolution = defineRule({
  id: 'identifier-resolution',
  title: '标识解析项目奖励',
  subject: '我市获批国家立项支持的工业互联网标识解析类项目的承担企业',
  clause,
  period: 'one-time',
  periodBasis: '通知写明“一次性奖励”',
  inputs: {
    nationallyApproved: yesNo({
      label: '承担获批国家立项支持的标识解析类项目',
      names: ['国家立项', '标识解析项目', '立项'],
      question: '贵企业是否承担了获批国家立项支持的工业互联网标识解析类项目？',
      help: '指国家有关部门立项支持、由贵企业作为项目承担企业的工业互联网标识解析类项目。',
      example: true,
      yes: ['获批', '立项', '承担'],
    }),
    centralFunds: money({
      label: '项目获得的中央财政资金',
      names: ['中央财政资金', '中央资金', '财政资金'],
      question: '该项目获得的中央财政资金是多少？',
      help: '指该项目实际获得的中央财政支持资金。',
      example: 10_000_000,
    }),
  },
  conditions: [
    isTrue('nationallyApproved', '获批国家立项支持的工业互联网标识解析类项目'),
    positiveMoney('centralFunds', '获得中央财政资金'),
  ],
  compute: ({ centralFunds }) => ({ kind: 'rate', base: centralFunds, rate: clause.figures.rate }),
  notes: ['通知规定奖励“由企业用于奖励核心团队”。', '通知未规定此项奖励的上限。'],
});
