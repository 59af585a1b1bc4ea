import type { TurnContext } from 'botbuilder';
import { randomBytes } from 'node:crypto';

/** Turn ids: this process's random prefix and a counter (unique without a random draw per turn). */
const PROCESS_PREFIX = randomBytes(6).toString('base64url');
let turns = 0;
import type { CommentEvent, InterviewEvent, RatingEvent } from './insights/events';

/**
 * What a turn came to, noted by whoever knows it (the main dialog, the interviews) in the
 * turn's state, and read by PolicyBot at the end of the turn for the request log and the
 * insights. Never the user's words.
 */
export interface TurnNote {
  /** Unique per turn: a later rating points at it. */
  id: string;
  /** answered, asked-which, not-found, out-of-scope, notice-fact, small-talk, interview, estimate… */
  outcome?: string;
  measure?: number;
  score?: number;
  /** Masked: the question of a turn the notice did not answer. */
  question?: string;
  interview: Omit<InterviewEvent, 'kind' | 'at' | 'channel' | 'conversation'>[];
  ratings: Omit<RatingEvent, 'kind' | 'at' | 'channel' | 'conversation'>[];
  comment?: Pick<CommentEvent, 'level' | 'comment'>;
}

const TURN_NOTE = Symbol('turn note');

/** The note of this turn (made on first use). */
export function noteOf(context: TurnContext): TurnNote {
  let note = context.turnState.get(TURN_NOTE) as TurnNote | undefined;
  if (!note) {
    note = { id: `${PROCESS_PREFIX}-${(++turns).toString(36)}`, interview: [], ratings: [] };
    context.turnState.set(TURN_NOTE, note);
  }
  return note;
}

/** Starts the note afresh (a turn run again after a store conflict). */
export function resetNote(context: TurnContext): void {
  context.turnState.delete(TURN_NOTE);
}

export function noteTurn(context: TurnContext, fields: Partial<Omit<TurnNote, 'interview' | 'ratings'>>): void {
  Object.assign(noteOf(context), fields);
}

export function noteInterview(context: TurnContext, event: TurnNote['interview'][number]): void {
  noteOf(context).interview.push(event);
}
