import * as OpenCC from 'opencc-js';
import { parseChineseNumber } from '../knowledge/chinese-numbers';
import { readTypos } from '../knowledge/typos';
import { memoize } from '../memo';
import { correctHomophones } from './homophones';

// Traditional (Taiwan, Hong Kong or plain) → simplified, as mainland users read it.
const toSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });

/**
 * A Chinese amount written in characters: "五十万", "一千二百万元", "三百二十万", and a
 * rough one, "两百来万", "三百多万", "五十余家" (the 来/多/余 is kept: 200来万).
 * Only runs that end in a unit of money or count are read, so words such as
 * 十佳, 两化, 一次性 and 三年攻坚 are left alone.
 */
const CHINESE_AMOUNT = /([零一二三四五六七八九十百千两]+)([来多余]?)(?=[万亿元家个])/g;

/**
 * Pinyin a scraped portal page left after characters: 關(guān)于 → 關于. Only a
 * bracketed syllable with a tone mark is removed, so (二) or (5G) stay.
 */
const PINYIN_AFTER_CHARACTER = /\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)/g;

/**
 * Common mistypings of the notice's words (knowledge/typos.json: 技该 → 技改, 机站 → 基站),
 * put right after the text is simplified; read once, when the module loads.
 */
const TYPOS: readonly { typo: string; word: string }[] = readTypos().map(({ typo, word }) => ({ typo: typo.toUpperCase(), word: word.toUpperCase() }));

/**
 * Puts a question into the form the index uses:
 *   normalizeQuery('兩化融合項目補貼多少？') → '两化融合项目补贴多少?'
 *   normalizeQuery('投资五十万能补多少') → '投资50万能补多少'
 * Steps: full-width → half-width (NFKC), pinyin left by portal scrapes removed,
 * traditional → simplified, common typos put right (技该 → 技改) and pinyin input's
 * homophone typos of the notice's terms (上云用平苔 → 上云用平台), Chinese amounts →
 * digits, Latin letters to upper case as the lexicon has them (5g → 5G, mes → MES),
 * runs of space → one. A normalised text is its own normal form (a property test says so),
 * which the memo uses: turns pass normalised texts on and normalise them again.
 */
export const normalizeQuery: (text: string) => string = memoize(normalizeText, 64, { fixedPoint: (normal) => normal });

/**
 * normalizeQuery for the notice's own texts that turns compare questions with (headings,
 * measure texts and sentences, rule subjects): a bounded set, each normalised once for the
 * life of the process. A question's texts go through normalizeQuery, whose few entries
 * these would otherwise push out (and a measure's text takes 50 µs to convert again).
 */
export const normalizeKnown: (text: string) => string = memoize(normalizeText, 2048);

/** What normalizeQuery does, without remembering (the property tests check it directly). */
export function normalizeText(text: string): string {
  const halfWidth = text.normalize('NFKC');
  let simplified = toSimplified(halfWidth.replace(PINYIN_AFTER_CHARACTER, ''));
  for (const { typo, word } of TYPOS) if (simplified.includes(typo)) simplified = simplified.replaceAll(typo, word);
  simplified = correctHomophones(simplified);
  // 一个亿, 两个亿, 1个亿: the 个 of spoken amounts goes, so the amount reads as written.
  simplified = simplified.replace(/([\d零一二三四五六七八九十百千两几]+)个(亿|万)/g, '$1$2');
  const digits = simplified.replace(CHINESE_AMOUNT, (amount, number: string, rough: string) => {
    const value = parseChineseNumber(number);
    return value === undefined ? amount : `${value}${rough}`;
  });
  // NFKC again after upper-casing: a few letters (ῗ) upper-case to an unnormalised sequence.
  return digits.toUpperCase().normalize('NFKC').replace(/\s+/g, ' ').trim();
}
