import type { Activity } from 'botbuilder';
import { z } from 'zod';

/**
 * Multi-turn conversation cases, played against the whole bot in-process, with the same
 * semantics as ../shared/tools/eval-conversations.mjs (which plays them over HTTP): one
 * fresh conversation per case; turns are a text, a click on a button of the previous
 * replies, or answers to an interview whatever its order; the replies to the LAST turn
 * must match every `expect` regex and none of `reject`. See that tool for the format.
 */

const Turn = z.union([
  z.string(),
  z.object({ click: z.string() }),
  z.object({ answers: z.array(z.tuple([z.string(), z.string()])), until: z.string().optional(), max: z.number().int().optional() }),
]);

export const ConversationCaseSchema = z.object({
  id: z.string(),
  kind: z.string().optional(),
  turns: z.array(Turn).min(1),
  expect: z.array(z.string()).optional(),
  reject: z.array(z.string()).optional(),
  why: z.string().optional(),
});
export type ConversationCase = z.infer<typeof ConversationCaseSchema>;

/** Sends one message of a conversation and returns the bot's replies (e.g. createInProcessDelivery). */
export type Deliver = (activity: Activity) => Promise<Partial<Activity>[]>;

export interface CaseResult {
  id: string;
  kind: string;
  ok: boolean;
  problems: string[];
  lastUser: string;
  reply: string;
  transcript: string;
}

/** "/pattern/flags" or a plain pattern (flag s). */
export function compile(source: string): RegExp {
  const match = /^\/([\s\S]+)\/([dgimsuvy]*)$/.exec(source);
  return match ? new RegExp(match[1], match[2].replace(/g|y/g, '')) : new RegExp(source, 's');
}

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => !!value && typeof value === 'object';

/** A card (Adaptive, Hero…) as the lines a user reads. */
function cardLines(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const child of node) cardLines(child, out);
    return out;
  }
  if (!isNode(node)) return out;
  const type = typeof node.type === 'string' ? node.type : undefined;
  if (typeof node.title === 'string' && typeof node.value === 'string' && !type) out.push(`${node.title}：${node.value}`);
  else {
    if (typeof node.title === 'string' && /^Action\./.test(type ?? '')) out.push(`[card button] ${node.title}`);
    else if (typeof node.title === 'string' && ['imBack', 'postBack', 'messageBack', 'openUrl'].includes(type ?? '')) out.push(`[card button] ${node.title}`);
    else if (typeof node.title === 'string') out.push(node.title);
    if (typeof node.subtitle === 'string') out.push(node.subtitle);
    if (typeof node.text === 'string' && type !== 'messageBack') out.push(node.text);
  }
  for (const [key, value] of Object.entries(node)) {
    if (isNode(value) && key !== 'data' && key !== 'value') cardLines(value, out);
  }
  return out;
}

function renderActivity(activity: Partial<Activity>): string {
  if (activity.type && activity.type !== 'message') return '';
  const out: string[] = [];
  if (activity.text) out.push(activity.text);
  for (const attachment of activity.attachments ?? []) {
    const content: unknown = attachment.content;
    if (isNode(content)) out.push(...cardLines(content));
    else if (typeof content === 'string') out.push(content);
  }
  const actions = activity.suggestedActions?.actions ?? [];
  if (actions.length) {
    out.push(`[buttons] ${actions.map((a) => a.title ?? (typeof a.value === 'string' ? a.value : JSON.stringify(a.value))).join(' | ')}`);
  }
  return out.join('\n');
}

/** Every reply rendered as text, cards and buttons, as the harness shows them. */
export const renderAll = (activities: Partial<Activity>[]): string => activities.map(renderActivity).filter(Boolean).join('\n');

/** Every button the replies offer, suggested actions first. */
function buttonsOf(activities: Partial<Activity>[]): Node[] {
  const list: Node[] = [];
  for (const activity of activities) for (const action of activity.suggestedActions?.actions ?? []) list.push(action as unknown as Node);
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!isNode(node)) return;
    const type = typeof node.type === 'string' ? node.type : '';
    if (typeof node.title === 'string' && (/^Action\.(Submit|Execute)$/.test(type) || ['imBack', 'postBack', 'messageBack'].includes(type))) list.push(node);
    for (const value of Object.values(node)) if (isNode(value)) walk(value);
  };
  for (const activity of activities) for (const attachment of activity.attachments ?? []) walk(attachment.content);
  return list;
}

/** What clicking a button sends: its value, or its title, as a channel would. */
function clickPayload(button: Node): { text: string; extra: Partial<Activity> } {
  const title = typeof button.title === 'string' ? button.title : '';
  const type = typeof button.type === 'string' ? button.type : '';
  if (/^Action\./.test(type)) {
    const data = button.data;
    if (typeof data === 'string') return { text: data, extra: {} };
    const teams = isNode(data) && isNode(data.msteams) ? data.msteams : undefined;
    if (teams?.type === 'imBack' && typeof teams.value === 'string') return { text: teams.value, extra: {} };
    if (teams?.type === 'messageBack') {
      const text = [teams.text, teams.displayText, title].find((t): t is string => typeof t === 'string') ?? title;
      return { text, extra: teams.value !== undefined ? { value: teams.value } : {} };
    }
    return { text: title, extra: data !== undefined ? { value: data } : {} };
  }
  if (type === 'messageBack') {
    const text = [button.text, button.displayText, title].find((t): t is string => typeof t === 'string') ?? title;
    return { text, extra: button.value !== undefined ? { value: button.value } : {} };
  }
  if (typeof button.value === 'string' && button.value !== '') return { text: button.value, extra: {} };
  if (button.value !== undefined && button.value !== null && button.value !== '') return { text: title, extra: { value: button.value } };
  return { text: title, extra: {} };
}

