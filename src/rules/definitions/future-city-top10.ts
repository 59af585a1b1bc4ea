import { defineClause, moneyFigure, rateFigure } from '../clause';
import { atLeastMoney, isFalse, isTrue } from '../conditions';
import { defineRule } from '../define';
import { money, yesNo } from '../inputs';

/**
 * 措施（三）开展场景示范应用, second half: the year's ten best “未来城市” scenes.
 *
 *   estimate('future-city-top10', { is5gOrAi: true, selectedTopTen: true, governmentInvested: false, smartInvestment: 8_000_000 })
 *     → eligible, amount 800000, one-time
 */
export const clause = defineClause(
  3,
  '遴选“未来城市”场景示范项目，面向智能软硬件投资500万元以上的5G、人工智能应用场景，分别开展年度“十佳场景示范”评选活动，对评选出的十佳场景，按照智能软硬件投资额的10%，给予项目申报主体一次性奖励，最高不超过200万元（政府投资项目除外）。',
  {
    minSmartInvestment: moneyFigure('智能软硬件投资500万元以上', 5_000_000),
    rate: rateFigure('按照智能软硬件投资额的10%', 10),
    cap: moneyFigure('最高不超过200万元', 2_000_000),
  },
);

export const futureCityTop10 = defineRule({
  id: 'future-city-top10',
  title: '“未来城市”十佳场景奖励',
  subject: '入选年度“十佳场景示范”的5G、人工智能应用场景的项目申报主体',
  clause,
  period: 'one-time',
  periodBasis: '通知写明“一次性奖励”',
  inputs: {
    is5gOrAi: yesNo({
      label: '5G或人工智能应用场景',
      names: ['5G或人工智能', '5G', '人工智能', 'AI'],
      question: '该项目是否属于5G或人工智能应用场景？',
      help: '指“未来城市”场景清单中面向5G、人工智能等新兴技术的应用场景，如智能交通、智慧医养、数字文娱、在线教育、智慧物流、智慧社区等领域。',
      example: true,
      yes: ['5G', '人工智能', 'AI'],
    }),
    selectedTopTen: yesNo({
      label: '入选年度“十佳场景示范”',
      names: ['入选十佳', '十佳'],
      question: '该场景是否在年度“十佳场景示范”评选中入选十佳？',
      help: '指市级开展的年度“未来城市”“十佳场景示范”评选结果。',
      example: true,
      yes: ['入选', '评上', '选上'],
      no: ['落选', '没评上', '没选上'],
    }),
    governmentInvested: yesNo({
      label: '政府投资项目',
      names: ['政府投资'],
      question: '该项目是否属于政府投资项目？',
      help: '政府投资项目不享受此项奖励（通知原文：“政府投资项目除外”）。',
      example: false,
      yes: ['政府投资'],
      no: ['企业自筹', '自筹', '企业投资', '社会投资', '民间投资'],
    }),
    smartInvestment: money({
      label: '智能软硬件投资额',
      names: ['智能软硬件投资', '软硬件投资', '智能投资'],
      question: '该场景的智能软硬件投资额是多少？',
      help: '指该应用场景中智能软件和智能硬件的投资额。',
      example: 8_000_000,
      // Far below the 500万 threshold.
      plausibleMin: 50_000,
    }),
  },
  conditions: [
    isTrue('is5gOrAi', '5G、人工智能应用场景'),
    isTrue('selectedTopTen', '对评选出的十佳场景'),
    isFalse('governmentInvested', '政府投资项目除外'),
    atLeastMoney('smartInvestment', clause.figures.minSmartInvestment),
  ],
  compute: ({ smartInvestment }) => ({
    kind: 'rate',
    base: smartInvestment,
    rate: clause.figures.rate,
    cap: clause.figures.cap,
  }),
});
