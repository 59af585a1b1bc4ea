import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { knowledgePath, loadKnowledge } from '../knowledge';
import { normalizeQuery } from '../search';

/**
 * The dialogue vocabulary of knowledge/dialogue.json and knowledge/question-facts.json,
 * validated and compiled once. A phrase matches anywhere in a normalised message; '…'
 * in a phrase stands for up to 8 characters of anything.
 *
 *   const cues = compileCues(['哪几…补贴']);
 *   firstCue('哪几项补贴有金额', cues)?.phrase → '哪几…补贴'
 */

const Phrases = z.array(z.string().min(1)).min(1);
const Note = z.string().optional();
const Listed = z.object({ note: Note, phrases: Phrases });

export const SMALL_TALK = ['human', 'identity', 'capabilities', 'help', 'goodbye', 'thanks', 'ack', 'greeting'] as const;
export const APPLY_NEEDS = ['materials', 'deadline', 'phone', 'contact', 'procedure'] as const;
export const ASPECTS = ['units', 'conditions', 'period', 'figures', 'full-text', 'summary'] as const;
export const NOTICE_FACTS = ['validity', 'issuer', 'date', 'scope', 'overview'] as const;
export const LIST_FOCUS = ['capped', 'unquantified', 'highest', 'fixed', 'rate', 'withCap'] as const;

const DialogueSchema = z.object({
  note: Note,
  fillers: Listed,
  smalltalk: z.object({
    note: Note,
    groups: z.array(z.object({ kind: z.enum(SMALL_TALK), anywhere: z.boolean().optional(), phrases: Phrases })),
  }),
  checkUp: Listed,
  estimate: Listed,
  combine: Listed,
  again: Listed,
  list: Listed,
  listFocus: z.object({ note: Note, groups: z.array(z.object({ focus: z.enum(LIST_FOCUS), phrases: Phrases })) }),
  nature: Listed.extend({ unless: Phrases }),
  period: Listed.extend({ proposesYearly: Phrases, proposesOneTime: Phrases }),
  unitMeasures: Listed,
  whichMeasures: Listed.extend({ manner: Phrases, mentions: Phrases }),
  compare: Listed,
  definition: z.object({ note: Note, before: Phrases, after: Phrases }),
  apply: z.object({ note: Note, groups: z.array(z.object({ need: z.enum(APPLY_NEEDS), phrases: Phrases })) }),
  eligibility: Listed,
  existence: Listed,
  later: Listed,
  noticeFacts: z.object({
    note: Note,
    groups: z.array(z.object({ fact: z.enum(NOTICE_FACTS), unlessMeasure: z.boolean(), phrases: Phrases })),
  }),
  thisMeasure: Listed,
  aspects: z.object({ note: Note, groups: z.array(z.object({ aspect: z.enum(ASPECTS), phrases: Phrases })) }),
  unsetRequirements: z.object({ note: Note, groups: z.array(z.object({ what: z.string().min(1), phrases: Phrases })) }),
  generic: Listed,
});

const FactsSchema = z.object({
  note: Note,
  statements: z.array(z.object({ input: z.string().min(1), value: z.union([z.boolean(), z.string()]), phrases: Phrases })),
  roles: z.object({
    note: Note,
    groups: z.array(z.object({ rule: z.string().min(1), role: z.string().min(1), phrases: Phrases, instead: z.string().min(1).optional() })),
  }),
  notCounted: z.object({
    note: Note,
    groups: z.array(z.object({ rule: z.string().min(1), what: z.string().min(1), counts: z.string().min(1), phrases: Phrases })),
  }),
  places: z.object({ note: Note, inputs: z.array(z.object({ input: z.string().min(1), phrases: Phrases })) }),
  ownership: Listed,
  amounts: z.object({ note: Note, asked: Phrases, inputs: z.array(z.object({ input: z.string().min(1), phrases: Phrases })) }),
});

export type SmallTalk = (typeof SMALL_TALK)[number];
export type ApplyNeed = (typeof APPLY_NEEDS)[number];
export type Aspect = (typeof ASPECTS)[number];
export type NoticeFact = (typeof NOTICE_FACTS)[number];
export type ListFocus = (typeof LIST_FOCUS)[number];

/** One phrase, compiled; `global` is the same pattern with the g flag (for replace and matchAll). */
export interface Cue {
  phrase: string;
  pattern: RegExp;
  global: RegExp;
  /** The pattern with each '…' gap captured, for stripping the phrase but not what stands in its gaps. */
  strip?: string;
}

const GAP = '…';

