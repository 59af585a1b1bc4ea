/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app';
import { CHROMIUM_ARGS } from './fixtures';
import { seedConversations, type Seeded } from './seed';

/**
 * The operator dashboard in real chromium: sign in with the token, charts drawn with the
 * data of 200 seeded conversations, a date filter, a CSV download whose rows match what
 * was seeded, and no CSP violation. SCREENSHOT=1 also writes docs/admin.png.
 */
const TOKEN = 'e2e-admin-token-0123456789';
let browser: Browser;
let app: App;
let url: string;
let seeded: Seeded;

beforeAll(async () => {
  app = await createApp({ STORAGE: 'memory', ADMIN_TOKEN: TOKEN, RATE_LIMIT_MESSAGES: 100_000 });
  seeded = await seedConversations(app);
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => app?.server.close(() => resolve()));
});

async function signedInPage(width = 1280): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // The sign-in page itself answers 401 (no session yet): expected, not a problem.
    if (/status of 401/.test(message.text()) && message.location().url.endsWith('/admin')) return;
    if (message.type() === 'error' || /Content Security Policy/.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`Content Security Policy violation: ${event.violatedDirective}`));
  });
  await page.goto(`${url}/admin`);
  await page.locator('#token').fill(TOKEN);
  await page.locator('#login button[type="submit"]').click();
  await page.waitForSelector('body[data-loaded]');
  return { page, problems };
}

const chartSeries = (page: Page, id: string) =>
  page.evaluate((chartId) => {
    const chart = (window as unknown as { echarts: { getInstanceByDom(el: Element): { getOption(): { series: { name: string; data: number[] }[] } } } }).echarts.getInstanceByDom(document.getElementById(chartId)!);
    return chart.getOption().series.map((s) => ({ name: s.name, data: s.data }));
  }, id);

describe('the operator dashboard', () => {
  it('refuses a wrong token in the browser', async () => {
    const page = await browser.newPage();
    await page.goto(`${url}/admin`);
    await page.locator('#token').fill('not-the-token-0123456789');
    await page.locator('#login button[type="submit"]').click();
    await expect.poll(() => page.locator('#login-error').textContent()).toContain('令牌不正确');
    await page.close();
  });

  it('draws the seeded conversations, filters by date and exports a CSV that matches them', async () => {
    const { page, problems } = await signedInPage();
    const [first, , , , last] = seeded.days;
    await page.locator('#from').fill(first);
    await page.locator('#to').fill(last);
    await page.locator('#range button[type="submit"]').click();
    await page.waitForSelector(`body[data-loaded="${first}..${last}"]`);

    const expected = [...seeded.perDay.values()];
    const sum = (key: 'answered' | 'askedWhich' | 'notFound' | 'turns') => expected.reduce((n, d) => n + d[key], 0);
    expect(await page.locator('#total-turns').textContent()).toBe(String(sum('turns')));
    expect(await page.locator('#total-answered').textContent()).toBe(String(sum('answered')));
    expect(await page.locator('#total-not-found').textContent()).toBe(String(sum('notFound')));
    const perDay = await chartSeries(page, 'chart-per-day');
    expect(perDay.map((s) => s.name)).toEqual(['已回答', '请用户选择', '未找到']);
    expect(perDay[0].data).toEqual(expected.map((d) => d.answered));
    expect(perDay[2].data).toEqual(expected.map((d) => d.notFound));
    const interviews = await chartSeries(page, 'chart-interviews');
    expect(interviews.map((s) => s.data[0])).toEqual([seeded.interviews.started, seeded.interviews.completed, seeded.interviews.abandoned]);
    const ratings = await chartSeries(page, 'chart-ratings');
    expect(ratings[0].data.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(await page.locator('#table-unanswered tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('#table-comments tbody').textContent()).toContain('希望能写明申报流程和时间');
    // Every chart has drawn on its canvas.
    for (const id of ['chart-per-day', 'chart-measures', 'chart-interviews', 'chart-ratings']) {
      expect(await page.locator(`#${id} canvas`).count(), id).toBeGreaterThan(0);
    }

    if (process.env.SCREENSHOT) {
      await page.screenshot({ path: join(__dirname, '..', '..', 'docs', 'admin.png'), fullPage: true });
    }

    // The last two days only.
    await page.locator('#from').fill(seeded.days[3]);
    await page.locator('#range button[type="submit"]').click();
    await page.waitForSelector(`body[data-loaded="${seeded.days[3]}..${last}"]`);
    const lastTwo = expected.slice(3);
    expect(await page.locator('#total-turns').textContent()).toBe(String(lastTwo.reduce((n, d) => n + d.turns, 0)));

    // The per-day table as CSV, downloaded by the browser.
    const download = page.waitForEvent('download');
    await page.locator('a.export[data-table="per-day"]').click();
    const file = await (await download).path();
    const rows = readFileSync(file, 'utf8').replace(/^\ufeff/, '').trim().split('\r\n');
    expect(rows[0]).toBe('日期,已回答,请用户选择措施,未找到,全部轮次');
    expect(rows.slice(1)).toEqual(
      seeded.days.slice(3).map((day) => {
        const d = seeded.perDay.get(day)!;
        return [day, d.answered, d.askedWhich, d.notFound, d.turns].join(',');
      }),
    );
    expect(problems).toEqual([]);
    await page.close();
  });

  it('reads on a phone: one column, no horizontal scrolling', async () => {
    const { page, problems } = await signedInPage(390);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    const [a, b] = await page.locator('main > section').evaluateAll((sections) => sections.slice(1, 3).map((s) => s.getBoundingClientRect().left));
    expect(a).toBe(b); // stacked
    expect(problems).toEqual([]);
    await page.close();
  });
});
