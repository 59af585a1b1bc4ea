import { countFigure, defineClause, moneyFigure, rateFigure } from '../clause';
import { atLeastCount, atLeastMoney, isTrue } from '../conditions';
import { defineRule } from '../define';
import { count, money, yesNo } from '../inputs';

/**
 * 措施（六）支持企业用户上云用平台.
 *
 *   estimate('platform-cloud-service', { inProviderDirectory: true, localEnterprisesServed: 60, localServiceRevenue: 15_000_000 })
 *     → eligible, amount 3000000 a year
 */
export const clause = defineClause(
  6,
  '对纳入市工业互联网平台服务商名录、年度服务本地企业50家以上且该部分服务收入不低于1000万元的企业，按照该部分服务收入的20%给予奖补，单个平台服务商年度补助最高不超过500万元。',
  {
    minEnterprises: countFigure('年度服务本地企业50家以上', 50),
    minRevenue: moneyFigure('该部分服务收入不低于1000万元', 10_000_000),
    rate: rateFigure('按照该部分服务收入的20%', 20),
    yearlyCap: moneyFigure('年度补助最高不超过500万元', 5_000_000),
  },
);

export const platformCloudService = defineRule({
  id: 'platform-cloud-service',
  title: '平台服务商上云用平台奖补',
  subject: '纳入市工业互联网平台服务商名录的平台服务商',
  clause,
  period: 'yearly',
  periodBasis: '通知写明“单个平台服务商年度补助最高不超过500万元”',
  inputs: {
    inProviderDirectory: yesNo({
      label: '纳入市工业互联网平台服务商名录',
      question: '贵企业是否已纳入青岛市工业互联网平台服务商名录？',
      help: '名录由市工业和信息化局建立并实施动态管理（见措施（五））。',
      example: true,
    }),
    localEnterprisesServed: count({
      label: '年度服务本地企业数',
      question: '本年度贵企业的平台服务了多少家本地企业？',
      help: '指本年度使用贵企业平台服务的青岛本地企业数量，单位：家。',
      example: 60,
      unit: '家',
    }),
    localServiceRevenue: money({
      label: '服务本地企业的年度服务收入',
      question: '本年度服务这些本地企业取得的服务收入是多少元？',
      help: '只计服务本地企业的那部分服务收入，单位：元。',
      example: 15_000_000,
    }),
  },
  conditions: [
    isTrue('inProviderDirectory', '纳入市工业互联网平台服务商名录'),
    atLeastCount('localEnterprisesServed', clause.figures.minEnterprises, '家'),
    atLeastMoney('localServiceRevenue', clause.figures.minRevenue),
  ],
  compute: ({ localServiceRevenue }) => ({
    kind: 'rate',
    base: localServiceRevenue,
    rate: clause.figures.rate,
    cap: clause.figures.yearlyCap,
  }),
});
