import { readdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { knowledgePath } from '../knowledge';
import { ConversationCaseSchema, type ConversationCase } from './conversations';

/** One line of a question file: a question and the measure(s) that answer it ([] = outside the notice). */
export const EvalQuestionSchema = z.object({ q: z.string().min(1), expect: z.array(z.number().int().min(1).max(20)) });
export type EvalQuestion = z.infer<typeof EvalQuestionSchema>;

/**
 * Evaluation files (JSONL): single questions ({"q", "expect"}) or conversations
 * ({"id", "kind", "turns", …}), told apart by their lines.
 */
export type EvalFile =
  | { path: string; kind: 'questions'; questions: EvalQuestion[] }
  | { path: string; kind: 'conversations'; cases: ConversationCase[]; invalid: { id: string; error: string }[] };

const lines = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .map((line, i) => ({ line, number: i + 1 }))
    .filter(({ line }) => line.trim() !== '');

/** Reads a question file; a malformed line is an error naming the file and line. */
export function readQuestions(path: string): EvalQuestion[] {
  return lines(path).map(({ line, number }) => {
    try {
      return EvalQuestionSchema.parse(JSON.parse(line));
    } catch (error) {
      throw new Error(`${path}:${number}: ${(error as Error).message}`);
    }
  });
}

/**
 * Reads either kind. A malformed conversation line fails that case (as the shared harness
 * does) instead of the whole file.
 */
export function readEvalFile(path: string): EvalFile {
  const all = lines(path);
  const first = all[0]?.line ?? '';
  if (!/"turns"\s*:/.test(first)) return { path, kind: 'questions', questions: readQuestions(path) };
  const cases: ConversationCase[] = [];
  const invalid: { id: string; error: string }[] = [];
  for (const { line, number } of all) {
    try {
      cases.push(ConversationCaseSchema.parse(JSON.parse(line)));
    } catch (error) {
      invalid.push({ id: `line-${number}`, error: (error as Error).message.split('\n')[0] });
    }
  }
  return { path, kind: 'conversations', cases, invalid };
}

/**
 * The dev files `npm run eval` reads by default: every *.jsonl directly in knowledge/eval.
 * Sub-folders (sealed/, held-out sets nobody tunes on) are never read unless named.
 */
export function devEvalFiles(): string[] {
  return readdirSync(knowledgePath('eval'), { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.jsonl'))
    .map((entry) => knowledgePath('eval', entry.name))
    .sort();
}

/** True for a file under knowledge/eval/sealed: never swept, never tuned on. */
export const isSealed = (path: string): boolean => /(^|[\\/])sealed[\\/]/.test(path);
