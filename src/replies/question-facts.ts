import { allQuantifiedRules, estimate, missingInputs, readAmount, type QuantifiedRule, type Reading } from '../rules';
import { loadKnowledge } from '../knowledge';
import { normalizeQuery } from '../search';
import { placeNames } from '../search/segmenter';
import { hasCue, vocabulary, withoutCues, type Cue } from './vocabulary';

let noticeText: string | undefined;
/**
 * The places a text names, as the search reads them: Qingdao's (places.txt) or others; an
 * ordinary word jieba tags as a place that the notice itself writes (新建) is none.
 */
export function placesIn(text: string): { local: boolean; elsewhere: boolean } {
  const { localPlaces, measures } = loadKnowledge();
  noticeText ??= normalizeQuery(measures.map((m) => m.text).join('\n'));
  const places = placeNames(text).filter((place) => localPlaces.has(place) || !noticeText!.includes(place));
  const local = places.some((place) => localPlaces.has(place));
  return { local, elsewhere: !local && places.length > 0 };
}

/**
 * The other places a text names beside one of Qingdao's: 我们总部在杭州…在青岛注册 → ['杭州'];
 * [] when it names none of Qingdao's (then the search says it is another city's policy).
 */
export function placesBesideQingdao(text: string): string[] {
  const { localPlaces, measures } = loadKnowledge();
  noticeText ??= normalizeQuery(measures.map((m) => m.text).join('\n'));
  const places = placeNames(text).filter((place) => localPlaces.has(place) || !noticeText!.includes(place));
  return places.some((place) => localPlaces.has(place)) ? places.filter((place) => !localPlaces.has(place)) : [];
}

/**
 * What a question says about the answers a rule needs (knowledge/question-facts.json),
 * so that a yes/no question is judged by the rules module, as an interview would be.
 * Amounts are read with the rules' own reader (readAmount); this only finds where they
 * stand and which input they belong to.
 *
 *   factsOf('平台服务商一年服务了30家本地企业，能拿吗', platformCloudService)
 *     → { answers: { localEnterprisesServed: 30 }, said: { localEnterprisesServed: '30家' } }
 *   factsOf('年营收几十亿的大型企业可以拿两化融合奖补吗', twoIntegration)
 *     → { answers: { isSme: false }, said: { isSme: '大型企业' } }   (几十亿 is not an amount)
 */
export interface QuestionFacts {
  /** Valid answers, by input key. */
  answers: Record<string, unknown>;
  /** The user's own words for each answer, to quote back. */
  said: Record<string, string>;
  /** The asker says it is someone the rule does not pay (a user of the platform, not its provider). */
  role?: { role: string; said: string; instead?: string };
  /** The question asks whether something the rule's figures leave out counts (外地客户的收入). */
  notCounted?: { what: string; counts: string; said: string };
  /** Inputs whose amount was said roughly (两百来万, 300多万): a result from them is approximate. */
  approximate?: string[];
  /** The award the question asks about (还能拿60万吗): the answer says when the rule pays less. */
  asked?: { value: number; words: string };
}

/**
 * How much what a question states says about a rule: a stated amount counts 2, a statement 1,
 * saying one is someone the rule does not pay 2. 小厂, 已经上线, 花了200万 weigh 4 for （八）.
 */
export function factWeight(rule: QuantifiedRule, facts: QuestionFacts): number {
  let weight = facts.role || facts.notCounted ? 2 : 0;
  for (const key of Object.keys(facts.answers)) weight += rule.inputs[key].kind === 'money' || rule.inputs[key].kind === 'count' ? 2 : 1;
  return weight;
}

/**
 * A number in a normalised question with what may qualify it: 30家, 200万, 几10亿 (几十亿
 * after normalisation), 1000万以上. readAmount decides what it means.
 */
export const AMOUNTS = /(?:几|近|约|超过|不到|将近|大约)?\d+(?:\.\d+)?(?:多|余|几|来)?(?:万|亿)?(?:多|余|来)?(?:元|块钱|块)?(?:多|余)?(?:家|个)?(?:以上|以下|左右)?/g;
/** After these a number is not an amount of money or a count: 20%, 2024年, 5G, 第8条. */
const NOT_AFTER = /^[%年月日号GgK条项级]/;
const CLAUSE_BREAK = /[,，。;；!！?？、]/;

