import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dayOf } from '../src/insights/events';
import { HISTORY_LIMITS } from '../src/state';
import { SqliteStore } from '../src/state/sqlite';
import { startChildServer, tempDataDir, type ChildServer } from './support/child-server';
import { redisAvailable, sharedRedisUrl, startRedis, type TestRedis } from './support/redis';

/**
 * Conversations that survive restarts (SIGKILL) and run on several instances: the real
 * server in child processes, on a real SQLite file and a real Redis server.
 */
const SECRET = 'persistence-secret-0123456789abcdef';
const running: ChildServer[] = [];
async function server(env: Record<string, string>): Promise<ChildServer> {
  const started = await startChildServer({ DIRECTLINE_SECRET: SECRET, ...env });
  running.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

/** Text a user reads of the replies: message text and the text of cards. */
function rendered(activities: { text?: string; attachments?: { content?: unknown }[] }[]): string {
  const cardText = (node: unknown): string[] =>
    Array.isArray(node) ? node.flatMap(cardText)
    : node && typeof node === 'object'
      ? Object.entries(node).flatMap(([key, value]) => (typeof value === 'string' && ['text', 'title', 'value'].includes(key) ? [value] : cardText(value)))
      : [];
  return activities.map((a) => [a.text ?? '', ...(a.attachments ?? []).flatMap((att) => cardText(att.content))].join('\n')).join('\n');
}

/** One user turn through /api/messages (the Emulator's way), replies in the answer. */
async function say(base: string, conversation: string, text: string): Promise<string> {
  const response = await fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message', id: `m-${Date.now()}`, text, channelId: 'emulator', serviceUrl: 'http://127.0.0.1:9/unused',
      from: { id: 'user' }, recipient: { id: 'bot' }, conversation: { id: conversation }, deliveryMode: 'expectReplies',
    }),
  });
  expect(response.status, `${text} → ${response.status}`).toBe(200);
  return rendered((await response.json()).activities);
}

