import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDictionary, parseDictionary, trimDictionary, FILLER_WORD } from '../src/search/dictionary';
import { dictionarySourceTexts } from '../src/search/dictionary-sources';
import nodejieba from 'nodejieba';
import { cut, cutForSearch, fullDictionaryFiles, isStopword, loadSegmenter, placeNames, trimmedDictionaryFiles } from '../src/search/segmenter';
import { normalizeQuery } from '../src/search/normalize';
import { devEvalFiles, readEvalFile, readQuestions } from '../src/eval/files';
import { knowledgePath, loadKnowledge } from '../src/knowledge';
import { respond } from '../src/replies';
import { PolicySearch } from '../src/search';

describe('the trimmed jieba dictionary', () => {
  const full = parseDictionary(readFileSync(fullDictionaryFiles().dict, 'utf8'));
  const committed = readFileSync(trimmedDictionaryFiles().dict, 'utf8');

  it('is up to date with the knowledge (run npm run build:dict after changing it)', () => {
    expect(formatDictionary(trimDictionary(full, dictionarySourceTexts()))).toBe(committed);
  });

  it('keeps the total frequency, so word weights do not change', () => {
    const trimmed = parseDictionary(committed);
    const sum = (entries: { freq: number }[]) => entries.reduce((s, e) => s + e.freq, 0);
    expect(sum(trimmed)).toBe(sum(full));
    expect(trimmed.at(-1)?.word).toBe(FILLER_WORD);
    expect(trimmed.length).toBeLessThan(full.length / 5);
  });

  it('segments the knowledge exactly as the full dictionary does', () => {
    const { measures, notice } = loadKnowledge();
    const texts = [notice.preamble, ...measures.map((m) => m.text), ...dictionarySourceTexts().slice(-2)];
    const segmentAll = () => texts.map((t) => [cut(t).join('|'), cutForSearch(t).join('|'), cut(t, false).join('|')]);
    loadSegmenter(fullDictionaryFiles());
    const withFull = segmentAll();
    loadSegmenter(trimmedDictionaryFiles());
    const withTrimmed = segmentAll();
    expect(withTrimmed).toEqual(withFull);
    expect(withTrimmed[8][0]).toContain('两化|深度|融合');
  });

  it('answers questions outside its corpus as the full dictionary does', () => {
    // No question file built the dictionary: these questions are outside its corpus, and
    // words it lacks are split into characters. The answers must not suffer for it.
    const questions = ['questions.dev.jsonl', 'questions.tuning.jsonl'].flatMap((file) => readQuestions(knowledgePath('eval', file)));
    const knowledge = loadKnowledge();
    const answers = () => {
      const ctx = { notice: knowledge.notice, search: new PolicySearch(knowledge), isEstimable: () => true };
      return questions.map(({ q }) => {
        const turn = respond(q, undefined, ctx);
        return `${turn.measures.join(',')}${turn.hedged ? ' hedged' : ''}`;
      });
    };
    loadSegmenter(fullDictionaryFiles());
    const withFull = answers();
    loadSegmenter(trimmedDictionaryFiles());
    const withTrimmed = answers();
    const same = withTrimmed.filter((answer, i) => answer === withFull[i]).length;
    expect(same / questions.length).toBeGreaterThanOrEqual(0.95);
  });

  it('finds the places jieba.tag would, by looking the words of a cut up among the dictionaries\' places', () => {
    // placeNames avoids jieba.tag (twice a turn, its slowest call): the same places on every
    // question of the dev files, as typed and normalised, with either dictionary; and Qingdao's
    // own (places.txt), which jieba tags otherwise (西海岸 s, 即墨 v).
    const texts = devEvalFiles().flatMap((path) => {
      const file = readEvalFile(path);
      return file.kind === 'questions' ? file.questions.map((q) => q.q) : file.cases.flatMap((c) => c.turns.filter((t): t is string => typeof t === 'string'));
    });
    const { localPlaces } = loadKnowledge();
    const tagged = (text: string) =>
      nodejieba.tag(text).filter((w) => (w.tag.startsWith('ns') || localPlaces.has(w.word)) && !isStopword(w.word)).map((w) => w.word);
    for (const files of [fullDictionaryFiles(), trimmedDictionaryFiles()]) {
      loadSegmenter(files);
      const differing = texts.flatMap((text) => [text, normalizeQuery(text)]).filter((text) => placeNames(text).join('|') !== tagged(text).join('|'));
      expect(differing).toEqual([]);
    }
    expect(placeNames('北京的工业互联网补贴')).toEqual(['北京']);
    expect(placeNames('企业上市奖励多少')).toEqual([]); // the lexicon makes 上市 a verb
    expect(placeNames('打算在西海岸注册个子公司')).toEqual(['西海岸']);
  });
});
