/**
 * Scores what users get, on evaluation files (JSONL) of either kind:
 *   npm run eval                          every dev file directly in knowledge/eval
 *   npm run eval -- a.jsonl b.jsonl       those files, e.g. held-out sets nobody tuned on
 *   npm run eval -- --verbose             also the transcript of every conversation case
 *   npm run eval -- --sweep [dev files]   single questions under a range of thresholds
 * Single questions go through respond() (the bot's Q&A core) in a fresh conversation each;
 * conversations through the whole app in-process (adapter, dialogs, interviews), with the
 * semantics of ../shared/tools/eval-conversations.mjs. Files under knowledge/eval/sealed are
 * never read unless named, and never swept.
 */
import { createApp } from '../app';
import { createInProcessDelivery } from '../directline/in-process';
import { failLine, runCase, summaryLine, type CaseResult } from '../eval/conversations';
import { devEvalFiles, isSealed, readEvalFile, type EvalFile } from '../eval/files';
import { evaluateReplies, type EvalReport } from '../eval/questions';
import { loadKnowledge } from '../knowledge';
import { REPLY_TUNING, type QaContext } from '../replies';
import { rulesForMeasure } from '../rules';
import { PolicySearch, SEARCH_TUNING } from '../search';

const args = process.argv.slice(2);
const sweep = args.includes('--sweep');
const verbose = args.includes('--verbose');
const named = args.filter((a) => !a.startsWith('--'));
const paths = named.length ? named : devEvalFiles();

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const line = (r: EvalReport) =>
  `top-1 ${pct(r.top1)}  recall@3 ${pct(r.recallAt3)}  MRR ${r.mrr.toFixed(3)}  out-of-scope rejected ${pct(r.rejection)}`;

function qaContext(): QaContext {
  const knowledge = loadKnowledge();
  return {
    notice: knowledge.notice,
    search: new PolicySearch(knowledge),
    isEstimable: (id) => rulesForMeasure(id).some((rule) => rule.kind === 'quantified'),
  };
}

function sweepQuestions(file: Extract<EvalFile, { kind: 'questions' }>, ctx: QaContext): void {
  if (isSealed(file.path)) throw new Error(`${file.path}: sealed sets are never swept (they would become dev sets)`);
  console.log(file.path);
  const chosen = { ...SEARCH_TUNING, ...REPLY_TUNING };
  for (let coverage = 0.3; coverage <= 0.551; coverage += 0.05) {
    for (let hedge = 0.5; hedge <= 0.701; hedge += 0.05) {
      SEARCH_TUNING.minCoverage = coverage;
      REPLY_TUNING.hedgeCoverage = hedge;
      console.log(`  minCoverage ${coverage.toFixed(2)} hedge ${hedge.toFixed(2)}  ${line(evaluateReplies(ctx, file.questions))}`);
    }
  }
  SEARCH_TUNING.minCoverage = chosen.minCoverage;
  REPLY_TUNING.hedgeCoverage = chosen.hedgeCoverage;
}

async function main(): Promise<void> {
  const files = paths.map(readEvalFile);
  const ctx = qaContext();
  let deliver: ReturnType<typeof createInProcessDelivery> | undefined;
  const runId = `${process.pid}-${Date.now().toString(36)}`;
  for (const file of files) {
    if (file.kind === 'questions') {
      if (sweep) {
        sweepQuestions(file, ctx);
        continue;
      }
      const report = evaluateReplies(ctx, file.questions);
      console.log(`${file.path}\n  ${report.inScope} in scope, ${report.outOfScope} out of scope (through respond)\n  ${line(report)}`);
      for (const miss of report.misses) {
        console.log(`  miss: ${miss.q}  expected ${JSON.stringify(miss.expect)} got ${JSON.stringify(miss.got)}${miss.hedged ? ' (hedged)' : ''} [${miss.act}]`);
      }
      continue;
    }
    if (sweep) continue;
    if (!deliver) {
      const app = await createApp({ STORAGE: 'memory' }); // an evaluation keeps nothing on disk
      deliver = createInProcessDelivery(app.adapter, app.bot);
    }
    console.log(`${file.path} (whole app, in-process)`);
    const results: CaseResult[] = file.invalid.map(({ id, error }) => ({
      id, kind: 'invalid', ok: false, problems: [`bad case: ${error}`], lastUser: '', reply: '', transcript: '',
    }));
    for (const c of file.cases) {
      const result = await runCase(c, deliver, runId);
      results.push(result);
      if (!result.ok) console.log(`  ${failLine(result)}`);
      if (verbose) {
        console.log(`  ---- ${result.ok ? 'PASS' : 'FAIL'} ${c.id} [${result.kind}]${c.why ? ` — ${c.why}` : ''}`);
        console.log(result.transcript.replace(/^/gm, '  '));
      }
    }
    console.log(`  ${summaryLine(results)}`);
  }
}

main()
  .then(() => process.exit(0))
  .catch((error: Error) => {
    console.error(error.stack ?? error.message);
    process.exit(1);
  });
