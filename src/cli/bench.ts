/**
 * Speed and memory, measured (machines here are shared and noisy: medians of
 * several fresh processes, and ratios from the same run).
 *   npm run bench            5 runs of each
 *   npm run bench -- --runs 9
 *   npm run bench -- --only throughput    one section: engine, server, throughput, stores, insights
 * 1. The search engine alone, with the trimmed dictionary and with nodejieba's full
 *    one: time from process start to ready, RSS after 200 questions, latency p50/p99 of
 *    a search and of a respond() turn (the whole Q&A core: acts, search, replies).
 * 2. The whole server (npm start): time from spawn to GET /healthz 200 and to the first
 *    answer of the bot, the latency of 200 questions through POST /api/messages
 *    (expectReplies), and its RSS after them.
 * 3. Throughput of question turns through POST /api/messages against an echo bot on the
 *    same restify + CloudAdapter stack (src/cli/bench-echo.ts), and against the echo run
 *    through conversation state and botbuilder-dialogs as the policy bot's turns are; ratios.
 * 4. The same turns with each store (memory, SQLite, Redis when redis-server is
 *    installed): throughput against memory, p99, and RSS after 20,000 conversations.
 * 5. The same turns with the insights recording on and off.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchQuestions } from './bench-questions';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const SECTIONS = ['engine', 'server', 'throughput', 'stores', 'insights'] as const;
const onlyArg = process.argv.indexOf('--only');
const ONLY = onlyArg > 0 ? process.argv[onlyArg + 1] : undefined;
if (ONLY !== undefined && !(SECTIONS as readonly string[]).includes(ONLY)) {
  console.error(`--only takes one of: ${SECTIONS.join(', ')}`);
  process.exit(2);
}
const wanted = (section: (typeof SECTIONS)[number]) => ONLY === undefined || ONLY === section;

const median = (xs: number[]) => percentile(xs, 50);
function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;
const mb = (x: number) => `${x.toFixed(0)} MB`;

interface EngineRun {
  readyMs: number;
  rssMb: number;
  rssAfterTurnsMb: number;
  latencies: number[];
  turnLatencies: number[];
}

function engineRun(dictionary: 'trimmed' | 'full'): EngineRun {
  const out = execFileSync(process.execPath, [join(__dirname, 'bench-engine.js'), dictionary], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!);
}

function summarizeEngine(dictionary: 'trimmed' | 'full') {
  const runs = Array.from({ length: RUNS }, () => engineRun(dictionary));
  const latencies = runs.flatMap((r) => r.latencies);
  const turns = runs.flatMap((r) => r.turnLatencies);
  return {
    ready: median(runs.map((r) => r.readyMs)),
    rss: median(runs.map((r) => r.rssMb)),
    rssTurns: median(runs.map((r) => r.rssAfterTurnsMb)),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    turnP50: percentile(turns, 50),
    turnP99: percentile(turns, 99),
  };
}

const rssOf = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

/** Limits high enough never to refuse the benchmark's own requests; the store in memory unless a figure says otherwise. */
const UNLIMITED = { RATE_LIMIT_MESSAGES: '1000000', RATE_LIMIT_API: '1000000', STORAGE: 'memory' };

/** The Node flags of npm start (package.json), so the bench measures the server as it runs. */
const START_FLAGS = (JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')).scripts.start as string)
  .split(/\s+/)
  .filter((word) => word.startsWith('--'));

/** A server script as a child process; resolves with its port once its JSON log says it listens. */
async function spawnServer(script: string, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [...START_FLAGS, join(__dirname, script)], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...UNLIMITED, ...env },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const match = /"port":(\d+)/.exec(buffered);
      if (match) resolve(Number(match[1]));
      if (buffered.length > 1e5) buffered = ''; // one log line per request: do not keep them
    });
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return { child, base: `http://127.0.0.1:${port}` };
}

