/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, SECRET, startApp, type RunningApp } from './fixtures';

/**
 * Web Chat in real chromium against the real bot over this server's Direct Line: the
 * demo page, a question and its answer, a suggested action, a user's <script> that must
 * stay text, an award interview to its estimate card, and the embed snippet on another
 * origin (allowed and refused). Any CSP violation fails a test.
 * SCREENSHOT=1 also writes docs/screenshot.png.
 */

const USER_BUBBLE = '.webchat__bubble--from-user';
const BOT_BUBBLE = '.webchat__bubble:not(.webchat__bubble--from-user)';
const SEND_BOX = '[data-id="webchat-sendbox-input"]';
const SUGGESTED_ACTION = '.webchat__suggested-action';

let browser: Browser;
let app: RunningApp;
let portal: TestPortal;
let refusedPortal: TestPortal;

beforeAll(async () => {
  // Two "portals" on other origins; only the first is in ALLOWED_ORIGINS.
  portal = await startTestPortal();
  refusedPortal = await startTestPortal();
  app = await startApp({ allowedOrigins: [portal.origin] });
  portal.assistantUrl = refusedPortal.assistantUrl = app.url;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await portal?.close();
  await refusedPortal?.close();
});

/** A page that records CSP violations and script errors. */
async function openPage(url: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy/.test(message.text())) {
      problems.push(`console: ${message.text()}`);
    }
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await page.goto(url);
  return { page, problems };
}

/** Clicks the suggested action with exactly this title, and waits for it to be sent. */
async function clickAction(page: Page, title: string): Promise<void> {
  const users = await page.locator(USER_BUBBLE).count();
  await page.locator(SUGGESTED_ACTION, { hasText: new RegExp(`^\\s*${title}\\s*$`) }).first().click();
  await page.locator(USER_BUBBLE).nth(users).waitFor();
}

async function send(scope: Page | Frame, text: string): Promise<void> {
  const input = scope.locator(SEND_BOX);
  await input.fill(text);
  await input.press('Enter');
}

/** Waits for a bot bubble after the n-th (0-based) one, and returns its text. */
async function botReplyAfter(scope: Page | Frame, count: number): Promise<string> {
  const reply = scope.locator(BOT_BUBBLE).nth(count);
  await reply.waitFor({ timeout: 30_000 });
  return (await reply.textContent()) ?? '';
}

describe('the demo portal page', () => {
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    ({ page, problems } = await openPage(`${app.url}/`));
  });

  it('shows the portal and a greeting from the bot first', async () => {
    await expect(page.title()).resolves.toBe('青岛市工业互联网政策助手');
    expect(await page.locator('.site-header__title').textContent()).toBe('青岛市工业互联网政策助手');
    const greeting = await botReplyAfter(page, 0);
    expect(greeting.length).toBeGreaterThan(5);
    expect(await page.locator(USER_BUBBLE).count()).toBe(0);
  });

  it('answers a typed question, citing the measure', async () => {
    const before = await page.locator(BOT_BUBBLE).count();
    await send(page, '两化融合项目补贴多少');
    await page.locator(USER_BUBBLE, { hasText: '两化融合项目补贴多少' }).waitFor();
    const answer = await botReplyAfter(page, before);
    expect(answer).toContain('（八）推进两化深度融合');
    // Neither "正在发送" nor "发送失败": the echo came back with its id and clientActivityID.
    await page.waitForTimeout(500);
    expect(await page.locator('.webchat__activity-status--sending').count()).toBe(0);
    expect(await page.locator('#webchat').textContent()).not.toContain('发送失败');
    await screenshot(page);
  });

  it('sends a suggested action when clicked and shows the reply', async () => {
    const action = page.locator(SUGGESTED_ACTION).first();
    await action.waitFor();
    const title = ((await action.textContent()) ?? '').trim();
    expect(title).not.toBe('');
    const users = await page.locator(USER_BUBBLE).count();
    const bots = await page.locator(BOT_BUBBLE).count();
    await action.click();
    await page.locator(USER_BUBBLE).nth(users).waitFor();
    expect((await page.locator(USER_BUBBLE).nth(users).textContent())?.trim()).toBe(title);
    await botReplyAfter(page, bots);
  });

  it('keeps a typed <script> as text', async () => {
    const payloads = ['<script>window.__pwned=1</script>', '<img src=x onerror="window.__pwned=2">'];
    for (const payload of payloads) {
      const users = await page.locator(USER_BUBBLE).count();
      const bots = await page.locator(BOT_BUBBLE).count();
      await send(page, payload);
      const bubble = page.locator(USER_BUBBLE).nth(users);
      await bubble.waitFor();
      expect((await bubble.textContent())?.trim()).toBe(payload);
      await botReplyAfter(page, bots); // the bot's answer may quote it: that must stay text too
    }
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('#webchat script, #webchat img[src="x"]').count()).toBe(0);
  });

  it('ran without CSP violations or script errors', async () => {
    expect(problems).toEqual([]);
  });

});

