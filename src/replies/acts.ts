import { memoize } from '../memo';
import { FOLLOW_UP } from './measure-replies';
import { hasCue, vocabulary, withoutCues, type ApplyNeed, type Aspect, type ListFocus, type NoticeFact, type SmallTalk } from './vocabulary';

/**
 * What a message does, read from its words before any search (the dialogue act). The
 * vocabulary is data: knowledge/dialogue.json. Which measure the act is about is decided
 * afterwards, by respond(), from the words left and the conversation's topic.
 *
 *   readAct('好的再见')                       → { kind: 'small-talk', what: 'goodbye' }
 *   readAct('门槛是什么')                     → { kind: 'question', aspect: 'conditions' }
 *   readAct('这条的责任单位是谁')             → { kind: 'follow-up', aspect: 'units' }
 *   readAct('在哪儿报名')                     → { kind: 'apply', need: 'procedure' }
 *   readAct('大型企业可以拿两化融合奖补吗')   → { kind: 'eligibility', later: false }
 *   readAct('服务了50家，够条件不')            → { kind: 'eligibility', later: false }
 *   readAct('能拿钱的有哪几条')               → { kind: 'list', byPeriod: false }
 *   readAct('单项补助最高的是哪条')           → { kind: 'list', byPeriod: false, focus: 'highest' }
 *   readAct('拨改投算补贴吗')                 → { kind: 'nature' }
 *   readAct('拿了300万，还能再申请…吗')       → { kind: 'combine', again: true }
 *   readAct('市发改委负责哪些措施')           → { kind: 'by-unit', unit: '市发展改革委' }
 *   readAct('注册后有奖励吗')                 → { kind: 'eligibility', later: false, existence: true }
 */
export type Act =
  | { kind: 'small-talk'; what: SmallTalk }
  /** The 查看原文 button: the measure in context, verbatim. */
  | { kind: 'full-text' }
  /** The 相关措施 button. */
  | { kind: 'related' }
  | { kind: 'check-up' }
  | { kind: 'estimate' }
  /**
   * Can two awards be had together? `again`: having had one, asking for another (拿了…还能再申请…吗);
   * combining only when two measures are named, else a yes/no question about the one.
   */
  | { kind: 'combine'; again?: boolean }
  /**
   * Which measures pay money (grouped one-time / yearly when asked); `focus`: only the fixed sums,
   * only those paid as a share, the largest single award, those capped at `cap` yuan (封顶200万的有几条),
   * or the measures that promise support without an amount; with focus 'rate', `rate` the percent asked
   * about (20%的有哪几个); 'withCap': every award with a cap, with its cap.
   */
  | { kind: 'list'; byPeriod: boolean; focus?: ListFocus; cap?: number; rate?: number }
  /** Is a measure's money a subsidy at all (拨改投算补贴吗)? */
  | { kind: 'nature' }
  /** Which measures a responsible unit has (市发改委负责哪些措施). */
  | { kind: 'by-unit'; unit: string }
  /** How to apply, with what, by when, whom to call. */
  | { kind: 'apply'; need: ApplyNeed }
  /**
   * A yes/no question about qualifying; `later`: asked about now, after the notice expired;
   * `existence`: whether there is support at all (注册后有奖励吗).
   */
  | { kind: 'eligibility'; later: boolean; existence?: boolean }
  | { kind: 'notice-fact'; fact: NoticeFact; unlessMeasureFound: boolean }
  /** Points at the measure just discussed (这条…). */
  | { kind: 'follow-up'; aspect: Aspect }
  /** Anything else: a question about a measure, maybe about one aspect of it. */
  | { kind: 'question'; aspect?: Aspect };

/** The kinds, for tracing and the evaluation. */
export type ActKind = Act['kind'];

/** Punctuation and spaces left after small-talk phrases are taken out. */
const LEFTOVER = /[\p{P}\p{S}\s~]/gu;
const LEFTOVER_ONLY = /^[\p{P}\p{S}\s~]+$/u;

/**
 * A question put as "…不" or "…没" at its end (够条件不, 可以不, 能拿不, 有补助没): spoken Chinese
 * for "…吗". Not 不 doubled or at the end of a word of its own (要不要 … 不), not after a
 * negation, and not 还没 (not yet).
 */
