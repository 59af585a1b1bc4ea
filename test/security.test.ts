import { readdirSync, mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createServer, request, type Server } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { listeningApp } from './support/server';

/**
 * The findings of the security review (issue 8), each as it was reproduced, against the
 * real app on a loopback port. A child-process server (crash, shutdown, logs) is in
 * test/security-process.test.ts.
 */

type Running = Awaited<ReturnType<typeof listeningApp>>;
const running: Running[] = [];
async function start(overrides: Parameters<typeof listeningApp>[0] = {}): Promise<Running> {
  const app = await listeningApp(overrides);
  running.push(app);
  return app;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.close()));
});

const json = { 'content-type': 'application/json' };

function activity(fields: Record<string, unknown> = {}) {
  return {
    type: 'message',
    id: 'm1',
    text: '两化融合项目补贴多少',
    from: { id: 'user-1' },
    recipient: { id: 'bot' },
    conversation: { id: 'conversation-1' },
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:9/unused',
    deliveryMode: 'expectReplies',
    ...fields,
  };
}

/** Any method with a body (fetch will not send one with GET). */
function rawRequest(url: string, method: string, headers: Record<string, string>, body: string | Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** This machine's first address that is not loopback: a request to it does not come from 127.0.0.1. */
function outsideAddress(): string | undefined {
  for (const list of Object.values(networkInterfaces())) {
    for (const entry of list ?? []) if (!entry.internal && entry.family === 'IPv4') return entry.address;
  }
  return undefined;
}

describe('request bodies', () => {
  it('refuses any Content-Encoding on any route, and stays up (a bad gzip body used to end the process)', async () => {
    const { base } = await start();
    for (const [method, path] of [['POST', '/healthz'], ['POST', '/api/messages'], ['GET', '/api/search?q=x'], ['PUT', '/nowhere']]) {
      const { status, body } = await rawRequest(`${base}${path}`, method, { ...json, 'content-encoding': 'gzip' }, 'x');
      expect(status, `${method} ${path}`).toBe(415);
      expect(JSON.parse(body).error.code).toBe('UnsupportedEncoding');
    }
    const validButLarge = gzipSync(randomBytes(80 * 1024));
    expect((await rawRequest(`${base}/api/estimate`, 'POST', { ...json, 'content-encoding': 'gzip' }, validButLarge)).status).toBe(415);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('refuses a gzip bomb without inflating it', async () => {
    const { base } = await start();
    const bomb = gzipSync(Buffer.alloc(60 * 1024 * 1024, ' '));
    expect(bomb.length).toBeLessThan(64 * 1024);
    const before = process.memoryUsage().rss;
    const response = await fetch(`${base}/api/estimate`, { method: 'POST', headers: { ...json, 'content-encoding': 'gzip' }, body: bomb });
    expect(response.status).toBe(415);
    expect(process.memoryUsage().rss - before).toBeLessThan(30 * 1024 * 1024);
  });

  it('holds the body limit to the bytes read, whatever Content-Length says (chunked)', async () => {
    const { base } = await start();
    const big = JSON.stringify({ rule: 'two-integration', inputs: { pad: 'x'.repeat(100_000) } });
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const response = await fetch(`${base}/api/estimate`, { method: 'POST', headers: json, body, duplex: 'half' } as RequestInit);
    expect(response.status).toBe(413);
  });

  it('never writes a multipart upload to disk, even on a refused request', async () => {
    const { base } = await start();
    const uploads = mkdtempSync(join(tmpdir(), 'qd-uploads-'));
    const previous = process.env.TMPDIR;
    process.env.TMPDIR = uploads; // where restify's multipart parser (formidable) used to write
    try {
      for (const path of ['/api/messages', '/api/estimate', '/v3/directline/conversations']) {
        const form = new FormData();
        form.append('file', new Blob([Buffer.alloc(2 * 1024 * 1024, 'a')]), 'big.bin');
        const response = await fetch(`${base}${path}`, { method: 'POST', body: form });
        expect(response.status, path).toBe(415);
      }
      expect(readdirSync(uploads)).toEqual([]);
    } finally {
      process.env.TMPDIR = previous;
      rmSync(uploads, { recursive: true, force: true });
    }
  });
});

describe('/api/messages without a Microsoft App ID (local mode)', () => {
  let internal: Server;
  let internalUrl: string;
  let internalHits = 0;
  beforeAll(async () => {
    // An "internal service" that only this machine can reach, with something to steal.
    internal = createServer((_req, res) => {
      internalHits++;
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('SECRET-INTERNAL-BODY');
    });
    await new Promise<void>((resolve) => internal.listen(0, '127.0.0.1', resolve));
    internalUrl = `http://127.0.0.1:${(internal.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    internal.closeAllConnections(); // the bot's HTTP client keeps its connections alive
    await new Promise<void>((resolve) => internal.close(() => resolve()));
  });

  it('answers a client on another machine with 401 and a clear message', async () => {
    const address = outsideAddress();
    expect(address, 'this machine needs an address besides loopback').toBeDefined();
    const { port } = await start();
    const response = await fetch(`http://${address}:${port}/api/messages`, { method: 'POST', headers: json, body: JSON.stringify(activity()) });
    expect(response.status).toBe(401);
    expect((await response.json()).error.message).toMatch(/only clients on this machine/);
  });

  it('treats a request forwarded by a proxy on this host as remote', async () => {
    const { base } = await start();
    const response = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { ...json, 'x-forwarded-for': '203.0.113.9' },
      body: JSON.stringify(activity()),
    });
    expect(response.status).toBe(401);
  });

  it('never posts replies to a serviceUrl off this machine', async () => {
    const { base } = await start();
    const response = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify(activity({ deliveryMode: undefined, serviceUrl: 'http://169.254.169.254/latest/meta-data' })),
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/serviceUrl must be on this machine/);
  });

  it('gives up on a failing callback within seconds and never returns its body', async () => {
    const { base } = await start();
    const started = Date.now();
    const response = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify(activity({ deliveryMode: undefined, serviceUrl: internalUrl, conversation: { id: 'relay-1' } })),
    });
    const text = await response.text();
    expect(Date.now() - started).toBeLessThan(8000); // MESSAGE_DEADLINE_MS is 5 s
    expect([502, 504]).toContain(response.status);
    expect(internalHits).toBeGreaterThan(0); // the callback was tried…
    expect(text).not.toContain('SECRET-INTERNAL-BODY'); // …and what it answered stays inside
    expect(JSON.parse(text).error.code).toMatch(/^Bot(Error|Timeout)$/);
  });

  it('can be closed entirely (UNAUTHENTICATED_MESSAGES=off)', async () => {
    const { base } = await start({ UNAUTHENTICATED_MESSAGES: 'off' });
    const response = await fetch(`${base}/api/messages`, { method: 'POST', headers: json, body: JSON.stringify(activity()) });
    expect(response.status).toBe(401);
  });
});

