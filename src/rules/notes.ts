import { loadKnowledge } from '../knowledge';
import type { Validity } from './types';

/**
 * What every estimate says besides its amount.
 *
 *   validity() → { from: '2020-08-05', to: '2022-12-31',
 *                  note: '本通知有效期至2022年12月31日，已经到期；按原政策口径测算，仅供参考' }
 */
export function validity(): Validity {
  const { notice } = loadKnowledge();
  const until = /有效期至(\d{4}年\d{1,2}月\d{1,2}日)/.exec(notice.validitySentence)?.[1] ?? notice.validUntil;
  return {
    from: notice.issued,
    to: notice.validUntil,
    note: `本通知有效期至${until}，已经到期；按原政策口径测算，仅供参考`,
  };
}

/** The notice is silent on combining awards; this says so rather than inventing a rule. */
export const COMBINATION_NOTE =
  '通知未规定同一企业或项目能否同时享受多项奖补；能否叠加由市工业和信息化局决定。';
