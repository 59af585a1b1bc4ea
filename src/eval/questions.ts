import { respond, type QaContext } from '../replies';
import type { EvalQuestion } from './files';

export interface EvalMiss {
  q: string;
  expect: number[];
  /** The measures the reply gave, best first. */
  got: number[];
  /** What the turn was understood as, and whether the reply only named the nearest measure. */
  act: string;
  hedged: boolean;
}

export interface EvalReport {
  inScope: number;
  outOfScope: number;
  top1: number;
  recallAt3: number;
  mrr: number;
  rejection: number;
  misses: EvalMiss[];
}

/**
 * Scores what the user gets: each question is asked of respond() in a fresh conversation,
 * exactly as the bot answers it.
 * - top-1: the reply answers with an expected measure (not merely "最相关的是…");
 * - recall@3 / MRR: an expected measure is among the first three the reply names
 *   (a "which one did you mean" list counts, and so does the nearest named in a hedge);
 * - rejection (questions outside the notice): the reply gives no measure as the answer.
 */
export function evaluateReplies(ctx: QaContext, questions: EvalQuestion[]): EvalReport {
  let top1 = 0;
  let recall3 = 0;
  let reciprocal = 0;
  let rejected = 0;
  const misses: EvalMiss[] = [];
  for (const question of questions) {
    const turn = respond(question.q, undefined, ctx);
    const got = turn.measures;
    const hedged = turn.hedged ?? false;
    const miss = { ...question, got, act: turn.act, hedged };
    if (question.expect.length === 0) {
      if (got.length === 0 || hedged) rejected++;
      else misses.push(miss);
      continue;
    }
    const rank = got.findIndex((id) => question.expect.includes(id));
    if (rank === 0 && !hedged) top1++;
    else misses.push(miss);
    if (rank >= 0 && rank < 3) recall3++;
    if (rank >= 0) reciprocal += 1 / (rank + 1);
  }
  const inScope = questions.filter((q) => q.expect.length > 0).length;
  const outOfScope = questions.length - inScope;
  const share = (n: number, of: number) => (of === 0 ? 1 : n / of);
  return {
    inScope,
    outOfScope,
    top1: share(top1, inScope),
    recallAt3: share(recall3, inScope),
    mrr: share(reciprocal, inScope),
    rejection: share(rejected, outOfScope),
    misses,
  };
}
