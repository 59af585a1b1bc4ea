import { SERVICE_LEVELS, type ServiceLevel } from '../insights/events';
import type { Measure } from '../knowledge';
import { normalizeQuery } from '../search/normalize';
import type { Reply, ReplyAction } from './types';

/**
 * Ratings in the chat: 有帮助 / 没帮助 under an answer or an estimate, and the five-level
 * 好差评 after an estimate is rated or at goodbye. Suggested actions, so they work in Web
 * Chat, Teams and the terminal chat alike; never required to go on.
 */
export const HELPFUL = { helpful: '有帮助', unhelpful: '没帮助' } as const;

const HELPFUL_ACTIONS: ReplyAction[] = [
  { title: `👍 ${HELPFUL.helpful}`, value: HELPFUL.helpful },
  { title: `👎 ${HELPFUL.unhelpful}`, value: HELPFUL.unhelpful },
];

/** A reply with 有帮助 / 没帮助 after its own buttons. */
export function withHelpfulButtons<R extends Reply>(reply: R): R {
  return { ...reply, actions: [...(reply.actions ?? []), ...HELPFUL_ACTIONS] };
}

export const serviceLevelActions = (): ReplyAction[] => SERVICE_LEVELS.map((level) => ({ title: level, value: level }));

/** What a message says as a rating: '有帮助', '👎 没帮助', '满意'…; undefined otherwise. */
export function readRating(text: string): 'helpful' | 'unhelpful' | ServiceLevel | undefined {
  if (text.length > 12) return undefined; // every rating is a short word or a button's title
  const t = normalizeQuery(text).replace(/[\p{So}\p{P}\s]/gu, '');
  if (t === HELPFUL.helpful || t === '有用') return 'helpful';
  if (t === HELPFUL.unhelpful || t === '没用' || t === '没有帮助') return 'unhelpful';
  return (SERVICE_LEVELS as readonly string[]).includes(t) ? (t as ServiceLevel) : undefined;
}

export function helpfulThanks(target: 'answer' | 'estimate'): Reply {
  if (target === 'estimate') {
    return {
      text: '感谢您的反馈！也请您为本次服务评价（好差评），可直接点选：',
      actions: serviceLevelActions(),
    };
  }
  return { text: '感谢您的反馈！还有其他问题，可以继续问我。' };
}

export function unhelpfulSorry(target: 'answer' | 'estimate', measure?: Measure): Reply {
  const units = measure ? `，或直接咨询该措施的责任单位：${measure.units.join('、')}` : '';
  const lead = target === 'estimate' ? '感谢反馈，抱歉这次估算没能帮到您。' : '感谢反馈，抱歉没能帮到您。您可以换个说法再问一次';
  return {
    text: target === 'estimate'
      ? `${lead}也请您为本次服务评价（好差评），可直接点选：`
      : `${lead}${units}。`,
    ...(target === 'estimate' ? { actions: serviceLevelActions() } : {}),
  };
}

export function serviceThanks(level: ServiceLevel): Reply {
  const bad = level === '不满意' || level === '非常不满意';
  return {
    text: bad
      ? `已记录您的评价（${level}），抱歉给您带来不便。能告诉我们哪里没有帮到您吗？直接输入一句话即可（可不填，继续提问也可以）。`
      : `已记录您的评价（${level}），谢谢！如有意见或建议，可以直接输入一句话告诉我们（可不填，继续提问也可以）。`,
  };
}

export const commentThanks = (): Reply => ({ text: '感谢您的意见，已经记下，我们会据此改进服务。还有其他问题，可以继续问我。' });

export const alreadyRated = (): Reply => ({ text: '已收到您的评价，谢谢！还有其他问题，可以继续问我。' });

/** The goodbye's own reply, with the 好差评 buttons under it. */
export function withServiceRating(reply: Reply): Reply {
  return { text: `${reply.text}\n\n请为本次服务评价（好差评）：`, actions: serviceLevelActions() };
}
