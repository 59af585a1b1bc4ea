import { BAD_LEVELS, SERVICE_LEVELS, type CommentEvent, type InsightEvent, type InterviewEvent, type RatingEvent, type TurnEvent, dayOf } from './events';

/**
 * The figures an operator reads, from the events of a date range. Pure: the dashboard,
 * its CSV exports and `npm run insights` all show what this returns.
 */
export interface InsightsSummary {
  from: string;
  to: string;
  totals: { turns: number; answered: number; askedWhich: number; notFound: number; conversations: number };
  /** Per day: questions answered, answered by asking which measure, not found, and all turns. */
  perDay: { day: string; answered: number; askedWhich: number; notFound: number; turns: number }[];
  /** Measures answered, most asked first, with their helpful / unhelpful ratings. */
  /** meanScore: the answers' mean score (how much of the question the measure covered), null when none was scored. */
  topMeasures: { measure: number; answers: number; meanScore: number | null; helpful: number; unhelpful: number }[];
  /** Questions not answered (and answers rated unhelpful), grouped by similarity. */
  unanswered: { question: string; count: number; examples: string[] }[];
  /** Per rule (or the check-up): interviews started, completed, abandoned, and where people left. */
  interviews: { rule: string; started: number; completed: number; abandoned: number; leftAt: { input: string; count: number }[] }[];
  /** The 好差评 levels, with their count. */
  ratings: { level: string; count: number }[];
  /** Answers and estimates rated 有帮助 / 没帮助. */
  helpfulness: { target: string; helpful: number; unhelpful: number }[];
  /** The short comments of 好差评 ratings, newest first. */
  comments: { day: string; level: string; comment: string }[];
}

/** Turn outcomes that count as a question answered from the notice. */
const ANSWERED = new Set(['answered', 'follow-up', 'how-to-apply', 'yes-no', 'list', 'combine', 'notice-fact']);

export function summarize(events: InsightEvent[], from: string, to: string): InsightsSummary {
  const turns = events.filter((e): e is TurnEvent => e.kind === 'turn');
  const interviews = events.filter((e): e is InterviewEvent => e.kind === 'interview');
  const ratings = events.filter((e): e is RatingEvent => e.kind === 'rating');
  const comments = events.filter((e): e is CommentEvent => e.kind === 'comment');
  const kind = (turn: TurnEvent) =>
    ANSWERED.has(turn.outcome) ? 'answered' : turn.outcome === 'asked-which' ? 'askedWhich' : turn.outcome === 'not-found' || turn.outcome === 'out-of-scope' ? 'notFound' : 'other';

  const days = new Map<string, InsightsSummary['perDay'][number]>();
  for (let day = from; day <= to; day = nextDay(day)) days.set(day, { day, answered: 0, askedWhich: 0, notFound: 0, turns: 0 });
  for (const turn of turns) {
    const row = days.get(dayOf(turn.at));
    if (!row) continue;
    row.turns++;
    const k = kind(turn);
    if (k !== 'other') row[k]++;
  }

  const measures = new Map<number, InsightsSummary['topMeasures'][number]>();
  const measureRow = (measure: number) => {
    if (!measures.has(measure)) measures.set(measure, { measure, answers: 0, meanScore: null, helpful: 0, unhelpful: 0 });
    return measures.get(measure)!;
  };
  const scores = new Map<number, number[]>();
  for (const turn of turns) {
    if (!turn.measure || kind(turn) !== 'answered') continue;
    measureRow(turn.measure).answers++;
    if (turn.score !== undefined) scores.set(turn.measure, [...(scores.get(turn.measure) ?? []), turn.score]);
  }
  for (const [measure, list] of scores) measureRow(measure).meanScore = Math.round((100 * list.reduce((a, b) => a + b, 0)) / list.length) / 100;
  for (const rating of ratings) {
    if (rating.target === 'answer' && rating.measure && (rating.value === 'helpful' || rating.value === 'unhelpful')) measureRow(rating.measure)[rating.value]++;
  }

  const questions = [
    ...turns.filter((t) => t.question && kind(t) !== 'answered').map((t) => t.question!),
    ...ratings.filter((r) => r.question && r.value === 'unhelpful').map((r) => r.question!),
  ];

  const helpfulness = ['answer', 'estimate'].map((target) => ({
    target,
    helpful: ratings.filter((r) => r.target === target && r.value === 'helpful').length,
    unhelpful: ratings.filter((r) => r.target === target && r.value === 'unhelpful').length,
  }));
  const service = ratings.filter((r) => r.target === 'service');

  return {
    from,
    to,
    totals: {
      turns: turns.length,
      answered: turns.filter((t) => kind(t) === 'answered').length,
      askedWhich: turns.filter((t) => kind(t) === 'askedWhich').length,
      notFound: turns.filter((t) => kind(t) === 'notFound').length,
      conversations: new Set(turns.map((t) => t.conversation)).size,
    },
    perDay: [...days.values()],
    topMeasures: [...measures.values()].sort((a, b) => b.answers - a.answers || a.measure - b.measure),
    unanswered: groupSimilar(questions),
    interviews: interviewFunnel(interviews),
    ratings: SERVICE_LEVELS.map((level) => ({ level, count: service.filter((r) => r.value === level).length })),
    helpfulness,
    comments: comments.sort((a, b) => b.at - a.at).map((c) => ({ day: dayOf(c.at), level: c.level, comment: c.comment })),
  };
}

