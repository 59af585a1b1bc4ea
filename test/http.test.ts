import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listeningApp } from './support/server';

let base: string;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ base, close } = await listeningApp());
});
afterAll(() => close());

const search = (query: string) => fetch(`${base}/api/search${query}`);

describe('POST /api/messages', () => {
  it('answers in the response body when deliveryMode is expectReplies', async () => {
    const response = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: 'm1',
        text: '数字化车间有奖励吗',
        from: { id: 'user-1' },
        recipient: { id: 'bot' },
        conversation: { id: 'http-conversation-1' },
        channelId: 'test',
        serviceUrl: 'http://127.0.0.1:9/unused',
        deliveryMode: 'expectReplies',
      }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { activities: { text: string }[] };
    expect(body.activities[0].text).toContain('措施（三）开展场景示范应用');
    expect(body.activities[0].text).toContain('300万元、100万元、50万元奖励');
  });

  it('refuses a body that is not an activity', async () => {
    const response = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string } };
    expect(body.error.code).toBe('invalid-activity');
  });
});

describe('GET /api/search', () => {
  it('returns ranked measures with number, title, section, score and snippet', async () => {
    const response = await search(`?q=${encodeURIComponent('标识解析项目有什么奖励')}&limit=3`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { query: string; results: Record<string, unknown>[] };
    expect(body.query).toBe('标识解析项目有什么奖励');
    expect(body.results[0]).toMatchObject({
      measure: 9,
      number: '（九）',
      title: '推进工业互联网标识解析体系建设',
      section: '三、发展全链条的工业互联网体系',
    });
    expect(body.results[0].score).toBeGreaterThan(0);
    expect(body.results[0].snippet).toContain('中央财政资金的5%');
    expect(body.results.length).toBeLessThanOrEqual(3);
  });

  it('returns no results for a question outside the notice', async () => {
    const body = (await (await search(`?q=${encodeURIComponent('个人所得税怎么申报')}`)).json()) as { results: unknown[] };
    expect(body.results).toEqual([]);
  });

  it.each([
    ['', 'q is required'],
    ['?q=', 'q must not be empty'],
    [`?q=${'补'.repeat(501)}`, 'q must be at most 500 characters'],
    ['?q=补贴&limit=abc', 'limit'],
  ])('answers %s with a JSON 400', async (query, message) => {
    const response = await search(query);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/json');
    const body = (await response.json()) as { error: { code: string; message: string; issues: { path: string[] }[] } };
    expect(body.error.code).toBe('invalid-query');
    expect(JSON.stringify(body.error)).toContain(message);
  });
});

describe('GET /healthz', () => {
  it('is 200 once the index is built', async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', measures: 20 });
  });
});
