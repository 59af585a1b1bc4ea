/**
 * Asks every question of the evaluation files and prints the search quality.
 *   npm run eval                         all knowledge/eval/questions*.jsonl
 *   npm run eval -- path/to/file.jsonl   other files
 *   npm run eval -- --sweep              the same for a range of coverage thresholds
 */
import { readdirSync } from 'node:fs';
import { knowledgePath, loadKnowledge } from '../knowledge';
import { PolicySearch, SEARCH_TUNING } from '../search';
import { evaluate, readEvalFile, type EvalReport } from '../search/evaluate';

const args = process.argv.slice(2);
const sweep = args.includes('--sweep');
const files = args.filter((a) => !a.startsWith('--'));
const paths = files.length
  ? files
  : readdirSync(knowledgePath('eval'))
      .filter((f) => /^questions.*\.jsonl$/.test(f))
      .map((f) => knowledgePath('eval', f));

const engine = new PolicySearch(loadKnowledge());
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const line = (r: EvalReport) =>
  `top-1 ${pct(r.top1)}  recall@3 ${pct(r.recallAt3)}  MRR ${r.mrr.toFixed(3)}  out-of-scope rejected ${pct(r.rejection)}`;

for (const path of paths) {
  const questions = readEvalFile(path);
  if (sweep) {
    const chosen = SEARCH_TUNING.minCoverage;
    for (let t = 0.2; t <= 0.801; t += 0.05) {
      SEARCH_TUNING.minCoverage = t;
      console.log(`minCoverage ${t.toFixed(2)}  ${line(evaluate(engine, questions))}`);
    }
    SEARCH_TUNING.minCoverage = chosen;
    continue;
  }
  const report = evaluate(engine, questions);
  console.log(`${path}\n  ${report.inScope} in scope, ${report.outOfScope} out of scope\n  ${line(report)}`);
  for (const miss of report.misses) console.log(`  miss: ${miss.q}  expected ${JSON.stringify(miss.expect)} got ${JSON.stringify(miss.got)}`);
}
