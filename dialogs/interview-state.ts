import { z } from 'zod';
import type { AnswerChange, SummaryItem } from '../src/replies';
import { allInputs, describeInput, valueText, type AnswerValue, type Approximation, type InputDescription } from '../src/rules';
import type { CorrectableItem } from './answers';
import { log } from '../src/log';

/**
 * What an interview remembers: its answers and where it is. It lives in the dialog
 * state while the interview runs and in the conversation's memory after it ends (a
 * verdict or a result), so that a later turn can correct an answer and re-open it.
 * Both are storage, so it is read back through this schema.
 */
const ApproximationSchema = z.enum(['about', 'at-least']);
const AnswersSchema = z.record(z.string(), z.union([z.boolean(), z.number(), z.string()]));

export const InterviewStateSchema = z.object({
  answers: AnswersSchema.default({}),
  /** Keys in the order they were asked (answered or skipped): 返回 removes the last one. */
  asked: z.array(z.string()).default([]),
  /** The key being corrected (修改…), until it is answered again. */
  editing: z.string().optional(),
  introduced: z.boolean().optional(),
  /** Keys answered with a rough figure (约300万, 300多万). */
  approximate: z.record(z.string(), ApproximationSchema).optional(),
  /** Keys the user could not answer (不清楚, 跳过): the check-up goes on without them. */
  skipped: z.array(z.string()).optional(),
  /** A bare number waits for its unit: '您是指50万元吗？'. */
  confirming: z
    .object({ key: z.string(), asWan: z.number(), asYuan: z.number(), approximate: ApproximationSchema.optional() })
    .optional(),
  /** The key answered last: the one that stopped the interview, if it stopped early. */
  lastAnswered: z.string().optional(),
  /** A result was shown for these answers: a correction recomputes at once, without the summary. */
  confirmed: z.boolean().optional(),
  /** Said once before the next question: why it is asked (a correction taken, answers carried over). */
  lead: z.string().optional(),
  /** The question that took an amount ahead (900万元 to a yes/no question): it takes no second one. */
  aheadFor: z.string().optional(),
  /** The answers and conclusion last shown, to say what a correction changed. */
  previous: z
    .object({
      answers: AnswersSchema,
      approximate: z.record(z.string(), ApproximationSchema).optional(),
      skipped: z.array(z.string()).optional(),
      headline: z.string(),
    })
    .optional(),
});

export type InterviewState = z.infer<typeof InterviewStateSchema>;

/** The interview a conversation last ran, as its memory keeps it. */
export const InterviewRecordSchema = z.object({
  dialogId: z.string(),
  /** asking: it runs; stopped: an answer ruled the enterprise out; done: a result was shown. */
  phase: z.enum(['asking', 'stopped', 'done']),
  title: z.string(),
  state: InterviewStateSchema,
});

export type InterviewRecord = z.infer<typeof InterviewRecordSchema>;

export function readState(options: unknown): InterviewState {
  const parsed = InterviewStateSchema.safeParse(options ?? {});
  if (parsed.success) return structuredClone(parsed.data);
  // Dialog options come from our own code or storage; an unreadable one starts afresh.
  log.warn({ issues: parsed.error.issues.length }, 'interview state unreadable: starting afresh');
  return { answers: {}, asked: [] };
}

export function readRecord(value: unknown): InterviewRecord | undefined {
  if (value === undefined) return undefined;
  const parsed = InterviewRecordSchema.safeParse(value);
  return parsed.success ? structuredClone(parsed.data) : undefined;
}

export function describe(key: string): InputDescription {
  const spec = allInputs.get(key);
  if (!spec) throw new Error(`interview: no input ${key}`);
  return describeInput(key, spec);
}