/** One message turn through POST /api/messages (expectReplies), as the Emulator would send it. */
async function ask(base: string, text: string, i: number): Promise<void> {
  const response = await fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message', id: `q${i}`, text, channelId: 'bench', serviceUrl: 'http://127.0.0.1:9',
      from: { id: 'bench-user' }, recipient: { id: 'bot' }, conversation: { id: `bench-${i % 20}` },
      deliveryMode: 'expectReplies',
    }),
  });
  if (!response.ok) throw new Error(`POST /api/messages → ${response.status}`);
  await response.json();
}

/** The server as npm start runs it (the SQLite store, in a fresh folder): start-up, latency, RSS. */
async function serverRun(askQuestions: boolean) {
  const dataDir = mkdtempSync(join(tmpdir(), 'qd-bench-'));
  const start = performance.now();
  const { child, base } = await spawnServer(join('..', 'index.js'), { STORAGE: 'sqlite', DATA_DIR: dataDir });
  try {
    while (!(await fetch(`${base}/healthz`).then((r) => r.ok, () => false))) await new Promise((r) => setTimeout(r, 2));
    const readyMs = performance.now() - start;
    const questions = benchQuestions(200);
    await ask(base, questions[0], 0);
    const firstAnswerMs = performance.now() - start;
    const latencies: number[] = [];
    if (askQuestions) {
      for (const [i, text] of questions.entries()) {
        const t = performance.now();
        await ask(base, text, i);
        latencies.push(performance.now() - t);
      }
    }
    return { readyMs, firstAnswerMs, rssMb: rssOf(child.pid!), latencies };
  } finally {
    child.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux). */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (100 Hz)
}

/**
 * Question turns through /api/messages with `concurrency` clients for `seconds`, after a
 * warm-up: turns per second of wall time, and per second of the server's own CPU time.
 * The second is the server's capacity: on a 2-core machine the load generator shares
 * the CPU, so wall time also measures the client (and whatever else runs).
 */
async function throughput(
  script: string,
  seconds: number,
  env: Record<string, string> = {},
  concurrency = 4,
): Promise<{ wall: number; cpu: number; p99: number }> {
  const { child, base } = await spawnServer(script, env);
  try {
    const questions = benchQuestions(400);
    for (let i = 0; i < 50; i++) await ask(base, questions[i], i); // warm up the JIT
    const latencies: number[] = [];
    const cpuBefore = cpuMsOf(child.pid!);
    const started = performance.now();
    const until = started + seconds * 1000;
    await Promise.all(
      Array.from({ length: concurrency }, async (_, worker) => {
        for (let i = worker; performance.now() < until; i += concurrency) {
          const t = performance.now();
          await ask(base, questions[i % questions.length], i);
          latencies.push(performance.now() - t);
        }
      }),
    );
    const wallSeconds = (performance.now() - started) / 1000;
    const cpuSeconds = (cpuMsOf(child.pid!) - cpuBefore) / 1000;
    return { wall: latencies.length / wallSeconds, cpu: latencies.length / cpuSeconds, p99: percentile(latencies, 99) };
  } finally {
    child.kill();
  }
}

async function main(): Promise<void> {
  console.log(`node ${process.version}, ${RUNS} fresh processes per figure (medians)\n`);
  if (wanted('engine')) benchEngine();
  if (wanted('server')) await benchServer();
  if (wanted('throughput')) await benchThroughput();
  if (wanted('stores')) await benchStores();
  if (wanted('insights')) await benchInsights();
}

function benchEngine(): void {
  const trimmed = summarizeEngine('trimmed');
  const full = summarizeEngine('full');
  console.log('Search engine alone (knowledge + nodejieba + minisearch index):');
  console.log(`                      trimmed dict   full dict      trimmed/full`);
  console.log(`  ready after start   ${ms(trimmed.ready).padEnd(14)} ${ms(full.ready).padEnd(14)} ${(trimmed.ready / full.ready).toFixed(2)}`);
  console.log(`  RSS after 200 q     ${mb(trimmed.rss).padEnd(14)} ${mb(full.rss).padEnd(14)} ${(trimmed.rss / full.rss).toFixed(2)}`);
  console.log(`  search p50          ${ms(trimmed.p50).padEnd(14)} ${ms(full.p50)}`);
  console.log(`  search p99          ${ms(trimmed.p99).padEnd(14)} ${ms(full.p99)}`);
  console.log(`  RSS after 200 turns ${mb(trimmed.rssTurns).padEnd(14)} ${mb(full.rssTurns).padEnd(14)} ${(trimmed.rssTurns / full.rssTurns).toFixed(2)}`);
  console.log(`  respond() p50       ${ms(trimmed.turnP50).padEnd(14)} ${ms(full.turnP50)}`);
  console.log(`  respond() p99       ${ms(trimmed.turnP99).padEnd(14)} ${ms(full.turnP99)}`);
}

