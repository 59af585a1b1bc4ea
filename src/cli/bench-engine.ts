/**
 * One measurement of the search engine alone, in a fresh process (run by bench.ts):
 * knowledge + nodejieba + minisearch index, then 200 questions.
 *   node dist/src/cli/bench-engine.js trimmed|full
 * Prints one JSON line: readyMs (since process start), rssMb after the questions,
 * and the latency of each question in ms.
 */
import { loadKnowledge } from '../knowledge';
import { PolicySearch } from '../search';
import { fullDictionaryFiles, loadSegmenter, trimmedDictionaryFiles } from '../search/segmenter';
import { benchQuestions } from './bench-questions';

const dictionary = process.argv[2] === 'full' ? 'full' : 'trimmed';
loadSegmenter(dictionary === 'full' ? fullDictionaryFiles() : trimmedDictionaryFiles());
const engine = new PolicySearch(loadKnowledge());
const readyMs = performance.now();

const latencies: number[] = [];
for (const question of benchQuestions(200)) {
  const start = performance.now();
  engine.search(question);
  latencies.push(performance.now() - start);
}
console.log(JSON.stringify({ dictionary, readyMs, rssMb: process.memoryUsage().rss / 2 ** 20, latencies }));
