import { readWordList } from '../knowledge';
import { respond, type QaContext } from './respond';

/** How often the sentences are run: V8 optimises a code path only after it has run a few times. */
const PASSES = 3;

/**
 * Runs the sentences of knowledge/warm-up.txt through respond() a few times, as one
 * conversation, so that the first people to ask after a start do not pay for the first
 * turns of a process (code paths compiled, tables read on first use: 2–3 ms a turn
 * instead of 0.2 ms). Called by createApp before the server listens; takes about 50 ms.
 * Returns how many turns it ran.
 */
export function warmUp(ctx: QaContext, sentences: readonly string[] = warmUpSentences()): number {
  let topic: number | undefined;
  for (let pass = 0; pass < PASSES; pass++) {
    for (const sentence of sentences) topic = respond(sentence, topic, ctx).lastMeasureId;
  }
  return PASSES * sentences.length;
}

export function warmUpSentences(): string[] {
  return readWordList('warm-up.txt');
}
