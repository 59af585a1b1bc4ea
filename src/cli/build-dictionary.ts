/**
 * Regenerates knowledge/jieba/dict.trimmed.utf8 and idf.trimmed.utf8 from nodejieba's full ones,
 * and knowledge/homophones.json from the lexicon (pinyin-pro's readings).
 * Run after changing the notice, lexicon, synonyms, stopwords or questions:
 *   npm run build:dict
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { formatDictionary, parseDictionary, trimDictionary, trimIdfTable } from '../search/dictionary';
import { fullDictionaryFiles, trimmedDictionaryFiles } from '../search/segmenter';
import { dictionarySourceTexts } from '../search/dictionary-sources';
import { buildHomophoneTable } from '../search/homophone-table';
import { HOMOPHONES_FILE } from '../search/homophones';
import { knowledgePath } from '../knowledge/paths';

const full = parseDictionary(readFileSync(fullDictionaryFiles().dict, 'utf8'));
const trimmed = trimDictionary(full, dictionarySourceTexts());
const target = trimmedDictionaryFiles();
writeFileSync(target.dict, formatDictionary(trimmed));
console.log(`kept ${trimmed.length} of ${full.length} entries → ${target.dict}`);
const idf = trimIdfTable(readFileSync(fullDictionaryFiles().idfDict, 'utf8'), new Set(trimmed.map((e) => e.word)));
writeFileSync(target.idfDict, idf);
console.log(`kept ${idf.split('\n').length - 1} idf entries → ${target.idfDict}`);

const homophones = buildHomophoneTable();
writeFileSync(knowledgePath(HOMOPHONES_FILE), `${JSON.stringify(homophones, null, 1)}\n`);
console.log(`${homophones.terms.length} terms, ${Object.keys(homophones.sounds).length} characters with their homophones → ${knowledgePath(HOMOPHONES_FILE)}`);