/**
 * Question words people write colloquially: a phrase written with 什么 also matches 啥 (截止时间是啥时候),
 * 怎么 also 咋, 哪里 also 哪儿 (去哪儿申报), and the other way round.
 */
const COLLOQUIAL: [RegExp, string][] = [
  [/什么|啥/g, '(?:什么|啥)'],
  [/怎么|咋/g, '(?:怎么|咋)'],
  [/哪里|哪儿/g, '(?:哪里|哪儿)'],
];

/** A phrase's words between gaps as a pattern: normalised, escaped, with colloquial question words. */
function partSource(part: string): string {
  let source = normalizeQuery(part).replace(/\s+/g, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const [words, alternatives] of COLLOQUIAL) source = source.replace(words, alternatives);
  return source;
}

/**
 * '哪几…补贴' → /哪几.{0,8}?补贴/ on normalised text (traditional → simplified, Latin upper case).
 * With `keepGaps`, stripping the phrase leaves what stands in its gaps: the gap of 有…奖励吗 or
 * 符合…条件吗 holds what the question is about; that of 哪些…钱 (有哪些奖补，分别多少钱) does not.
 */
export function compileCues(phrases: readonly string[], options: { keepGaps?: boolean } = {}): Cue[] {
  return phrases.map((phrase) => {
    const parts = phrase.split(GAP).map(partSource);
    const source = parts.join('.{0,8}?');
    return { phrase, pattern: new RegExp(source), global: new RegExp(source, 'g'), ...(options.keepGaps ? { strip: parts.join('(.{0,8}?)') } : {}) };
  });
}

/**
 * Blanks out every cue of a list wherever it occurs, longest phrase first at each position,
 * overlapping ones too (帮忙估一估: 帮忙估 and 估一估 share 估); what stands in a phrase's gap
 * is the user's own and stays, unless another cue covers it:
 *   stripper(compileCues(['责任单位', '这条']))('这条的责任单位是谁') → ' 的 是谁'
 *   stripper(compileCues(['有…奖励吗'], { keepGaps: true }))('有啥评选或者奖励吗') → ' 啥评选或者 '
 */
export function stripper(cues: readonly Cue[]): (text: string) => string {
  const sorted = [...cues].sort((a, b) => b.phrase.length - a.phrase.length);
  if (sorted.length === 0) return (text) => text;
  const gaps = sorted.some((cue) => cue.strip !== undefined);
  // With the indices of the gaps when a phrase keeps them; searched again one character after
  // each match's start, so overlapping phrases are found too.
  const all = new RegExp(sorted.map((cue) => cue.strip ?? cue.pattern.source).join('|'), gaps ? 'gd' : 'g');
  const BLANK = 1;
  const GAP = 2;
  return (text) => {
    let marks: Uint8Array | undefined;
    for (let at = 0; at < text.length; ) {
      all.lastIndex = at;
      const match = all.exec(text);
      if (!match) break;
      at = match.index + 1;
      if (match[0] === '') continue;
      marks ??= new Uint8Array(text.length);
      const start = match.index;
      const end = start + match[0].length;
      const kept: [number, number][] = [];
      if (match.indices) {
        for (let g = 1; g < match.length; g++) {
          const span = match.indices[g];
          if (span && span[1] > span[0]) kept.push(span);
        }
      }
      for (let i = start; i < end; i++) {
        if (!kept.some(([s, e]) => i >= s && i < e)) marks[i] = BLANK;
        else if (marks[i] === 0) marks[i] = GAP;
      }
    }
    if (!marks) return text;
    let out = '';
    let blank = false;
    for (let i = 0; i < text.length; i++) {
      if (marks[i] === BLANK) {
        if (!blank) out += ' ';
        blank = true;
        continue;
      }
      // A gap stands apart from the words around it, as the phrase around it did.
      if (marks[i] === GAP && (i === 0 || marks[i - 1] !== GAP) && !blank) out += ' ';
      out += text[i];
      blank = false;
      if (marks[i] === GAP && (i + 1 === text.length || marks[i + 1] === 0)) out += ' ';
    }
    return out;
  };
}

/** The first cue found in the text, in the order they are listed. */
export const firstCue = (text: string, cues: readonly Cue[]): Cue | undefined => cues.find((cue) => cue.pattern.test(text));

const anyOf = new WeakMap<readonly Cue[], RegExp>();

/** True when any cue of the list occurs in the text: one precompiled alternation per list. */
export function hasCue(text: string, cues: readonly Cue[]): boolean {
  let any = anyOf.get(cues);
  if (!any) anyOf.set(cues, (any = cues.length ? new RegExp(cues.map((cue) => cue.pattern.source).join('|')) : /(?!)/));
  return any.test(text);
}

