import { readdirSync, readFileSync } from 'node:fs';
import { knowledgePath, loadKnowledge } from '../knowledge';

/**
 * The texts the trimmed dictionary must segment exactly as the full one does:
 * the notice, the lexicon, the synonyms, the stopwords, the place names and every question file
 * under knowledge/eval (the common questions people ask).
 */
export function dictionarySourceTexts(): string[] {
  const read = (...parts: string[]) => readFileSync(knowledgePath(...parts), 'utf8');
  const questionFiles = readdirSync(knowledgePath('eval')).filter((f) => f.endsWith('.jsonl'));
  return [
    read('notice.zh-Hans.txt'),
    ...loadKnowledge().lexicon.map((entry) => entry.word),
    ...loadKnowledge().synonyms.flatMap((group) => group.terms),
    read('stopwords.txt'),
    read('places.txt'),
    ...questionFiles.map((file) => read('eval', file)),
  ];
}