/** True when the number matched at `start` is an amount or a count, not 20%, 2024年, 5G or 第8条. */
const isAmountAt = (text: string, start: number, length: number): boolean =>
  !NOT_AFTER.test(text.slice(start + length)) && text.charAt(start - 1) !== '第';

/**
 * The text without the amounts it states (投了80万, 30家), which name no measure; 20%, 5G or
 * 2024年 stay (a rate may name an award, 5G a measure).
 *   withoutAmounts('投了80万的5G项目') → '投了 的5G项目'
 */
export const withoutAmounts = (text: string): string =>
  text.replace(AMOUNTS, (amount: string, at: number) => (amount && isAmountAt(text, at, amount.length) ? ' ' : amount));

export function factsOf(text: string, rule: QuantifiedRule): QuestionFacts {
  const read = readText(text);
  const answers: Record<string, unknown> = {};
  const said: Record<string, string> = {};
  const approximate: string[] = [];
  const accept = (key: string, value: unknown, words: string) => {
    const spec = rule.inputs[key];
    if (!spec || answers[key] !== undefined || !spec.schema.safeParse(value).success) return;
    answers[key] = value;
    said[key] = words;
  };
  for (const { input, value, words } of read.statements) accept(input, value, words);
  for (const { input, value, words } of read.places) accept(input, value, words);
  const role = read.roles.find((r) => r.rule === rule.id);
  if (role) {
    const found = { role: role.role, said: role.words };
    return { answers, said, role: role.instead ? { ...found, instead: role.instead } : found };
  }
  for (const amount of read.amounts) {
    const key = amount.input === undefined ? onlyInput(rule, amount.kind) : rule.inputs[amount.input] ? amount.input : undefined;
    if (!key) continue;
    accept(key, amount.value, amount.words);
    if (amount.approximate && said[key] === amount.words) approximate.push(key);
  }
  const asked = read.asked ? { asked: read.asked } : {};
  const part = read.notCounted.find((p) => p.rule === rule.id);
  const notCounted = part ? { notCounted: { what: part.what, counts: part.counts, said: part.words } } : {};
  return approximate.length > 0 ? { answers, said, approximate, ...asked, ...notCounted } : { answers, said, ...asked, ...notCounted };
}

/**
 * The yes/no facts a text states, whatever the rule (statements and places): what a measure
 * without an amount is judged on (在青岛注册 → registeredInQingdao: true).
 */
export function statedFacts(text: string): QuestionFacts {
  const read = readText(text);
  const answers: Record<string, unknown> = {};
  const said: Record<string, string> = {};
  for (const { input, value, words } of [...read.statements, ...read.places]) {
    if (typeof value !== 'boolean' || answers[input] !== undefined) continue;
    answers[input] = value;
    said[input] = words;
  }
  return { answers, said };
}

/** True when a text states anything a rule may ask: a statement, a place, a role or an amount. */
export function statesAnything(text: string): boolean {
  const { statements, places, roles, notCounted, amounts } = readText(text);
  return statements.length + places.length + roles.length + notCounted.length + amounts.length > 0;
}

/** What a text states, whatever the rule: read once per text, then given to each rule that asks it. */
interface TextReading {
  /** Statements in the order they are accepted: the longest phrase first. */
  statements: { input: string; value: boolean | string; words: string }[];
  places: { input: string; value: boolean; words: string }[];
  roles: { rule: string; role: string; instead?: string; words: string }[];
  notCounted: { rule: string; what: string; counts: string; words: string }[];
  /** Each amount with the input its words name (undefined: none named, the rule's only one). */
  amounts: { words: string; value: number; kind: 'money' | 'count'; approximate: boolean; input?: string }[];
  /** The first sum of money asked about (能拿60万吗), not stated. */
  asked?: { value: number; words: string };
}

const readTexts = new Map<string, TextReading>();

