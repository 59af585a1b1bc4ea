import type { AddressInfo } from 'node:net';
import {
  ActivityHandler,
  CardFactory,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  MessageFactory,
  type Activity,
} from 'botbuilder';
import { DirectLine, type Activity as DirectLineActivity } from 'botframework-directlinejs';
import restify from 'restify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessDelivery, registerDirectLine, type DirectLineOptions } from '../src/directline';
import { jsonBody } from '../src/http/body';
import { MAX_BODY_BYTES } from '../src/server';

const SECRET = 'test-secret-0123456789abcdef';

/** A small bot: greets new members, echoes, throws on "boom", answers "card" with a hero card. */
class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMembersAdded(async (context, next) => {
      for (const member of context.activity.membersAdded ?? []) {
        if (member.id !== context.activity.recipient.id) await context.sendActivity(`您好 ${member.id}`);
      }
      await next();
    });
    this.onMessage(async (context, next) => {
      const text = context.activity.text ?? '';
      if (text === 'boom') throw new Error('bot failure');
      if (text === 'card') {
        await context.sendActivity({ attachments: [CardFactory.heroCard('卡片', '正文', [], ['查看原文'])] });
      } else {
        await context.sendActivity(MessageFactory.suggestedActions(['查看原文'], `回答：${text}`));
      }
      await next();
    });
  }
}

function unauthenticatedDelivery() {
  // What the main server builds without MicrosoftAppId: authentication disabled.
  return createInProcessDelivery(new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})), new EchoBot());
}

interface Running {
  url: string;
  domain: string;
  close(): Promise<void>;
}

const servers: Running[] = [];

