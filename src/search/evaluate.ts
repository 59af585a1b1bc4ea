import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { PolicySearch } from './engine';

/** One line of an evaluation file: a question and the measure(s) that answer it ([] = outside the notice). */
export const EvalQuestionSchema = z.object({ q: z.string().min(1), expect: z.array(z.number().int().min(1).max(20)) });
export type EvalQuestion = z.infer<typeof EvalQuestionSchema>;

export function readEvalFile(path: string): EvalQuestion[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      try {
        return EvalQuestionSchema.parse(JSON.parse(line));
      } catch (error) {
        throw new Error(`${path}:${i + 1}: ${(error as Error).message}`);
      }
    });
}

export interface EvalMiss {
  q: string;
  expect: number[];
  got: number[];
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

/** Top-1 accuracy, recall@3 and MRR on in-scope questions; share of out-of-scope ones rejected. */
export function evaluate(engine: PolicySearch, questions: EvalQuestion[]): EvalReport {
  let top1 = 0;
  let recall3 = 0;
  let reciprocal = 0;
  let rejected = 0;
  const misses: EvalMiss[] = [];
  const inScope = questions.filter((q) => q.expect.length > 0);
  const outOfScope = questions.filter((q) => q.expect.length === 0);
  for (const question of questions) {
    const got = engine.search(question.q, { limit: 5 }).hits.map((h) => h.measure.id);
    if (question.expect.length === 0) {
      if (got.length === 0) rejected++;
      else misses.push({ ...question, got });
      continue;
    }
    const rank = got.findIndex((id) => question.expect.includes(id));
    if (rank === 0) top1++;
    else misses.push({ ...question, got });
    if (rank >= 0 && rank < 3) recall3++;
    if (rank >= 0) reciprocal += 1 / (rank + 1);
  }
  const share = (n: number, of: number) => (of === 0 ? 1 : n / of);
  return {
    inScope: inScope.length,
    outOfScope: outOfScope.length,
    top1: share(top1, inScope.length),
    recallAt3: share(recall3, inScope.length),
    mrr: share(reciprocal, inScope.length),
    rejection: share(rejected, outOfScope.length),
    misses,
  };
}
