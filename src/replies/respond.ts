import type { Measure, Notice } from '../knowledge';
import { closeHits, normalizeQuery, type PolicySearch, type SearchResponse } from '../search';
import { aspectOf, detectIntent } from './intents';
import {
  FOLLOW_UP,
  answerMeasure,
  chooseBetween,
  figuresOf,
  fullText,
  noMeasureYet,
  relatedMeasures,
  unitsOf,
} from './measure-replies';
import { greeting, help, noSuchMeasure, notFound, noticeFact, sectionMenu } from './notice-replies';
import type { Reply } from './types';

export interface QaContext {
  notice: Notice;
  search: PolicySearch;
  /** Whether an award can be estimated for a measure (the rules module knows). */
  isEstimable: (measureId: number) => boolean;
}

/** The result of one question-answering turn, as plain data. */
export interface QaTurn {
  replies: Reply[];
  /** The measure the conversation is now about (for 这条… follow-ups). */
  lastMeasureId?: number;
  /** The user asked to estimate an award, for this measure if one is known. */
  estimate?: { measureId?: number };
  /** The user asked for the policy check-up over all rules. */
  checkUp?: boolean;
}

/**
 * Answers one message about the notice. Pure: the bot, the CLI and the tests call it
 * with the measure last discussed and get replies plus the new measure back.
 *
 *   respond('两化融合项目补贴多少', undefined, ctx).lastMeasureId  // → 8
 *   respond('这条的责任单位是谁', 8, ctx).replies[0].text          // → '措施（八）…的责任单位：…'
 */
export function respond(text: string, lastMeasureId: number | undefined, ctx: QaContext): QaTurn {
  const { notice, search } = ctx;
  const normalized = normalizeQuery(text);
  const last = lastMeasureId === undefined ? undefined : search.getMeasure(lastMeasureId);
  const about = (measure: Measure, reply: Reply): QaTurn => ({ replies: [reply], lastMeasureId: measure.id });
  const needsMeasure = (answer: (m: Measure) => Reply): QaTurn =>
    last ? about(last, answer(last)) : { replies: [noMeasureYet()], lastMeasureId };

  const section = notice.sections.find((s) => normalized === normalizeQuery(s.heading) || normalized === normalizeQuery(s.title));
  if (section) return { replies: [sectionMenu(section)], lastMeasureId };

  const intent = detectIntent(normalized);
  switch (intent.kind) {
    case 'greeting':
      return { replies: [greeting(notice)], lastMeasureId };
    case 'help':
      return { replies: [help(notice)], lastMeasureId };
    case 'thanks':
      return { replies: [{ text: '不客气！还有其他问题可以继续问我。' }], lastMeasureId };
    case 'full-text':
      return needsMeasure((m) => fullText(m, notice, ctx.isEstimable(m.id)));
    case 'related':
      return needsMeasure((m) => relatedMeasures(m, notice));
    case 'check-up':
      return { replies: [], lastMeasureId, checkUp: true };
    case 'estimate': {
      // The 估算奖励 button under an answer means the measure just discussed: searching
      // its own words would find （六）, whose text says 奖励 too.
      if (normalized === FOLLOW_UP.estimate) return { replies: [], lastMeasureId, estimate: { measureId: lastMeasureId } };
      const [hit] = search.search(text, { limit: 1 }).hits;
      return { replies: [], lastMeasureId, estimate: { measureId: hit?.measure.id ?? lastMeasureId } };
    }
    case 'follow-up':
      if (intent.aspect === 'units') return needsMeasure(unitsOf);
      if (intent.aspect === 'full-text') return needsMeasure((m) => fullText(m, notice, ctx.isEstimable(m.id)));
      if (intent.aspect === 'figures') return needsMeasure((m) => figuresOf(m, notice, ctx.isEstimable(m.id)));
      return needsMeasure((m) => answerMeasure(m, notice, { estimable: ctx.isEstimable(m.id) }));
    case 'notice-fact': {
      // 适用范围 alone is about the notice; 两化融合的适用范围 is about a measure.
      const response = search.search(text, { limit: 3 });
      if (intent.unlessMeasureFound && response.hits.length > 0) return answerQuestion(response, lastMeasureId, ctx);
      return { replies: [noticeFact(intent.fact, notice)], lastMeasureId };
    }
    case 'question':
      break;
  }
  return answerQuestion(search.search(text, { limit: 3 }), lastMeasureId, ctx);
}

function answerQuestion(response: SearchResponse, lastMeasureId: number | undefined, ctx: QaContext): QaTurn {
  if (response.reference !== undefined && response.hits.length === 0) {
    return { replies: [noSuchMeasure(response.reference)], lastMeasureId };
  }
  const [top] = response.hits;
  if (!top) return { replies: [notFound(ctx.notice)], lastMeasureId };
  const close = closeHits(response.hits);
  if (close.length > 1) return { replies: [chooseBetween(close.map((hit) => hit.measure))], lastMeasureId };
  // 措施8的责任单位是谁: the units, as a follow-up would give them. Other answers show
  // the figures and units anyway.
  const reply =
    aspectOf(response.normalized) === 'units'
      ? unitsOf(top.measure)
      : answerMeasure(top.measure, ctx.notice, { snippet: top.snippet, estimable: ctx.isEstimable(top.measure.id) });
  return { replies: [reply], lastMeasureId: top.measure.id };
}
