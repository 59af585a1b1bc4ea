import type { TurnContext } from 'botbuilder';
import { toActivity } from '../src/activities';
import { BAD_LEVELS, type ServiceLevel } from '../src/insights/events';
import { maskPersonalData } from '../src/insights/mask';
import {
  alreadyRated,
  commentThanks,
  helpfulThanks,
  readRating,
  serviceThanks,
  unhelpfulSorry,
  type QaContext,
  type QaTurn,
} from '../src/replies';
import { noteOf, noteTurn } from '../src/turn-note';
import type { ConversationMemory } from './memory';

/**
 * What a Q&A turn came to, for the request log and the insights: answered (with which
 * act), asked which measure, or not found (the notice does not answer it).
 */
export function outcomeOf(turn: QaTurn): string {
  switch (turn.act) {
    case 'section':
      return 'section-menu';
    case 'small-talk':
      return 'small-talk';
    case 'check-up':
    case 'estimate':
      return 'interview';
    case 'list':
    case 'combine':
    case 'notice-fact':
      return turn.act;
    case 'by-unit':
      return 'list'; // the measures a unit is responsible for: a list, not a choice
    case 'full-text':
    case 'related':
      return 'follow-up';
  }
  if (turn.measures.length > 1) return 'asked-which';
  if (turn.measures.length === 0 || turn.hedged) return 'not-found';
  if (turn.act === 'apply') return 'how-to-apply';
  if (turn.act === 'eligibility') return 'yes-no';
  return 'answered';
}

/** Outcomes whose answer carries 有帮助 / 没帮助. */
const RATEABLE = new Set(['answered', 'follow-up', 'how-to-apply', 'yes-no', 'list', 'combine', 'notice-fact']);
export const isRateable = (outcome: string): boolean => RATEABLE.has(outcome);

/**
 * A message that rates what was offered (有帮助 / 没帮助 / a 好差评 level): noted for the
 * insights, thanked, and, after an estimate, followed by the 好差评 buttons. True when the
 * message was a rating (nothing else is done with it).
 */
export async function takeRating(context: TurnContext, text: string, memory: ConversationMemory, qa: QaContext): Promise<boolean> {
  const rating = readRating(text);
  if (!rating) return false;
  const offered = memory.rating;
  const isLevel = rating !== 'helpful' && rating !== 'unhelpful';
  noteTurn(context, { outcome: 'rating' });
  if (!offered || (offered.target === 'service') !== isLevel) {
    // Rated already, or the buttons of an older reply: one rating per answer.
    await context.sendActivity(toActivity(alreadyRated()));
    return true;
  }
  delete memory.rating;
  const note = noteOf(context);
  if (isLevel) {
    note.ratings.push({ target: 'service', value: rating, ...(offered.rule ? { rule: offered.rule } : {}) });
    memory.awaitingComment = rating;
    await context.sendActivity(toActivity(serviceThanks(rating)));
    return true;
  }
  const target = offered.target as 'answer' | 'estimate';
  note.ratings.push({
    target,
    value: rating,
    ...(offered.turn ? { turn: offered.turn } : {}),
    ...(offered.measure ? { measure: offered.measure } : {}),
    ...(offered.rule ? { rule: offered.rule } : {}),
    ...(rating === 'unhelpful' && offered.question ? { question: maskPersonalData(offered.question) } : {}),
  });
  const measure = offered.measure === undefined ? undefined : qa.search.getMeasure(offered.measure);
  await context.sendActivity(toActivity(rating === 'helpful' ? helpfulThanks(target) : unhelpfulSorry(target, measure)));
  // After an estimate, the 好差评 of the whole service is asked (the reply carries its buttons).
  if (target === 'estimate') memory.rating = { target: 'service', ...(offered.rule ? { rule: offered.rule } : {}) };
  return true;
}

/** How a suggestion begins (希望写明申报流程, 建议加个入口): a comment, though it names what the bot could answer. */
const SUGGESTION = /^(希望|建议|最好|要是能|如果能)/;

/**
 * The message after a 好差评 is its comment when it makes a suggestion, or else when the bot
 * does not answer it as a question.
 */
export async function takeComment(context: TurnContext, text: string, level: ServiceLevel | undefined, outcome: string): Promise<boolean> {
  if (!level) return false;
  if (!SUGGESTION.test(text.trim()) && outcome !== 'not-found' && outcome !== 'small-talk') return false;
  if (outcome === 'small-talk' && !(BAD_LEVELS as readonly string[]).includes(level)) return false;
  noteOf(context).comment = { level, comment: maskPersonalData(text) };
  noteTurn(context, { outcome: 'comment' });
  await context.sendActivity(toActivity(commentThanks()));
  return true;
}
