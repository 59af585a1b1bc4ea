/**
 * Trims jieba's 350,000-word dictionary to what our texts can ever use, without
 * changing how those texts are segmented.
 *
 * jieba scores a segmentation with log(freq / total) per word, and gives characters
 * missing from the dictionary the smallest weight it has. A word can only take part
 * in segmenting a text if it is a substring of that text. So keeping
 *   - every word that occurs in our texts (the notice, lexicon, synonyms, questions),
 *   - every single character and every common word (freq ≥ COMMON_WORD_FREQ): cheap,
 *     and questions about things the notice never mentions still segment sensibly,
 *   - the rarest entry (it sets the minimum weight), and
 *   - one filler entry carrying the frequency of everything removed (keeps the total)
 * gives exactly the same segmentation of those texts. test/dictionary.test.ts proves it.
 */

/** A private-use character: it never occurs in real text, so the filler never matches. */
export const FILLER_WORD = '\uE000';

export interface DictionaryEntry {
  word: string;
  freq: number;
  tag: string;
}

export function parseDictionary(text: string): DictionaryEntry[] {
  const entries: DictionaryEntry[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const [word, freq, tag] = line.split(' ');
    entries.push({ word, freq: Number(freq), tag });
  }
  return entries;
}

export function formatDictionary(entries: DictionaryEntry[]): string {
  return entries.map((e) => `${e.word} ${e.freq} ${e.tag}`).join('\n') + '\n';
}

/** About 7,000 of jieba's words are at least this frequent: the everyday vocabulary. */
export const COMMON_WORD_FREQ = 1000;

/** Keeps the entries `texts` can use, plus what keeps the weights unchanged (see above). */
export function trimDictionary(full: DictionaryEntry[], texts: string[]): DictionaryEntry[] {
  const corpus = texts.join('\n');
  const rarest = full.reduce((min, e) => (e.freq < min.freq ? e : min), full[0]);
  const kept: DictionaryEntry[] = [];
  let removedFreq = 0;
  for (const entry of full) {
    const keep =
      entry === rarest ||
      entry.freq >= COMMON_WORD_FREQ ||
      [...entry.word].length === 1 ||
      corpus.includes(entry.word);
    if (keep) kept.push(entry);
    else removedFreq += entry.freq;
  }
  kept.push({ word: FILLER_WORD, freq: removedFreq, tag: 'x' });
  return kept;
}

/**
 * jieba's idf table ("word idf" lines), kept for the words of the trimmed dictionary:
 * the only words its segmentation can produce, apart from new words the HMM finds.
 */
export function trimIdfTable(idfText: string, keptWords: Set<string>): string {
  return (
    idfText
      .split('\n')
      .filter((line) => line !== '' && keptWords.has(line.slice(0, line.indexOf(' '))))
      .join('\n') + '\n'
  );
}
