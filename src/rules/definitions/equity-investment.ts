import { defineClause, rateFigure } from '../clause';
import { isTrue, positiveMoney } from '../conditions';
import { defineRule } from '../define';
import { money, yesNo } from '../inputs';

/**
 * 措施（十三）创新财政资金投入方式. Not an award: the most the city may hold.
 *
 *   estimate('equity-investment', { inKeyProjectLibrary: true, totalShareCapital: 40_000_000 })
 *     → eligible, amountKind 'equity-ceiling', amount 20000000
 */
export const clause = defineClause(
  13,
  '设立工业互联网产业专项资金，建立市级工业互联网重点项目库，探索财政资金“拨改投”改革，对工业互联网重点项目按照不高于被投企业总股本的50%实行股权投资，构建财政资金激励引导产业转型发展的长效机制，更好地支持“工业互联网+产业链”集群发展。',
  {
    maxStake: rateFigure('不高于被投企业总股本的50%', 50),
  },
);

export const equityInvestment = defineRule({
  id: 'equity-investment',
  title: '重点项目财政股权投资',
  subject: '市级工业互联网重点项目库中的工业互联网重点项目',
  clause,
  period: 'one-time',
  periodBasis: '这是财政股权投资，不是按期发放的补助',
  amountKind: 'equity-ceiling',
  inputs: {
    inKeyProjectLibrary: yesNo({
      label: '纳入市级工业互联网重点项目库',
      names: ['重点项目库', '项目库'],
      question: '贵企业的项目是否已纳入市级工业互联网重点项目库？',
      help: '重点项目库由市财政局、市工业和信息化局建立（见措施（十三））。',
      example: true,
      yes: ['纳入', '列入', '入库'],
      no: ['未入库', '没入库'],
    }),
    totalShareCapital: money({
      label: '被投企业总股本',
      names: ['总股本', '股本'],
      question: '接受投资的企业总股本是多少？',
      help: '指拟接受市级财政股权投资的企业的总股本。',
      example: 40_000_000,
    }),
  },
  conditions: [
    isTrue('inKeyProjectLibrary', '建立市级工业互联网重点项目库'),
    positiveMoney('totalShareCapital', '被投企业总股本'),
  ],
  compute: ({ totalShareCapital }) => ({
    kind: 'rate',
    base: totalShareCapital,
    rate: clause.figures.maxStake,
    suffix: '（财政股权投资上限，不是奖励）',
  }),
  notes: [
    '这不是奖励或补贴：通知规定对工业互联网重点项目“按照不高于被投企业总股本的50%实行股权投资”，这里算出的是市级财政股权投资的上限，实际投资额由有关部门确定。',
  ],
});
