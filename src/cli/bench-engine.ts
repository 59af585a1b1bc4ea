/**
 * One measurement of the Q&A core alone, in a fresh process (run by bench.ts): knowledge +
 * nodejieba + minisearch index, then 200 questions through the search engine, then the
 * same 200 through respond() as one conversation (each turn with the topic the previous
 * one left: what a turn of the bot costs before Bot Framework), after the warm-up that
 * createApp runs before the server listens.
 *   node dist/src/cli/bench-engine.js trimmed|full
 * Prints one JSON line: readyMs (since process start), rssMb after the searches and
 * rssAfterTurnsMb after the respond() turns, and the latency of each search and turn in ms.
 */
import { loadKnowledge } from '../knowledge';
import { PolicySearch } from '../search';
import { fullDictionaryFiles, loadSegmenter, trimmedDictionaryFiles } from '../search/segmenter';
import { benchQuestions } from './bench-questions';

const dictionary = process.argv[2] === 'full' ? 'full' : 'trimmed';
loadSegmenter(dictionary === 'full' ? fullDictionaryFiles() : trimmedDictionaryFiles());
const knowledge = loadKnowledge();
const engine = new PolicySearch(knowledge);
const readyMs = performance.now();

const latencies: number[] = [];
for (const question of benchQuestions(200)) {
  const start = performance.now();
  engine.search(question);
  latencies.push(performance.now() - start);
}

const rssAfterSearchMb = process.memoryUsage().rss / 2 ** 20;

async function turns(): Promise<number[]> {
  // Loaded only now, so that ready and RSS above measure the search engine alone.
  const { respond, warmUp } = await import('../replies');
  const { rulesForMeasure } = await import('../rules');
  const ctx = {
    notice: knowledge.notice,
    search: engine,
    isEstimable: (id: number) => rulesForMeasure(id).some((rule) => rule.kind === 'quantified'),
  };
  warmUp(ctx); // as createApp does before the server listens
  const latencies: number[] = [];
  let topic: number | undefined;
  for (const question of benchQuestions(200)) {
    const start = performance.now();
    topic = respond(question, topic, ctx).lastMeasureId;
    latencies.push(performance.now() - start);
  }
  return latencies;
}

void turns().then((turnLatencies) => {
  const rssAfterTurnsMb = process.memoryUsage().rss / 2 ** 20;
  console.log(JSON.stringify({ dictionary, readyMs, rssMb: rssAfterSearchMb, rssAfterTurnsMb, latencies, turnLatencies }));
});
