import { readdirSync } from 'node:fs';
import { knowledgePath } from '../knowledge';
import { readQuestions } from '../eval/files';

/** `count` questions from knowledge/eval, repeated in order as needed. */
export function benchQuestions(count: number): string[] {
  const questions = readdirSync(knowledgePath('eval'))
    .filter((file) => /^questions.*\.jsonl$/.test(file))
    .flatMap((file) => readQuestions(knowledgePath('eval', file)).map((q) => q.q));
  return Array.from({ length: count }, (_, i) => questions[i % questions.length]);
}