function readText(text: string): TextReading {
  const known = readTexts.get(text);
  if (known) return known;
  const v = vocabulary();
  const reading: TextReading = { statements: [], places: [], roles: [], notCounted: [], amounts: [] };

  // Statements, longest phrase first; each match is blanked so 不是中小企业 does not also say 中小企业.
  let rest = text.replace(/\s+/g, '');
  if (hasCue(rest, v.facts.statementCues)) {
    for (const { input, value, cue } of v.facts.statementPhrases) {
      const match = cue.pattern.exec(rest);
      if (!match) continue;
      reading.statements.push({ input, value, words: match[0] });
      rest = rest.replace(cue.global, (found) => '　'.repeat(found.length));
    }
  }

  // Places: 在济南注册 says no to 在我市注册, 注册在黄岛 yes.
  for (const { input, patterns } of v.facts.places) {
    for (const pattern of patterns) {
      for (const match of rest.matchAll(pattern)) {
        const { local, elsewhere } = placesIn(match[1]);
        if (local || elsewhere) reading.places.push({ input, value: local, words: match[0] });
      }
    }
  }

  // Someone a rule does not pay: 用了平台的云服务 for （六）.
  for (const { rule, role, instead, cues } of v.facts.roles) {
    const match = cues.map((cue) => cue.pattern.exec(rest)).find((m) => m !== null);
    if (match) reading.roles.push({ rule, role, ...(instead ? { instead } : {}), words: match[0] });
  }

  // Something a rule's figures leave out: 外地客户的收入 for （六）.
  for (const { rule, what, counts, cues } of v.facts.notCounted) {
    const match = cues.map((cue) => cue.pattern.exec(rest)).find((m) => m !== null);
    if (match) reading.notCounted.push({ rule, what, counts, words: match[0] });
  }

  for (const match of text.matchAll(AMOUNTS)) {
    const start = match.index;
    if (!isAmountAt(text, start, match[0].length)) continue;
    // 一个 (1个 once normalised) is the article of 做了一个…, not a count.
    if (match[0] === '1个') continue;
    const amount = amountReading(match[0]);
    if (amount.kind !== 'value' || typeof amount.value !== 'number') continue;
    const kind = /[家个]/.test(match[0]) ? 'count' : /[万亿元块]/.test(match[0]) ? 'money' : undefined;
    if (!kind) continue;
    const clause = clauseBefore(text, start);
    const input = namedInput(kind, clause);
    // 我们是青岛一家行业商会: 一家 (1家) is an article too, unless a count's words stand before it (服务了1家).
    if (match[0] === '1家' && input === undefined) continue;
    // 能拿100万不, 奖励是50万吗, 能超过100万吗: the award asked about, not something the asker states.
    const lead = /^\D+/.exec(match[0])?.[0] ?? '';
    if (input === undefined && (v.facts.asked.test(clause) || v.facts.asked.test(clause + lead))) {
      if (kind === 'money') reading.asked ??= { value: amount.value, words: match[0] };
      continue;
    }
    reading.amounts.push({ words: match[0], value: amount.value, kind, approximate: amount.approximate !== undefined, ...(input ? { input } : {}) });
  }
  if (readTexts.size >= 16) readTexts.delete(readTexts.keys().next().value as string);
  readTexts.set(text, reading);
  return reading;
}

/** readAmount, remembered: the recognizers take ~0.1 ms a call, and one text is read for each rule. */
const readings = new Map<string, Reading>();
function amountReading(text: string): Reading {
  let reading = readings.get(text);
  if (!reading) {
    if (readings.size >= 1000) readings.clear();
    readings.set(text, (reading = readAmount(text)));
  }
  return reading;
}

/** The words of the clause before position `at`: 今年运营费用500万，已累计200万 → '已累计' for 200万. */
function clauseBefore(text: string, at: number): string {
  const before = text.slice(0, at);
  const breaks = [...before].map((char, i) => (CLAUSE_BREAK.test(char) ? i : -1)).filter((i) => i >= 0);
  return before.slice((breaks.at(-1) ?? -1) + 1);
}

/** The kind of each rule input (an input key means one thing in every rule that asks it). */
let inputKinds: Map<string, string> | undefined;
const kindOf = (input: string): string | undefined => {
  inputKinds ??= new Map(allQuantifiedRules.flatMap((rule) => Object.entries(rule.inputs).map(([key, spec]) => [key, spec.kind] as const)));
  return inputKinds.get(input);
};

/**
 * The input an amount's words name: of the inputs of its kind (money or count), the one whose
 * words end nearest before it in its clause, the longer words winning a tie (软硬件一共花了
 * 700万: 软硬件…花了 is the 智能软硬件投资 of （三）, not （八）'s 投资). A rule that does not ask
 * it gets none of it (营收 beside a question about （八）).
 */