/** The question the bot is asking now: the last line with ？/? or 第N题. */
function currentQuestion(activities: Partial<Activity>[]): string {
  for (let i = activities.length - 1; i >= 0; i--) {
    const lines = renderActivity(activities[i]).split('\n').filter((l) => !l.startsWith('[buttons]') && !l.startsWith('[card button]'));
    const question = [...lines].reverse().find((l) => /第\s*\d+\s*题|[？?]/.test(l));
    if (question) return question;
  }
  return renderAll(activities);
}

const oneLine = (s: string, n: number) => s.replace(/\s*\n\s*/g, ' ⏎ ').slice(0, n);

/** Plays one case in a fresh conversation. Errors fail the case; they never stop the run. */
export async function runCase(c: ConversationCase, deliver: Deliver, runId: string): Promise<CaseResult> {
  const conversation = { id: `conv-eval-${runId}-${c.id}` };
  let seq = 0;
  let last: Partial<Activity>[] = [];
  let lastUser = '';
  const transcript: string[] = [];
  const problems: string[] = [];
  const send = async (text: string, extra: Partial<Activity> = {}) => {
    seq += 1;
    const activity = {
      type: 'message', id: `m${seq}`, channelId: 'emulator', serviceUrl: 'http://127.0.0.1:9/',
      from: { id: 'user-1', name: 'tester' }, recipient: { id: 'bot', name: 'bot' }, conversation,
      locale: 'zh-CN', text, timestamp: new Date(), ...extra,
    } as Activity;
    last = await deliver(activity);
    lastUser = text;
    transcript.push(`> ${text}${extra.value !== undefined ? `  {value: ${JSON.stringify(extra.value)}}` : ''}`);
    const shown = renderAll(last);
    transcript.push(shown ? shown.split('\n').map((l) => '  ' + l).join('\n') : '  (no reply)');
  };
  try {
    const expect = (c.expect ?? []).map(compile);
    const reject = (c.reject ?? []).map(compile);
    for (const turn of c.turns) {
      if (typeof turn === 'string') {
        await send(turn);
      } else if ('click' in turn) {
        const pattern = compile(turn.click);
        const buttons = buttonsOf(last);
        const button = buttons.find((b) => pattern.test(typeof b.title === 'string' ? b.title : typeof b.value === 'string' ? b.value : ''));
        if (!button) {
          lastUser = `[click /${turn.click}/]`;
          throw new Error(`no button matching /${turn.click}/ to click (buttons: ${buttons.map((b) => b.title ?? b.value).join(' | ') || 'none'})`);
        }
        const payload = clickPayload(button);
        transcript.push(`  [click "${String(button.title)}" → ${JSON.stringify(payload.text)}]`);
        await send(payload.text, payload.extra);
      } else {
        const until = compile(turn.until ?? '$^');
        const pairs = turn.answers.map(([q, a]) => [compile(q), a] as const);
        const max = turn.max ?? 25;
        const sent = new Set<string>();
        for (let n = 0; !until.test(renderAll(last)); n++) {
          if (n >= max) throw new Error(`answers: /${turn.until}/ not reached after ${max} answers`);
          const question = currentQuestion(last);
          const hit = pairs.find(([re]) => re.test(question));
          if (!hit) throw new Error(`answers: no answer fits the question "${oneLine(question, 80)}"`);
          const key = `${question}\u0000${hit[1]}`;
          if (sent.has(key)) throw new Error(`answers: the bot asked "${oneLine(question, 60)}" again after "${hit[1]}"`);
          sent.add(key);
          await send(hit[1]);
        }
      }
    }
    const reply = renderAll(last);
    expect.forEach((re, i) => re.test(reply) || problems.push(`missing /${c.expect![i]}/`));
    reject.forEach((re, i) => re.test(reply) && problems.push(`rejected /${c.reject![i]}/`));
  } catch (error) {
    problems.push(`error: ${(error as Error).message}`);
  }
  return { id: c.id, kind: c.kind ?? 'unknown', ok: problems.length === 0, problems, lastUser, reply: renderAll(last), transcript: transcript.join('\n') };
}

/** Pass counts by kind, in the order kinds first appear. */
export function passRates(results: CaseResult[]): { passed: number; total: number; byKind: Map<string, { passed: number; total: number }> } {
  const byKind = new Map<string, { passed: number; total: number }>();
  for (const result of results) {
    const kind = byKind.get(result.kind) ?? { passed: 0, total: 0 };
    kind.total += 1;
    if (result.ok) kind.passed += 1;
    byKind.set(result.kind, kind);
  }
  return { passed: results.filter((r) => r.ok).length, total: results.length, byKind };
}

/** The harness's summary line: 'conversations 24/26 passed (92%) by kind: followup 4/4, …'. */
export function summaryLine(results: CaseResult[]): string {
  const { passed, total, byKind } = passRates(results);
  const pct = total ? Math.round((100 * passed) / total) : 0;
  return `conversations ${passed}/${total} passed (${pct}%) by kind: ${[...byKind].map(([k, v]) => `${k} ${v.passed}/${v.total}`).join(', ')}`;
}

/** A failing case as the harness prints it. */
export const failLine = (r: CaseResult): string =>
  `FAIL ${r.id} [${r.kind}] > ${oneLine(r.lastUser, 60)} | ${oneLine(r.reply, 150) || '(no reply)'} | ${r.problems.join('; ')}`;
