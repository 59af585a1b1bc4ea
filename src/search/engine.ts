import MiniSearch from 'minisearch';
import { sentencesOf, type Knowledge, type Measure } from '../knowledge';
import { memoize } from '../memo';
import { normalizeQuery } from './normalize';
import { findMeasureReference } from './references';
import {
  cutForSearch,
  cutQuestionWords,
  generalIdf,
  isPunctuation,
  isStopword,
  loadSegmenter,
  mergeUnknownRuns,
  placeNames,
  singleCharFrequency,
  wordTag,
} from './segmenter';

export interface SearchHit {
  measure: Measure;
  /** minisearch's BM25 score: comparable within one query only. */
  score: number;
  /** Share (0–1) of the question's words, weighted by how informative each is, that the measure contains. */
  coverage: number;
  /** The sentence of the measure that best answers the question. */
  snippet: string;
  /** Words of the question this measure has in no form (itself, a sub-word or a synonym); places left out. */
  uncovered: string[];
}

export interface SearchResponse {
  query: string;
  normalized: string;
  /** Set when the question names a measure ("第八条"): answered without search. */
  reference?: number;
  hits: SearchHit[];
  /** The question's content words, as the search weighs them (see words()). */
  words: string[];
  /** The question's words that no measure has in any form (首台套): the notice does not mention them. */
  unknown: string[];
  /** Set when the question names only places outside Qingdao (北京的补贴): another government's policy. */
  elsewhere?: string[];
}

export interface SearchOptions {
  limit?: number;
}

/** One word of the question, with every form under which a measure may carry it. */
interface QueryTerm {
  word: string;
  /** True when no measure has the word in any form: the notice does not mention it. */
  unknown: boolean;
  /** Each form with its weight: the word itself 1, its sub-words and synonyms less. */
  forms: readonly (readonly [form: string, weight: number])[];
  /** What the word weighs in a measure's coverage of the question (its general idf, adjusted when unknown). */
  weight: number;
  /** Two characters or more: the word may be found in a measure's text as written. */
  findable: boolean;
}

/** Tuned on the questions in knowledge/eval with `npm run eval` (see README, "Search quality"). */
export const SEARCH_TUNING = {
  fieldBoosts: { title: 3, body: 1, section: 0.5, units: 0.5 },
  subwordWeight: 0.5,
  synonymWeight: 0.7,
  /**
   * A measure must contain at least this share of the question's words (weighted by
   * general idf) to be an answer. Chosen by measurement with `npm run eval -- --sweep`
   * on the dev questions and 180 held-out ones written blind (knowledge/eval):
   *   0.35 → dev rejects 50% out-of-scope (个人所得税怎么申报 passes); held-out top-1 98.0%, 80.6% rejected
   *   0.40 → dev 100% top-1, 100% rejected; held-out top-1 98.0%, 87.1% rejected
   *   0.45 → dev 100% / 100%; held-out top-1 95.3%, 87.1% rejected
   * 0.42 sits inside the band where dev is perfect, away from its lower edge.
   */
  minCoverage: 0.42,
  /**
   * Words found in at least this share of the measures are left out of ranking: BM25+
   * gives every match a floor, so 工业互联网 and its four sub-words in a short title
   * outscored the one word that mattered (工业互联网技能大赛 ranked （十四） first).
   */
  ubiquitousShare: 0.6,
  /**
   * A question word that no measure has at all (个人所得税, 商标, 手机) weighs this much
   * more: it is the best sign that the question is about something else.
   */
  unknownWordWeight: 1.5,
  /**
   * An unknown fragment (see isFragment: 用起来's 起来, 拿到, 台老冲压, 评最好) says how the
   * question is put rather than what it is about: it weighs this much, not unknownWordWeight.
   */
  fragmentWeight: 0.5,
  /**
   * Ranking is BM25 × coverage^this. Measured with npm run eval on the held-out
   * questions: 1 → top-1 96.6%, 2 → 96.6%, 3 → 97.3% (dev 100% for all); with 1,
   * 奖励有哪些 ranked （六） (two synonyms of 奖励) above （九） (奖励 itself).
   */
  coverageExponent: 3,
  /**
   * Each pair of the question's words written together in it and, as written, in a measure
   * (服务本地 of 服务本地企业要满足多少家, which （六） writes) multiplies that measure's rank
   * by 1 + this: the notice's own phrase, not its words scattered over another measure.
   */
  phraseBonus: 0.5,
  /** Further hits are kept only while their score is within this share of the top one. */
  minRelativeScore: 0.3,
};