describe('Direct Line conversations', () => {
  async function openConversation(app: App, base: string, headers: Record<string, string> = {}) {
    const { token, conversationId } = app.directLine.generateToken();
    const auth = { authorization: `Bearer ${token}`, ...json, ...headers };
    const opened = await fetch(`${base}/v3/directline/conversations`, { method: 'POST', headers: auth });
    return { token, conversationId, auth, status: opened.status };
  }
  const texts = async (base: string, id: string, auth: Record<string, string>) => {
    const body = await (await fetch(`${base}/v3/directline/conversations/${id}/activities`, { headers: auth })).json();
    return (body.activities as { from: { role?: string }; text?: string }[]).filter((a) => a.from.role === 'bot').map((a) => a.text ?? '');
  };
  const post = (base: string, id: string, auth: Record<string, string>, body: unknown) =>
    fetch(`${base}/v3/directline/conversations/${id}/activities`, { method: 'POST', headers: auth, body: JSON.stringify(body) });

  it('keeps a conversation’s interview out of reach of /api/messages naming channelId "directline"', async () => {
    const { app, base } = await start();
    const { conversationId, auth } = await openConversation(app, base);
    await post(base, conversationId, auth, { type: 'message', from: { id: 'u' }, text: '帮我估算两化融合补贴' });
    // The attacker knows the conversation id (it is in the token's payload) and tries to cancel.
    const attack = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify(activity({ channelId: 'directline', conversation: { id: conversationId }, text: '取消' })),
    });
    expect(attack.status).toBe(200);
    const attackReplies = (await attack.json()).activities.map((a: { text?: string }) => a.text ?? '').join('\n');
    expect(attackReplies).not.toMatch(/已退出|已取消/);
    // The user's interview goes on: "是" answers its first question.
    await post(base, conversationId, auth, { type: 'message', from: { id: 'u' }, text: '是' });
    const replies = await texts(base, conversationId, auth);
    expect(replies.at(-1)).toMatch(/第2题/);
  });

  it('refuses an activity too large to keep (413) and keeps no client entities', async () => {
    const { app, base } = await start();
    const { conversationId, auth } = await openConversation(app, base);
    const padded = { type: 'message', from: { id: 'u' }, text: '你好', entities: [{ type: 'x', pad: 'x'.repeat(55 * 1024) }] };
    expect((await post(base, conversationId, auth, padded)).status).toBe(413);
    const big = { type: 'message', from: { id: 'u' }, text: '两'.repeat(1900), value: { pad: '化'.repeat(1500) } };
    expect((await post(base, conversationId, auth, big)).status).toBe(413);
    const small = { type: 'message', from: { id: 'u' }, text: '你好', entities: [{ type: 'ClientCapabilities', pad: 'x'.repeat(3000) }], channelData: { clientActivityID: 'c1', pad: 'y'.repeat(3000) } };
    expect((await post(base, conversationId, auth, small)).status).toBe(200);
    const body = await (await fetch(`${base}/v3/directline/conversations/${conversationId}/activities`, { headers: auth })).json();
    const echo = body.activities.find((a: { text?: string; from: { role?: string } }) => a.text === '你好' && a.from.role === 'user');
    expect(echo.entities).toBeUndefined();
    expect(echo.channelData).toEqual({ clientActivityID: 'c1' });
  });

  it('lets one client hold only its quota of conversations, evicting its own, never another’s', async () => {
    const { app, base } = await start({ TRUST_PROXY: ['127.0.0.1'], MAX_CONVERSATIONS_PER_CLIENT: 2 });
    const other = await openConversation(app, base, { 'x-forwarded-for': '198.51.100.2' });
    const flood = [];
    for (let i = 0; i < 5; i++) flood.push(await openConversation(app, base, { 'x-forwarded-for': '203.0.113.66' }));
    const alive = async (c: { conversationId: string; auth: Record<string, string> }) =>
      (await fetch(`${base}/v3/directline/conversations/${c.conversationId}/activities`, { headers: c.auth })).status;
    expect(await alive(other)).toBe(200);
    expect(await alive(flood[4])).toBe(200);
    expect(await alive(flood[3])).toBe(200);
    expect(await alive(flood[0])).toBe(404);
  });
});

