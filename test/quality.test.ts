import { describe, expect, it } from 'vitest';
import { readQuestions } from '../src/eval/files';
import { evaluateReplies } from '../src/eval/questions';
import { knowledgePath, loadKnowledge } from '../src/knowledge';
import { type QaContext } from '../src/replies';
import { rulesForMeasure } from '../src/rules';
import { PolicySearch } from '../src/search';

const knowledge = loadKnowledge();
const ctx: QaContext = {
  notice: knowledge.notice,
  search: new PolicySearch(knowledge),
  isEstimable: (id) => rulesForMeasure(id).some((rule) => rule.kind === 'quantified'),
};

// Regression guards on the dev sets, scored through respond() (what the user gets). They
// were used for tuning, so these are floors, not quality figures: README reports those.
describe('answers to the dev questions', () => {
  it('answers every shared dev question with its measure and rejects every out-of-scope one', () => {
    const report = evaluateReplies(ctx, readQuestions(knowledgePath('eval', 'questions.dev.jsonl')));
    expect(report.misses).toEqual([]);
    expect(report.outOfScope).toBeGreaterThan(0);
  });

  it('keeps the tuning questions at 95% top-1 and 95% rejection at least', () => {
    const report = evaluateReplies(ctx, readQuestions(knowledgePath('eval', 'questions.tuning.jsonl')));
    expect(report.top1).toBeGreaterThanOrEqual(0.95);
    expect(report.rejection).toBeGreaterThanOrEqual(0.95);
  });
});