/** A number in digits or Chinese numerals, maybe with its unit: 80, 一百多家, 几十万. */
const isNumber = (word: string): boolean => /^[\d.]+[万亿元家个]?$/.test(word) || /^[零一二三四五六七八九十百千万亿两几多余]+[家个万亿元]?$/.test(word);

/**
 * Terms worth indexing or searching: no punctuation, no stopword, no lone character,
 * no number (an amount in a question, 80万 or 一百多家, says nothing about which measure).
 */
function isContentWord(word: string): boolean {
  return !isPunctuation(word) && !isStopword(word) && [...word].length >= 2 && !isNumber(word);
}

/**
 * jieba's parts of speech for words that only say how something is asked: adverbs (d, ad),
 * adjectives (a), pronouns (r), numerals and measure words (m, q), conjunctions (c),
 * prepositions (p), particles (u…, y, e, o), status words (z) and words of position
 * (f: 周边, 附近, 旁边 of 给周边的工厂). See wordTag.
 */
const FUNCTION_TAGS = /^(d|ad|a|r|m|q|mq|c|p|u\w*|y|e|o|z|f)$/;

/**
 * Directional and resultative complements, and the aspect particle 着: a verb and one of these
 * (投到, 纳进, 拿走, 评上, 留着) says how something is done; jieba's dictionary lacks most such
 * pairs, so they come out as an unknown run of two characters.
 */
const COMPLEMENTS = new Set([...'到进入上下出回过起来去给成完掉走住开着']);

/**
 * Words that only say how the question is put: a function word by its part of speech, or a
 * two-character pair jieba does not know, of a verb and its complement (投到) or of a verb and
 * the adverb after it (算又).
 */
const isFunctionWord = (word: string): boolean => {
  const tag = wordTag(word);
  if (FUNCTION_TAGS.test(tag)) return true;
  if (tag !== 'x') return false;
  const chars = [...word];
  // 挺可观, 很划算: an adverb of degree and the two characters it qualifies (a word the trimmed dictionary lacks).
  if (chars.length === 3 && DEGREE_ADVERBS.has(chars[0])) return true;
  // 留着用, 拿了去: a verb with the aspect particle 着/了/过 after it is a way of doing, not a thing.
  if (chars.length === 2 && COMPLEMENTS.has(chars[1])) return true;
  // 按比例算又有封顶: a verb and the adverb that opens the next phrase (算|又, 给|也), cut together.
  if (chars.length === 2 && wordTag(chars[0]) === 'v' && wordTag(chars[1]) === 'd') return true;
  // 车间里装了, 这算网络投资吧: a word of position or a pronoun and the verb after it (里|装, 这|算), cut together.
  if (chars.length === 2 && /^(f|r)$/.test(wordTag(chars[0])) && wordTag(chars[1]) === 'v') return true;
  return chars.slice(1, -1).some((char) => ASPECT.has(char));
};

/**
 * An unknown word that is a fragment of how something is said, not a topic of its own: a verb
 * jieba knows with its complement (拿到, 起来 of 用起来; not 上市, 报考), or a run jieba cuts into single characters,
 * three or more, with a verb among them, that a verb ends (整条线做, 医院做), a measure word or
 * numeral begins (几台老冲压: 台/q 老/a 冲/v) or that holds an adverb or adjective (评最好: 评/v 最/d).
 * A noun (身份证, 医院), a term of neighbouring policy, a run with no verb (首台套: 首/m 台/q 套/q)
 * or none of those (加计扣除, 环评审批) stays a sign of another topic.
 */
export const isFragment = (word: string): boolean => {
  const tag = wordTag(word);
  const chars = [...word];
  if (tag === 'v') return chars.length === 2 && COMPLEMENTS.has(chars[1]);
  if (tag !== 'x' || chars.length < 2) return false;
  const charTags = chars.map((char) => wordTag(char));
  // 挺高, 太贵 (an adverb and the adjective or verb it qualifies), 个帮 of 搭了个帮…的平台 (a
  // measure word and the verb after it): two characters that say how, never a topic.
  if (chars.length === 2) return /^(d|q)$/.test(charTags[0]) && /^(a|v)$/.test(charTags[1]);
  if (!charTags.some((t) => t === 'v')) return false;
  return /^(q|m)$/.test(charTags[0]) || charTags[charTags.length - 1] === 'v' || charTags.some((t) => /^(d|a)$/.test(t));
};

