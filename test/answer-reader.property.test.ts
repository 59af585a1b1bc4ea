import fc from 'fast-check';
import Nzh from 'nzh';
import { describe, expect, it } from 'vitest';
import { recognizeReply, type Expectation } from '../dialogs/answer-prompt';
import { readAnswer } from '../dialogs/answers';
import { describeRule, getRule, type InputDescription } from '../src/rules';

/**
 * Property-based tests of the answer reader: random amounts, written the ways people
 * write them (digits with separators, 万 / 亿 / 元 / w / k, Chinese numerals in
 * simplified, traditional and financial script, full-width digits), read back to the
 * same value, or refused with a re-ask (or, for a bare number, asked 万元 or 元? with
 * the number itself as the 元 reading) — never a wrong value. nzh (a dev dependency)
 * writes the Chinese numerals, so the test does not share the reader's assumptions.
 */

const input = (ruleId: string, key: string): InputDescription =>
  describeRule(getRule(ruleId)!).inputs.find((i) => i.key === key)!;
const investment = input('two-integration', 'investment');
const served = input('platform-cloud-service', 'localEnterprisesServed');

/** 1234567 shifted 4 places → '123.4567': an exact decimal, as people write 123.4567万. */
function shifted(n: number, places: number): string {
  const digits = String(n).padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places);
  const fraction = digits.slice(digits.length - places).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}
const fullWidth = (text: string): string => text.replace(/[0-9,.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** Ways to write an amount of whole yuan, each with its name for the failure message. */
const WRITINGS: Record<string, (n: number) => string> = {
  digits: (n) => `${n}`,
  'digits 元': (n) => `${n}元`,
  'grouped 元': (n) => `${n.toLocaleString('en-US')}元`,
  'grouped, 人民币': (n) => `人民币${n.toLocaleString('en-US')}元`,
  '万': (n) => `${shifted(n, 4)}万`,
  '万元': (n) => `${shifted(n, 4)}万元`,
  '亿': (n) => `${shifted(n, 8)}亿`,
  'w': (n) => `${shifted(n, 4)}w`,
  'W 元': (n) => `${shifted(n, 4)}W元`,
  'k': (n) => `${shifted(n, 3)}k`,
  'full-width': (n) => fullWidth(`${n.toLocaleString('en-US')}`) + '元',
  'simplified numerals': (n) => Nzh.cn.encodeS(n),
  'simplified numerals 元': (n) => `${Nzh.cn.encodeS(n)}元`,
  'traditional numerals 元': (n) => `${Nzh.hk.encodeS(n)}元`,
  'financial numerals 元': (n) => `${Nzh.cn.encodeB(n)}元`,
  'traditional financial numerals 元': (n) => `${Nzh.hk.encodeB(n)}元`,
  'cheque (人民币…元整)': (n) => Nzh.cn.toMoney(n),
  'traditional cheque (…圓整)': (n) => Nzh.hk.toMoney(n).replace(/^\$/, ''),
};

const amounts = fc.oneof(
  fc.integer({ min: 1, max: 99_999 }),
  fc.integer({ min: 1, max: 100_000 }).map((wan) => wan * 10_000),
  fc.integer({ min: 1, max: 1_000_000_000_000 }),
);
const writing = fc.constantFrom(...Object.keys(WRITINGS));

/** The reader's verdict on `text` for amount `n`: read right, refused, or wrong (the failure). */
function verdict(n: number, text: string, reading: ReturnType<typeof readAnswer>): 'right' | 'refused' | string {
  if (reading.kind === 'value') return reading.value === n && !reading.approximate ? 'right' : `${text} → ${String(reading.value)}`;
  if (reading.kind === 'unit-unclear') return reading.asYuan === n ? 'right' : `${text} → ${reading.asYuan}元?`;
  return 'refused';
}

describe('reading amounts (property-based)', () => {
  it('reads any amount, however written, as itself or refuses it — never a wrong value', () => {
    fc.assert(
      fc.property(amounts, writing, (n, how) => {
        const text = WRITINGS[how](n);
        const result = verdict(n, text, readAnswer(text, investment));
        expect(result, how).toMatch(/^(right|refused)$/);
      }),
      { numRuns: 600 },
    );
  });

  it('refuses few: each writing reads at least 95% of amounts', () => {
    for (const [how, write] of Object.entries(WRITINGS)) {
      const samples = fc.sample(amounts, { numRuns: 200, seed: 11 });
      const right = samples.filter((n) => verdict(n, write(n), readAnswer(write(n), investment)) === 'right').length;
      expect(right / samples.length, how).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('reads amounts with fen written in digits to the fen, or refuses them', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000_000_000_00 }), fc.constantFrom('', '元', '块'), (fen, unit) => {
        const yuan = fen / 100;
        const text = `${yuan.toLocaleString('en-US', { maximumFractionDigits: 2 })}${unit}`;
        const result = verdict(yuan, text, readAnswer(text, investment));
        expect(result).toMatch(/^(right|refused)$/);
      }),
    );
  });

  it('asks 万元 or 元 for a bare number under the plausible minimum, offering exactly n万 and n', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: investment.plausibleMin! - 1 }), (n) => {
        expect(readAnswer(String(n), investment)).toEqual({ kind: 'unit-unclear', asWan: n * 10_000, asYuan: n, strict: true });
        expect(readAnswer(`${n}元`, investment)).toMatchObject({ kind: 'value', value: n });
      }),
    );
  });

  it('reads counts (家) to the unit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.constantFrom('', '家', '家企业'), (n, unit) => {
        for (const text of [`${n}${unit}`, `${Nzh.cn.encodeS(n)}${unit}`, `${Nzh.hk.encodeS(n)}${unit}`]) {
          const reading = readAnswer(text, served);
          if (reading.kind === 'value') expect(reading.value, text).toBe(n);
        }
      }),
    );
  });

  it('through the interview’s prompt too: an answer carries n, or the prompt asks again', () => {
    const expecting: Expectation = {
      kind: 'input',
      view: { title: '两化融合项目奖补估算', input: investment, progress: '第3题/共3题', canGoBack: true },
      answered: [],
      canSkip: false,
    };
    fc.assert(
      fc.property(amounts, writing, (n, how) => {
        const text = WRITINGS[how](n);
        const recognized = recognizeReply(text, expecting);
        if (recognized.kind !== 'answer') return;
        const { answer } = recognized;
        if (answer.kind === 'value') expect(answer.value, text).toBe(n);
        else if (answer.kind === 'unit-question') expect(answer.asYuan, text).toBe(n);
        else throw new Error(`${text} read as ${answer.kind}`);
      }),
      { numRuns: 300 },
    );
  });
});