/**
 * Interviews started, completed and abandoned per rule. One interview is a conversation's
 * run of a rule from its start; one that never reached 'done' was abandoned (cancelled, or
 * left), at the last question it asked.
 */
function interviewFunnel(events: InterviewEvent[]): InsightsSummary['interviews'] {
  const runs = new Map<string, { rule: string; done: boolean; lastInput?: string }>();
  const current = new Map<string, string>(); // conversation + rule → its run's key
  for (const event of [...events].sort((a, b) => a.at - b.at)) {
    const id = `${event.conversation}|${event.rule}`;
    if (event.step === 'start' || !current.has(id)) {
      const key = `${id}|${event.at}`;
      current.set(id, key);
      runs.set(key, { rule: event.rule, done: false });
      if (event.step === 'start') continue;
    }
    const run = runs.get(current.get(id)!)!;
    if (event.step === 'ask' || event.step === 'cancel') run.lastInput = event.input ?? run.lastInput;
    if (event.step === 'done') run.done = true;
  }
  const rules = new Map<string, InsightsSummary['interviews'][number]>();
  for (const run of runs.values()) {
    if (!rules.has(run.rule)) rules.set(run.rule, { rule: run.rule, started: 0, completed: 0, abandoned: 0, leftAt: [] });
    const row = rules.get(run.rule)!;
    row.started++;
    if (run.done) {
      row.completed++;
      continue;
    }
    row.abandoned++;
    const input = run.lastInput ?? '(开始前)';
    const left = row.leftAt.find((l) => l.input === input);
    if (left) left.count++;
    else row.leftAt.push({ input, count: 1 });
  }
  for (const row of rules.values()) row.leftAt.sort((a, b) => b.count - a.count);
  return [...rules.values()].sort((a, b) => b.started - a.started);
}

/**
 * Questions grouped by similarity: two questions go together when their character
 * bigrams overlap enough (Dice ≥ 0.5), so 首台套保险补偿有吗 and 首台套补偿政策 meet.
 * Each group is named by its most frequent question; groups are listed by size.
 */
export function groupSimilar(questions: string[], threshold = 0.5): { question: string; count: number; examples: string[] }[] {
  const groups: { members: string[]; grams: Set<string> }[] = [];
  for (const question of questions) {
    const grams = bigrams(question);
    const home = groups.find((g) => dice(g.grams, grams) >= threshold);
    if (home) home.members.push(question);
    else groups.push({ members: [question], grams });
  }
  return groups
    .map(({ members }) => {
      const counts = new Map<string, number>();
      for (const m of members) counts.set(m, (counts.get(m) ?? 0) + 1);
      const byCount = [...counts].sort((a, b) => b[1] - a[1]).map(([q]) => q);
      return { question: byCount[0], count: members.length, examples: byCount.slice(0, 5) };
    })
    .sort((a, b) => b.count - a.count);
}

function bigrams(text: string): Set<string> {
  const chars = [...text.replace(/[\s\p{P}]/gu, '')];
  const grams = new Set<string>();
  for (let i = 0; i < chars.length - 1; i++) grams.add(chars[i] + chars[i + 1]);
  if (chars.length === 1) grams.add(chars[0]);
  return grams;
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const gram of a) if (b.has(gram)) shared++;
  return (2 * shared) / (a.size + b.size);
}

export function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** True for the levels whose question or comment the insights keep. */
export const isBadLevel = (value: string): boolean => (BAD_LEVELS as readonly string[]).includes(value);