async function start(options: Partial<DirectLineOptions> = {}, { parsers = true } = {}): Promise<Running> {
  const server = restify.createServer();
  if (parsers) {
    // What the main server installs globally; the Direct Line routes must work with and without.
    server.use(restify.plugins.queryParser());
    server.use(jsonBody(MAX_BODY_BYTES));
  }
  registerDirectLine(server, { deliver: unauthenticatedDelivery(), secret: SECRET, ...options });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const running = {
    url,
    domain: `${url}/v3/directline`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  servers.push(running);
  return running;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function call(
  running: Running,
  method: string,
  path: string,
  { auth, body, headers = {} }: { auth?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const response = await fetch(`${running.domain}${path}`, {
    method,
    headers: {
      ...(auth ? { Authorization: `Bearer ${auth}` } : {}),
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : undefined };
}

async function generate(running: Running, body?: unknown) {
  const { status, json } = await call(running, 'POST', '/tokens/generate', { auth: SECRET, body });
  expect(status).toBe(200);
  return json as { conversationId: string; token: string; expires_in: number };
}

async function waitFor<T>(probe: () => T | undefined, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * botframework-directlinejs talks through rxjs 5's ajax, which needs XMLHttpRequest; Node
 * has none. This shim does the little rxjs uses (open, setRequestHeader, send, status,
 * response, onreadystatechange) over fetch. Test-only: the browser has the real thing.
 */
class FetchXMLHttpRequest {
  readyState = 0;
  status = 0;
  response: unknown = null;
  responseText = '';
  responseType = '';
  timeout = 0;
  withCredentials = false;
  onreadystatechange: ((this: FetchXMLHttpRequest, event: unknown) => void) | null = null;
  onerror: ((this: FetchXMLHttpRequest, event: unknown) => void) | null = null;
  ontimeout: ((this: FetchXMLHttpRequest, event: unknown) => void) | null = null;
  private method = 'GET';
  private url = '';
  private requestHeaders: Record<string, string> = {};
  private responseHeaders = new Headers();
  private readonly controller = new AbortController();

  open(method: string, url: string) {
    this.method = method;
    this.url = url;
    this.readyState = 1;
  }
  setRequestHeader(name: string, value: string) {
    this.requestHeaders[name] = value;
  }
  getResponseHeader(name: string) {
    return this.responseHeaders.get(name);
  }
  abort() {
    this.controller.abort();
  }
  send(body?: string) {
    fetch(this.url, { method: this.method, headers: this.requestHeaders, body, signal: this.controller.signal }).then(
      async (response) => {
        this.status = response.status;
        this.responseHeaders = response.headers;
        this.responseText = await response.text();
        this.response =
          this.responseType === 'json' ? (this.responseText ? JSON.parse(this.responseText) : null) : this.responseText;
        this.readyState = 4;
        this.onreadystatechange?.call(this, {});
      },
      (error) => {
        if (this.controller.signal.aborted) return;
        this.readyState = 4;
        this.onerror?.call(this, error);
      },
    );
  }
}

describe('Direct Line channel driven by botframework-directlinejs', () => {
  const globals = globalThis as { XMLHttpRequest?: unknown };
  const original = globals.XMLHttpRequest;
  beforeAll(() => {
    globals.XMLHttpRequest = FetchXMLHttpRequest;
  });
  afterAll(() => {
    globals.XMLHttpRequest = original;
  });

  it('greets first, echoes the message with id and clientActivityID, then answers', async () => {
    const running = await start();
    const { token, conversationId } = await generate(running, { user: { id: 'dl_portal-user-7' } });
    // DirectLine reads a WebSocket class even for polling; it is never used.
    const services = { WebSocket: class NoWebSocket {} as never };
    const directLine = new DirectLine({ token, domain: running.domain, webSocket: false, pollingInterval: 200, ...services });
    const seen: DirectLineActivity[] = [];
    const subscription = directLine.activity$.subscribe((activity) => seen.push(activity));
    try {
      const greeting = await waitFor(() => seen.find((a) => a.type === 'message'), 'greeting');
      expect(greeting.from.id).toBe('bot');
      expect((greeting as { text?: string }).text).toBe('您好 dl_portal-user-7');

      const postedId = await new Promise<string>((resolve, reject) =>
        directLine
          .postActivity({
            type: 'message',
            text: '两化融合项目补贴多少',
            from: { id: 'someone-else', name: '访客' },
            channelData: { clientActivityID: 'client-1' },
          } as DirectLineActivity)
          .subscribe({ next: resolve, error: reject }),
      );
      expect(postedId).toMatch(new RegExp(`^${conversationId}\\|\\d{7}$`));

      const echo = await waitFor(() => seen.find((a) => a.id === postedId), 'echo');
      expect(echo.channelData).toMatchObject({ clientActivityID: 'client-1' });
      expect(echo.from).toMatchObject({ id: 'dl_portal-user-7', role: 'user' }); // the token's user, not the spoofed id
      expect(echo).toMatchObject({ channelId: 'directline', conversation: { id: conversationId } });
      expect(typeof echo.timestamp).toBe('string');

      const reply = await waitFor(
        () => seen.find((a) => a.type === 'message' && (a as { replyToId?: string }).replyToId === postedId),
        'reply',
      );
      expect((reply as { text?: string }).text).toBe('回答：两化融合项目补贴多少');
      expect((reply as { suggestedActions?: { actions: { title: string }[] } }).suggestedActions?.actions[0].title).toBe('查看原文');

      const order = seen.map((a) => a.id);
      expect(order.indexOf(greeting.id)).toBeLessThan(order.indexOf(postedId));
      expect(order.indexOf(postedId)).toBeLessThan(order.indexOf(reply.id));
      expect(new Set(order).size).toBe(order.length); // watermarks: nothing delivered twice
    } finally {
      subscription.unsubscribe();
      directLine.end();
    }
  });
});

describe('Direct Line HTTP API', () => {
  it('refreshes a token for the same conversation and user', async () => {
    const running = await start();
    const first = await generate(running, { user: { id: 'u-1' } });
    const refreshed = await call(running, 'POST', '/tokens/refresh', { auth: first.token });
    expect(refreshed.status).toBe(200);
    expect(refreshed.json.conversationId).toBe(first.conversationId);
    expect(refreshed.json.token).not.toBe(first.token);
    expect(refreshed.json.expires_in).toBe(3600);
    const payload = JSON.parse(Buffer.from(refreshed.json.token.split('.')[1], 'base64url').toString());
    expect(payload.user).toBe('u-1');

    const started = await call(running, 'POST', '/conversations', { auth: refreshed.json.token });
    expect(started.status).toBe(201);
    expect(started.json).toMatchObject({ conversationId: first.conversationId, token: refreshed.json.token });
    const again = await call(running, 'POST', '/conversations', { auth: first.token });
    expect(again.status).toBe(200);
  });

  it('refuses a missing token, a forged one, and another conversation’s token', async () => {
    const running = await start();
    const mine = await generate(running);
    const theirs = await generate(running);
    await call(running, 'POST', '/conversations', { auth: theirs.token });

    const missing = await call(running, 'GET', `/conversations/${theirs.conversationId}/activities`);
    expect(missing.status).toBe(401);
    expect(missing.json.error.code).toBe('Unauthorized');

    const other = await call(running, 'GET', `/conversations/${theirs.conversationId}/activities`, { auth: mine.token });
    expect(other.status).toBe(403);
    expect(other.json.error.code).toBe('Forbidden');
    const otherPost = await call(running, 'POST', `/conversations/${theirs.conversationId}/activities`, {
      auth: mine.token,
      body: { type: 'message', text: 'hi' },
    });
    expect(otherPost.status).toBe(403);

    const [header, payload] = mine.token.split('.');
    const forgedPayload = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), conv: theirs.conversationId }),
    ).toString('base64url');
    const forged = await call(running, 'GET', `/conversations/${theirs.conversationId}/activities`, {
      auth: `${header}.${forgedPayload}.${mine.token.split('.')[2]}`,
    });
    expect(forged.status).toBe(403);
    expect(forged.json.error.code).toBe('BadToken');

    // Only the secret generates tokens.
    expect((await call(running, 'POST', '/tokens/generate', { auth: mine.token })).status).toBe(403);
    expect((await call(running, 'POST', '/tokens/generate')).status).toBe(401);
  });

  it('answers bad bodies with JSON 400, with or without restify body parsing', async () => {
    for (const parsers of [true, false]) {
      const running = await start({}, { parsers });
      const { token, conversationId } = await generate(running);
      await call(running, 'POST', '/conversations', { auth: token });
      const post = (body: unknown) => call(running, 'POST', `/conversations/${conversationId}/activities`, { auth: token, body });

      const noType = await post({ text: 'hi' });
      expect(noType.status).toBe(400);
      expect(noType.json.error).toMatchObject({ code: 'BadArgument' });
      expect(noType.json.error.message).toContain('type');

      const tooLong = await post({ type: 'message', text: '长'.repeat(2001) });
      expect(tooLong.status).toBe(400);
      expect(tooLong.json.error.message).toContain('text');

      expect((await post({ type: 'conversationUpdate' })).status).toBe(400);
      expect((await post([1, 2])).status).toBe(400);
      expect((await post({ type: 'message', attachments: [{ contentType: 'image/png' }] })).status).toBe(400);

      const badJson = await post('{"type": "message",');
      expect(badJson.status).toBe(400);
      expect(badJson.headers.get('content-type')).toContain('application/json');

      const huge = await post({ type: 'message', value: 'x'.repeat(70_000) });
      expect(huge.status).toBe(413);

      const badUser = await call(running, 'POST', '/tokens/generate', { auth: SECRET, body: { user: { id: '<b>' } } });
      expect(badUser.status).toBe(400);

      const badWatermark = await call(running, 'GET', `/conversations/${conversationId}/activities?watermark=abc`, { auth: token });
      expect(badWatermark.status).toBe(400);

      const ok = await post({ type: 'message', text: 'still fine' });
      expect(ok.status).toBe(200);
    }
  });

  it('refuses an expired token; history and conversations are bounded and expire (fake clock)', async () => {
    let now = Date.parse('2026-03-01T08:00:00Z');
    const running = await start({
      now: () => now,
      tokenTtlSeconds: 600,
      limits: { maxConversations: 2, maxActivitiesPerConversation: 4, idleExpirySeconds: 300 },
    });
    const a = await generate(running);
    expect(a.expires_in).toBe(600);
    const start1 = await call(running, 'POST', '/conversations', { auth: a.token });
    expect(start1.status).toBe(201);

    // Greeting (1) + 3 × (message + reply) = 7 activities; only the last 4 are kept.
    for (const text of ['一', '二', '三']) {
      const posted = await call(running, 'POST', `/conversations/${a.conversationId}/activities`, {
        auth: a.token,
        body: { type: 'message', text },
      });
      expect(posted.status).toBe(200);
    }
    const all = await call(running, 'GET', `/conversations/${a.conversationId}/activities`, { auth: a.token });
    expect(all.json.watermark).toBe('7');
    expect(all.json.activities.map((x: Activity) => x.text)).toEqual(['二', '回答：二', '三', '回答：三']);
    const after = await call(running, 'GET', `/conversations/${a.conversationId}/activities?watermark=6`, { auth: a.token });
    expect(after.json.activities.map((x: Activity) => x.text)).toEqual(['回答：三']);
    const none = await call(running, 'GET', `/conversations/${a.conversationId}/activities?watermark=7`, { auth: a.token });
    expect(none.json).toEqual({ activities: [], watermark: '7' });

    // Expired token.
    now += 601_000;
    const expired = await call(running, 'GET', `/conversations/${a.conversationId}/activities`, { auth: a.token });
    expect(expired.status).toBe(403);
    expect(expired.json.error.code).toBe('TokenExpired');
    expect((await call(running, 'POST', '/tokens/refresh', { auth: a.token })).status).toBe(403);

    // Idle conversations expire: `a` was last touched more than 300 s ago.
    const b = await generate(running);
    await call(running, 'POST', '/conversations', { auth: b.token });
    const reconnectA = await call(running, 'GET', `/conversations/${a.conversationId}/activities`, { auth: SECRET });
    expect(reconnectA.status).toBe(404);

    // At the cap the least recently used conversation is dropped.
    const c = await generate(running);
    await call(running, 'POST', '/conversations', { auth: c.token });
    now += 1000;
    await call(running, 'GET', `/conversations/${b.conversationId}/activities`, { auth: b.token }); // b is now most recent
    const d = await generate(running);
    await call(running, 'POST', '/conversations', { auth: d.token });
    expect((await call(running, 'GET', `/conversations/${c.conversationId}/activities`, { auth: c.token })).status).toBe(404);
    expect((await call(running, 'GET', `/conversations/${b.conversationId}/activities`, { auth: b.token })).status).toBe(200);
    expect((await call(running, 'GET', `/conversations/${d.conversationId}/activities`, { auth: d.token })).status).toBe(200);
  });

  it('lets the secret holder start and reconnect conversations', async () => {
    const running = await start();
    const started = await call(running, 'POST', '/conversations', { auth: SECRET, body: { user: { id: 'kiosk-1' } } });
    expect(started.status).toBe(201);
    const { conversationId, token } = started.json;
    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    expect(payload).toMatchObject({ conv: conversationId, user: 'kiosk-1' });

    const reconnect = await call(running, 'GET', `/conversations/${conversationId}?watermark=0`, { auth: token });
    expect(reconnect.status).toBe(200);
    expect(reconnect.json.conversationId).toBe(conversationId);

    const posted = await call(running, 'POST', `/conversations/${conversationId}/activities`, {
      auth: SECRET,
      body: { type: 'message', text: 'card', from: { id: 'kiosk-2' } },
    });
    expect(posted.status).toBe(200);
    const list = await call(running, 'GET', `/conversations/${conversationId}/activities`, { auth: SECRET });
    const echo = list.json.activities.find((x: Activity) => x.id === posted.json.id);
    expect(echo.from.id).toBe('kiosk-2');
    const card = list.json.activities.find((x: Activity) => x.replyToId === posted.json.id);
    expect(card.attachments[0].contentType).toBe('application/vnd.microsoft.card.hero');
    expect((await call(running, 'GET', '/conversations/unknown-conversation', { auth: SECRET })).status).toBe(404);
  });

  it('reports a failing bot turn as 502 and keeps the conversation usable', async () => {
    const errors: unknown[] = [];
    const running = await start({ onError: (error) => errors.push(error) });
    const { token, conversationId } = await generate(running);
    await call(running, 'POST', '/conversations', { auth: token });
    const failed = await call(running, 'POST', `/conversations/${conversationId}/activities`, {
      auth: token,
      body: { type: 'message', text: 'boom' },
    });
    expect(failed.status).toBe(502);
    expect(failed.json.error.code).toBe('BotError');
    expect(errors).toHaveLength(1);
    const fine = await call(running, 'POST', `/conversations/${conversationId}/activities`, {
      auth: token,
      body: { type: 'message', text: 'ok' },
    });
    expect(fine.status).toBe(200);
  });

  it('answers CORS only for allowed origins', async () => {
    const running = await start({ allowedOrigins: ['https://portal.qingdao.gov.cn'] });
    const preflight = (origin: string) =>
      fetch(`${running.domain}/conversations`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization' },
      });
    const allowed = await preflight('https://portal.qingdao.gov.cn');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://portal.qingdao.gov.cn');
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    const refused = await preflight('https://evil.example');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();

    const { token } = await generate(running);
    const fromEvil = await call(running, 'POST', '/conversations', { auth: token, headers: { Origin: 'https://evil.example' } });
    expect(fromEvil.status).toBe(403);
    const fromPortal = await call(running, 'POST', '/conversations', {
      auth: token,
      headers: { Origin: 'https://portal.qingdao.gov.cn' },
    });
    expect(fromPortal.status).toBe(201);
    expect(fromPortal.headers.get('access-control-allow-origin')).toBe('https://portal.qingdao.gov.cn');
  });
});

describe('in-process delivery through a real CloudAdapter', () => {
  const conversationUpdate = {
    type: 'conversationUpdate',
    id: 'c|start',
    channelId: 'directline',
    serviceUrl: 'http://localhost/v3/directline',
    conversation: { id: 'c' },
    from: { id: 'u1' },
    recipient: { id: 'bot' },
    membersAdded: [{ id: 'bot' }, { id: 'u1' }],
  } as unknown as Activity;

  it('returns the replies of an unauthenticated adapter', async () => {
    const replies = await unauthenticatedDelivery()(conversationUpdate);
    expect(replies.map((r) => r.text)).toEqual(['您好 u1']);
  });

  it('works when MicrosoftAppId is set, where an empty Authorization header would be refused', async () => {
    const auth = new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppPassword: 'not-used-in-process',
      MicrosoftAppType: 'MultiTenant',
    });
    const adapter = new CloudAdapter(auth);
    await expect(adapter.processActivityDirect('', { ...conversationUpdate }, async () => undefined)).rejects.toThrow(
      /Unauthorized/,
    );
    const deliver = createInProcessDelivery(adapter, new EchoBot(), { appId: '00000000-0000-0000-0000-000000000001' });
    const replies = await deliver({ ...conversationUpdate });
    expect(replies.map((r) => r.text)).toEqual(['您好 u1']);
  });
});
