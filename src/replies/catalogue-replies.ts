import type { Notice } from '../knowledge';
import { allNotQuantifiedRules, allQuantifiedRules, type QuantifiedRule } from '../rules';
import { ESTIMATE_ACTIONS } from './estimate-replies';
import { formatDate } from './notice-replies';
import { awardLine, PERIOD_WORDS } from './rule-words';
import type { Reply } from './types';

/**
 * Which measures pay money, one line each with its rate and cap, derived from the rule
 * declarations; grouped one-time / yearly when asked. The equity stake of （十三） is
 * shown apart: it is not a payment.
 *
 *   catalogueReply(notice, { byPeriod: false }).text
 *     → '通知写明了金额或比例的奖补有以下几项…\n- 措施（三）“工业赋能”场景示范奖励：…分别给予300万元、100万元、50万元（一次性）…'
 */
export function catalogueReply(notice: Notice, options: { byPeriod: boolean }): Reply {
  const awards = allQuantifiedRules.filter((rule) => rule.amountKind === 'award');
  const equity = allQuantifiedRules.filter((rule) => rule.amountKind === 'equity-ceiling');
  const line = (rule: QuantifiedRule, withPeriod = true) =>
    `- ${rule.clause.cite}${rule.title}：${awardLine(rule)}${withPeriod ? `（${PERIOD_WORDS[rule.period]}）` : ''}`;
  const lines = [`通知写明了金额或比例的奖补有以下${awards.length}项（按原政策口径；通知有效期至${formatDate(notice.validUntil)}，已经到期）：`];
  if (options.byPeriod) {
    for (const period of ['one-time', 'yearly'] as const) {
      const some = awards.filter((rule) => rule.period === period);
      if (some.length === 0) continue;
      lines.push(`**${PERIOD_WORDS[period]}**：`, some.map((rule) => line(rule, false)).join('\n'));
    }
    lines.push('一次性的按项目给一次；按年度的按当年的数额计算，上限见各项。');
  } else {
    lines.push(awards.map((rule) => line(rule)).join('\n'));
  }
  for (const rule of equity) {
    lines.push(`另有${rule.clause.cite}${rule.title}：${awardLine(rule)}——这是财政股权投资，不是补贴。`);
  }
  const unquantified = [...new Set(allNotQuantifiedRules.map((rule) => rule.clause.number))].join('');
  lines.push(`措施${unquantified}也承诺支持，但通知没有写明金额。`);
  lines.push('想知道贵企业可能符合哪几项，可以做“政策体检”：回答几个问题，逐项看是否符合和大约金额。');
  return {
    text: lines.join('\n\n'),
    actions: [
      { title: ESTIMATE_ACTIONS.checkUp, value: ESTIMATE_ACTIONS.checkUp },
      { title: ESTIMATE_ACTIONS.menu, value: ESTIMATE_ACTIONS.menu },
    ],
  };
}