const strippers = new WeakMap<readonly Cue[], (text: string) => string>();

/** The text with every occurrence of the cues blanked out (longest phrases first); compiled once per list. */
export function withoutCues(text: string, cues: readonly Cue[]): string {
  let strip = strippers.get(cues);
  if (!strip) strippers.set(cues, (strip = stripper(cues)));
  return strip(text);
}

export interface Vocabulary {
  fillers: Cue[];
  smallTalk: { kind: SmallTalk; anywhere: boolean; cues: Cue[] }[];
  checkUp: Cue[];
  estimate: Cue[];
  /** The words of a request to estimate and of every act: what is left names the measure. */
  estimateCues: Cue[];
  combine: Cue[];
  /** Having had one award, asking for another: combining when two measures are named. */
  again: Cue[];
  list: Cue[];
  /** Which of the paying measures a list asks for; each also asks for a list by itself. */
  listFocus: { focus: ListFocus; cues: Cue[] }[];
  /** Is it a subsidy at all (拨改投算补贴吗)? */
  nature: Cue[];
  /** Asking whether one can have it (能拿, 能申请): then not a question of the money's nature. */
  natureUnless: Cue[];
  period: Cue[];
  /** The period a yes/no question puts (每年都发吗: yearly; 是一次性的吗: one-time). */
  proposesPeriod: { yearly: Cue[]; oneTime: Cue[] };
  /** Asking which measures a unit is responsible for (发改委负责哪些措施). */
  unitMeasures: Cue[];
  /** Asking which measures (哪些条, 有哪几条措施): with a kind of beneficiary, the measures that name it. */
  whichMeasures: Cue[];
  /** Words that say how support is given (方式, 形式): left off the end of what a which-measures question names. */
  manner: Set<string>;
  /** Words that say a thing is named (提到, 有关, 通知里): left out of what a which-measures question names. */
  mentions: Set<string>;
  /** Comparing with another place (跟青岛比): with another city beside Qingdao, outside the notice. */
  compare: Cue[];
  /** What counts as an input (算不算…中小企业, 中小企业的认定标准): words before the name, words right after it. */
  definition: { before: Cue[]; after: string[] };
  /** The responsible units the measures list, by every name people call them: 发改委 → 市发展改革委. */
  units: { unit: string; pattern: RegExp }[];
  apply: { need: ApplyNeed; cues: Cue[] }[];
  eligibility: Cue[];
  /** Is there support at all (有奖励吗, 有没有补贴)? */
  existence: Cue[];
  later: Cue[];
  noticeFacts: { fact: NoticeFact; unlessMeasure: boolean; cues: Cue[] }[];
  /** The words of questions about the notice and of every act: what is left may name a measure. */
  noticeFactCues: Cue[];
  thisMeasure: Cue[];
  aspects: { aspect: Aspect; cues: Cue[] }[];
  /** Requirements no measure sets (成立几年, 注册资本), by what they are: asked about, the answer says so first. */
  unsetRequirements: { what: string; cues: Cue[] }[];
  /** Normalised words that do not name a measure on their own. */
  generic: Set<string>;
  /** Every phrase that says what a turn does rather than what it is about. */
  actCues: Cue[];
  /** Small-talk phrases and fillers: what a small-talk message is made of. */
  smallTalkCues: Cue[];
  /** The small-talk phrases alone (no fillers), to tell quickly whether a message may be small talk. */
  smallTalkPhrases: Cue[];
  /**
   * For yes/no questions, also what the user says about the enterprise (大型企业, 已上线) and
   * the words of an amount followed by one (营收几十亿): not what the question is about.
   */
  eligibilityCues: Cue[];
  facts: {
    statements: { input: string; value: boolean | string; cues: Cue[] }[];
    /** Every statement phrase, longest first, for reading them one by one. */
    statementPhrases: { input: string; value: boolean | string; cue: Cue }[];
    /** Every statement phrase, to tell at once whether a text has any. */
    statementCues: Cue[];
    /**
     * What an asker says it is when a rule pays someone else (用了平台的云服务: a user of the
     * platform, not the provider （六） pays), with the measure's words for such askers.
     */
    roles: { rule: string; role: string; instead?: string; cues: Cue[] }[];
    /** What a rule's figures leave out (外地客户的收入 for （六）), with the measure's words for what they count. */
    notCounted: { rule: string; what: string; counts: string; cues: Cue[] }[];
    /** Phrases whose gap holds a place: in Qingdao → yes, elsewhere → no (在济南注册). */
    places: { input: string; patterns: RegExp[] }[];
    /** Who owns the enterprise (外资控股, 民营): a distinction the notice does not make. */
    ownership: Cue[];
    amounts: { input: string; cues: Cue[] }[];
    /** The words right before an amount that make it the award asked about (能拿100万不), not a fact. */
    asked: RegExp;
  };
}

