import { readFileSync } from 'node:fs';
import { knowledgePath, loadKnowledge } from '../knowledge';

/**
 * The texts the trimmed dictionary must segment exactly as the full one does: the
 * knowledge only (the notice, lexicon, synonyms, stopwords, place names). Evaluation
 * files are deliberately not among them: a dictionary built from the questions it is
 * scored on would score them better than it serves anyone else's (see knowledge/README.md).
 * jieba's everyday vocabulary is kept besides (COMMON_WORD_FREQ in dictionary.ts).
 */
export function dictionarySourceTexts(): string[] {
  const read = (...parts: string[]) => readFileSync(knowledgePath(...parts), 'utf8');
  return [
    read('notice.zh-Hans.txt'),
    ...loadKnowledge().lexicon.map((entry) => entry.word),
    ...loadKnowledge().synonyms.flatMap((group) => group.terms),
    read('stopwords.txt'),
    read('places.txt'),
    read('dialogue.json'),
    read('question-facts.json'),
  ];
}
