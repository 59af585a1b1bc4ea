import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { knowledgePath } from '../knowledge/paths';

/**
 * Pinyin input's typos of the notice's own terms: one character of a term typed as another
 * with the same sound (上云用平太 → 上云用平台, 技术改照 → 技术改造, 标示解析 → 标识解析). Only the
 * lexicon's terms of three characters or more are put right, only one character of them, never
 * to a function character (上, 的, 在…: 平台服务上 is no typo of 平台服务商), and never in a phrase
 * the notice writes itself or another term of the lexicon. knowledge/typos.json keeps the typos
 * that are not homophones (数字化车问) or of two-character terms (技该, 鸡站).
 *
 * Which characters sound alike is read from knowledge/homophones.json, which
 * `npm run build:dict` makes with pinyin-pro (src/search/homophone-table.ts): at run time no
 * pinyin dictionary is loaded (it cost 10–20 MB and slow first look-ups).
 *
 *   correctHomophones('上云用平太奖补') → '上云用平台奖补'
 */
export function correctHomophones(text: string): string {
  const { first, second } = (table ??= loadTable());
  let corrected = text;
  for (let at = 0; at < corrected.length; at++) {
    // A term starts here if its first character is here, or its second is at the next place.
    const term = typoAt(corrected, at, first.get(corrected[at])) ?? typoAt(corrected, at, second.get(corrected[at + 1]));
    if (term) corrected = corrected.slice(0, at) + term + corrected.slice(at + term.length);
  }
  return corrected;
}

/** The first of `terms` that the text at `at` is a homophone typo of, if any. */
function typoAt(text: string, at: number, terms: readonly string[] | undefined): string | undefined {
  if (!terms) return undefined;
  const { known, sounds, notice } = table!;
  for (const term of terms) {
    if (!isHomophoneTypo(text, at, term, sounds)) continue;
    // Never a term of its own (联上网 and 连上网 are both the lexicon's), nor a phrase the notice writes.
    const window = text.slice(at, at + term.length);
    if (!known.has(window) && !notice.includes(window)) return term;
  }
  return undefined;
}

/** True when the text at `at` differs from the term in exactly one character, which sounds like the term's. */
function isHomophoneTypo(text: string, at: number, term: string, sounds: Map<string, string>): boolean {
  if (at + term.length > text.length) return false;
  let differing = -1;
  for (let i = 0; i < term.length; i++) {
    if (text[at + i] === term[i]) continue;
    if (differing >= 0) return false;
    differing = i;
  }
  return differing >= 0 && (sounds.get(term[differing])?.includes(text[at + differing]) ?? false);
}

/** knowledge/homophones.json: the terms, and for each of their characters those that sound alike. */
export const HomophoneTableSchema = z.object({
  note: z.string(),
  terms: z.array(z.string().min(3)),
  sounds: z.record(z.string().length(1), z.string()),
});
export type HomophoneTable = z.infer<typeof HomophoneTableSchema>;

export const HOMOPHONES_FILE = 'homophones.json';

let table: ReturnType<typeof loadTable> | undefined;

/** Read once, by the first text normalised: the start-up warm-up's, so no turn reads a file. */
function loadTable() {
  const { terms, sounds } = HomophoneTableSchema.parse(JSON.parse(readFileSync(knowledgePath(HOMOPHONES_FILE), 'utf8')));
  const first = new Map<string, string[]>();
  const second = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, char: string, term: string) => map.set(char, [...(map.get(char) ?? []), term]);
  for (const term of terms) {
    add(first, term[0], term);
    add(second, term[1], term);
  }
  return { first, second, known: new Set(terms), sounds: new Map(Object.entries(sounds)), notice: readFileSync(knowledgePath('notice.zh-Hans.txt'), 'utf8') };
}
