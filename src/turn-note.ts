import type { TurnContext } from 'botbuilder';
import type { InterviewEvent, RatingEvent } from './insights/events';

/**
 * What a turn came to, noted by whoever knows it (the main dialog, the interviews) in the
 * turn's state, and read by PolicyBot at the end of the turn for the request log and the
 * insights. Never the user's words.
 */
export interface TurnNote {
  /** answered, asked-which, not-found, out-of-scope, notice-fact, small-talk, interview, estimate… */
  outcome?: string;
  measure?: number;
  score?: number;
  /** The answer can be rated (有帮助 / 没帮助): it carries rating buttons. */
  rateable?: boolean;
  interview: Omit<InterviewEvent, 'kind' | 'at' | 'channel' | 'conversation'>[];
  ratings: Omit<RatingEvent, 'kind' | 'at' | 'channel' | 'conversation'>[];
}

const TURN_NOTE = Symbol('turn note');

/** The note of this turn (made on first use). */
export function noteOf(context: TurnContext): TurnNote {
  let note = context.turnState.get(TURN_NOTE) as TurnNote | undefined;
  if (!note) {
    note = { interview: [], ratings: [] };
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
