import { existsSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import nodejieba from 'nodejieba';
import { readWordList } from '../knowledge';
import { knowledgePath } from '../knowledge/paths';
import { memoize, type Memoized } from '../memo';

/**
 * Chinese word segmentation with nodejieba, the domain lexicon and a trimmed
 * dictionary (see dictionary.ts). nodejieba keeps one segmenter per process.
 */

export interface SegmenterFiles {
  dict: string;
  hmmDict: string;
  userDict: string;
  idfDict: string;
  stopWordDict: string;
}

const JIEBA_DICT_DIR = join(dirname(require.resolve('nodejieba')), 'submodules', 'cppjieba', 'dict');

/** The full dictionaries that ship with nodejieba, with our lexicon on top. */
export function fullDictionaryFiles(): SegmenterFiles {
  return {
    dict: join(JIEBA_DICT_DIR, 'jieba.dict.utf8'),
    hmmDict: join(JIEBA_DICT_DIR, 'hmm_model.utf8'),
    userDict: knowledgePath('lexicon.txt'),
    idfDict: join(JIEBA_DICT_DIR, 'idf.utf8'),
    stopWordDict: join(JIEBA_DICT_DIR, 'stop_words.utf8'),
  };
}

/**
 * What the bot loads: the trimmed dictionary and idf table, and a one-line stop-word
 * file because nodejieba's load() always builds a keyword extractor we never use.
 */
export function trimmedDictionaryFiles(): SegmenterFiles {
  return {
    ...fullDictionaryFiles(),
    dict: knowledgePath('jieba', 'dict.trimmed.utf8'),
    idfDict: knowledgePath('jieba', 'idf.trimmed.utf8'),
    stopWordDict: knowledgePath('jieba', 'stop_words.minimal.utf8'),
  };
}

let loadedFiles: SegmenterFiles | undefined;

/**
 * Loads the segmenter (the trimmed dictionary unless other files are given), once: later
 * calls with no files, or the same files, return at once. A missing file would abort the
 * whole process inside nodejieba, so check first and throw instead. Called at start
 * (PolicySearch's constructor); a turn never touches the file system.
 */
export function loadSegmenter(files?: SegmenterFiles): void {
  if (loadedFiles && (!files || sameFiles(loadedFiles, files))) return;
  const chosen = files ?? trimmedDictionaryFiles();
  for (const path of Object.values(chosen)) {
    if (!existsSync(path)) throw new Error(`jieba dictionary file missing: ${path}`);
  }
  nodejieba.load(chosen);
  loadedFiles = chosen;
  // Parts of speech, places and cuts come from the dictionary just loaded.
  placeWords = readPlaceWords(chosen);
  wordTag.forget();
  cutForSearch.forget();
  placeNames.forget();
}

/** The words the loaded dictionaries tag as places (ns…): placeNames looks them up. */
let placeWords = new Set<string>();

/**
 * The words jieba would tag ns: those of the dictionary, then the user dictionary's, whose tag
 * wins (the lexicon makes 上市 a verb, not the place the dictionary says); and Qingdao's own
 * (knowledge/places.txt), which jieba tags otherwise (西海岸 s, 即墨 v, 平度 n).
 */
function readPlaceWords(files: SegmenterFiles): Set<string> {
  const places = new Set<string>();
  for (const [, word] of readFileSync(files.dict, 'utf8').matchAll(/^(\S+) \d+ ns\w*$/gmu)) places.add(word);
  for (const line of readFileSync(files.userDict, 'utf8').split('\n')) {
    const [word, , tag] = line.trim().split(/\s+/);
    if (!word || !tag) continue;
    if (tag.startsWith('ns')) places.add(word);
    else places.delete(word);
  }
  for (const place of readWordList('places.txt')) places.add(place);
  return places;
}

const sameFiles = (a: SegmenterFiles, b: SegmenterFiles): boolean =>
  (Object.keys(a) as (keyof SegmenterFiles)[]).every((key) => a[key] === b[key]);

/** Words as a reader sees them: "两化融合项目补贴" → 两化融合|项目|补贴. HMM on, so "50万" stays whole. */
export function cut(text: string, hmm = true): string[] {
  loadSegmenter();
  return nodejieba.cut(text, hmm);
}

/**
 * Words for deciding what a question is about: dictionary words only (HMM off, so no
 * made-up words such as 能补 or 投了), with Latin letters and digits kept together
 * ("MES", "80") since without the HMM jieba splits them letter by letter.
 */
export function cutQuestionWords(text: string): string[] {
  const words: string[] = [];
  for (const word of cut(text, false)) {
    const previous = words[words.length - 1];
    if (previous !== undefined && /^[A-Za-z0-9.]+$/.test(word) && /^[A-Za-z0-9.]+$/.test(previous)) {
      words[words.length - 1] = previous + word;
    } else if (previous !== undefined && /^[\d.]+$/.test(previous) && /^[万亿元家个]$/.test(word)) {
      // 300|万 is one amount, not 300 and a 万 that an unknown run after it would swallow (万那档).
      words[words.length - 1] = previous + word;
    } else {
      words.push(word);
    }
  }
  return words;
}

/** Words plus their dictionary sub-words, for recall: 工业互联网 → 工业|互联|互联网|工业互联网. */
export const cutForSearch: Memoized<readonly string[]> = memoize((text) => {
  loadSegmenter();
  return nodejieba.cutForSearch(text, true);
}, 10_000); // a question's words, each cut once: the vocabulary people use is small

/** Every word with its jieba part-of-speech tag (nr person, nt organisation, ns place…). */
export function taggedWords(text: string): { word: string; tag: string }[] {
  loadSegmenter();
  return nodejieba.tag(text);
}

/**
 * The part of speech jieba gives a word on its own ('x' when it cuts the word up):
 * wordTag('随便') → 'd', wordTag('专利') → 'n'. Remembered: only words the notice lacks are asked.
 */
export const wordTag: Memoized<string> = memoize((word) => {
  loadSegmenter();
  const tagged = nodejieba.tag(word);
  return tagged.length === 1 ? tagged[0].tag : 'x';
}, 1000);

/**
 * Place names (jieba's ns tags) in a text: "北京的工业互联网补贴" → ["北京"]. A stopword is
 * none, whatever its tag (jieba tags 罗列 ns). The words of a cut looked up among the
 * dictionaries' places: what jieba.tag gives (it tags a word from the dictionary, and a word
 * it does not know never as a place), at half its cost; remembered for the turn's few texts.
 */
export const placeNames: Memoized<readonly string[]> = memoize((text) => {
  loadSegmenter();
  return nodejieba.cut(text, true).filter((word) => placeWords.has(word) && !isStopword(word));
}, 32);

let stopwords: Set<string> | undefined;

/** Function words and question words that say nothing about which measure is meant. */
export function isStopword(word: string): boolean {
  stopwords ??= new Set(readWordList('stopwords.txt'));
  return stopwords.has(word);
}

/** Punctuation, symbols and spaces: never a search term. */
export const isPunctuation = (word: string): boolean => /^[\p{P}\p{S}\s]+$/u.test(word);

let charFrequencies: Map<string, number> | undefined;

/**
 * How often jieba's dictionary sees a character as a word on its own: 上 258,101,
 * 里 77,054, 套 4,300, 岗 5,473. The trimmed dictionary keeps every single character.
 */
export function singleCharFrequency(char: string): number {
  if (!charFrequencies) {
    charFrequencies = new Map();
    // Only the one-character lines, matched in place: splitting all 17,000 lines would
    // grow the heap by megabytes for a table of a few thousand entries.
    const dictionary = readFileSync(trimmedDictionaryFiles().dict, 'utf8');
    for (const [, word, freq] of dictionary.matchAll(/^(\S) (\d+) /gmu)) charFrequencies.set(word, Number(freq));
  }
  return charFrequencies.get(char) ?? 0;
}

/**
 * A character rarely used as a word on its own: in a run of such characters jieba
 * found no word, because the word (首台套, 稳岗, 退税) is missing from the trimmed
 * dictionary or from any dictionary. Frequent single words (里, 上, 多, 最) are not.
 */
export const RARE_CHAR_FREQ = 10_000;

const isHanChar = (word: string): boolean => /^\p{Script=Han}$/u.test(word);

/**
 * Runs of single characters that no dictionary word covered, merged back into one word
 * when one of them at least is rare as a word on its own: 首|台|套 → 首台套, 稳|岗 → 稳岗,
 * but 里|建 and 最|多 stay apart. Stopwords break a run. Measured on the dev questions
 * (npm run eval): requiring two rare characters rejected 74% of the out-of-scope tuning
 * questions, one 87% (the full dictionary's figure), top-1 unchanged. A character that
 * `standsAlone` (钱, 补: a synonym of the notice's words) breaks a run too: 补|点 is no word.
 */
export function mergeUnknownRuns(words: string[], standsAlone: (char: string) => boolean = () => false): string[] {
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length >= 2 && run.some((char) => singleCharFrequency(char) < RARE_CHAR_FREQ)) out.push(run.join(''));
    else out.push(...run);
    run = [];
  };
  for (const word of words) {
    if (isHanChar(word) && !isStopword(word) && !standsAlone(word)) {
      run.push(word);
      continue;
    }
    flush();
    out.push(word);
  }
  flush();
  return out;
}

let idfTable: Map<string, number> | undefined;
/** jieba's default for a word missing from its idf table: the table's median. */
const MEDIAN_IDF = 11.9547675029;

/**
 * How informative a word is in Chinese at large (jieba's idf table): 个人所得税 9.0,
 * 申报 7.5, 政府 4.6. Words the table lacks (domain words such as 拨改投) get its median.
 */
export function generalIdf(word: string): number {
  if (!idfTable) {
    idfTable = new Map();
    for (const line of readFileSync(trimmedDictionaryFiles().idfDict, 'utf8').split('\n')) {
      const space = line.indexOf(' ');
      if (space > 0) idfTable.set(line.slice(0, space), Number(line.slice(space + 1)));
    }
  }
  return idfTable.get(word) ?? MEDIAN_IDF;
}