async function benchServer(): Promise<void> {
  const runs = [];
  for (let i = 0; i < RUNS - 1; i++) runs.push(await serverRun(false));
  const last = await serverRun(true);
  runs.push(last);
  console.log('\nWhole server (npm start: restify + botbuilder + dialogs + search + SQLite store):');
  console.log(`  spawn → /healthz 200          ${ms(median(runs.map((r) => r.readyMs)))}`);
  console.log(`  spawn → first bot answer      ${ms(median(runs.map((r) => r.firstAnswerMs)))}`);
  console.log(`  POST /api/messages p50 / p99  ${ms(percentile(last.latencies, 50))} / ${ms(percentile(last.latencies, 99))}`);
  console.log(`  RSS after 200 questions       ${mb(last.rssMb)}`);
}

async function benchThroughput(): Promise<void> {
  // Alternating runs, so all servers see the same machine load; medians of each.
  const servers: [string, string, Record<string, string>][] = [
    ['policy bot', join('..', 'index.js'), { STORAGE: 'memory' }],
    ['echo + dialog', 'bench-echo.js', { ECHO_WITH_DIALOG: 'true' }],
    ['echo bot', 'bench-echo.js', {}],
  ];
  const runs = servers.map(() => [] as { wall: number; cpu: number }[]);
  for (let i = 0; i < RUNS; i++) {
    for (const [k, [, script, env]] of servers.entries()) runs[k].push(await throughput(script, 3, env));
  }
  const rate = (k: number, key: 'wall' | 'cpu') => median(runs[k].map((r) => r[key]));
  console.log('\nQuestion turns through POST /api/messages (expectReplies), 4 concurrent clients, 3 s a run:');
  console.log('the policy bot (STORAGE=memory); an echo bot on the same restify + CloudAdapter stack; and');
  console.log('the echo through the policy bot\'s conversation state and botbuilder-dialogs (echo + dialog).');
  console.log(`                          ${servers.map(([name]) => name.padEnd(15)).join('')}policy/echo  policy/(echo + dialog)`);
  for (const [label, key] of [['turns/s (wall clock)', 'wall'], ['turns/s of server CPU', 'cpu']] as const) {
    const [policy, echoDialog, echo] = servers.map((_, k) => rate(k, key));
    const figures = [policy, echoDialog, echo].map((x) => x.toFixed(0).padEnd(15)).join('');
    console.log(`  ${label.padEnd(24)}${figures}${(policy / echo).toFixed(2).padEnd(13)}${(policy / echoDialog).toFixed(2)}`);
  }
}

