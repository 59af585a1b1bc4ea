import { connect, type Socket } from 'node:net';
import { createServer, request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { closeGracefully } from '../src/shutdown';
import { startChildServer, type ChildServer } from './support/child-server';

/** The real server as a process (src/index.ts): what must hold for the process itself. */
const servers: ChildServer[] = [];
async function start(env: Record<string, string> = {}): Promise<ChildServer> {
  const server = await startChildServer(env);
  servers.push(server);
  return server;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

function postRaw(url: string, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const message = (text: string, conversation: string) =>
  JSON.stringify({
    type: 'message',
    id: 'm1',
    text,
    from: { id: 'user-1' },
    recipient: { id: 'bot' },
    conversation: { id: conversation },
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:9/unused',
    deliveryMode: 'expectReplies',
  });

describe('the server process', () => {
  it('survives a body that claims gzip and is not (it used to exit)', async () => {
    const server = await start();
    expect(await postRaw(`${server.base}/healthz`, { 'content-encoding': 'gzip' }, 'x')).toBe(415);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.child.exitCode).toBeNull();
    expect((await fetch(`${server.base}/healthz`)).status).toBe(200);
  });

  it('exits within its grace period on SIGTERM, even with slowloris clients holding connections', async () => {
    const server = await start({ SHUTDOWN_GRACE_SECONDS: '2' });
    const sockets: Socket[] = [];
    for (let i = 0; i < 5; i++) {
      const socket = connect(server.port, '127.0.0.1');
      socket.on('error', () => undefined);
      socket.write('POST /api/estimate HTTP/1.1\r\nHost: x\r\n'); // headers never finished
      sockets.push(socket);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = Date.now();
    const exited = new Promise<number | null>((resolve) => server.child.once('exit', (code) => resolve(code)));
    server.child.kill('SIGTERM');
    const code = await exited;
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(2000 + 1500);
    for (const socket of sockets) socket.destroy();
  });

  it('logs one JSON line per request, with outcome and a hashed conversation id, never the user’s words', async () => {
    const server = await start({ LOG_LEVEL: 'info' });
    const response = await fetch(`${server.base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: message('两化融合项目投资300万能补多少', 'log-conversation-1'),
    });
    expect(response.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const line = server.logLines().find((l) => l.route === '/api/messages');
    expect(line).toMatchObject({ level: 'info', method: 'POST', status: 200, outcome: 'answered' });
    expect(line!.conversation).toMatch(/^[0-9a-f]{12}$/);
    expect(typeof line!.ms).toBe('number');
    expect(server.stdout()).not.toContain('两化融合');
    expect(server.stdout()).not.toContain('300万');
    expect(server.stdout()).not.toContain('log-conversation-1');
  });

  it('logs an unsigned request in authenticated mode as one line, without a stack trace', async () => {
    const server = await start({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-secret' });
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${server.base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: message('你好', `unsigned-${i}`),
      });
      expect(response.status).toBe(401);
      expect(await response.text()).not.toMatch(/\bat \/|node_modules/);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    const refused = server.logLines().filter((l) => l.route === '/api/messages');
    expect(refused).toHaveLength(3);
    expect(refused.every((l) => l.status === 401)).toBe(true);
    expect(server.stdout() + server.stderr()).not.toMatch(/\n\s+at .*\(\/|node_modules\//);
  });
});

describe('closeGracefully', () => {
  it('lets a request in flight finish, then resolves as drained', async () => {
    const server = createServer((_req, res) => setTimeout(() => res.end('done'), 300));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const inFlight = fetch(`http://127.0.0.1:${port}/`).then((r) => r.text());
    await new Promise((resolve) => setTimeout(resolve, 50));
    const outcome = await closeGracefully(server, 5000);
    expect(await inFlight).toBe('done');
    expect(outcome).toBe('drained');
  });

  it('cuts what is still open after the grace period', async () => {
    const server = createServer(() => undefined); // never answers
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const stalled = fetch(`http://127.0.0.1:${port}/`).catch((error: Error) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await closeGracefully(server, 200)).toBe('forced');
    expect(await stalled).toBeInstanceOf(Error);
  });
});