describe('rate limits', () => {
  it('answers 429 with Retry-After past the per-minute limit, loopback included', async () => {
    const { base } = await start({ RATE_LIMIT_API: 3 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch(`${base}/api/search?q=5G`)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await fetch(`${base}/api/search?q=5G`);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect((await limited.json()).error.code).toBe('TooManyRequests');
  });

  it('counts each client behind a trusted proxy apart, and ignores X-Forwarded-For from anyone else', async () => {
    const { base } = await start({ RATE_LIMIT_API: 2, TRUST_PROXY: ['127.0.0.1'] });
    const from = (ip: string) => fetch(`${base}/api/rules`, { headers: { 'x-forwarded-for': ip } }).then((r) => r.status);
    expect([await from('203.0.113.1'), await from('203.0.113.1'), await from('203.0.113.1')]).toEqual([200, 200, 429]);
    expect(await from('203.0.113.2')).toBe(200);

    const untrusting = await start({ RATE_LIMIT_API: 2 });
    const spoof = (ip: string) => fetch(`${untrusting.base}/api/rules`, { headers: { 'x-forwarded-for': ip } }).then((r) => r.status);
    expect([await spoof('10.0.0.1'), await spoof('10.0.0.2'), await spoof('10.0.0.3')]).toEqual([200, 200, 429]);
  });

  it('limits Direct Line posts, conversation creation, polls and demo tokens', async () => {
    const { app, base } = await start({ RATE_LIMIT_MESSAGES: 2, RATE_LIMIT_CONVERSATIONS: 1, RATE_LIMIT_POLLS: 2, RATE_LIMIT_TOKENS: 1 });
    const { token, conversationId } = app.directLine.generateToken();
    const auth = { authorization: `Bearer ${token}`, ...json };
    const url = `${base}/v3/directline/conversations`;
    expect((await fetch(url, { method: 'POST', headers: auth })).status).toBe(201);
    expect((await fetch(url, { method: 'POST', headers: auth })).status).toBe(429);
    const post = () => fetch(`${url}/${conversationId}/activities`, { method: 'POST', headers: auth, body: JSON.stringify({ type: 'message', from: { id: 'u' }, text: '你好' }) });
    expect([(await post()).status, (await post()).status, (await post()).status]).toEqual([200, 200, 429]);
    const poll = () => fetch(`${url}/${conversationId}/activities`, { headers: auth }).then((r) => r.status);
    expect([await poll(), await poll(), await poll()]).toEqual([200, 200, 429]);
    const demo = () => fetch(`${base}/api/webchat/token`, { method: 'POST' }).then((r) => r.status);
    expect([await demo(), await demo()]).toEqual([200, 429]);
  });
});

describe('the demo token endpoint', () => {
  it('is off when WEBCHAT_DEMO_TOKENS is false, and the pages then carry no token URL', async () => {
    const { base } = await start({ WEBCHAT_DEMO_TOKENS: false });
    expect((await fetch(`${base}/api/webchat/token`, { method: 'POST' })).status).toBe(404);
    expect(await (await fetch(`${base}/chat`)).text()).toContain('&quot;tokenUrl&quot;:null');
  });
});

describe('headers and errors of the JSON API', () => {
  it('names no product in a Server header, and JSON is never sniffed nor cached', async () => {
    const { base } = await start();
    for (const path of ['/healthz', '/api/rules', '/api/search?q=5G', '/no-such-route']) {
      const response = await fetch(`${base}${path}`);
      expect(response.headers.get('server'), path).toBeNull();
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('cache-control'), path).toBe('no-store');
    }
  });

  it('says that q was given twice rather than missing', async () => {
    const { base } = await start();
    const body = await (await fetch(`${base}/api/search?q=a&q=b`)).json();
    expect(body.error.message).toBe('q must be given once');
  });
});