/** The same question turns with the insights recording and without, in one run (default store). */
async function benchInsights(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'qd-bench-'));
  try {
    const on: { wall: number; cpu: number; p99: number }[] = [];
    const off: { wall: number; cpu: number; p99: number }[] = [];
    for (let i = 0; i < RUNS; i++) {
      on.push(await throughput(join('..', 'index.js'), 3, { STORAGE: 'sqlite', DATA_DIR: dataDir, INSIGHTS_ENABLED: 'true' }));
      off.push(await throughput(join('..', 'index.js'), 3, { STORAGE: 'sqlite', DATA_DIR: dataDir, INSIGHTS_ENABLED: 'false' }));
    }
    const [wallOn, wallOff] = [median(on.map((r) => r.wall)), median(off.map((r) => r.wall))];
    const [cpuOn, cpuOff] = [median(on.map((r) => r.cpu)), median(off.map((r) => r.cpu))];
    console.log('\nInsights (SQLite store), the same question turns, 4 concurrent clients, 3 s a run:');
    console.log('                          recording on   recording off  on/off');
    console.log(`  turns/s (wall clock)    ${wallOn.toFixed(0).padEnd(15)}${wallOff.toFixed(0).padEnd(15)}${(wallOn / wallOff).toFixed(2)}`);
    console.log(`  turns/s of server CPU   ${cpuOn.toFixed(0).padEnd(15)}${cpuOff.toFixed(0).padEnd(15)}${(cpuOn / cpuOff).toFixed(2)}`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The same question turns with each store, in one run (runs alternate between stores),
 * then 20,000 conversations of one question each: throughput and p99 against memory, and
 * RSS before and after (with SQLite and Redis the conversations live outside the process).
 */
async function benchStores(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'qd-bench-'));
  const redis = await startRedis();
  try {
    const stores: [string, Record<string, string>][] = [
      ['memory', { STORAGE: 'memory' }],
      ['sqlite', { STORAGE: 'sqlite', DATA_DIR: dataDir }],
      ...(redis ? [['redis', { STORAGE: 'redis', REDIS_URL: redis.url }] as [string, Record<string, string>]] : []),
    ];
    const results = new Map(stores.map(([name]) => [name, [] as { wall: number; cpu: number; p99: number }[]]));
    for (let i = 0; i < RUNS; i++) {
      for (const [name, env] of stores) results.get(name)!.push(await throughput(join('..', 'index.js'), 3, env));
    }
    const memory = median(results.get('memory')!.map((r) => r.wall));
    console.log('\nStores (STORAGE), the same question turns, 4 concurrent clients, 3 s a run:');
    console.log('              turns/s   of memory   p99        RSS after 5,000 → after 20,000 more conversations');
    for (const [name, env] of stores) {
      const runs = results.get(name)!;
      const wall = median(runs.map((r) => r.wall));
      const p99 = median(runs.map((r) => r.p99));
      const rss = await manyConversations(env, 20_000);
      console.log(
        `  ${name.padEnd(12)}${wall.toFixed(0).padEnd(10)}${(wall / memory).toFixed(2).padEnd(12)}${ms(p99).padEnd(11)}${mb(rss.before)} → ${mb(rss.after)}`,
      );
    }
    if (!redis) console.log('  (redis-server is not installed: no Redis figures)');
  } finally {
    await redis?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * RSS after a warm-up of WARM_UP conversations (V8 grows its heap to a working size in the
 * first few thousand turns, whatever the store), and after `count` more, one question each.
 */
async function manyConversations(env: Record<string, string>, count: number): Promise<{ before: number; after: number }> {
  const WARM_UP = 5000;
  const { child, base } = await spawnServer(join('..', 'index.js'), { ...env, MAX_CONVERSATIONS: '1000000' });
  try {
    const questions = benchQuestions(400);
    const run = `${Date.now()}`;
    const conversation = (i: number) => ({ id: `${run}-${i}`, text: questions[i % questions.length] });
    let next = 0;
    const askUntil = (end: number) =>
      Promise.all(
        Array.from({ length: 4 }, async () => {
          while (next < end) await askIn(base, conversation(next++));
        }),
      );
    await askUntil(WARM_UP);
    const before = rssOf(child.pid!);
    await askUntil(WARM_UP + count);
    return { before, after: rssOf(child.pid!) };
  } finally {
    child.kill();
  }
}

async function askIn(base: string, { id, text }: { id: string; text: string }): Promise<void> {
  const response = await fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message', id: 'q', text, channelId: 'bench', serviceUrl: 'http://127.0.0.1:9',
      from: { id: 'bench-user' }, recipient: { id: 'bot' }, conversation: { id }, deliveryMode: 'expectReplies',
    }),
  });
  if (!response.ok) throw new Error(`POST /api/messages → ${response.status}`);
  await response.json();
}

/** A throwaway redis-server on a free port, or undefined when none is installed. */
async function startRedis(): Promise<{ url: string; stop: () => Promise<void> } | undefined> {
  if (spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status !== 0) return undefined;
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  for (let i = 0; i < 100 && spawnSync('redis-cli', ['-p', String(port), 'ping'], { stdio: 'ignore' }).status !== 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      child.kill();
    },
  };
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