function namedInput(kind: 'money' | 'count', clause: string): string | undefined {
  let nearest: { input: string; end: number; length: number } | undefined;
  for (const { input, cues } of vocabulary().facts.amounts) {
    if (kindOf(input) !== kind) continue;
    for (const cue of cues) {
      const last = lastMatch(clause, cue);
      if (!last) continue;
      const { end, length } = last;
      if (!nearest || end > nearest.end || (end === nearest.end && length > nearest.length)) nearest = { input, end, length };
    }
  }
  return nearest?.input;
}

/** Without words naming it, an amount is the rule's only input of that kind that must be given. */
function onlyInput(rule: QuantifiedRule, kind: 'money' | 'count'): string | undefined {
  const candidates = Object.entries(rule.inputs).filter(([, spec]) => spec.kind === kind && spec.default === undefined);
  return candidates.length === 1 ? candidates[0][0] : undefined;
}

function lastMatch(text: string, cue: Cue): { end: number; length: number } | undefined {
  let last: { end: number; length: number } | undefined;
  for (const match of text.matchAll(cue.global)) last = { end: match.index + match[0].length, length: match[0].length };
  return last;
}

/**
 * The rule the facts a question states fit best, when they fit it alone and weigh `least` at
 * least (factWeight): 服务收入1000万以上能拿吗 → （六）'s rule (服务收入 is asked by it only);
 * 政府投资的项目评上十佳 → （三）'s 十佳场景 rule (two statements only it asks). One statement
 * about the enterprise (大型企业) fits none in particular: undefined, as for an amount several
 * rules may ask.
 */
export function ruleOfFacts(facts: (rule: QuantifiedRule) => QuestionFacts, least = 2): QuantifiedRule | undefined {
  const weighed = allQuantifiedRules.map((rule) => ({ rule, weight: factWeight(rule, facts(rule)) }));
  const most = Math.max(...weighed.map((w) => w.weight));
  if (most < least) return undefined;
  const best = weighed.filter((w) => w.weight === most);
  return new Set(best.map((w) => w.rule.clause.measure)).size === 1 ? best[0].rule : undefined;
}

/** The measure of ruleOfFacts, reading the text for each rule: 服务收入1000万以上能拿吗 → 6. */
export const measureOfFacts = (text: string): number | undefined => ruleOfFacts((rule) => factsOf(text, rule))?.clause.measure;

/**
 * Reads the dialogue vocabulary and readies what a yes/no question uses (the number
 * recognizers build their models on first use, ~20 ms; regular expressions and zod schemas
 * compile on first use), so that no user's turn reads a file or pays that cost.
 */
export function prepareQuestionReading(): void {
  const v = vocabulary();
  for (const sample of ['30家', '200万', '1.2亿']) readAmount(sample);
  // So do the rules' zod schemas: judge each rule once, on its declared examples.
  for (const rule of allQuantifiedRules) {
    const examples = Object.fromEntries(Object.entries(rule.inputs).map(([key, spec]) => [key, spec.example]));
    estimate(rule, examples);
    missingInputs(rule, {});
  }
  // V8 compiles a regular expression on its first use: use each one once now.
  const sample = '这是一个示例问题，投资80万能拿吗';
  const lists = [
    v.actCues, v.smallTalkCues, v.eligibilityCues, v.checkUp, v.estimate, v.estimateCues, v.noticeFactCues, v.period,
    v.combine, v.again, v.eligibility, v.existence, v.list, v.facts.statementCues, ...v.noticeFacts.map((g) => g.cues),
  ];
  for (const cues of lists) {
    // A list's stripper compiles its pattern when it first finds a phrase: give it one of its own.
    withoutCues(`${sample}${cues[0].phrase.replaceAll('…', '')}`, cues);
    hasCue(sample, cues);
    for (const cue of cues) cue.pattern.test(sample);
  }
  readText(`${sample}，我们是中小企业，在青岛注册，服务了60家，已经上线`);
  for (const { cue } of v.facts.statementPhrases) cue.pattern.test(sample);
  for (const { cues } of v.facts.amounts) for (const cue of cues) [...sample.matchAll(cue.global)];
  for (const { cues } of v.facts.roles) for (const cue of cues) cue.pattern.test(sample);
  for (const { patterns } of v.facts.places) for (const pattern of patterns) [...'在青岛注册的法人'.matchAll(pattern)];
  placesIn('青岛');
}
