import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDictionary, parseDictionary, trimDictionary, FILLER_WORD } from '../src/search/dictionary';
import { dictionarySourceTexts } from '../src/search/dictionary-sources';
import { cut, cutForSearch, fullDictionaryFiles, loadSegmenter, trimmedDictionaryFiles } from '../src/search/segmenter';
import { loadKnowledge } from '../src/knowledge';

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
});
