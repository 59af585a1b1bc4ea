/**
 * What the assistant was asked, and how it did, in the terminal: the figures of /admin
 * for a date range, then the questions it could not answer as JSONL in the evaluation
 * format, for a maintainer to label and add to knowledge/eval/.
 *   npm run insights -- --since 2026-11-01 [--until 2026-11-30]
 *   npm run insights -- --since 2026-11-01 --jsonl > unanswered.jsonl   (the JSONL only)
 * Reads the store that STORAGE (.env or the environment) names, while the server runs or not.
 */
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { loadConfig } from '../config';
import { dayOf } from '../insights/events';
import { TABLES, tableOf } from '../insights/csv';
import { labelled } from '../insights/labels';
import { summarize } from '../insights/summary';
import { openStore } from '../state';

const ArgsSchema = z.object({
  since: z.string({ error: '--since YYYY-MM-DD is required' }).regex(/^\d{4}-\d{2}-\d{2}$/, '--since YYYY-MM-DD is required'),
  until: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '--until must be YYYY-MM-DD').optional(),
  jsonl: z.boolean(),
});

function parseArgs(argv: string[]) {
  const value = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return ArgsSchema.safeParse({ since: value('since'), until: value('until'), jsonl: argv.includes('--jsonl') });
}

const TITLES: Record<(typeof TABLES)[number], string> = {
  'per-day': '每日提问（有提问的日子）',
  'top-measures': '热门措施',
  unanswered: '未能回答的问题（已脱敏）',
  interviews: '估算问答',
  ratings: '好差评',
  helpfulness: '有帮助 / 没帮助',
  comments: '意见（已脱敏）',
};

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (!args.success) {
    console.error(`${args.error.issues[0].message}\nusage: npm run insights -- --since 2026-11-01 [--until 2026-11-30] [--jsonl]`);
    process.exit(2);
  }
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig(process.env);
  const store = await openStore(config);
  try {
    const { since, until = dayOf(Date.now()) } = args.data;
    const summary = labelled(summarize(await store.insights.between(since, until), since, until));
    if (!args.data.jsonl) {
      const t = summary.totals;
      console.log(`${since} … ${until}（${config.STORAGE}）：${t.turns} 轮提问，已回答 ${t.answered}，请用户选择 ${t.askedWhich}，未找到 ${t.notFound}，${t.conversations} 个会话`);
      for (const table of TABLES) {
        const { header, rows: all } = tableOf(summary, table);
        const rows = table === 'per-day' ? all.filter((row) => row[4] !== 0) : all; // days with turns
        console.log(`\n${TITLES[table]}`);
        console.log(`  ${header.join(' | ')}`);
        for (const row of rows.slice(0, 20)) console.log(`  ${row.join(' | ')}`);
        if (rows.length > 20) console.log(`  …（共 ${rows.length} 行）`);
        if (rows.length === 0) console.log('  （无）');
      }
      console.log('\n未能回答的问题（评测格式，标注 expect 后可加入 knowledge/eval/）：');
    }
    for (const group of summary.unanswered) {
      for (const question of group.examples) console.log(JSON.stringify({ q: question, expect: [] }));
    }
  } finally {
    await store.close();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