/** A Web Chat (Direct Line) conversation: a token from the demo endpoint, posts and polls. */
async function openWebChat(base: string) {
  const { token, conversationId } = await (await fetch(`${base}/api/webchat/token`, { method: 'POST' })).json();
  const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  expect((await fetch(`${base}/v3/directline/conversations`, { method: 'POST', headers: auth })).status).toBe(201);
  return { token, conversationId, auth };
}
async function post(base: string, chat: { conversationId: string; auth: Record<string, string> }, text: string) {
  const response = await fetch(`${base}/v3/directline/conversations/${chat.conversationId}/activities`, {
    method: 'POST',
    headers: chat.auth,
    body: JSON.stringify({ type: 'message', from: { id: 'ignored' }, text }),
  });
  expect(response.status).toBe(200);
}
async function poll(base: string, chat: { conversationId: string; auth: Record<string, string> }, watermark: string) {
  const response = await fetch(`${base}/v3/directline/conversations/${chat.conversationId}/activities?watermark=${watermark}`, {
    headers: chat.auth,
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { activities: { id: string; text?: string; from: { role?: string }; attachments?: { content?: unknown }[] }[]; watermark: string };
}

/**
 * Answers an interview whatever the order of its questions: each reply's question is
 * matched against the patterns, and the answer of the first that fits is sent.
 */
async function answerInterview(next: (text: string) => Promise<string>, firstReply: string, answers: [RegExp, string][], until: RegExp) {
  let reply = firstReply;
  for (let turns = 0; !until.test(reply); turns++) {
    expect(turns, `no end after:\n${reply}`).toBeLessThan(10);
    const question = reply.split('\n').filter((line) => /[？?]/.test(line)).pop() ?? '';
    const answer = answers.find(([pattern]) => pattern.test(question));
    expect(answer, `no answer for: ${question}`).toBeDefined();
    reply = await next(answer![1]);
  }
  return reply;
}

/** The two-integration interview: 2 answers, a restart, then the rest. */
async function interviewAcrossRestart(start: () => Promise<ChildServer>) {
  const conversation = `restart-${Date.now()}`;
  let instance = await start();
  expect(await say(instance.base, conversation, '帮我估算两化融合补贴')).toMatch(/第1题.*中小企业/s);
  expect(await say(instance.base, conversation, '是')).toMatch(/第2题/);
  expect(await say(instance.base, conversation, '是')).toMatch(/第3题.*投资额/s);
  instance.child.kill('SIGKILL'); // a crash, or a deploy that does not wait
  await new Promise((resolve) => instance.child.once('exit', resolve));
  instance = await start();
  expect(await say(instance.base, conversation, '300万')).toMatch(/请核对/);
  const result = await say(instance.base, conversation, '确认');
  expect(result).toMatch(/600,000\.00 元/);
  expect(result).toMatch(/措施（八）/);
}

describe('with SQLite (the default)', () => {
  it('resumes an interview after the server is killed, and ends with the right amount', async () => {
    const env = { STORAGE: 'sqlite', DATA_DIR: tempDataDir() };
    let port = '';
    await interviewAcrossRestart(async () => {
      const instance = await server({ ...env, ...(port ? { PORT: port } : {}) });
      port = String(instance.port);
      return instance;
    });
  });

  it('lets a Web Chat conversation go on after a restart, with its history', async () => {
    const env = { STORAGE: 'sqlite', DATA_DIR: tempDataDir() };
    const first = await server(env);
    const chat = await openWebChat(first.base);
    await post(first.base, chat, '两化融合项目补贴多少');
    const before = await poll(first.base, chat, '');
    expect(rendered(before.activities)).toMatch(/措施（八）/);
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));

    const second = await server({ ...env, PORT: String(first.port) });
    const history = await poll(second.base, chat, ''); // a reloaded page asks for everything
    expect(history.activities.map((a) => a.id)).toEqual(before.activities.map((a) => a.id));
    await post(second.base, chat, '这条的责任单位是谁');
    const after = await poll(second.base, chat, before.watermark);
    expect(rendered(after.activities)).toMatch(/工业和信息化局/);
    expect(Number(after.watermark)).toBeGreaterThan(Number(before.watermark));
  });

  it('writes the buffered insights before it exits on SIGTERM', async () => {
    const dataDir = tempDataDir();
    const instance = await server({ STORAGE: 'sqlite', DATA_DIR: dataDir });
    await say(instance.base, `insights-${Date.now()}`, '首台套保险补偿有吗');
    const exited = new Promise((resolve) => instance.child.once('exit', resolve));
    instance.child.kill('SIGTERM');
    await exited;
    const store = SqliteStore.open(dataDir, { maxConversations: 10, maxConversationsPerClient: 10, idleExpirySeconds: 3600, ...HISTORY_LIMITS });
    const today = dayOf(Date.now());
    const events = await store.insights.between(dayOf(Date.now() - 24 * 3600_000), today);
    await store.close();
    expect(events.find((e) => e.kind === 'turn')).toMatchObject({ outcome: 'not-found', question: '首台套保险补偿有吗' });
  });

  it('answers 10 turns sent at once on one conversation, none lost, no 5xx', async () => {
    const instance = await server({ STORAGE: 'sqlite', DATA_DIR: tempDataDir() });
    const chat = await openWebChat(instance.base);
    const questions = ['第一条', '第二条', '第三条', '第四条', '第五条', '第六条', '第七条', '第八条', '第九条', '第十条'];
    const statuses = await Promise.all(
      questions.map((text) =>
        fetch(`${instance.base}/v3/directline/conversations/${chat.conversationId}/activities`, {
          method: 'POST',
          headers: chat.auth,
          body: JSON.stringify({ type: 'message', from: { id: 'x' }, text }),
        }).then((r) => r.status),
      ),
    );
    expect(statuses).toEqual(questions.map(() => 200));
    const { activities } = await poll(instance.base, chat, '');
    const ids = activities.map((a) => Number(a.id.split('|')[1]));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const answers = activities.filter((a) => a.from.role === 'bot').map((a) => a.text ?? '');
    for (const number of ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']) {
      expect(answers.some((text) => text.includes(`措施（${number}）`)), number).toBe(true);
    }
  });
});

