import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { knowledgePath } from './paths';
import { allMeasures, parseNotice, type Measure, type Notice } from './notice';
import { readTypos } from './typos';

export * from './notice';
export { knowledgePath, projectRoot } from './paths';

/** A lexicon line in jieba's user-dictionary format: "工业互联网 20000 n". */
const LexiconEntrySchema = z.object({
  word: z.string().min(2),
  freq: z.number().int().positive(),
  tag: z.string().min(1),
});
export type LexiconEntry = z.infer<typeof LexiconEntrySchema>;

/**
 * A group of words users treat as the same thing. A query word found in `terms`
 * is searched as itself or any other word of the group.
 */
const SynonymGroupSchema = z.object({
  terms: z.array(z.string().min(1)).min(2),
  note: z.string().optional(),
});
export type SynonymGroup = z.infer<typeof SynonymGroupSchema>;

export interface Knowledge {
  notice: Notice;
  measures: Measure[];
  lexicon: LexiconEntry[];
  synonyms: SynonymGroup[];
  /** Qingdao and its districts (knowledge/places.txt): places a question may name. */
  localPlaces: Set<string>;
  /** Terms of neighbouring policy the notice never writes (knowledge/other-policy.txt): counted whole only. */
  otherPolicyTerms: Set<string>;
}

export function parseLexicon(text: string): LexiconEntry[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [word, freq, tag] = line.split(/\s+/);
      return LexiconEntrySchema.parse({ word, freq: Number(freq), tag });
    });
}

/** A file of knowledge/ with one word a line (# starts a comment): stopwords, places. */
export function readWordList(file: string): string[] {
  const words = readFileSync(knowledgePath(file), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  return z.array(z.string().min(1)).min(1, `${file} is empty`).parse(words);
}

let cached: Knowledge | undefined;

/** Reads and validates everything under knowledge/ once; later calls return the same object. */
export function loadKnowledge(): Knowledge {
  if (cached) return cached;
  const notice = parseNotice(readFileSync(knowledgePath('notice.zh-Hans.txt'), 'utf8'));
  const lexicon = parseLexicon(readFileSync(knowledgePath('lexicon.txt'), 'utf8'));
  const synonyms = z
    .array(SynonymGroupSchema)
    .parse(JSON.parse(readFileSync(knowledgePath('synonyms.json'), 'utf8')));
  const localPlaces = new Set(readWordList('places.txt'));
  const measures = allMeasures(notice);
  const otherPolicyTerms = new Set(readWordList('other-policy.txt'));
  for (const term of otherPolicyTerms) {
    if (measures.some((m) => m.text.includes(term)) || !lexicon.some((entry) => entry.word === term)) {
      throw new Error(`knowledge/other-policy.txt: ${term} must be in lexicon.txt and not in the notice`);
    }
  }
  for (const { typo } of readTypos()) {
    if (measures.some((m) => m.text.includes(typo))) throw new Error(`knowledge/typos.json: the notice writes ${typo}`);
  }
  cached = { notice, measures, lexicon, synonyms, localPlaces, otherPolicyTerms };
  return cached;
}

export function getMeasure(id: number): Measure | undefined {
  return loadKnowledge().measures.find((measure) => measure.id === id);
}
