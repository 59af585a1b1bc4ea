import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../src/knowledge';
import { knowledgePath } from '../src/knowledge/paths';
import { respond } from '../src/replies';
import { rulesForMeasure } from '../src/rules';
import { PolicySearch } from '../src/search';

/**
 * How a question is wrapped (你好，… / 麻烦问下，… / …？谢谢 / …，急！ / …😊) does not change the
 * answer: the same act, the same measures, hedged or not. Over the shared dev questions.
 */
const knowledge = loadKnowledge();
const isEstimable = (id: number) => rulesForMeasure(id).some((rule) => rule.kind === 'quantified');
const ctx = { notice: knowledge.notice, search: new PolicySearch(knowledge), isEstimable };
const questions = readFileSync(knowledgePath('eval', 'questions.dev.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as { q: string });

const WRAPPINGS: [string, string][] = [
  ['你好，', ''],
  ['请问一下，', ''],
  ['麻烦问下，', ''],
  ['我想咨询一下，', ''],
  ['领导好，', ''],
  ['在吗？', ''],
  ['打扰了，', ''],
  ['', '？谢谢'],
  ['', '，多谢了'],
  ['', '，急！'],
  ['', '～'],
  ['', '😊'],
];

const answerOf = (text: string) => {
  const turn = respond(text, undefined, ctx);
  return { act: turn.act, measures: turn.measures, hedged: turn.hedged ?? false };
};

describe('politeness around a question', () => {
  it.each(WRAPPINGS)('“%s…%s” gives the answer the bare question gets', (before, after) => {
    for (const { q } of questions) expect(answerOf(`${before}${q}${after}`), q).toEqual(answerOf(q));
  });
});

describe('spaces typed between Chinese characters', () => {
  it('change nothing (两化 融合, 工 业 互 联 网)', () => {
    const chinese = questions.filter(({ q }) => /^[\p{Script=Han}\p{P}]+$/u.test(q));
    expect(chinese.length).toBeGreaterThan(20);
    for (const { q } of chinese) expect(answerOf([...q].join(' ')), q).toEqual(answerOf(q));
  });
});