/** Adverbs of degree (挺, 很, 太…): what follows them says how much, not what about. */
const DEGREE_ADVERBS = new Set([...'挺很太蛮颇怪忒']);

/** Aspect particles: inside an unknown run (留着用) they mark a verb phrase. */
const ASPECT = new Set([...'着了过']);

/**
 * "按照投资额的20%给予奖补": people ask for the 比例 or 百分比, the notice writes "20%"; and they
 * name an award by its rate (服务商那个20%的奖补): each rate is also one word, RATE20.
 */
function withRateWords(text: string): string {
  return text
    .replace(/(\d+(?:\.\d+)?)%/g, (rate, percent: string) => `${rate} 比例 ${rateWord(percent)} `)
    .replace(FIGURE, (figure, number: string, unit: string) => `${figure} ${figureWord(number, unit)} `);
}

/**
 * A figure of the notice that is no sum an award rule reads (100亿 of a fund, 200个 scenarios a
 * quarter) names its measure when a question cites it (100亿的基金资金从哪来 → （十四））, as one
 * word: 100亿 → FIG100YI. Sums in 万 are left out: a question's 300万 is most often its own
 * investment, not （三）'s award.
 */
const FIGURE = /(\d+(?:\.\d+)?)(亿|个)/g;
const figureWord = (number: string, unit: string): string => `FIG${number}${unit === '亿' ? 'YI' : 'GE'}`;
const FIGURE_WORD = /^FIG[\d.]+(YI|GE)$/;

/** A question word as the user wrote it, for replies that quote it: RATE5 → 5%, FIG100YI → 100亿. */
export function asWritten(word: string): string {
  return word
    .replace(/^RATE([\d.]+)$/, '$1%')
    .replace(/^FIG([\d.]+)YI$/, '$1亿')
    .replace(/^FIG([\d.]+)GE$/, '$1个');
}

/**
 * A question's quotation marks only set a word apart (“身份证”编码, 什么是“拨改投”): without them
 * the words they split are cut whole (身份证编码).
 */
