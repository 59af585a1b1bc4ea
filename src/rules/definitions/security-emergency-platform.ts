import { defineClause, moneyFigure, rateFigure } from '../clause';
import { isTrue, positiveMoney, underCumulativeCap } from '../conditions';
import { defineRule } from '../define';
import { money, moneyWithDefault, yesNo } from '../inputs';

/**
 * 措施（十二）支持工业互联网安全保障体系建设.
 * Each year 20% of the operating cost, while all received in the policy period stays
 * within 200万元: min(20% × cost, 2,000,000 − alreadyReceived).
 *
 *   estimate('security-emergency-platform', { registeredInQingdao: true, isRegionalEmergencyPlatform: true,
 *     annualOperatingCost: 5_000_000, alreadyReceived: 1_500_000 }) → eligible, amount 500000
 */
export const clause = defineClause(
  12,
  '对在我市注册法人机构的区域性工业互联网安全应急处置平台，按照年度运营费用的20%给予补助，政策期内累计补助不超过200万元。',
  {
    rate: rateFigure('按照年度运营费用的20%', 20),
    cumulativeCap: moneyFigure('政策期内累计补助不超过200万元', 2_000_000),
  },
);

export const securityEmergencyPlatform = defineRule({
  id: 'security-emergency-platform',
  title: '安全应急处置平台补助',
  subject: '在我市注册法人机构的区域性工业互联网安全应急处置平台',
  clause,
  period: 'yearly',
  periodBasis: '通知写明“按照年度运营费用的20%给予补助”，政策期内累计不超过200万元',
  inputs: {
    registeredInQingdao: yesNo({
      label: '在我市注册法人机构',
      names: ['在青注册', '法人机构', '注册地'],
      question: '贵单位是否为在青岛市注册的法人机构？',
      help: '指在青岛市登记注册、具有独立法人资格的机构（分支机构不是法人机构）。',
      example: true,
      yes: ['在青岛注册', '青岛注册', '本地注册', '在青注册'],
      no: ['外地注册', '分公司', '分支机构'],
    }),
    isRegionalEmergencyPlatform: yesNo({
      label: '区域性工业互联网安全应急处置平台',
      names: ['应急处置平台', '应急平台'],
      question: '贵单位运营的是否为区域性工业互联网安全应急处置平台？',
      help: '指面向区域内制造业企业开展工业互联网安全监测、风险评估、应急处置等服务的平台。',
      example: true,
    }),
    annualOperatingCost: money({
      label: '平台年度运营费用',
      names: ['运营费用', '运营成本', '运营费'],
      question: '该平台申报年度的运营费用是多少？',
      help: '指平台申报年度的运营费用。',
      example: 5_000_000,
    }),
    alreadyReceived: moneyWithDefault(
      {
        label: '政策期内已获此项补助累计',
        names: ['已获补助', '累计补助', '已获得', '已累计获得'],
        question: '政策期内该平台已累计获得此项补助多少？',
        help: '指本通知有效期内（2020年8月5日至2022年12月31日）已获得的此项补助合计；没有则填 0。',
        example: 1_500_000,
      },
      0,
    ),
  },
  conditions: [
    isTrue('registeredInQingdao', '在我市注册法人机构'),
    isTrue('isRegionalEmergencyPlatform', '区域性工业互联网安全应急处置平台'),
    positiveMoney('annualOperatingCost', '年度运营费用'),
    underCumulativeCap('alreadyReceived', clause.figures.cumulativeCap),
  ],
  compute: ({ annualOperatingCost, alreadyReceived }) => ({
    kind: 'rate',
    base: annualOperatingCost,
    rate: clause.figures.rate,
    cumulativeCap: { cap: clause.figures.cumulativeCap, alreadyReceived },
  }),
});
