import type { Activity } from 'botbuilder';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { createInProcessDelivery } from '../src/directline/in-process';
import { compile, runCase, summaryLine, type Deliver } from '../src/eval/conversations';
import { devEvalFiles, isSealed, readEvalFile } from '../src/eval/files';
import { knowledgePath } from '../src/knowledge';

/** A scripted bot: replies by the text it receives. */
const scripted =
  (script: Record<string, Partial<Activity>[]>): Deliver =>
  async (activity) =>
    script[activity.text ?? ''] ?? [{ type: 'message', text: '?' }];

const message = (text: string, buttons: { title: string; value: string }[] = []): Partial<Activity> => ({
  type: 'message',
  text,
  ...(buttons.length ? { suggestedActions: { to: [], actions: buttons.map((b) => ({ type: 'imBack', ...b })) } } : {}),
});

describe('the conversation player (the semantics of ../shared/tools/eval-conversations.mjs)', () => {
  it('reads "/pattern/flags" and plain patterns with the s flag', () => {
    expect(compile('/abc/i').test('ABC')).toBe(true);
    expect(compile('a.b').test('a\nb')).toBe(true);
  });

  it('clicks a button by title and sends its value; checks only the last replies', async () => {
    const deliver = scripted({
      hi: [message('菜单', [{ title: '（八）推进两化深度融合', value: '措施（八）' }])],
      '措施（八）': [message('措施（八）推进两化深度融合')],
    });
    const ok = await runCase({ id: 'a', kind: 'k', turns: ['hi', { click: '两化' }], expect: ['措施（八）'], reject: ['菜单'] }, deliver, 't');
    expect(ok).toMatchObject({ ok: true, lastUser: '措施（八）' });
    const missing = await runCase({ id: 'b', turns: ['hi', { click: '十四' }] }, deliver, 't');
    expect(missing.problems[0]).toMatch(/^error: no button matching/);
  });

  it('answers an interview whatever its order, until the pattern is reached', async () => {
    const deliver = scripted({
      start: [message('第1题/共2题 是否中小企业？')],
      是: [message('第2题/共2题 投资额多少元？')],
      '300万': [message('结论：可获 600,000 元')],
    });
    const result = await runCase(
      { id: 'c', kind: 'interview', turns: ['start', { answers: [['投资', '300万'], ['中小企业', '是']], until: '结论' }], expect: ['600,000'] },
      deliver,
      't',
    );
    expect(result.ok).toBe(true);
    expect(summaryLine([result])).toBe('conversations 1/1 passed (100%) by kind: interview 1/1');
  });
});

describe('evaluation files', () => {
  it('tells question files from conversation files', () => {
    expect(readEvalFile(knowledgePath('eval', 'questions.dev.jsonl')).kind).toBe('questions');
    expect(readEvalFile(knowledgePath('eval', 'conversations.dev.jsonl')).kind).toBe('conversations');
  });

  it('reads only the files directly in knowledge/eval by default, never a sealed one', () => {
    expect(devEvalFiles().length).toBeGreaterThanOrEqual(3);
    expect(devEvalFiles().some(isSealed)).toBe(false);
    expect(isSealed(knowledgePath('eval', 'sealed', 'x.jsonl'))).toBe(true);
  });
});

describe('the dev conversations, through the whole app in-process', () => {
  let deliver: Deliver;
  beforeAll(async () => {
    const app = await createApp({ STORAGE: 'memory' });
    deliver = createInProcessDelivery(app.adapter, app.bot);
  });

  it('passes every regression case', async () => {
    const file = readEvalFile(knowledgePath('eval', 'conversations.dev.jsonl'));
    if (file.kind !== 'conversations') throw new Error('not a conversation file');
    const regressions = file.cases.filter((c) => c.kind === 'regression');
    expect(regressions.length).toBeGreaterThan(0);
    for (const c of regressions) expect(await runCase(c, deliver, 'test')).toMatchObject({ ok: true });
  });
});
