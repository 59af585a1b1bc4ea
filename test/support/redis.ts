import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { freePort } from './child-server';

/**
 * A real Redis server for the tests (Debian's redis-server, which .ci/run installs): no
 * mocks. Each call starts one on a free loopback port, without persistence, and can stop
 * and start it again on the same port (Redis lost mid-run).
 */
export interface TestRedis {
  url: string;
  port: number;
  stop(): Promise<void>;
  start(): Promise<void>;
}

/** True when redis-server can run here; on CI (CI=true) its absence is an error, not a skip. */
export function redisAvailable(): boolean {
  const found = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!found && process.env.CI) throw new Error('redis-server is not installed (apt-get install redis-server)');
  return found;
}

export async function startRedis(): Promise<TestRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const redis: TestRedis = {
    url: `redis://127.0.0.1:${port}`,
    port,
    async start() {
      child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
        stdio: 'ignore',
      });
      const deadline = Date.now() + 10_000;
      while (!(await answersPing(port))) {
        if (Date.now() > deadline) throw new Error(`redis-server did not start on port ${port}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async stop() {
      if (!child || child.exitCode !== null) return;
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
  };
  await redis.start();
  process.once('exit', () => child?.kill('SIGKILL'));
  return redis;
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('error', () => resolve(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
  });
}

/**
 * The Redis the tests share: the one .ci/run started (TEST_REDIS_URL), or one started here.
 * `db` picks a database of its own per test file, emptied first.
 */
export async function sharedRedisUrl(db: number): Promise<string> {
  const base = process.env.TEST_REDIS_URL ?? (await startRedis()).url;
  const url = `${base.replace(/\/\d*$/, '')}/${db}`;
  const { Redis } = await import('ioredis');
  const client = new Redis(url, { lazyConnect: true });
  await client.connect();
  await client.flushdb();
  await client.quit();
  return url;
}
