import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../src/knowledge';
import { respond, type QaContext } from '../src/replies';
import { allInputs, allRules, estimate, readAmount, readYesNo } from '../src/rules';
import { normalizeQuery, PolicySearch } from '../src/search';
import { normalizeText } from '../src/search/normalize';

/**
 * Whatever a user or an API caller sends, no exception escapes and every output is valid:
 * random Unicode, control characters, half-typed numerals, huge and negative numbers.
 */

/** Text as people (and attackers) type it: CJK, numerals, units, controls and any code point. */
const messyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({
    unit: fc.constantFrom(...'0123456789.,-+万亿千百十零一二三四五六七八九两壹贰叁肆伍陆柒捌玖拾佰仟元块wWkK%约多余几以上左右來万億兩\u0000\u0007\u200b\ufeff\t\n 　（）()第条項项是否沒有對確認'.split('')),
    maxLength: 30,
  }),
);

const numberish = fc.oneof(
  fc.double({ noNaN: false }),
  fc.integer(),
  fc.constantFrom(-1, 0, 1e16, -1e16, Number.MAX_VALUE, Number.MIN_VALUE, Infinity, -Infinity, NaN, 0.001, 499_999.99, 500_000),
);
const anyValue = fc.oneof(numberish, fc.boolean(), fc.string({ maxLength: 20 }), fc.constant(null), fc.constant(undefined), fc.object({ maxDepth: 1 }));

describe('normalizeQuery', () => {
  it('turns any text into a string without throwing, and is stable when applied twice', () => {
    fc.assert(
      fc.property(messyText, (text) => {
        const once = normalizeQuery(text);
        expect(typeof once).toBe('string');
        // normalizeQuery remembers its output as already normal: the normaliser itself must agree.
        expect(normalizeText(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it('leaves normalised questions as they are: traditional, full-width, Chinese amounts, typos, Latin letters', () => {
    const pieces = ['兩化融合', '項目補貼', '多少', '五十万', '一千二百万', '两百来万', '技该', '机站', 'ＭＥＳ', '１２０', 'mes', '5g', ' ', '？', '(guān)', '十佳'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }), (parts) => {
        const once = normalizeText(parts.join(''));
        expect(normalizeText(once)).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('respond', () => {
  let ctx: QaContext;
  beforeAll(() => {
    const knowledge = loadKnowledge();
    ctx = { notice: knowledge.notice, search: new PolicySearch(knowledge), isEstimable: () => true };
  });

  it('answers any text with at least a reply or a request to estimate, and a measure in range', () => {
    fc.assert(
      fc.property(messyText, fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }), (text, last) => {
        const turn = respond(text, last, ctx);
        expect(turn.replies.length > 0 || turn.estimate !== undefined || turn.checkUp === true).toBe(true);
        for (const reply of turn.replies) expect(typeof reply.text).toBe('string');
        if (turn.lastMeasureId !== undefined) expect(turn.lastMeasureId).toBeGreaterThanOrEqual(1);
        if (turn.lastMeasureId !== undefined) expect(turn.lastMeasureId).toBeLessThanOrEqual(20);
      }),
      { numRuns: 300 },
    );
  });
});

describe('reading answers', () => {
  it('reads an amount as a finite number or not at all, never throwing', () => {
    fc.assert(
      fc.property(messyText, fc.boolean(), (text, zeroIfNone) => {
        const reading = readAmount(text, { zeroIfNone });
        expect(['value', 'imprecise', 'none']).toContain(reading.kind);
        if (reading.kind === 'value') expect(Number.isFinite(reading.value)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('reads yes or no as a boolean or not at all', () => {
    fc.assert(
      fc.property(messyText, (text) => {
        const reading = readYesNo(text);
        if (reading.kind === 'value') expect(typeof reading.value).toBe('boolean');
      }),
      { numRuns: 1000 },
    );
  });
});

describe('estimate', () => {
  const inputKeys = [...allInputs.keys()];

  it('answers any inputs with an estimate or zod issues, never an exception, and amounts to the fen', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...allRules),
        fc.dictionary(fc.constantFrom(...inputKeys, 'unknown', '__proto__', 'constructor'), anyValue, { maxKeys: 8 }),
        (rule, inputs) => {
          const result = estimate(rule, inputs);
          if (!result.ok) {
            expect(['invalid-input', 'unknown-rule']).toContain(result.error);
            return;
          }
          const { status, amount, amountFen } = result.estimate;
          expect(['eligible', 'ineligible', 'not-quantified']).toContain(status);
          if (status === 'eligible') {
            expect(Number.isSafeInteger(amountFen)).toBe(true);
            expect(amountFen!).toBeGreaterThanOrEqual(0);
            expect(amount).toBe(amountFen! / 100);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('answers an unknown rule as such, whatever its name', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (name) => {
        const result = estimate(name, {});
        if (!allRules.some((r) => r.id === name)) expect(result).toMatchObject({ ok: false, error: 'unknown-rule' });
      }),
    );
  });
});