describe('an award interview in Web Chat, to its estimate card', () => {
  it('answers by button and by typing, corrects a bare number, and shows the card with amount, formula and conditions', async () => {
    const { page, problems } = await openPage(`${app.url}/chat`);
    await botReplyAfter(page, 0);

    await send(page, '我想算一下两化融合能拿多少');
    await page.locator(BOT_BUBBLE, { hasText: '贵企业是否属于中小企业？' }).waitFor({ timeout: 30_000 });
    await clickAction(page, '是');
    await page.locator(BOT_BUBBLE, { hasText: '该项目是否已在申报年度内竣工（上线）？' }).waitFor({ timeout: 30_000 });
    await send(page, '對');
    await page.locator(BOT_BUBBLE, { hasText: '（单位：万元或元）' }).waitFor({ timeout: 30_000 });
    // A bare 300: the bot asks whether 万元 was meant, with a button for each reading.
    await send(page, '300');
    await page.locator(BOT_BUBBLE, { hasText: '您是指300万元吗？' }).waitFor({ timeout: 30_000 });
    await clickAction(page, '300万元');
    await page.locator(BOT_BUBBLE, { hasText: '请核对您的回答' }).waitFor({ timeout: 30_000 });
    expect(await page.locator(BOT_BUBBLE).last().textContent()).toContain('3,000,000 元');
    await clickAction(page, '确认');

    const card = page.locator('.webchat__bubble .ac-adaptiveCard', { hasText: '估算结果：两化融合项目奖补' });
    await card.waitFor({ timeout: 30_000 });
    const shown = (await card.innerText()).replace(/\s+/g, ' ');
    expect(shown).toContain('措施（八）推进两化深度融合');
    expect(shown).toContain('可获约 600,000.00 元（60万元），一次性');
    expect(shown).toContain('3,000,000 × 20% = 600,000；未超过上限 2,000,000');
    expect(shown).toContain('所填：3,000,000 元 要求：≥ 500,000 元');
    expect(shown).toContain('市工业和信息化局');
    expect(shown).toContain('按原政策口径测算，仅供参考');
    expect(await card.locator('text=✔').count()).toBe(3);

    // A correction after the result recomputes, and the new card says what changed.
    const cards = await page.locator('.webchat__bubble .ac-adaptiveCard').count();
    await send(page, '投资额其实是250万');
    await page.locator('.webchat__bubble .ac-adaptiveCard').nth(cards).waitFor({ timeout: 30_000 });
    const corrected = (await page.locator('.webchat__bubble .ac-adaptiveCard').nth(cards).innerText()).replace(/\s+/g, ' ');
    expect(corrected).toContain('可获约 500,000.00 元（50万元）');
    expect(corrected).toContain('投资额：3,000,000 元 → 2,500,000 元');
    expect(problems).toEqual([]);
    mkdirSync(join(tmpdir(), 'qd-assistant-e2e'), { recursive: true });
    await page.screenshot({ path: join(tmpdir(), 'qd-assistant-e2e', 'estimate-card.png') });
    await page.close();
  });
});

describe('the embed snippet on another portal', () => {
  it('opens the assistant in an iframe with a token from the portal back end', async () => {
    const { page, problems } = await openPage(`${portal.origin}/`);
    const button = page.locator('button', { hasText: '政策助手' });
    await button.click();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    const frame = await waitForChatFrame(page);
    await botReplyAfter(frame, 0);
    await send(frame, '两化融合项目补贴多少');
    expect(await botReplyAfter(frame, 1)).toContain('（八）推进两化深度融合');
    expect(portal.tokensIssued).toBe(1); // the iframe used the portal's token, not the demo endpoint
    expect(problems).toEqual([]);
    mkdirSync(join(tmpdir(), 'qd-assistant-e2e'), { recursive: true });
    await page.screenshot({ path: join(tmpdir(), 'qd-assistant-e2e', 'embed.png') });
    await page.close();
  });

  it('is refused by the browser on a portal that is not allowed', async () => {
    const { page } = await openPage(`${refusedPortal.origin}/`);
    await page.locator('button', { hasText: '政策助手' }).click();
    await page.waitForTimeout(2000);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(frame?.url()).toMatch(/^chrome-error:/); // frame-ancestors blocked it
    expect(refusedPortal.tokensIssued).toBe(0);
    await page.close();
  });
});

/** Into the tmp dir always; into docs/screenshot.png with SCREENSHOT=1. */
async function screenshot(page: Page): Promise<void> {
  const dir = join(tmpdir(), 'qd-assistant-e2e');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, 'portal.png') });
  if (process.env.SCREENSHOT === '1') {
    mkdirSync(join(__dirname, '..', '..', 'docs'), { recursive: true });
    await page.screenshot({ path: join(__dirname, '..', '..', 'docs', 'screenshot.png') });
  }
}

async function waitForChatFrame(page: Page): Promise<Frame> {
  for (let i = 0; i < 100; i++) {
    const frame = page.frames().find((f) => f.url().includes('/chat'));
    if (frame && (await frame.locator('#webchat').count()) > 0) return frame;
    await page.waitForTimeout(100);
  }
  throw new Error('chat iframe did not load');
}

interface TestPortal {
  origin: string;
  assistantUrl: string;
  tokensIssued: number;
  close(): Promise<void>;
}

/**
 * A portal on another origin: its page carries the one-line snippet, and its back end
 * trades the Direct Line secret for a token, as a real portal back end would.
 */
async function startTestPortal(): Promise<TestPortal> {
  const state = { origin: '', assistantUrl: '', tokensIssued: 0 } as TestPortal;
  const server: Server = createServer(async (req, res) => {
    if (req.method === 'POST' && req.url === '/assistant-token') {
      const response = await fetch(`${state.assistantUrl}/v3/directline/tokens/generate`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${SECRET}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ user: { id: 'dl_portal-visitor' } }),
      });
      state.tokensIssued += 1;
      res.writeHead(response.status, { 'Content-Type': 'application/json' });
      res.end(await response.text());
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>某区政务网</title></head>
<body><h1>某区人民政府</h1><p>政务公开</p>
<script src="${state.assistantUrl}/embed.js" data-token-url="/assistant-token" async></script></body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}
