import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

export interface ChildServer {
  base: string;
  port: number;
  child: ChildProcess;
  /** Everything the server wrote to stdout (JSON log lines) and stderr so far. */
  stdout(): string;
  stderr(): string;
  /** The JSON log lines written so far. */
  logLines(): Record<string, unknown>[];
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** A fresh folder for a child's SQLite store; removed when the test process ends. */
export function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qd-data-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * The real server (src/index.ts through tsx, as `npm start` runs it) in a child process,
 * on a free port (or `env.PORT`), with the given settings (by default the SQLite store in a
 * fresh folder); resolves when /healthz answers.
 */
export async function startChildServer(env: Record<string, string> = {}): Promise<ChildServer> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src', 'index.ts')], {
    cwd: root,
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', DATA_DIR: env.DATA_DIR ?? tempDataDir(), ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk) => (out += chunk));
  child.stderr!.on('data', (chunk) => (err += chunk));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (await fetch(`${base}/healthz`).then((r) => r.ok, () => false)) break;
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill('SIGKILL');
      throw new Error(`server did not start (exit code ${child.exitCode}):\n${out}\n${err}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    base,
    port,
    child,
    stdout: () => out,
    stderr: () => err,
    logLines: () =>
      out
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
  };
}
