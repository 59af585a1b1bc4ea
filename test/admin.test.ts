import { afterEach, describe, expect, it } from 'vitest';
import type { InsightEvent } from '../src/insights/events';
import { listeningApp } from './support/server';

const TOKEN = 'admin-token-0123456789abcdef';
type Running = Awaited<ReturnType<typeof listeningApp>>;
const running: Running[] = [];
async function start(overrides: Parameters<typeof listeningApp>[0] = {}) {
  const app = await listeningApp({ ADMIN_TOKEN: TOKEN, ...overrides });
  running.push(app);
  return app;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.close()));
});

const login = (base: string, token: string) =>
  fetch(`${base}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });

describe('/admin', () => {
  it('does not exist without ADMIN_TOKEN', async () => {
    const { base } = await start({ ADMIN_TOKEN: '' });
    expect((await fetch(`${base}/admin`)).status).toBe(404);
    expect((await fetch(`${base}/admin/api/summary`)).status).toBe(404);
  });

  it('refuses without the token and with a wrong one (401), and is never framed', async () => {
    const { base } = await start();
    const page = await fetch(`${base}/admin`);
    expect(page.status).toBe(401);
    expect(await page.text()).toContain('管理令牌');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect((await fetch(`${base}/admin/api/summary`)).status).toBe(401);
    expect((await fetch(`${base}/admin/api/summary`, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401);
    expect((await login(base, 'wrong-token-0123456789')).status).toBe(401);
  });

  it('rate-limits guesses at the token', async () => {
    const { base } = await start({ RATE_LIMIT_ADMIN_LOGIN: 3 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await login(base, `guess-${i}-0123456789abcdef`)).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect((await login(base, TOKEN)).status).toBe(429); // even the right one waits
  });

  it('signs in with the token, then shows the figures of a date range and exports them as CSV', async () => {
    const { app, base } = await start();
    const at = (day: string) => Date.parse(`${day}T10:00:00+08:00`);
    const events: InsightEvent[] = [
      { kind: 'turn', at: at('2026-11-01'), channel: 'directline', conversation: 'a', id: 't1', outcome: 'answered', measure: 8, score: 0.8 },
      { kind: 'turn', at: at('2026-11-01'), channel: 'directline', conversation: 'a', id: 't2', outcome: 'not-found', question: '首台套保险补偿有吗' },
      { kind: 'turn', at: at('2026-11-03'), channel: 'directline', conversation: 'b', id: 't3', outcome: 'answered', measure: 6 },
    ];
    await app.store.insights.append(events);
    const signedIn = await login(base, TOKEN);
    expect(signedIn.status).toBe(200);
    const cookie = signedIn.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^qd_admin=[^;]+; Path=\/admin; HttpOnly; SameSite=Strict/);
    const session = { cookie: cookie.split(';')[0] };
    const dashboard = await fetch(`${base}/admin`, { headers: session });
    expect(dashboard.status).toBe(200);
    expect(await dashboard.text()).toContain('/admin/assets/echarts.min.js');
    const summary = await (await fetch(`${base}/admin/api/summary?from=2026-11-01&to=2026-11-02`, { headers: session })).json();
    expect(summary.totals).toMatchObject({ turns: 2, answered: 1, notFound: 1 });
    expect(summary.measureNames['8']).toBe('（八）推进两化深度融合');
    const csv = await fetch(`${base}/admin/api/export/top-measures.csv?from=2026-11-01&to=2026-11-03`, { headers: session });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toContain('attachment; filename="top-measures_2026-11-01_2026-11-03.csv"');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM spreadsheet programs look for
    expect(bytes.subarray(3).toString('utf8').split('\r\n')).toEqual(['措施,名称,回答次数,平均匹配度,有帮助,没帮助', '6,（六）支持企业用户上云用平台,1,,0,0', '8,（八）推进两化深度融合,1,0.8,0,0', '']);
    expect((await fetch(`${base}/admin/api/summary?from=2026-11-05&to=2026-11-01`, { headers: session })).status).toBe(400);
    expect((await fetch(`${base}/admin/api/export/secrets.csv`, { headers: session })).status).toBe(404);
    const bearer = await fetch(`${base}/admin/api/summary?from=2026-11-01&to=2026-11-03`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect((await bearer.json()).totals.turns).toBe(3);
  });

  it('serves ECharts from this server, not a CDN', async () => {
    const { base } = await start();
    const script = await fetch(`${base}/admin/assets/echarts.min.js`);
    expect(script.status).toBe(200);
    expect((await script.text()).length).toBeGreaterThan(500_000);
  });
});
