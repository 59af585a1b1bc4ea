import { readFileSync } from 'node:fs';
import { pinyin } from 'pinyin-pro';
import { knowledgePath } from '../knowledge/paths';
import { parseLexicon } from '../knowledge';

/**
 * Pinyin input's typos of the notice's own terms: one character of a term typed as another
 * with the same sound (上云用平苔 → 上云用平台, 技术改照 → 技术改造, 两化熔合 → 两化融合). The
 * readings are compared toneless and as people confuse them when typing (zh/z, ch/c, sh/s,
 * -ng/-n). Only the lexicon's terms of four characters or more are put right, only
 * one character of them, never to a function character (上, 的, 在…: 平台服务上 is no typo of
 * 平台服务商), and never in a phrase the notice writes itself. knowledge/typos.json keeps the
 * typos that are not homophones (标志解析, 数字化车问).
 *
 *   correctHomophones('上云用平苔奖补') → '上云用平台奖补'
 */
export function correctHomophones(text: string): string {
  const { terms, notice } = load();
  let corrected = text;
  for (let at = 0; at < corrected.length; at++) {
    // A term starts here if its first character is here, or its second is at the next place.
    const candidates = [...(terms.first.get(corrected[at]) ?? []), ...(terms.second.get(corrected[at + 1]) ?? [])];
    for (const term of candidates) {
      const window = corrected.slice(at, at + term.length);
      if (window.length === term.length && window !== term && isHomophoneTypo(window, term) && !notice.includes(window)) {
        corrected = corrected.slice(0, at) + term + corrected.slice(at + term.length);
        break;
      }
    }
  }
  return corrected;
}

/** Characters a term never has a typo for: one of these in its place is another word (服务上, 平台的). */
const FUNCTION_CHARACTERS = new Set([...'上下的地得了着过在是和与及或也就都还又再把被给对向从到为以之其而这那个们吗呢吧啊不没有']);

/** True when the two differ in exactly one character, which sounds like the term's. */
function isHomophoneTypo(window: string, term: string): boolean {
  let differing = -1;
  for (let i = 0; i < term.length; i++) {
    if (window[i] === term[i]) continue;
    if (differing >= 0) return false;
    differing = i;
  }
  if (differing < 0 || FUNCTION_CHARACTERS.has(window[differing])) return false;
  const typed = readingsOf(window[differing]);
  return readingsOf(term[differing]).some((reading) => typed.includes(reading));
}

const readings = new Map<string, string[]>();

/** A character's readings, toneless and with the initials and finals people mix up made one. */
function readingsOf(char: string): string[] {
  let known = readings.get(char);
  if (!known) {
    const all = /\p{Script=Han}/u.test(char) ? pinyin(char, { toneType: 'none', type: 'array', multiple: true }) : [];
    known = [...new Set(all.map((reading) => reading.replace(/^([zcs])h/, '$1').replace(/ng$/, 'n')))];
    readings.set(char, known);
  }
  return known;
}

interface Terms {
  /** By their first character, and by their second (for a typo of the first). */
  first: Map<string, string[]>;
  second: Map<string, string[]>;
}

let loaded: { terms: Terms; notice: string } | undefined;

/** The lexicon's words of four Han characters or more (the notice's terms, 两化融合 and its kind), read once. */
function load(): { terms: Terms; notice: string } {
  if (loaded) return loaded;
  const notice = readFileSync(knowledgePath('notice.zh-Hans.txt'), 'utf8');
  const terms: Terms = { first: new Map(), second: new Map() };
  const add = (map: Map<string, string[]>, char: string, word: string) => map.set(char, [...(map.get(char) ?? []), word]);
  for (const { word } of parseLexicon(readFileSync(knowledgePath('lexicon.txt'), 'utf8'))) {
    if (!/^\p{Script=Han}{4,}$/u.test(word)) continue;
    add(terms.first, word[0], word);
    add(terms.second, word[1], word);
  }
  loaded = { terms, notice };
  return loaded;
}