const ENDS_IN_NOT = /[^不没未非还\s\p{P}][不没][\s\p{P}~]*$/u;

/**
 * What a message may end with that says nothing about the question: punctuation, emoji, 急,
 * 在线等, 谢谢 (有补贴没，急！ is still a question ending in 没).
 */
const TRAILING_NOISE = /(?:[\s\p{P}\p{S}~]|\p{Extended_Pictographic}|\u200d|\ufe0f|急|在线等|谢谢|多谢了?|感谢|麻烦了|拜托了?)+$/u;
const ending = (text: string): string => text.replace(TRAILING_NOISE, '');

/** A question asked for yes or no: …吗, …么, …不 at its end, or an eligibility phrase (能拿, 给不给). */
export const asksYesNo = (text: string): boolean => {
  const end = ending(text);
  return /[吗么]$/u.test(end) || ENDS_IN_NOT.test(end) || hasCue(text, vocabulary().eligibility);
};

/** The first sum of money in a normalised text, in yuan: 200万 → 2000000; undefined without one. */
function amountIn(text: string): number | undefined {
  const m = /(\d+(?:\.\d+)?)(万|亿)?元/.exec(text) ?? /(\d+(?:\.\d+)?)(万|亿)/.exec(text);
  if (!m) return undefined;
  return Math.round(Number(m[1]) * (m[2] === '亿' ? 1e8 : m[2] === '万' ? 1e4 : 1));
}

/** The first percentage in a normalised text: 20% → 20; undefined without one. */
function percentIn(text: string): number | undefined {
  const m = /(\d+(?:\.\d+)?)%/.exec(text);
  return m ? Number(m[1]) : undefined;
}

/** Later than the notice's validity (2022-12-31): a year written 2023 or after. */
const LATER_YEAR = /20(2[3-9]|[3-9]\d)年/;

/**
 * Small talk when the whole message is made of small-talk phrases and fillers (human: anywhere).
 * Every kind the message holds counts, except a phrase inside a longer one of another kind
 * (the 好 of 早上好 is no 好的); of those, the first group in dialogue.json's order wins, so the
 * part that needs an answer is answered: 好的，明白了，谢谢 thanks back, 好的再见 says goodbye,
 * 你好，你能做什么 says what the assistant can do.
 */
function smallTalkOf(text: string): SmallTalk | undefined {
  const v = vocabulary();
  for (const group of v.smallTalk) if (group.anywhere && hasCue(text, group.cues)) return group.kind;
  if (!hasCue(text, v.smallTalkPhrases)) return undefined;
  const rest = withoutCues(text, v.smallTalkCues).replace(LEFTOVER, '');
  if (rest !== '') return undefined;
  const found: { kind: SmallTalk; start: number; end: number }[] = [];
  for (const group of v.smallTalk) {
    for (const cue of group.cues) {
      for (const match of text.matchAll(cue.global)) found.push({ kind: group.kind, start: match.index, end: match.index + match[0].length });
    }
  }
  const inside = (a: (typeof found)[number]) =>
    found.some((b) => b.kind !== a.kind && b.end - b.start > a.end - a.start && b.start <= a.start && a.end <= b.end);
  // 在吗？: a phrase of punctuation alone (the ? of help) is the message only when it is all there is.
  const worded = found.filter((a) => !LEFTOVER_ONLY.test(text.slice(a.start, a.end)));
  const kinds = new Set((worded.length > 0 ? worded : found).filter((a) => !inside(a)).map((a) => a.kind));
  return v.smallTalk.find((group) => kinds.has(group.kind))?.kind;
}

/** The aspect of a measure the text asks about, if any: 责任单位 → 'units', 门槛 → 'conditions'. */
export function aspectOf(text: string): Aspect | undefined {
  return vocabulary().aspects.find((group) => hasCue(text, group.cues))?.aspect;
}

/** True when the text names a year after the notice's validity (2023年新认定的…). */
export const namesYearAfterExpiry = (text: string): boolean => LATER_YEAR.test(text);

/** True when the text asks about now rather than the notice's own years (2024年, 现在, 还能…). */
export const asksAboutLater = (text: string): boolean => LATER_YEAR.test(text) || hasCue(text, vocabulary().later);