/** '约 3,000,000 元', '不少于 3,000,000 元', '是'. */
export function answerText(key: string, value: AnswerValue, approximate?: Approximation): string {
  const text = valueText(allInputs.get(key)!, value);
  if (approximate === 'about') return `约 ${text}`;
  if (approximate === 'at-least') return `${text}以上（按 ${text} 计）`;
  return text;
}

/** The answers given so far, in the order asked, as the summary lists them. */
export function summaryItems(state: InterviewState): SummaryItem[] {
  return state.asked
    .filter((key) => state.answers[key] !== undefined || state.skipped?.includes(key))
    .map((key) => {
      const spec = allInputs.get(key)!;
      const value = state.answers[key];
      return {
        key,
        label: spec.label,
        valueText: value === undefined ? '未回答（跳过）' : answerText(key, value, state.approximate?.[key]),
        short: spec.names[0],
        kind: spec.kind,
        ...(value === undefined ? { skipped: true } : {}),
      };
    });
}

/** The answers a correction may name. */
export function correctableItems(state: InterviewState): CorrectableItem[] {
  return summaryItems(state).map((item) => {
    const input = describe(item.key);
    return { key: item.key, label: item.label, short: item.short, names: input.names, input };
  });
}

/** Records an answer; a rough figure is remembered as such, an exact one forgets it. */
export function recordAnswer(state: InterviewState, key: string, value: AnswerValue, approximate?: Approximation): void {
  state.answers[key] = value;
  if (!state.asked.includes(key)) state.asked.push(key);
  const rough = { ...(state.approximate ?? {}) };
  if (approximate) rough[key] = approximate;
  else delete rough[key];
  state.approximate = rough;
  state.skipped = (state.skipped ?? []).filter((k) => k !== key);
  state.lastAnswered = key;
  state.editing = undefined;
  state.confirming = undefined;
}

/** Forgets the answer to `key` (返回). */
export function forget(state: InterviewState, key: string): void {
  delete state.answers[key];
  if (state.approximate) delete state.approximate[key];
  state.skipped = (state.skipped ?? []).filter((k) => k !== key);
  state.asked = state.asked.filter((k) => k !== key);
}

/** What a correction changed since the result last shown: one line per answer. */
export function changesSince(state: InterviewState): AnswerChange[] {
  const previous = state.previous;
  if (!previous) return [];
  const keys = [...new Set([...Object.keys(previous.answers), ...Object.keys(state.answers)])];
  return keys.flatMap((key) => {
    const before = previous.answers[key];
    const after = state.answers[key];
    const roughBefore = previous.approximate?.[key];
    const roughAfter = state.approximate?.[key];
    // An answer first given after an early stop is new, not changed; one skipped before is.
    if (before === undefined && !previous.skipped?.includes(key)) return [];
    if (before === after && roughBefore === roughAfter) return [];
    const spec = allInputs.get(key);
    if (!spec) return [];
    return [
      {
        label: spec.names[0],
        before: before === undefined ? '未回答' : answerText(key, before, roughBefore),
        after: after === undefined ? '未回答' : answerText(key, after, roughAfter),
      },
    ];
  });
}

/** The rough answers, in words, for the result to say it is approximate. */
export function approximateAnswers(state: InterviewState): string[] {
  return Object.entries(state.approximate ?? {})
    .filter(([key]) => state.answers[key] !== undefined)
    .map(([key, rough]) => `${allInputs.get(key)!.label}（${answerText(key, state.answers[key], rough)}）`);
}

/** The answers of `state` that `keys` also ask, carried into another interview. */
export function carryOver(state: InterviewState, keys: ReadonlySet<string>): InterviewState | undefined {
  const asked = state.asked.filter((key) => keys.has(key) && state.answers[key] !== undefined);
  if (asked.length === 0) return undefined;
  const answers = Object.fromEntries(asked.map((key) => [key, state.answers[key]]));
  const approximate = Object.fromEntries(Object.entries(state.approximate ?? {}).filter(([key]) => asked.includes(key)));
  return { answers, asked, approximate };
}
