export { PolicySearch, asWritten, closeHits, isFragment, unquoted, AMBIGUITY_RATIO, SEARCH_TUNING, type SearchHit, type SearchResponse } from './engine';
export { normalizeKnown, normalizeQuery } from './normalize';
export { findMeasureReference } from './references';
export { cut, cutForSearch, loadSegmenter } from './segmenter';
