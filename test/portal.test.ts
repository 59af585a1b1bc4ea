import { statSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import restify from 'restify';
import { afterEach, describe, expect, it } from 'vitest';
import { registerDirectLine } from '../src/directline';
import { registerPortal, type PortalOptions } from '../src/portal';
import { webChatBundle } from '../src/portal/static-files';

const PORTAL = 'https://www.qingdao.gov.cn';
const closers: (() => Promise<void>)[] = [];

afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function start(options: Partial<PortalOptions> = {}, { withIssuer = true } = {}): Promise<string> {
  const server = restify.createServer();
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ mapParams: false }));
  const directLine = registerDirectLine(server, {
    deliver: async () => [],
    secret: 'portal-test-secret-0123456789',
    allowedOrigins: options.allowedOrigins ?? [PORTAL],
  });
  registerPortal(server, {
    allowedOrigins: [PORTAL],
    ...(withIssuer ? { demoTokenIssuer: () => directLine.generateToken() } : {}),
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** GET without fetch's automatic decompression, to see what goes over the wire. */
function rawGet(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (resolve, reject) => {
      request(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
        .on('error', reject)
        .end();
    },
  );
}

function pageConfig(html: string) {
  const content = /<meta name="qd-assistant-config" content="([^"]*)">/.exec(html)?.[1] ?? '';
  return JSON.parse(content.replaceAll('&quot;', '"').replaceAll('&amp;', '&'));
}

describe('pages', () => {
  it('serves the demo page and the chat page with a strict CSP that follows the config', async () => {
    const url = await start();
    for (const path of ['/', '/chat']) {
      const response = await fetch(url + path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain(`frame-ancestors 'self' ${PORTAL}`);
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain("default-src 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBeNull(); // CSP frame-ancestors decides
      expect(response.headers.get('cache-control')).toBe('no-store');

      const html = await response.text();
      const config = pageConfig(html);
      expect(csp).toContain(`'nonce-${config.nonce}'`);
      expect(config).toMatchObject({ tokenUrl: '/api/webchat/token', allowedOrigins: [PORTAL], directLineDomain: null });
      expect(html).toContain(`/assets/webchat.js?v=${webChatBundle().version}`);
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/); // no inline scripts
      expect(html).not.toMatch(/https?:\/\/(?!本站地址)[^"'\s]*\.(js|css)/); // nothing from a CDN
    }
    const again = pageConfig(await (await fetch(url + '/')).text());
    const first = pageConfig(await (await fetch(url + '/')).text());
    expect(again.nonce).not.toBe(first.nonce);
  });

  it('allows framing only by the configured portals', async () => {
    const none = await start({ allowedOrigins: [] });
    const page = await fetch(none + '/chat');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'self';");
    expect(page.headers.get('x-frame-options')).toBe('SAMEORIGIN');

    const two = await start({ allowedOrigins: ['https://a.qingdao.gov.cn/', 'http://b.example:8080'] });
    expect((await fetch(two + '/chat')).headers.get('content-security-policy')).toContain(
      "frame-ancestors 'self' https://a.qingdao.gov.cn http://b.example:8080;",
    );
  });

  it('points Web Chat at another Direct Line domain when configured', async () => {
    const url = await start({ directLineDomain: 'https://dl.qingdao.gov.cn/v3/directline/' });
    const response = await fetch(url + '/');
    expect(response.headers.get('content-security-policy')).toContain("connect-src 'self' https://dl.qingdao.gov.cn;");
    expect(pageConfig(await response.text()).directLineDomain).toBe('https://dl.qingdao.gov.cn/v3/directline');
  });

  it('refuses origins that are not origins', async () => {
    await expect(start({ allowedOrigins: ['*'] })).rejects.toThrow(/Allowed origin/);
    await expect(start({ allowedOrigins: ['https://a.gov.cn/path'] })).rejects.toThrow(/path/);
  });
});

describe('scripts and styles', () => {
  it('serves Web Chat from node_modules with caching headers, gzip and ETag', async () => {
    const url = await start();
    const size = statSync(webChatBundle().path).size;
    const plain = await rawGet(`${url}/assets/webchat.js`);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-type']).toBe('application/javascript; charset=utf-8');
    expect(plain.headers['cache-control']).toBe('public, max-age=86400');
    expect(plain.body.length).toBe(size);

    const gzipped = await rawGet(`${url}/assets/webchat.js`, { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers.vary).toContain('Accept-Encoding');
    expect(gzipped.body.length).toBeLessThan(size / 2);
    expect(gunzipSync(gzipped.body).length).toBe(size);

    const etag = String(plain.headers.etag);
    const cached = await rawGet(`${url}/assets/webchat.js`, { 'If-None-Match': etag });
    expect(cached.status).toBe(304);
    expect(cached.body.length).toBe(0);
  });

  it('serves the embed snippet and the page assets with their types', async () => {
    const url = await start();
    const embed = await fetch(`${url}/embed.js`);
    expect(embed.status).toBe(200);
    expect(embed.headers.get('content-type')).toBe('application/javascript; charset=utf-8');
    expect(embed.headers.get('cache-control')).toBe('public, max-age=300');
    expect(embed.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(await embed.text()).toContain('data-token-url');

    expect((await fetch(`${url}/assets/chat.js`)).headers.get('content-type')).toBe('application/javascript; charset=utf-8');
    expect((await fetch(`${url}/assets/portal.css`)).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });
});

describe('demo token endpoint', () => {
  const post = (url: string, headers: Record<string, string> = {}) =>
    fetch(`${url}/api/webchat/token`, { method: 'POST', headers });

  it('issues a Direct Line token to this server’s pages and allowed portals only', async () => {
    const url = await start();
    const own = await post(url, { Origin: url });
    expect(own.status).toBe(200);
    expect(own.headers.get('cache-control')).toBe('no-store');
    const ticket = (await own.json()) as { token: string };
    expect(ticket).toMatchObject({ conversationId: expect.any(String), token: expect.any(String), expires_in: 3600 });

    // The token works on the Direct Line routes.
    const started = await fetch(`${url}/v3/directline/conversations`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${ticket.token}` },
    });
    expect(started.status).toBe(201);

    const allowed = await post(url, { Origin: PORTAL });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(allowed.headers.get('vary')).toContain('Origin');

    const refused = await post(url, { Origin: 'https://phishing.example' });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('OriginNotAllowed');
  });

  it('answers CORS preflight for allowed origins only', async () => {
    const url = await start();
    const preflight = (origin: string) =>
      fetch(`${url}/api/webchat/token`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
      });
    const allowed = await preflight(PORTAL);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(allowed.headers.get('access-control-allow-methods')).toContain('POST');
    const refused = await preflight('https://phishing.example');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('is off without an issuer, and the pages then expect a token from the embedding portal', async () => {
    const url = await start({}, { withIssuer: false });
    expect((await post(url)).status).toBe(404);
    expect(pageConfig(await (await fetch(`${url}/chat`)).text()).tokenUrl).toBeNull();
  });
});