export const unquoted = (text: string): string => text.replace(/[“”"‘’]/g, '');

/** A rate as one word, in the index and in questions: 20% → RATE20. */
const rateWord = (percent: string): string => `RATE${percent}`;
const RATE_WORD = /^RATE[\d.]+$/;

/** "那个20%的奖补" → "那个 RATE20 的奖补": the rate a question cites, as the index has it. */
const ratesAsWords = (text: string): string =>
  text
    .replace(/(\d+(?:\.\d+)?)%/g, (_rate, percent: string) => ` ${rateWord(percent)} `)
    .replace(FIGURE, (_figure, number: string, unit: string) => ` ${figureWord(number, unit)} `);


/**
 * Full-text search over the notice's measures: jieba words, minisearch BM25 with field
 * boosts, query-side synonyms, and a coverage threshold so that a question the notice
 * does not answer gets no result rather than the least bad one.
 *
 *   const engine = new PolicySearch(loadKnowledge());
 *   engine.search('两化融合项目补贴多少').hits[0].measure.number  // → '（八）'
 */
export class PolicySearch {
  private readonly index: MiniSearch<{ id: number; title: string; body: string; section: string; units: string }>;
  private readonly measures: Map<number, Measure>;
  private readonly wordsOf = new Map<number, Set<string>>();
  private readonly synonymsOf = new Map<string, string[]>();
  /** Words most measures carry (工业互联网, 平台, 支持): they cannot tell measures apart. */
  private readonly ubiquitousWords = new Set<string>();
  /** Every word of every measure. */
  private readonly vocabulary = new Set<string>();
  /** Each measure's whole text, normalised: a word jieba cannot cut may still occur in it (医养). */
  private readonly textOf = new Map<number, string>();
  /** The whole notice, normalised. */
  private readonly noticeText: string;
  /** Each measure's sentences, as written and normalised (for snippets). */
  private readonly sentencesOf = new Map<number, { sentence: string; normalized: string }[]>();
  /** A synonym's sub-words, cut once. */
  private readonly subwordsOf = new Map<string, readonly string[]>();

  constructor(private readonly knowledge: Knowledge) {
    loadSegmenter();
    singleCharFrequency('的'); // loads the table now: a turn reads no file
    this.measures = new Map(knowledge.measures.map((m) => [m.id, m]));
    for (const m of knowledge.measures) this.textOf.set(m.id, normalizeQuery(m.text));
    this.noticeText = [...this.textOf.values()].join('\n');
    const tokenize = (text: string) => cutForSearch(withRateWords(normalizeQuery(text))).filter(isContentWord);
    this.index = new MiniSearch({
      fields: ['title', 'body', 'section', 'units'],
      tokenize,
      searchOptions: { boost: SEARCH_TUNING.fieldBoosts, prefix: false, fuzzy: false },
    });
    const sectionTitle = new Map(
      knowledge.notice.sections.flatMap((s) => s.measures.map((m) => [m.id, s.title] as const)),
    );
    const documents = knowledge.measures.map((m) => ({
      id: m.id,
      title: m.title,
      body: m.body,
      section: sectionTitle.get(m.id) ?? '',
      units: m.units.join('、'),
    }));
    this.index.addAll(documents);
    for (const doc of documents) {
      const words = new Set(tokenize([doc.title, doc.body, doc.section, doc.units].join('。')));
      this.wordsOf.set(doc.id, words);
    }
    const documentFrequency = new Map<string, number>();
    for (const words of this.wordsOf.values()) {
      for (const word of words) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
    }
    for (const [word, df] of documentFrequency) {
      this.vocabulary.add(word);
      if (df >= documents.length * SEARCH_TUNING.ubiquitousShare) this.ubiquitousWords.add(word);
    }
    for (const group of knowledge.synonyms) {
      for (const term of group.terms) {
        const key = normalizeQuery(term);
        const others = group.terms.map(normalizeQuery).filter((t) => t !== key);
        this.synonymsOf.set(key, [...(this.synonymsOf.get(key) ?? []), ...others]);
        this.subwordsOf.set(key, cutForSearch(key));
      }
    }
    for (const measure of knowledge.measures) {
      this.sentencesOf.set(
        measure.id,
        sentencesOf(measure.body).map((sentence) => ({ sentence, normalized: withRateWords(normalizeQuery(sentence)) })),
      );
    }
  }

  /** A single character that stands for the notice's words (钱, 补) is a word on its own, never part of an unknown one. */
  private readonly standsAlone = (char: string): boolean => this.synonymsOf.has(char);

  /** True when the notice's measures have the word, as written (normalised): mentions('落户') → false. */
  mentions(word: string): boolean {
    return this.noticeText.includes(normalizeQuery(word));
  }

  /**
   * True when the text writes every content word of the query, each as itself or a synonym
   * (not just a part of it), and the query has at least two: 国企的项目会纳入场景清单管理吗 and
   * （一）'s 率先将…国有企业等相关项目纳入清单管理.
   */
  writesAll(query: string, text: string): boolean {
    const terms = this.queryTerms(normalizeQuery(query));
    const written = normalizeQuery(text);
    return (
      terms.length >= 2 &&
      terms.every((term) => term.forms.some(([form, weight]) => weight >= SEARCH_TUNING.synonymWeight && written.includes(form)))
    );
  }

  getMeasure(id: number): Measure | undefined {
    return this.measures.get(id);
  }

  search(query: string, options: SearchOptions = {}): SearchResponse {
    const limit = options.limit ?? 5;
    const normalized = normalizeQuery(query);
    const reference = findMeasureReference(normalized);
    if (reference !== undefined) {
      const measure = this.measures.get(reference);
      const hits = measure ? [{ measure, score: 1, coverage: 1, snippet: sentencesOf(measure.body)[0], uncovered: [] }] : [];
      return { query, normalized, reference, hits, words: [], unknown: [] };
    }
    const terms = this.queryTerms(normalized);
    const words = terms.map((term) => term.word);
    const unknown = terms.filter((term) => term.unknown).map((term) => term.word);
    if (terms.length === 0) return { query, normalized, hits: [], words, unknown };
    // jieba tags some ordinary words as places (新建, 深度, 普及): a word the notice itself writes is not another city.
    // A lone character tagged a place (挪 of 挪去买) is no place unless places.txt lists it (青).
    const places = new Set(
      placeNames(normalized).filter(
        (place) => this.knowledge.localPlaces.has(place) || (!this.noticeText.includes(place) && [...place].length >= 2),
      ),
    );
    const elsewhere = this.placesElsewhere([...places]);
    if (elsewhere.length > 0) return { query, normalized, hits: [], words, unknown, elsewhere };

    // Rank on the words that tell measures apart; coverage below still counts them all.
    const weights = new Map<string, number>();
    for (const term of terms) {
      for (const [form, weight] of term.forms) {
        if (!this.ubiquitousWords.has(form)) weights.set(form, Math.max(weights.get(form) ?? 0, weight));
      }
    }
    if (weights.size === 0) for (const term of terms) for (const [form, weight] of term.forms) weights.set(form, weight);
    // Forms no measure carries cannot match: leave them out of the query (same results, less work).
    const indexed = [...weights.keys()].filter((form) => this.vocabulary.has(form));
    const results = this.index.search(indexed.join(' '), {
      tokenize: (text) => text.split(' '),
      boostTerm: (form) => weights.get(form) ?? 1,
    });
    const phrases = this.phrasesOf(terms, normalized);
    // Rank by BM25 times coverage³: a measure that answers more of the question wins
    // over one that repeats a single word of it (or several synonyms of it) more often.
    const ranked = results
      .map((result) => ({ result, coverage: this.coverage(terms, result.id) }))
      .filter(({ coverage }) => coverage >= SEARCH_TUNING.minCoverage)
      .map(({ result, coverage }) => ({
        result,
        coverage,
        rank: result.score * coverage ** SEARCH_TUNING.coverageExponent * (1 + SEARCH_TUNING.phraseBonus * this.phrasesShared(phrases, result.id)),
      }))
      .sort((a, b) => b.rank - a.rank);
    const topRank = ranked[0]?.rank ?? 0;
    const hits = ranked
      .filter(({ rank }) => rank >= topRank * SEARCH_TUNING.minRelativeScore)
      .slice(0, limit)
      .map(({ result, coverage, rank }) => {
        const measure = this.measures.get(result.id)!;
        const uncovered = terms
          .filter((term) => !places.has(term.word) && this.bestForm(term, measure.id) === 0)
          .map((term) => term.word);
        return { measure, score: round(rank), coverage: round(coverage), snippet: this.snippet(measure, weights, terms), uncovered };
      });
    return { query, normalized, hits, words, unknown };
  }

  /** Pairs of consecutive question words that the question writes together: 服务|本地 → 服务本地. */
  private phrasesOf(terms: readonly QueryTerm[], normalized: string): string[] {
    const phrases: string[] = [];
    for (let i = 1; i < terms.length; i++) {
      const phrase = terms[i - 1].word + terms[i].word;
      if (normalized.includes(phrase)) phrases.push(phrase);
    }
    return phrases;
  }

  /** How many of the phrases the measure writes as they are. */
  private phrasesShared(phrases: readonly string[], measureId: number): number {
    const text = this.textOf.get(measureId)!;
    return phrases.filter((phrase) => text.includes(phrase)).length;
  }

  /** The places a question names when none of them is Qingdao's (北京的补贴政策 → ['北京']); else []. */
  private placesElsewhere(places: string[]): string[] {
    return places.some((place) => this.knowledge.localPlaces.has(place)) ? [] : places;
  }

  /**
   * Content words of the question, each with its sub-words and synonyms. Remembered for the
   * last few texts: one turn asks about the same words several times (search, words, match).
   */
  private readonly queryTerms: (normalized: string) => readonly QueryTerm[] = memoize((normalized) => {
    const terms: QueryTerm[] = [];
    for (const word of mergeUnknownRuns(cutQuestionWords(ratesAsWords(unquoted(normalized))), this.standsAlone)) {
      const term = this.termOf(word);
      if (term && !terms.some((t) => t.word === word)) terms.push(term);
    }
    return terms;
  }, 32);

  /**
   * What each word a question used means to the search, made once per word (people reuse a
   * small vocabulary); null for a word that is no search term (a stopword, a number…).
   */
  private readonly termByWord = new Map<string, QueryTerm | null>();

  /** A word of a question as a search term, or undefined when it says nothing about which measure is meant. */
  private termOf(word: string): QueryTerm | undefined {
    let term = this.termByWord.get(word);
    if (term === undefined) {
      if (this.termByWord.size >= 10_000) this.termByWord.clear();
      term = this.makeTerm(word) ?? null;
      this.termByWord.set(word, term);
    }
    return term ?? undefined;
  }

  private makeTerm(word: string): QueryTerm | undefined {
    if (isPunctuation(word) || isStopword(word) || isNumber(word)) return undefined;
    // A rate no measure pays (30%) says nothing either way.
    if ((RATE_WORD.test(word) || FIGURE_WORD.test(word)) && !this.vocabulary.has(word)) return undefined;
    // A district of Qingdao the notice does not write (崂山, 城阳区) only says the enterprise is
    // here, as every measure takes for granted: it tells no measure apart, nor is another topic.
    if (this.knowledge.localPlaces.has(word.replace(/[区市县]$/, '')) && !this.noticeText.includes(word)) return undefined;
    const synonyms = this.synonymsOf.get(word) ?? [];
    const findable = [...word].length >= 2;
    // A lone character only counts when it stands for something (钱 → 补贴).
    if (!findable && synonyms.length === 0) return undefined;
    const forms = new Map<string, number>();
    const add = (form: string, weight: number) => {
      if (isContentWord(form) && (forms.get(form) ?? 0) < weight) forms.set(form, weight);
    };
    add(word, 1);
    // 高新技术企业 (knowledge/other-policy.txt) is another policy's term: not （七）'s 技术 by its
    // parts, nor by its synonyms' parts (电价 is not （六）'s 费用 through 用电费用).
    const whole = this.knowledge.otherPolicyTerms.has(word);
    if (!whole) for (const sub of cutForSearch(word)) add(sub, SEARCH_TUNING.subwordWeight);
    for (const synonym of synonyms) {
      add(synonym, SEARCH_TUNING.synonymWeight);
      if (!whole) for (const sub of this.subwordsOf.get(synonym) ?? []) add(sub, SEARCH_TUNING.synonymWeight * SEARCH_TUNING.subwordWeight);
    }
    const unknown = ![...forms.keys()].some((form) => this.vocabulary.has(form)) && !this.noticeText.includes(word);
    // An adverb, pronoun or the like the notice never writes (到底, 随便, 每次, 正好) is how the
    // question is put, not what it is about: it neither names a measure nor a topic the notice lacks.
    if (unknown && isFunctionWord(word)) return undefined;
    const weight = generalIdf(word) * (unknown ? this.unknownWeight(word) : 1);
    return { word, unknown, forms: [...forms], weight, findable };
  }

  /**
   * How much of a question one measure covers, whether or not the search would rank it:
   * the question's words (as words() gives them) and those the measure has in no form.
   *   match('软硬件花了700万的人工智能场景', 3) → { coverage: 1, words: ['软硬件', '人工智能', '场景'], uncovered: [] }
   */
  match(query: string, measureId: number): { coverage: number; words: string[]; uncovered: string[] } {
    const terms = this.queryTerms(normalizeQuery(query));
    if (!this.measures.has(measureId)) return { coverage: 0, words: terms.map((t) => t.word), uncovered: terms.map((t) => t.word) };
    return {
      coverage: round(this.coverage(terms, measureId)),
      words: terms.map((t) => t.word),
      uncovered: terms.filter((t) => this.bestForm(t, measureId) === 0).map((t) => t.word),
    };
  }

  /**
   * How many measures have a question word itself or a synonym of it (not merely a sub-word):
   * spread('应急处理') → 1 (（十二）'s 应急处置), spread('钱') → most of them.
   */
  spread(word: string): number {
    const [term] = this.queryTerms(normalizeQuery(word));
    if (!term) return 0;
    let count = 0;
    for (const id of this.measures.keys()) if (this.bestForm(term, id) >= SEARCH_TUNING.synonymWeight) count++;
    return count;
  }

  /**
   * The question's content words, in order, as the search weighs them: stopwords,
   * numbers and lone characters left out, runs of unknown characters merged (首台套).
   *   words('首台套保险补偿有吗') → ['首台套', '保险', '补偿']
   */
  words(query: string): string[] {
    return this.queryTerms(normalizeQuery(query)).map((term) => term.word);
  }

  /**
   * The question's words that the notice does not mention in any form, joined where they
   * stand together: unknownWords('研发费用加计扣除怎么算') → ['加计扣除'] (加|计 are kept
   * with 扣除, the word beside them).
   */
  unknownWords(query: string): string[] {
    const normalized = normalizeQuery(query);
    const unknown = new Set(this.queryTerms(normalized).filter((t) => t.unknown).map((t) => t.word));
    if (unknown.size === 0) return [];
    const words = mergeUnknownRuns(cutQuestionWords(unquoted(normalized)), this.standsAlone);
    const loose = (w: string) => /^\p{Script=Han}$/u.test(w) && !isStopword(w);
    const phrases: string[] = [];
    for (let i = 0; i < words.length; i++) {
      if (!unknown.has(words[i])) continue;
      // A term of neighbouring policy (集成电路) is named as it is, not with the verb before it (做).
      if (this.knowledge.otherPolicyTerms.has(words[i])) {
        phrases.push(words[i]);
        continue;
      }
      let start = i;
      while (start > 0 && (loose(words[start - 1]) || unknown.has(words[start - 1]))) start--;
      let end = i;
      while (end + 1 < words.length && (loose(words[end + 1]) || unknown.has(words[end + 1]))) end++;
      phrases.push(words.slice(start, end + 1).join(''));
      i = end;
    }
    return [...new Set(phrases)];
  }

  /**
   * Each term counts with its general idf, times the weight of the best form the measure has:
   * the word itself counts fully, a sub-word or a synonym partly.
   */
  private coverage(terms: readonly QueryTerm[], measureId: number): number {
    let matched = 0;
    let total = 0;
    for (const term of terms) {
      total += term.weight;
      matched += term.weight * this.bestForm(term, measureId);
    }
    return total === 0 ? 0 : matched / total;
  }

  /** How much more (or less) a word no measure has weighs: a fragment of how it is said less, another topic more. */
  private unknownWeight(word: string): number {
    return isFragment(word) && !this.knowledge.otherPolicyTerms.has(word) ? SEARCH_TUNING.fragmentWeight : SEARCH_TUNING.unknownWordWeight;
  }

  /** The weight of the best form of a term the measure has: 1 for the word itself, 0 for none. */
  private bestForm(term: QueryTerm, measureId: number): number {
    const words = this.wordsOf.get(measureId)!;
    let best = 0;
    for (const [form, weight] of term.forms) if (words.has(form)) best = Math.max(best, weight);
    // A word jieba cannot cut whole (医养 in 智慧医养) still counts where the text has it.
    if (best === 0 && term.findable && this.textOf.get(measureId)!.includes(term.word)) best = 1;
    return best;
  }

  /** The sentence of the measure that carries most of the query's weight. */
  private snippet(measure: Measure, weights: Map<string, number>, terms: readonly QueryTerm[]): string {
    let best = '';
    let bestWeight = -1;
    let bestTerms = -1;
    for (const { sentence, normalized } of this.sentencesOf.get(measure.id)!) {
      let weight = 0;
      for (const [form, w] of weights) if (normalized.includes(form)) weight += w;
      // On a tie, the sentence with more of the question's words in some form (用什么方式支持:
      // 通过股权投资形式，支持… over …扶持政策…) is the one that answers it.
      const covered = terms.filter((term) => term.forms.some(([form]) => normalized.includes(form))).length;
      if (weight > bestWeight || (weight === bestWeight && covered > bestTerms)) [best, bestWeight, bestTerms] = [sentence, weight, covered];
    }
    return best;
  }
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** A runner-up this close to the top score, covering as much of the question, is as likely meant. */
export const AMBIGUITY_RATIO = 0.85;

/**
 * The hits the user should choose among: the top one, and any that covers as much of
 * the question and scores nearly as high, or, when no measure has the question's own
 * words (coverage < 1: only synonyms matched, as for a bare 补贴), covers just as much.
 * One hit back means the top one is the answer.
 */
export function closeHits(hits: SearchHit[]): SearchHit[] {
  const [top] = hits;
  if (!top) return [];
  return hits.filter(
    (hit) =>
      hit === top ||
      (hit.coverage >= top.coverage && hit.score >= top.score * AMBIGUITY_RATIO) ||
      (top.coverage < 1 && hit.coverage === top.coverage),
  );
}
