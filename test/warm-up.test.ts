import { beforeAll, describe, expect, it } from 'vitest';
import { devEvalFiles, readEvalFile } from '../src/eval/files';
import { loadKnowledge } from '../src/knowledge';
import { respond, warmUp, warmUpSentences, type QaContext } from '../src/replies';
import type { ActKind } from '../src/replies/acts';
import { rulesForMeasure } from '../src/rules';
import { PolicySearch } from '../src/search';

/** Every kind of turn respond() tells apart; a new kind must be warmed up too. */
const EVERY_ACT: Record<ActKind | 'section', true> = {
  'small-talk': true,
  'full-text': true,
  related: true,
  'check-up': true,
  estimate: true,
  combine: true,
  list: true,
  nature: true,
  'by-unit': true,
  apply: true,
  eligibility: true,
  'notice-fact': true,
  'follow-up': true,
  question: true,
  section: true,
};

describe('the warm-up run at start (knowledge/warm-up.txt)', () => {
  let ctx: QaContext;
  beforeAll(() => {
    const knowledge = loadKnowledge();
    ctx = {
      notice: knowledge.notice,
      search: new PolicySearch(knowledge),
      isEstimable: (id) => rulesForMeasure(id).some((rule) => rule.kind === 'quantified'),
    };
  });

  it('takes every kind of turn, as one conversation', () => {
    let topic: number | undefined;
    const kinds = new Set<string>();
    for (const sentence of warmUpSentences()) {
      const turn = respond(sentence, topic, ctx);
      topic = turn.lastMeasureId;
      kinds.add(turn.act);
    }
    expect([...kinds].sort()).toEqual(Object.keys(EVERY_ACT).sort());
  });

  it('is no evaluation question or conversation turn, so nothing is measured on what the process has seen', () => {
    const evaluated = new Set<string>();
    for (const path of devEvalFiles()) {
      const file = readEvalFile(path);
      if (file.kind === 'questions') for (const q of file.questions) evaluated.add(q.q.trim());
      else for (const c of file.cases) for (const turn of c.turns) if (typeof turn === 'string') evaluated.add(turn.trim());
    }
    expect(warmUpSentences().filter((sentence) => evaluated.has(sentence))).toEqual([]);
  });

  it('runs each sentence several times and leaves respond() answering as before', () => {
    const before = respond('两化融合项目补贴多少', undefined, ctx);
    expect(warmUp(ctx)).toBe(3 * warmUpSentences().length);
    expect(respond('两化融合项目补贴多少', undefined, ctx)).toEqual(before);
  });
});
