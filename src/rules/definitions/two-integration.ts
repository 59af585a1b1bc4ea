import { defineClause, moneyFigure, rateFigure } from '../clause';
import { atLeastMoney, isTrue } from '../conditions';
import { defineRule } from '../define';
import { money, yesNo } from '../inputs';

/**
 * 措施（八）推进两化深度融合.
 *
 *   estimate('two-integration', { isSme: true, investment: 3_000_000, completed: true })
 *     → eligible, amount 600000, formula.text '3,000,000 × 20% = 600,000；未超过上限 2,000,000'
 */
export const clause = defineClause(
  8,
  '支持中小企业在设计、制造、管理等关键环节，部署推进数字化普及、网络化协同、智能化提升等方面改造升级，对企业年度内在网络、工业软件、系统集成等方面完成投资50万元以上的竣工（上线）项目，按照投资额的20%给予奖补，最高不超过200万元。',
  {
    minInvestment: moneyFigure('完成投资50万元以上', 500_000),
    rate: rateFigure('按照投资额的20%', 20),
    cap: moneyFigure('最高不超过200万元', 2_000_000),
  },
);

export const twoIntegration = defineRule({
  id: 'two-integration',
  title: '两化融合项目奖补',
  subject: '中小企业在网络、工业软件、系统集成等方面年度内竣工（上线）的改造项目',
  clause,
  period: 'one-time',
  periodBasis: '通知按竣工（上线）项目给予奖补，未规定按年度重复发放',
  inputs: {
    isSme: yesNo({
      label: '中小企业',
      names: ['中小企业', '中小微企业', '小微企业'],
      question: '贵企业是否属于中小企业？',
      help:
        '指符合工信部等四部门《中小企业划型标准规定》（工信部联企业〔2011〕300号）的中型、小型和微型企业，按所属行业的从业人员和营业收入等指标划分。例如：工业，从业人员1000人以下或营业收入40000万元以下；软件和信息技术服务业，从业人员300人以下或营业收入10000万元以下；信息传输业，从业人员2000人以下或营业收入100000万元以下。其他行业的标准见该规定。',
      example: true,
      yes: ['中小企业', '中小微企业', '小微企业', '中型企业', '小型企业', '微型企业'],
      no: ['大型企业', '大企业'],
    }),
    completed: yesNo({
      label: '项目年度内竣工（上线）',
      names: ['竣工上线', '竣工', '上线', '完工'],
      question: '该项目是否已在申报年度内竣工（上线）？',
      help: '指网络、工业软件、系统集成等方面的改造项目在申报年度内已完工验收或系统已上线运行。',
      example: true,
      yes: ['竣工', '上线', '完工', '验收', '投用', '投入使用'],
      no: ['在建', '建设中', '施工中', '实施中'],
    }),
    investment: money({
      label: '年度内网络、工业软件、系统集成等方面完成投资额',
      names: ['投资额', '完成投资', '投资'],
      question: '该项目申报年度内在网络、工业软件、系统集成等方面完成的投资额是多少？',
      help: '指申报年度内实际完成的投资，包括网络、工业软件、系统集成等方面。',
      example: 3_000_000,
    }),
  },
  conditions: [
    isTrue('isSme', '支持中小企业'),
    isTrue('completed', '竣工（上线）项目'),
    atLeastMoney('investment', clause.figures.minInvestment),
  ],
  compute: ({ investment }) => ({
    kind: 'rate',
    base: investment,
    rate: clause.figures.rate,
    cap: clause.figures.cap,
  }),
});