describe.runIf(redisAvailable())('with Redis', () => {
  let redisUrl: string;
  beforeAll(async () => {
    redisUrl = await sharedRedisUrl(2);
  });

  it('resumes an interview after the server is killed, and ends with the right amount', async () => {
    await interviewAcrossRestart(() => server({ STORAGE: 'redis', REDIS_URL: redisUrl }));
  });

  it('runs one interview whose turns alternate between two instances', async () => {
    const [a, b] = await Promise.all([server({ STORAGE: 'redis', REDIS_URL: redisUrl }), server({ STORAGE: 'redis', REDIS_URL: redisUrl })]);
    const conversation = `two-instances-${Date.now()}`;
    let turn = 0;
    const alternate = (text: string) => say(++turn % 2 === 0 ? a.base : b.base, conversation, text);
    const first = await say(a.base, conversation, '帮我估算平台服务商奖补');
    const summary = await answerInterview(
      alternate,
      first,
      [
        [/名录/, '是'],
        [/多少家|家数|企业数/, '72家'],
        [/收入/, '1800万'],
      ],
      /请核对/,
    );
    expect(summary).toMatch(/72/);
    const result = await alternate('确认');
    expect(result).toMatch(/3,600,000\.00 元/); // 1800万 × 20% = 360万, under the 500万 cap
    expect(result).toMatch(/措施（六）/);
    expect(turn).toBeGreaterThanOrEqual(4); // both instances answered turns of it
  });

  it('answers 10 turns sent at once to one conversation through two instances, none lost, no 5xx', async () => {
    const [a, b] = await Promise.all([server({ STORAGE: 'redis', REDIS_URL: redisUrl }), server({ STORAGE: 'redis', REDIS_URL: redisUrl })]);
    const conversation = `parallel-${Date.now()}`;
    const questions = ['第一条', '第二条', '第三条', '第四条', '第五条', '第六条', '第七条', '第八条', '第九条', '第十条'];
    const replies = await Promise.all(questions.map((text, i) => say(i % 2 === 0 ? a.base : b.base, conversation, text)));
    replies.forEach((reply, i) => expect(reply, questions[i]).toMatch(/措施（[一二三四五六七八九十]+）/));
    expect(replies.join('\n')).not.toMatch(/出错了/);
  });

  it('shows a Web Chat whose posts and polls alternate between instances every reply once, in order', async () => {
    const [a, b] = await Promise.all([server({ STORAGE: 'redis', REDIS_URL: redisUrl }), server({ STORAGE: 'redis', REDIS_URL: redisUrl })]);
    const chat = await openWebChat(a.base); // the token, signed with the shared secret, works on both
    const seen: { id: string; text?: string; from: { role?: string } }[] = [];
    let watermark = '';
    const questions = ['两化融合项目补贴多少', '企业上云有什么补贴', '5G基站建设有什么支持', '标识解析项目有什么奖励'];
    for (const [i, question] of questions.entries()) {
      await post(i % 2 === 0 ? b.base : a.base, chat, question);
      const page = await poll(i % 2 === 0 ? a.base : b.base, chat, watermark);
      seen.push(...page.activities);
      watermark = page.watermark;
    }
    const ids = seen.map((activity) => activity.id);
    expect(new Set(ids).size).toBe(ids.length); // each once
    expect(ids.map((id) => Number(id.split('|')[1]))).toEqual(ids.map((_, i) => i + 1)); // greeting, then Q, A, Q, A… in order
    expect(seen.filter((activity) => activity.from.role === 'user').map((activity) => activity.text)).toEqual(questions);
    expect(seen[0].from.role).toBe('bot'); // the greeting, once, first
  });
});

describe.runIf(redisAvailable())('when Redis goes away mid-run', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(() => redis.stop());

  it('answers 503 on /healthz and 暂时无法处理 to users, then recovers by itself', async () => {
    const instance = await server({ STORAGE: 'redis', REDIS_URL: redis.url });
    const conversation = `redis-down-${Date.now()}`;
    expect(await say(instance.base, conversation, '帮我估算两化融合补贴')).toMatch(/第1题/);
    await redis.stop();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await fetch(`${instance.base}/healthz`)).status).toBe(503);
    expect(await say(instance.base, `${conversation}-new`, '两化融合项目补贴多少')).toMatch(/暂时无法处理，请稍后再试/);
    const chatAttempt = await fetch(`${instance.base}/api/webchat/token`, { method: 'POST' });
    expect(chatAttempt.status).toBe(200); // tokens need no store: the page can still load

    await redis.start(); // an empty Redis (no persistence): the server reconnects by itself
    const deadline = Date.now() + 10_000;
    while ((await fetch(`${instance.base}/healthz`)).status !== 200) {
      expect(Date.now()).toBeLessThan(deadline);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await say(instance.base, `${conversation}-after`, '两化融合项目补贴多少')).toMatch(/措施（八）/);
    expect(instance.child.exitCode).toBeNull();
  });
});