/**
 * Reads the act of a normalised message (normalizeQuery). First match wins. Remembered for
 * the last few messages: the main dialog reads the act (is it an estimate?) before respond()
 * does. The act returned is shared: read it, do not change it.
 */
export const readAct: (normalized: string) => Readonly<Act> = memoize(readActOnce, 16);

function readActOnce(normalized: string): Act {
  const text = normalized.replace(/\s+/g, '');
  const v = vocabulary();
  if (/^(查看)?原文$/.test(text)) return { kind: 'full-text' };
  if (text === FOLLOW_UP.related) return { kind: 'related' };
  if (text === FOLLOW_UP.estimate) return { kind: 'estimate' };
  const small = smallTalkOf(text);
  if (small) return { kind: 'small-talk', what: small };
  if (hasCue(text, v.checkUp)) return { kind: 'check-up' };
  // 云计算 is cloud computing, not the 计算 of 计算…补贴 (working an award out).
  if (hasCue(text.replaceAll('云计算', '云'), v.estimate)) return { kind: 'estimate' };
  // 每年都能拿: the 都 is over the years, not over two awards.
  const period = hasCue(text, v.period);
  const combining = period ? withoutCues(text, v.period) : text;
  if (hasCue(combining, v.combine)) return { kind: 'combine' };
  if (hasCue(combining, v.again)) return { kind: 'combine', again: true };
  if (hasCue(text, v.unitMeasures)) {
    const unit = v.units.find((u) => u.pattern.test(text))?.unit;
    if (unit) return { kind: 'by-unit', unit };
  }
  const validity = v.noticeFacts.find((group) => group.fact === 'validity')!;
  for (const group of v.apply) {
    if (!hasCue(text, group.cues)) continue;
    // 有效期截止到哪天 asks about the notice, not about a deadline for applying.
    if (group.need === 'deadline' && hasCue(text, validity.cues)) break;
    return { kind: 'apply', need: group.need };
  }
  for (const { focus, cues } of v.listFocus) {
    if (!hasCue(text, cues)) continue;
    // 封顶200万的奖补有几条: a cap is asked about only with its amount; 最高的是哪条 is the largest.
    if (focus === 'rate') {
      // 20%的有哪几个: the awards paid at that rate.
      const rate = percentIn(text);
      return rate !== undefined ? { kind: 'list', byPeriod: period, focus, rate } : { kind: 'list', byPeriod: period, focus };
    }
    if (focus !== 'capped') return { kind: 'list', byPeriod: period, focus };
    const cap = amountIn(text);
    if (cap !== undefined) return { kind: 'list', byPeriod: period, focus, cap };
  }
  if (hasCue(text, v.list)) return { kind: 'list', byPeriod: period };
  // 有没有年年都可以拿的奖补: whether there is support of a period is the list by period.
  if (period && hasCue(text, v.existence)) return { kind: 'list', byPeriod: true };
  // 是不是…奖励 asks what the money is; 是不是不能拿十佳奖励 whether one can have it.
  if (hasCue(text, v.nature) && !hasCue(text, v.natureUnless)) return { kind: 'nature' };
  if (hasCue(text, v.eligibility)) return { kind: 'eligibility', later: asksAboutLater(text) };
  if (hasCue(text, v.existence)) return { kind: 'eligibility', later: asksAboutLater(text), existence: true };
  for (const group of v.noticeFacts) {
    if (hasCue(text, group.cues)) return { kind: 'notice-fact', fact: group.fact, unlessMeasureFound: group.unlessMeasure };
  }
  const aspect = aspectOf(text);
  // 够条件不, 可以不: a yes/no question, unless it asks one-time or yearly, who, or how much.
  if (ENDS_IN_NOT.test(ending(text)) && (aspect === undefined || aspect === 'conditions' || aspect === 'summary')) {
    return { kind: 'eligibility', later: asksAboutLater(text) };
  }
  if (hasCue(text, v.thisMeasure)) return { kind: 'follow-up', aspect: aspect ?? 'summary' };
  return aspect ? { kind: 'question', aspect } : { kind: 'question' };
}

/** readAct under the name the dialogs use: kind 'question' means no other act was recognised. */
export const detectIntent = readAct;