function readJson<S extends z.ZodType>(file: string, schema: S): z.infer<S> {
  try {
    return schema.parse(JSON.parse(readFileSync(knowledgePath(file), 'utf8')));
  } catch (error) {
    throw new Error(`knowledge/${file}: ${(error as Error).message}`);
  }
}

let cached: Vocabulary | undefined;

/** knowledge/dialogue.json and knowledge/question-facts.json, read and compiled once. */
export function vocabulary(): Vocabulary {
  if (cached) return cached;
  const d = readJson('dialogue.json', DialogueSchema);
  const f = readJson('question-facts.json', FactsSchema);
  const apply = d.apply.groups.map((g) => ({ need: g.need, cues: compileCues(g.phrases, { keepGaps: true }) }));
  const aspects = d.aspects.groups.map((g) => ({ aspect: g.aspect, cues: compileCues(g.phrases) }));
  const unsetRequirements = d.unsetRequirements.groups.map((g) => ({ what: g.what, cues: compileCues(g.phrases) }));
  const combine = compileCues(d.combine.phrases, { keepGaps: true });
  const again = compileCues(d.again.phrases, { keepGaps: true });
  const list = compileCues(d.list.phrases);
  // 单个平台服务商一年最高…: what stands in the gap may name the measure asked about.
  const listFocus = d.listFocus.groups.map((g) => ({ focus: g.focus, cues: compileCues(g.phrases, { keepGaps: true }) }));
  const nature = compileCues(d.nature.phrases, { keepGaps: true });
  const period = compileCues(d.period.phrases);
  const eligibility = compileCues(d.eligibility.phrases, { keepGaps: true });
  const existence = compileCues(d.existence.phrases, { keepGaps: true });
  const later = compileCues(d.later.phrases);
  const thisMeasure = compileCues(d.thisMeasure.phrases);
  const estimate = compileCues(d.estimate.phrases);
  const fillers = compileCues(d.fillers.phrases);
  const smallTalk = d.smalltalk.groups.map((g) => ({ kind: g.kind, anywhere: g.anywhere ?? false, cues: compileCues(g.phrases) }));
  const statements = f.statements.map((s) => ({ input: s.input, value: s.value, cues: compileCues(s.phrases) }));
  const amounts = f.amounts.inputs.map((a) => ({ input: a.input, cues: compileCues(a.phrases) }));
  const roles = f.roles.groups.map((g) => ({ rule: g.rule, role: g.role, instead: g.instead, cues: compileCues(g.phrases) }));
  const measureTexts = loadKnowledge().measures.map((m) => m.text).join('\n');
  for (const role of roles) {
    if (role.instead && !measureTexts.includes(role.instead)) {
      throw new Error(`knowledge/question-facts.json: the role "${role.role}" quotes words the notice does not have: ${role.instead}`);
    }
  }
  const notCounted = f.notCounted.groups.map((g) => ({ rule: g.rule, what: g.what, counts: g.counts, cues: compileCues(g.phrases) }));
  for (const part of notCounted) {
    if (!measureTexts.includes(part.counts)) {
      throw new Error(`knowledge/question-facts.json: "${part.what}" quotes words the notice does not have: ${part.counts}`);
    }
  }
  const actCues = [
    ...combine, ...again, ...list, ...listFocus.flatMap((g) => g.cues), ...nature, ...period, ...eligibility, ...existence, ...later, ...thisMeasure, ...fillers,
    ...apply.flatMap((g) => g.cues), ...aspects.flatMap((g) => g.cues),
    // 给奖不: the 不 that asks the question (see acts.ts) is no word of what it is about.
    // (No flags: the cues of a list are joined into one pattern.)
    { phrase: '…不', pattern: /不(?=[\s?？!！。.,，~]*$)/, global: /不(?=[\s?？!！。.,，~]*$)/g },
  ];
  // An amount's words that the notice writes, in whole or a term of three characters or more
  // (智能软硬件, 软硬件投了, 服务收入), also say which measure is meant; only the others (营收几十亿)
  // are taken out of a yes/no question before searching it.
  const noticeText = normalizeQuery(loadKnowledge().measures.map((m) => m.text).join('\n'));
  for (const phrase of d.unsetRequirements.groups.flatMap((g) => g.phrases)) {
    if (noticeText.includes(normalizeQuery(phrase))) throw new Error(`knowledge/dialogue.json: "${phrase}" is among unsetRequirements but the notice writes it`);
  }
  const writtenInNotice = (phrase: string) => {
    const p = normalizeQuery(phrase);
    if (noticeText.includes(p)) return true;
    for (let i = 0; i + 3 <= p.length; i++) if (noticeText.includes(p.slice(i, i + 3))) return true;
    return false;
  };
  const amountWords = amounts.flatMap((a) => a.cues).filter(({ phrase }) => !writtenInNotice(phrase)).map(({ phrase, pattern }) => {
    const source = `${pattern.source}(?=.{0,4}?[\\d几])`;
    return { phrase, pattern: new RegExp(source), global: new RegExp(source, 'g') };
  });
  const noticeFacts = d.noticeFacts.groups.map((g) => ({ fact: g.fact, unlessMeasure: g.unlessMeasure, cues: compileCues(g.phrases) }));
  // Each unit under its own name, without the leading 市, and its synonyms (knowledge/synonyms.json).
  const knowledge = loadKnowledge();
  const unitNames = [...new Set(knowledge.measures.flatMap((m) => m.units))];
  const units = unitNames.map((unit) => {
    const names = new Set([unit, unit.replace(/^市(?!政府)/, ''), unit.replace(/、/g, '')]);
    for (const group of knowledge.synonyms) if (group.terms.includes(unit)) for (const term of group.terms) names.add(term);
    const sources = [...names].filter((name) => name.length >= 2).sort((a, b) => b.length - a.length).map(partSource);
    return { unit, pattern: new RegExp(sources.join('|')) };
  });
  // The gap is the place: taken whole (up to 8 characters of one clause), then read for place names.
  const places = f.places.inputs.map((p) => ({
    input: p.input,
    patterns: p.phrases.map((phrase) => new RegExp(phrase.split(GAP).map(partSource).join('([^,，。;；!！?？、]{1,8})'), 'g')),
  }));
  const placePatterns = places.flatMap((p) => p.patterns);
  cached = {
    fillers,
    smallTalk,
    checkUp: compileCues(d.checkUp.phrases),
    estimate,
    estimateCues: [...estimate, ...actCues],
    combine,
    again,
    unitMeasures: compileCues(d.unitMeasures.phrases),
    whichMeasures: compileCues(d.whichMeasures.phrases),
    manner: new Set(d.whichMeasures.manner.map(normalizeQuery)),
    mentions: new Set(d.whichMeasures.mentions.map(normalizeQuery)),
    compare: compileCues(d.compare.phrases, { keepGaps: true }),
    definition: { before: compileCues(d.definition.before), after: d.definition.after.map(normalizeQuery) },
    units,
    list,
    listFocus,
    nature,
    natureUnless: compileCues(d.nature.unless),
    period,
    proposesPeriod: { yearly: compileCues(d.period.proposesYearly), oneTime: compileCues(d.period.proposesOneTime) },
    apply,
    eligibility,
    existence,
    later,
    noticeFacts,
    noticeFactCues: [...noticeFacts.flatMap((g) => g.cues), ...actCues],
    thisMeasure,
    aspects,
    unsetRequirements,
    generic: new Set(d.generic.phrases.map((p) => normalizeQuery(p))),
    actCues,
    smallTalkCues: [...smallTalk.flatMap((g) => g.cues), ...fillers],
    smallTalkPhrases: smallTalk.flatMap((g) => g.cues),
    eligibilityCues: [
      ...actCues,
      ...statements.filter((s) => typeof s.value === 'boolean').flatMap((s) => s.cues),
      ...amountWords,
      // 在深圳注册: where the enterprise is, not whose policy is asked about.
      ...placePatterns.map((pattern) => {
        const whole = pattern.source.replaceAll('([^', '(?:[^'); // the place goes too
        return { phrase: pattern.source, pattern: new RegExp(whole), global: new RegExp(whole, 'g'), strip: whole };
      }),
    ],
    facts: {
      statements,
      statementPhrases: statements
        .flatMap((s) => s.cues.map((cue) => ({ input: s.input, value: s.value, cue })))
        .sort((a, b) => b.cue.phrase.length - a.cue.phrase.length),
      statementCues: statements.flatMap((s) => s.cues),
      roles,
      notCounted,
      places,
      ownership: compileCues(f.ownership.phrases),
      amounts,
      asked: new RegExp(`(?:${f.amounts.asked.map(partSource).join('|')})$`),
    },
  };
  return cached;
}
