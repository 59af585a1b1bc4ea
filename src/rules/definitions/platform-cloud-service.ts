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
      names: ['服务商名录', '名录'],
      question: '贵企业是否已纳入青岛市工业互联网平台服务商名录？',
      help: '名录由市工业和信息化局建立并实施动态管理（见措施（五））。',
      example: true,
      yes: ['纳入', '列入', '入选', '在名录'],
      no: ['不在名录'],
    }),
    localEnterprisesServed: count({
      label: '年度服务本地企业数',
      names: ['服务企业数', '本地企业数', '企业数', '家数', '本地企业'],
      question: '申报年度贵企业的平台服务了多少家本地企业？',
      help: '指申报年度使用贵企业平台服务的青岛本地企业数量，单位：家。',
      example: 60,
      unit: '家',
    }),
    localServiceRevenue: money({
      label: '服务本地企业的年度服务收入',
      names: ['服务收入', '收入', '营收'],
      question: '申报年度服务这些本地企业取得的服务收入是多少？',
      help: '只计申报年度服务青岛本地企业的那部分服务收入。',
      example: 15_000_000,
      // Far below the 1000万 threshold: a bare '50000' is more likely 5亿 than 5万.
      plausibleMin: 100_000,
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
