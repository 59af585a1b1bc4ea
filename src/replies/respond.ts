import { loadKnowledge, type Measure, type Notice } from '../knowledge';
import { asWritten, closeHits, cutForSearch, isFragment, unquoted, findMeasureReference, normalizeKnown, normalizeQuery, type PolicySearch, type SearchHit, type SearchResponse } from '../search';
import { cutQuestionWords, isStopword, wordTag } from '../search/segmenter';
import { aspectOf, asksAboutLater, asksYesNo, namesYearAfterExpiry, readAct, type Act, type ActKind } from './acts';
import { awardsForReply, catalogueReply, measuresCappedAt, measuresNamingReply, natureReply, type MeasuresNaming } from './catalogue-replies';
import { applyReply, combineReply, outsideReply, smallTalkReply, unitMeasuresReply } from './conversation-replies';
import { definitionReply, eligibilityReply, ruleForQuestion } from './eligibility-replies';
import { ESTIMATE_ACTIONS } from './estimate-replies';
import {
  FOLLOW_UP,
  answerMeasure,
  chooseBetween,
  conditionsOf,
  figuresOf,
  fullText,
  noMeasureYet,
  periodOf,
  type ProposedPeriod,
  relatedMeasures,
  unitsOf,
} from './measure-replies';
import { formatDate, measureLabel, noSuchMeasure, noticeFact, sectionMenu } from './notice-replies';
import { factsOf, factWeight, placesBesideQingdao, placesIn, prepareQuestionReading, statedFacts, ruleOfFacts, statesAnything, withoutAmounts, type QuestionFacts } from './question-facts';
import { allQuantifiedRules, type QuantifiedRule } from '../rules';
import { quantifiedRulesOf, unquantifiedRulesOf } from './rule-words';
import type { Reply } from './types';
import { hasCue, vocabulary, withoutCues, type Aspect, type Cue } from './vocabulary';

// Once, when the bot starts: a turn reads no file (knowledge/dialogue.json). The code paths are
// warmed up by warmUp() (warm-up.ts), which createApp runs before the server listens.
prepareQuestionReading();

export interface QaContext {
  notice: Notice;
  search: PolicySearch;
  /** Whether an award can be estimated for a measure (the rules module knows). */
  isEstimable: (measureId: number) => boolean;
}

/** The result of one question-answering turn, as plain data. */
export interface QaTurn {
  replies: Reply[];
  /** The conversation's topic after this turn: the measure it is about (for 这条…, 门槛是什么, 补多少). */
  lastMeasureId?: number;
  /**
   * The user asked to estimate an award, for this measure if one is known; `ruleId` when the
   * measure pays several awards and the message singles one out (评上十佳 → future-city-top10).
   */
  estimate?: { measureId?: number; ruleId?: string };
  /** The user asked for the policy check-up over all rules. */
  checkUp?: boolean;
  /** What the turn was understood as: the dialogue act, or 'section' for a section heading. */
  act: ActKind | 'section';
  /** The measures the reply gives as its answer, best first; [] when it gives none. */
  measures: number[];
  /** The reply says what the notice does not mention and names `measures[0]` only as the nearest. */
  hedged?: boolean;
  /**
   * How sure the answer is, for the insights: the share of the question's words (weighted)
   * that the answering measure covers, 0–1; 1 for a measure named by number. Only when the
   * measure came from the question's own words.
   */
  score?: number;
}

/**
 * After a trade word: the plant or trade it describes (啤酒|厂, 纺织|行业, 灌装|线). Not 企业 or
 * 工厂: 瞪羚企业, 灯塔工厂, 总部企业 are designations of other policies, not trades.
 */
const TRADE_AFTER = /^(的)?(小)?(厂家|厂子|厂|行业|生产线|产线|线)/;
/** Before a trade word: making or selling it (做|服装的…); or its start, when jieba kept 做 with it (做注塑). */
const MAKES = /(做|生产|制造|造|卖|加工)(个|一些)?$/;
const MAKES_AT_START = /^做\p{Script=Han}{2,}$/u;

/** Chosen by measurement on the dev sets (npm run eval -- --sweep); see README, "Quality". */
export const REPLY_TUNING = {
  /**
   * Below this coverage, a best measure that lacks a word the notice never writes is not the
   * answer, only the nearest: 人才落户 → "通知没有提到“落户”…最相关的是（十七）".
   */
  hedgeCoverage: 0.6,
  /**
   * A question whose colloquial words leave it outside the notice reaches the rule its facts
   * fit only when that rule's measure covers at least this share of its other words. Measured
   * on the words left once facts are taken out: the paraphrases of blind2 and of the tests
   * (ERP…全换了…两百来万 0.49, 5G加AI…智慧养老…软硬件 0.47, 一百来万…联网 0.41, 人工智能…康养 0.38)
   * against facts beside another topic (网络安全等保测评 0.24, 直播带货平台 0.17, 光伏板 0).
   */
  factsWordsCoverage: 0.3,
  /**
   * A word at most this many measures have (in any form) is distinctive: two of them in the
   * best measure outweigh the everyday words the notice lacks (see Turn.strongHit).
   */
  distinctiveSpread: 3,
};

/**
 * Answers one message. Pure, and the one place that decides what a turn is: the act is read
 * from the words (readAct), then the measure it is about, from the words left once the act's
 * own words are taken out, or else from the topic (the measure last discussed).
 *
 *   respond('两化融合项目补贴多少', undefined, ctx).lastMeasureId  // → 8
 *   respond('这条的责任单位是谁', 8, ctx).replies[0].text          // → '措施（八）…的责任单位：…'
 *   respond('门槛是什么', 6, ctx).replies[0].text                  // → '…年度服务本地企业数 ≥ 50 家…'
 */
export function respond(typed: string, lastMeasureId: number | undefined, ctx: QaContext): QaTurn {
  // A space the user typed between two Chinese characters or marks means nothing (两化 融合,
  // 措 施 （ 八 ）). Only here: inside a turn, spaces stand where words were taken out.
  const text = typed.replace(/([\p{Script=Han}\u3000-\u303f\uff00-\uffef])\s+(?=[\p{Script=Han}\u3000-\u303f\uff00-\uffef])/gu, '$1');
  const normalized = normalizeQuery(text);
  const topic = lastMeasureId === undefined ? undefined : ctx.search.getMeasure(lastMeasureId);
  const section = ctx.notice.sections.find(
    (s) => normalized === normalizeKnown(s.heading) || normalized === normalizeKnown(s.title),
  );
  if (section) return { replies: [sectionMenu(section)], lastMeasureId, act: 'section', measures: [] };
  // 我们总部在杭州…准备在青岛注册: another city beside Qingdao is where the asker comes from, left
  // out of what is read; compared with Qingdao (深圳的政策跟青岛比), it is that city's policy, outside.
  // A place a statement holds (注册在济南: not registered in Qingdao) is a fact, and stays.
  const stated = vocabulary().facts.places.flatMap((p) => p.patterns.flatMap((pattern) => [...normalized.matchAll(pattern)].map((m) => m[1])));
  const elsewhere = placesBesideQingdao(normalized).filter((place) => !stated.some((gap) => gap.includes(place)));
  if (elsewhere.length > 0) {
    const act = readAct(normalized);
    const asksThere = elsewhere.some((place) => asksAnotherPlacesPolicy(normalized, place));
    if (act.kind !== 'small-talk' && (asksThere || hasCue(normalized.replace(/比例|比重/g, ''), vocabulary().compare))) {
      const reply = outsideReply(elsewhere.map((place) => `${place}的政策`), ctx.notice);
      return { replies: [reply], lastMeasureId, act: act.kind, measures: [] };
    }
    const own = withoutPlaces(normalized, elsewhere);
    return new Turn(own, own, topic, ctx).answer(readAct(own));
  }
  // 外资控股的中小企业，能不能申请两化融合奖补: who owns the enterprise is a distinction the notice
  // does not make; a yes/no question about a measure is answered without it, saying so first.
  const owners = vocabulary().facts.ownership.filter((cue) => cue.pattern.test(normalized));
  if (owners.length > 0 && readAct(normalized).kind === 'eligibility') {
    const own = withoutCues(normalized, vocabulary().facts.ownership);
    const turn = new Turn(own, own, topic, ctx).answer(readAct(own));
    if (turn.act === 'eligibility' && turn.measures.length > 0 && !turn.hedged) {
      const said = owners.sort((a, b) => b.phrase.length - a.phrase.length)[0].phrase;
      const note = `通知没有区分企业的所有制，对“${said}”没有另作规定或限制；下面按措施本身的条件回答。`;
      const [first, ...rest] = turn.replies;
      return { ...turn, replies: [{ ...first, text: `${note}\n\n${first.text}` }, ...rest] };
    }
  }
  return new Turn(text, normalized, topic, ctx).answer(readAct(normalized));
}

/** A text without the places named (and 总部在 before them): 我们总部在杭州，做… → 我们，做…. */
function withoutPlaces(normalized: string, places: string[]): string {
  let own = normalized;
  for (const place of places) own = own.replace(new RegExp(`(?:总部|总公司|母公司)?(?:在|位于|设在)?${place}(?:市|省)?(?:的)?`, 'g'), '');
  return own;
}

/** What a message is about, once its act is known. */
type Subject =
  /** `missing`: one everyday word of the question the measure does not write, said before the answer. */
  | { kind: 'measure'; measure: Measure; hit?: SearchHit; missing?: string[] }
  | { kind: 'choose'; hits: SearchHit[] }
  /** The message names nothing of its own: it is about the topic. */
  | { kind: 'none' }
  /** The notice does not answer it; `nearest` only when a measure is genuinely close. */
  | { kind: 'outside'; response: SearchResponse; searched: string; nearest?: SearchHit; missing?: string[] }
  | { kind: 'no-such'; number: number };

/** One turn: the message, the topic, and the ways to answer. */
class Turn {
  constructor(
    private readonly text: string,
    private readonly normalized: string,
    private readonly topic: Measure | undefined,
    private readonly ctx: QaContext,
  ) {}

  answer(act: Act): QaTurn {
    const { notice } = this.ctx;
    // 算不算两化融合奖补里说的中小企业, 中小企业的认定标准: what counts, whatever else the words ask.
    if (act.kind === 'question' || act.kind === 'follow-up' || act.kind === 'eligibility' || act.kind === 'nature') {
      const defined = this.definitionAsked();
      if (defined) return this.defining(act, defined);
    }
    switch (act.kind) {
      case 'small-talk':
        return this.keep(act, [smallTalkReply(act.what, notice, this.topic)]);
      case 'full-text':
        return this.onTopic(act, (m) => fullText(m, notice, this.estimable(m)));
      case 'related':
        return this.onTopic(act, (m) => relatedMeasures(m, notice));
      case 'check-up':
        return { ...this.keep(act, []), checkUp: true };
      case 'estimate':
        return this.estimate(act);
      case 'list':
        return this.list(act);
      case 'nature':
        return this.nature(act);
      case 'combine':
        return this.combine(act);
      case 'by-unit': {
        const measures = this.ctx.notice.sections.flatMap((section) => section.measures).filter((m) => m.units.includes(act.unit));
        return { ...this.keep(act, [unitMeasuresReply(act.unit, measures, notice)]), measures: measures.map((m) => m.id) };
      }
      case 'apply':
        return this.apply(act);
      case 'eligibility':
        return this.eligibility(act);
      case 'notice-fact': {
        const listed = this.namingList(act);
        if (listed) return listed;
        // 适用范围 alone is about the notice; 两化融合的适用范围, 紧缺人才目录谁发布 are about a measure:
        // the words left once the question's own (发文单位, 谁发布) are taken out name it.
        const subject = act.unlessMeasureFound ? this.subject(vocabulary().noticeFactCues) : undefined;
        // A measure's 适用范围 is whom it is for: its conditions.
        if (subject && (subject.kind === 'measure' || subject.kind === 'choose')) return this.answerSubject(act, subject, act.fact === 'scope' ? 'conditions' : undefined);
        return this.keep(act, [act.fact === 'validity' ? this.validity() : noticeFact(act.fact, notice)]);
      }
      case 'follow-up':
      case 'question':
        return this.question(act);
    }
  }

  // ------------------------------------------------------------ acts

  private question(act: Extract<Act, { kind: 'question' | 'follow-up' }>): QaTurn {
    const aspect = act.aspect;
    if (act.kind === 'question') {
      const listed = this.namingList(act);
      if (listed) return listed;
    }
    if (act.kind === 'question' && !aspect) {
      // 2024年新出的工业互联网政策有哪些: about after the notice, naming nothing in it.
      if (asksAboutLater(this.normalized) && this.contentWords(this.normalized).length === 0) {
        return this.keep(act, [this.validity()]);
      }
      // A plain question: search it whole, as the ranking was tuned.
      let subject = this.fromSearch(this.ctx.search.search(this.text, { limit: 3 }), this.text);
      // 专利和生产数据去银行抵押贷款，有没有政策支持: nothing reaches the coverage a hit needs, but
      // the generic words (政策, 支持) held it back, and without them one measure has more of the
      // question's distinctive words (抵押, 贷款, 银行, 数据) than it has words the notice lacks.
      if (subject.kind === 'outside' && subject.response.hits.length === 0 && !subject.response.elsewhere?.length) {
        const content = this.contentWords(this.normalized);
        if (content.length >= 2 && content.length < subject.response.words.length) {
          const response = this.ctx.search.search(content.join(' '), { limit: 3 });
          const [top] = response.hits;
          if (top && this.strongHit(top, response)) subject = this.fromSearch(response, content.join(' '));
        }
      }
      // 5G加AI…智慧养老项目，软硬件花了800万…拿奖金: words the notice lacks, but the facts point at one award.
      const pointed = this.factsBeyondWords(subject);
      if (pointed) return this.judge(act, pointed, asksAboutLater(this.normalized));
      return this.answerSubject(act, subject);
    }
    const subject = this.subject(vocabulary().actCues);
    if (subject.kind === 'none') return this.onTopic(act, (m) => this.aspectReply(aspect ?? 'summary', m));
    // 小机加工厂…花了120万上了MES，已经用起来了，政府能给多少: asked how much, the same.
    const pointed = aspect === 'figures' ? this.factsBeyondWords(subject) : undefined;
    if (pointed) return this.judge(act, pointed, asksAboutLater(this.normalized));
    if (subject.kind === 'outside' && act.kind === 'follow-up' && this.pointsAtTopic(subject)) {
      return this.withMissingNote(act, subject, this.aspectReply(aspect ?? 'summary', this.topic!));
    }
    return this.answerSubject(act, subject, aspect);
  }

  /**
   * 这笔钱能随意支配吗, 这条对上市公司适用吗: the message points at the topic (这条, 这笔钱) and asks
   * about something the notice never writes. It is about the topic all the same.
   */
  private pointsAtTopic(subject: Subject): boolean {
    return subject.kind === 'outside' && !!this.topic && !subject.response.elsewhere?.length && hasCue(this.normalized, vocabulary().thisMeasure);
  }

  /** A reply about the topic that first says what of the question the measure does not mention. */
  private withMissingNote(act: Act, subject: Extract<Subject, { kind: 'outside' }>, reply: Reply): QaTurn {
    const missing = this.missingWords(subject);
    const note = missing.length > 0 ? `${measureLabel(this.topic!)}没有提到“${missing.map(asWritten).join('”“')}”；它的原文要点如下。\n\n` : '';
    return this.about(act, this.topic!, { ...reply, text: note + reply.text });
  }

  private apply(act: Extract<Act, { kind: 'apply' }>): QaTurn {
    const { notice } = this.ctx;
    const subject = this.subject(vocabulary().actCues);
    switch (subject.kind) {
      case 'none':
        return this.topic ? this.about(act, this.topic, applyReply(act.need, notice, this.topic)) : this.keep(act, [applyReply(act.need, notice)]);
      case 'measure':
        return this.about(act, subject.measure, applyReply(act.need, notice, subject.measure));
      case 'choose': {
        const chooser = chooseBetween(subject.hits.map((hit) => hit.measure));
        return { ...this.keep(act, [{ ...applyReply(act.need, notice), actions: chooser.actions }]), measures: ids(subject.hits) };
      }
      default:
        return this.answerSubject(act, subject);
    }
  }

  private eligibility(act: Extract<Act, { kind: 'eligibility' }>): QaTurn {
    const subject = this.subject(vocabulary().eligibilityCues);
    const judge = (measure: Measure) => this.judge(act, measure, act.later);
    // 小厂…ERP和MES…车间…花了200万…已经上线: the facts it states fit （八）'s rule, whatever 车间 ranks.
    const fitting = this.fitsStatedFacts(subject);
    if (fitting) return judge(fitting);
    if (subject.kind === 'measure') return judge(subject.measure);
    // 服务收入1000万以上能拿20%吗: 20% is paid by three measures, 服务收入 is asked by one of them.
    const byFacts = this.measureOfFacts();
    const chosen = subject.kind === 'choose' ? subject.hits.find((hit) => hit.measure.id === byFacts) : undefined;
    if (chosen) return judge(chosen.measure);
    // 平台刚被市里新认定，是不是能拿300万: the statement taken out (新认定) was what named the measure.
    const unnamed = subject.kind === 'choose' || subject.kind === 'outside' || (subject.kind === 'none' && !this.topic);
    const named = unnamed && statesAnything(this.normalized) ? this.measureNamedByFacts() : undefined;
    if (named) return judge(named);
    if (subject.kind === 'outside' && this.pointsAtTopic(subject)) {
      const judged = judge(this.topic!);
      return this.withMissingNote(act, subject, judged.replies[0]);
    }
    const pointed = this.factsBeyondWords(subject);
    if (pointed) return judge(pointed);
    // 有没有针对中小企业的补贴, 中小企业能享受什么: the awards for the kind of enterprise it names.
    const asksWhich = act.existence || /什么|啥|哪些|哪几/.test(this.normalized);
    if (asksWhich && (subject.kind === 'outside' || (subject.kind === 'none' && !this.topic))) {
      const kind = this.awardsForKind();
      if (kind) return kind.measures.length === 1 ? judge(kind.measures[0]) : this.awardsFor(act, kind);
    }
    if (subject.kind !== 'none') return this.answerSubject(act, subject);
    if (this.topic) return judge(this.topic);
    // 服务收入1000万以上能拿吗: the facts alone name the rule's measure.
    const measure = byFacts === undefined ? undefined : this.ctx.search.getMeasure(byFacts);
    if (measure) return judge(measure);
    if (act.later) return this.keep(act, [this.validity()]);
    // 有补贴吗, naming nothing: what the notice pays.
    if (act.existence) return this.keep(act, [catalogueReply(this.ctx.notice, { byPeriod: false })]);
    return this.keep(act, [
      {
        text: `${noMeasureYet().text}\n\n想知道贵企业可能符合哪几项奖补，也可以做“政策体检”。`,
        actions: [{ title: ESTIMATE_ACTIONS.checkUp, value: ESTIMATE_ACTIONS.checkUp }],
      },
    ]);
  }

  /**
   * The whole message's best measure, statements included, when the facts it states speak to
   * its rule (新认定 for （三）'s) or to what a measure without an amount requires (注册在… for
   * （十一）); undefined otherwise.
   */
  private measureNamedByFacts(): Measure | undefined {
    const [top] = this.ctx.search.search(withoutAmounts(withoutCues(this.normalized, vocabulary().actCues)), { limit: 1 }).hits;
    if (!top) return undefined;
    const rules = quantifiedRulesOf(top.measure.id);
    const stated = statedFacts(this.normalized).answers;
    const spoken =
      rules.length > 0
        ? rules.some((rule) => factWeight(rule, this.factsFor(rule)) > 0)
        : unquantifiedRulesOf(top.measure.id).some((rule) => (rule.requires ?? []).some((required) => stated[required.input] !== undefined));
    return spoken ? top.measure : undefined;
  }

  /**
   * Of the measures the search found for a yes/no question, the one whose rule the facts it
   * states fit best, when they fit it better than the measure the words ranked first. A stated
   * amount counts twice, a statement once, and it takes 2: 小厂, 已经上线, 花了200万 fit （八）'s
   * rule; 智能软硬件投了1000多万 fits （三）'s 十佳场景; 大型企业 alone fits none in particular.
   */
  private fitsStatedFacts(subject: Subject): Measure | undefined {
    if (subject.kind === 'none' || subject.kind === 'no-such' || !this.searched || this.searched.reference !== undefined) return undefined;
    const fit = (measure: Measure) => Math.max(0, ...quantifiedRulesOf(measure.id).map((rule) => factWeight(rule, this.factsFor(rule))));
    const first = subject.kind === 'measure' ? subject.measure : undefined;
    let best: { measure: Measure; fit: number } | undefined;
    const consider = (measure: Measure) => {
      const f = fit(measure);
      if (f >= 2 && (!best || f > best.fit)) best = { measure, fit: f };
    };
    for (const { measure } of this.searched.hits) consider(measure);
    // The words taken out as statements may be what names the measure (评上十佳 → （三）): when the
    // facts fit a measure the words left did not find, the whole message is searched for it too.
    const byFacts = this.measureOfFacts();
    if (byFacts !== undefined && !this.searched.hits.some((hit) => hit.measure.id === byFacts)) {
      const own = withoutAmounts(withoutCues(this.normalized, vocabulary().actCues));
      const whole = this.ctx.search.search(own, { limit: 3 }).hits.find((hit) => hit.measure.id === byFacts);
      if (whole) consider(whole.measure);
    }
    const found = best as { measure: Measure; fit: number } | undefined;
    return found && (!first || found.fit > fit(first)) ? found.measure : undefined;
  }

  /**
   * A question the words alone leave outside the notice (通知没有提到“全换”“一共”…) whose facts
   * fit one rule (ruleOfFacts), when the rule's measure also covers enough of the question's
   * other words (ERP, 网络; 软硬件, 人工智能): the colloquial words do not make it outside. The
   * facts alone do not do it (小企业，投了100万装光伏板: nothing else of it is （八）'s).
   */
  private factsBeyondWords(subject: Subject): Measure | undefined {
    if (subject.kind !== 'outside' || subject.response.elsewhere?.length) return undefined;
    const byFacts = this.measureOfFacts();
    const measure = byFacts === undefined ? undefined : this.ctx.search.getMeasure(byFacts);
    if (!measure) return undefined;
    // The words besides the facts: statements and amounts taken out.
    const rest = withoutAmounts(withoutCues(this.normalized, vocabulary().eligibilityCues));
    return this.ctx.search.match(rest, measure.id).coverage >= REPLY_TUNING.factsWordsCoverage ? measure : undefined;
  }

  /**
   * What counts as something a rule asks about: 我们…算不算两化融合奖补里说的中小企业 (a word of
   * dialogue.json's definition.before, the input's name last), 中小企业的认定标准 (definition.after
   * right after the name). Of rules that ask it, the one whose measure the words find.
   */
  private definitionAsked(): { rule: QuantifiedRule; key: string } | undefined {
    const { before, after } = vocabulary().definition;
    const text = this.normalized.replace(/[\s\p{P}吗呢么啊呀]+$/u, '');
    const found: { rule: QuantifiedRule; key: string }[] = [];
    for (const { rule, key, names } of INPUT_NAMES) {
      const asked = names.some((name) => {
        const at = text.lastIndexOf(name);
        if (at < 0) return false;
        const rest = text.slice(at + name.length).replace(/^的/, '');
        return (rest === '' && hasCue(text.slice(0, at), before)) || after.some((word) => rest.startsWith(word));
      });
      if (asked) found.push({ rule, key });
    }
    if (found.length <= 1) return found[0];
    const [hit] = this.ctx.search.search(this.normalized, { limit: 1 }).hits;
    return found.find((f) => f.rule.clause.measure === hit?.measure.id) ?? found[0];
  }

  private defining(act: Act, { rule, key }: { rule: QuantifiedRule; key: string }): QaTurn {
    const measure = this.ctx.search.getMeasure(rule.clause.measure)!;
    return this.about(act, measure, definitionReply(measure, rule, key, this.ctx.notice, this.estimable(measure)));
  }

  /** The measure whose rule alone the stated facts fit (ruleOfFacts), read once a turn. */
  private measureOfFacts(): number | undefined {
    if (!statesAnything(this.normalized)) return undefined; // most questions: nothing to weigh
    return ruleOfFacts((rule) => this.factsFor(rule))?.clause.measure;
  }

  private readonly facts = new Map<QuantifiedRule, QuestionFacts>();

  /** What the message states for a rule's inputs (read once a turn). */
  private factsFor(rule: QuantifiedRule): QuestionFacts {
    let facts = this.facts.get(rule);
    if (!facts) this.facts.set(rule, (facts = factsOf(this.normalized, rule)));
    return facts;
  }

  /** A yes/no verdict on a measure, by its rule, on the facts the question states. */
  private judge(act: Act, measure: Measure, later: boolean): QaTurn {
    const rule = this.ruleFor(measure);
    const facts = rule ? this.factsFor(rule) : statedFacts(this.normalized);
    const existence = act.kind === 'eligibility' && act.existence === true;
    const reply = eligibilityReply(measure, rule, facts, this.ctx.notice, {
      later,
      afterExpiry: namesYearAfterExpiry(this.normalized),
      existence,
      capAsked: /有没有(封顶|上限)|有(封顶|上限)[吗没]|(封顶|上限)[吗没]|不封顶/.test(this.normalized),
      estimable: this.estimable(measure),
    });
    return this.about(act, measure, reply);
  }

  private ruleFor(measure: Measure): QuantifiedRule | undefined {
    return ruleForQuestion(measure.id, this.ctx.search.words(this.normalized), (r) => this.factsFor(r));
  }

  /** True when the question gives an amount the measure's rule asks (投了80万, 服务了60家): it can be judged. */
  private statesAmount(measure: Measure): boolean {
    if (!/\d/.test(this.normalized)) return false; // amounts are in digits once normalised
    const rule = this.ruleFor(measure);
    if (!rule) return false;
    const { answers } = this.factsFor(rule);
    return Object.keys(answers).some((key) => rule.inputs[key].kind === 'money' || rule.inputs[key].kind === 'count');
  }

  /**
   * 国企的项目会纳入场景清单管理吗: a yes/no question, not negated, whose every word (and number)
   * the sentence answering it writes: the answer says first that the notice writes it (鼓励… or
   * 探索… as the notice puts it, so not a flat 是), then that sentence. 场景清单是每月发布吗 is not
   * (（二） writes 每季度), nor is 场景清单不是每季度发布吗.
   */
  private affirmedBy(hit: SearchHit | undefined): boolean {
    if (!hit?.snippet || !asksYesNo(this.normalized)) return false;
    const plain = this.normalized.replace(/是不是|会不会|能不能|有没有|要不要|可不可以|算不算/g, '');
    // Negated, or asking what, how, which or how much (…支持什么 ends in 么 too): no yes/no to give.
    if (/[不没非无未别]|什么|怎么|哪|多少|几|谁|啥/.test(plain)) return false;
    const numbers = this.normalized.match(/\d+(?:\.\d+)?/g) ?? [];
    return numbers.every((n) => hit.snippet.includes(n)) && this.ctx.search.writesAll(this.normalized, hit.snippet);
  }

  /** True when the question states something the measure's rule asks, that the rule does not pay the asker, or what its figures leave out. */
  private statesFacts(measure: Measure): boolean {
    const rule = this.ruleFor(measure);
    if (!rule) return false;
    const facts = this.factsFor(rule);
    return facts.role !== undefined || facts.notCounted !== undefined || Object.keys(facts.answers).length > 0;
  }

  private list(act: Extract<Act, { kind: 'list' }>): QaTurn {
    const subject = this.subject(vocabulary().actCues);
    if (subject.kind === 'none') {
      const reply = catalogueReply(this.ctx.notice, { byPeriod: act.byPeriod, focus: act.focus, cap: act.cap, rate: act.rate });
      // 封顶200万的有几条: the measures of the awards with that cap are the answer.
      const measures = act.focus === 'capped' && act.cap !== undefined ? measuresCappedAt(act.cap) : [];
      return { ...this.keep(act, [reply]), measures };
    }
    // 20%的有哪几个, 有封顶的都列出来: a rate or a cap picks among all the awards, whatever measures the words find.
    if (subject.kind === 'choose' && (act.rate !== undefined || act.focus === 'withCap')) {
      return this.keep(act, [catalogueReply(this.ctx.notice, { byPeriod: act.byPeriod, focus: act.focus, rate: act.rate })]);
    }
    // 按投资额比例给钱的有哪几条: the words (投资额) find several measures; the focus's list among them.
    if (subject.kind === 'choose' && (act.focus === 'rate' || act.focus === 'fixed')) {
      const among = ids(subject.hits);
      return { ...this.keep(act, [catalogueReply(this.ctx.notice, { byPeriod: act.byPeriod, focus: act.focus, among })]), measures: among };
    }
    const aspect = act.byPeriod ? 'period' : aspectOf(this.normalized);
    // 工业互联网平台有哪些奖补: the awards whose subject (适用对象) it names; one measure's: that one.
    const kind = act.focus || act.byPeriod ? undefined : this.awardsForKind();
    if (kind && kind.measures.length > 1) return this.awardsFor(act, kind);
    if (kind) return this.answerSubject(act, { kind: 'measure', measure: kind.measures[0] }, aspect);
    // 两化融合有哪些补贴 names its measure: answer that one; 单个平台服务商一年最高… its cap; …每年… its period.
    return this.answerSubject(act, subject, aspect);
  }

  /**
   * The awards paid to the kind of subject a question names, as their subjects (适用对象) say:
   * 工业互联网平台 → （三）'s “工业赋能” award and （六）; 中小企业 → （八）. Undefined when no
   * award's subject has the words the act's own leave.
   */
  private awardsForKind(): { phrase: string; rules: QuantifiedRule[]; measures: Measure[] } | undefined {
    const own = withoutAmounts(withoutCues(this.normalized, vocabulary().actCues));
    // A kind is a noun: 注册法人 (来青岛注册法人) is something done, though （十二）'s subject writes it.
    const awardsTo = (phrase: string) =>
      phrase === '' || wordTag(phrase).startsWith('v')
        ? []
        : allQuantifiedRules.filter((rule) => rule.amountKind === 'award' && normalizeKnown(rule.subject).includes(phrase));
    // 工业互联网平台 whole; failing that, without the generic words (中小企业在这个通知里…: 中小企业, not 中小企业通知).
    let phrase = this.ctx.search.words(own).join('');
    let rules = awardsTo(phrase);
    if (rules.length === 0) rules = awardsTo((phrase = this.contentWords(own).join('')));
    const measures = [...new Set(rules.map((rule) => rule.clause.measure))].map((id) => this.ctx.search.getMeasure(id)!);
    return rules.length > 0 ? { phrase, rules, measures } : undefined;
  }

  /**
   * 给工业互联网平台的政策有哪些条, 通知里提到5G的有哪些措施: every measure whose text names the kind
   * asked about, in a list; when one measure does, that measure's answer.
   */
  private namingList(act: Act): QaTurn | undefined {
    if (!hasCue(this.normalized, vocabulary().whichMeasures)) return undefined;
    const naming = this.measuresNaming();
    if (!naming) return undefined;
    // 跟融资有关的条款都有哪些: one measure names it: that measure is the answer.
    if (naming.measures.length === 1 && !naming.also) {
      const [measure] = naming.measures;
      return this.about(act, measure, answerMeasure(measure, this.ctx.notice, { estimable: this.estimable(measure) }));
    }
    const ids = [...naming.measures, ...(naming.also?.measures ?? [])].map((m) => m.id);
    return { ...this.keep(act, [measuresNamingReply(naming, this.ctx.notice)]), act: 'list', measures: ids };
  }

  /**
   * The measures whose text names what a which-measures question asks about (工业互联网平台企业 →
   * 工业互联网平台: the words left, less those that say it is named (提到, 有关) and the generic
   * and manner ones at their ends: 股权方式 → 股权); over two topics (金融和基金), any of them.
   */
  private measuresNaming(): MeasuresNaming | undefined {
    const v = vocabulary();
    const all = this.ctx.notice.sections.flatMap((section) => section.measures);
    const naming = (phrase: string) => all.filter((m) => normalizeKnown(m.text).includes(phrase));
    // 金融和基金相关的有哪几条: each topic named apart; the measures that name any of them.
    const phrases: string[] = [];
    for (const part of withoutAmounts(withoutCues(withoutCues(this.normalized, v.whichMeasures), v.actCues)).split(/以及|和|与|及|、|或者|或/)) {
      // 通知里提到5G的: the words that say it is named go; so do generic and manner words at the ends.
      const words = this.ctx.search.words(part).filter((word) => !v.mentions.has(word));
      while (words.length > 0 && (v.generic.has(words[words.length - 1]) || v.manner.has(words[words.length - 1]))) words.pop();
      while (words.length > 0 && v.generic.has(words[0])) words.shift();
      if (words.length > 0 && !words.every((word) => v.generic.has(word))) phrases.push(words.join(''));
    }
    if (phrases.length === 0) return undefined;
    const namedBy = phrases.map(naming);
    const measures = all.filter((m) => namedBy.some((named) => named.includes(m)));
    if (phrases.length > 1) return measures.length > 1 && namedBy.every((named) => named.length > 0) ? { phrases, measures } : undefined;
    if (measures.length === 0) return undefined;
    // 股权投资: （四） writes 股权 (运用股权、债权等方式) without 投资; its most distinctive word, listed apart.
    const [phrase] = phrases;
    const parts = cutForSearch(phrase).filter((word) => word !== phrase && word.length >= 2 && !v.generic.has(word) && this.ctx.search.spread(word) > 0);
    // Only for a compound of two words or more (股权|投资, not 服务商), by a word few measures write.
    const distinctive = parts.length >= 2 ? parts.sort((a, b) => this.ctx.search.spread(a) - this.ctx.search.spread(b))[0] : undefined;
    const also = distinctive && this.ctx.search.spread(distinctive) <= 3 ? naming(distinctive).filter((m) => !measures.includes(m)) : [];
    return { phrases, measures, ...(distinctive && also.length > 0 ? { also: { word: distinctive, measures: also } } : {}) };
  }

  /** The awards for a kind of subject: a list, whatever the question's form (有没有平台的补贴). */
  private awardsFor(act: Act, kind: { phrase: string; rules: QuantifiedRule[]; measures: Measure[] }): QaTurn {
    return { ...this.keep(act, [awardsForReply(kind.phrase, kind.rules, this.ctx.notice)]), act: 'list', measures: kind.measures.map((m) => m.id) };
  }

  private nature(act: Act): QaTurn {
    const subject = this.subject(vocabulary().actCues);
    // 外地客户的收入算不算进奖补的基数: whether a part counts, not whether the money is a subsidy.
    if (subject.kind === 'measure') {
      const rule = this.ruleFor(subject.measure);
      if (rule && this.factsFor(rule).notCounted) return this.judge(act, subject.measure, false);
    }
    if (subject.kind === 'measure') return this.about(act, subject.measure, natureReply(subject.measure, this.ctx.notice, this.estimable(subject.measure)));
    if (subject.kind === 'none') return this.onTopic(act, (m) => natureReply(m, this.ctx.notice, this.estimable(m)));
    return this.answerSubject(act, subject);
  }

  private combine(act: Extract<Act, { kind: 'combine' }>): QaTurn {
    // Each part of the message (拿了300万 | 还能再申请服务商那个20%的奖补吗) may name an award; the
    // act's own words are taken out of each part, so a phrase spanning two parts names neither.
    // 还能/还可以 part what was had from what is asked (评上十佳场景了 | 还能再申请两化融合奖补不).
    const named: { measure: Measure; rule?: QuantifiedRule }[] = [];
    for (const part of this.normalized.split(/和|与|及|跟|、|,|;|还有|以及|或者|或|还能|还可以/)) {
      const own = withoutAmounts(withoutCues(part, vocabulary().actCues));
      if (this.contentWords(own).length === 0) continue;
      const { hits } = this.ctx.search.search(own, { limit: 3 });
      if (hits.length === 0) continue;
      // 区域性安全应急处置平台，法人注册在青岛: a part that fits a measure already named as well as
      // any other is about that one (its condition), not another award.
      const hit = hits.find((h) => h.coverage >= hits[0].coverage && named.some((n) => n.measure === h.measure)) ?? hits[0];
      // （三） pays two awards: 数字化车间 and 十佳场景 are two of them.
      const rules = quantifiedRulesOf(hit.measure.id);
      const rule = rules.length > 1 ? ruleForQuestion(hit.measure.id, this.ctx.search.words(own), () => ({ answers: {}, said: {} })) : undefined;
      if (!named.some((n) => n.measure === hit.measure && n.rule === rule)) named.push({ measure: hit.measure, rule });
    }
    // 已累计拿了200万，还能申请吗: one award, so it is whether that one can still be had.
    if (act.again && named.length < 2) return this.eligibility({ kind: 'eligibility', later: asksAboutLater(this.normalized) });
    const measures = [...new Set(named.map((n) => n.measure))];
    if (measures.length === 0 && this.topic) measures.push(this.topic);
    const awards = named.filter((n) => n.rule).map((n) => ({ measure: n.measure, title: n.rule!.title }));
    return { ...this.keep(act, [combineReply(measures, this.ctx.notice, awards)]), measures: measures.map((m) => m.id) };
  }

  private estimate(act: Act): QaTurn {
    // The 估算奖励 button under an answer means the measure just discussed: searching
    // its own words would find （六）, whose text says 奖励 too.
    const lastMeasureId = this.topic?.id;
    if (this.normalized === FOLLOW_UP.estimate) return { ...this.keep(act, []), estimate: { measureId: lastMeasureId } };
    // 两化融合奖补帮我测一下: the measure is named by the words other than the request's own.
    const subject = this.subject(vocabulary().estimateCues);
    const measure =
      subject.kind === 'measure'
        ? subject.measure
        : subject.kind === 'choose'
          ? subject.hits[0].measure
          : subject.kind === 'outside'
            ? (subject.nearest?.measure ?? this.namedOwnConcept(subject) ?? this.topic)
            : this.topic;
    // 智慧社区项目评上了未来城市十佳场景，想算下奖励: the words find （一）'s 场景清单, which pays
    // nothing; what the message states (评上十佳) is asked by one award rule only: that one is meant.
    if (!measure || !this.estimable(measure)) {
      const rule = statesAnything(this.normalized) ? ruleOfFacts((r) => this.factsFor(r), 1) : undefined;
      if (rule) return { ...this.keep(act, []), estimate: { measureId: rule.clause.measure, ruleId: rule.id } };
    }
    const ruleId = measure ? this.ruleNamed(measure) : undefined;
    return { ...this.keep(act, []), estimate: { measureId: measure?.id, ...(ruleId ? { ruleId } : {}) } };
  }

  /**
   * Of a measure with several awards (（三）), the one the message's words or facts single out
   * (评上十佳 → the 十佳场景 award); undefined when they do not decide.
   */
  private ruleNamed(measure: Measure): string | undefined {
    const rules = quantifiedRulesOf(measure.id);
    if (rules.length < 2) return undefined;
    // Words of the measure's own title (场景示范 in 开展场景示范应用) name all its awards, not one…
    // Generic words (项目, 奖励) name no award either: 场景示范项目奖励 is the award named 场景示范奖励.
    const generic = vocabulary().generic;
    const all = this.ctx.search.words(this.normalized);
    const words = all.filter((word) => !measure.title.includes(word) && !generic.has(word));
    // …unless an award's own name has more of the words than the title has (场景示范奖励 is
    // “工业赋能”场景示范奖励 exactly): then that name is meant.
    const inTitle = all.filter((word) => measure.title.includes(word)).length;
    const named = (rule: QuantifiedRule) => {
      const inName = all.filter((word) => rule.title.includes(word)).length;
      return inName > inTitle ? inName : 0;
    };
    const score = (rule: QuantifiedRule) =>
      words.filter((word) => `${rule.title}${rule.clause.text}`.includes(word)).length + Object.keys(this.factsFor(rule).answers).length;
    const scored = rules
      .map((rule) => ({ rule, score: score(rule), named: named(rule) }))
      .sort((a, b) => b.score - a.score || b.named - a.named);
    const [first, second] = scored;
    return first.score > second.score || (first.score === second.score && first.named > second.named) ? first.rule.id : undefined;
  }

  // ------------------------------------------------------------ what the message is about

  /**
   * The measure a message names once the act's own words (`strip`) are taken out; 'none' when
   * nothing is left but generic words (政策, 补贴, 项目): then it is about the topic. What is
   * left is also what is searched: 哪个部门 would rank （二十）强化部门协同 first.
   */
  /** The last search subject() made of the message's own words. */
  private searched?: SearchResponse;

  private subject(strip: Cue[]): Subject {
    // 第八条, 措施8: the search resolves a direct reference without ranking.
    if (findMeasureReference(this.normalized) !== undefined) return this.fromSearch(this.ctx.search.search(this.text, { limit: 1 }), this.text);
    let own = withoutAmounts(withoutCues(this.normalized, strip));
    let response = this.ctx.search.search(own, { limit: 3 });
    // 我们是上海的服务商，准备在青岛注册: the message names Qingdao too (maybe in words the act's
    // own took out): the other city is where the asker comes from, not whose policy is asked about.
    if (response.elsewhere?.length && placesIn(this.normalized).local) {
      for (const place of response.elsewhere) own = own.replaceAll(place, ' ');
      response = this.ctx.search.search(own, { limit: 3 });
    }
    this.searched = response;
    const generic = vocabulary().generic;
    if (response.words.every((word) => generic.has(word))) return { kind: 'none' };
    return this.fromSearch(response, own);
  }

  /**
   * 创新券能用在两化融合项目上吗: a term of neighbouring policy is what is asked about, but the rest
   * of the question names one measure, every word of it: that measure is the nearest.
   */
  private besideOtherPolicy(response: SearchResponse, searched: string): { missing: string[]; nearest: SearchHit } | undefined {
    const other = response.words.filter((word) => loadKnowledge().otherPolicyTerms.has(word));
    const hits = other.length > 0 ? this.searchedWithout(other, searched)?.response.hits : undefined;
    return hits?.[0]?.uncovered.length === 0 && closeHits(hits).length === 1 ? { missing: other, nearest: hits[0] } : undefined;
  }

  /** The question searched again without some of its words; undefined when nothing left could name a measure. */
  private searchedWithout(words: readonly string[], searched: string): { response: SearchResponse; searched: string } | undefined {
    let rest = searched;
    for (const word of words) rest = rest.replaceAll(word, ' ');
    return this.contentWords(rest).length > 0 ? { response: this.ctx.search.search(rest, { limit: 3 }), searched: rest } : undefined;
  }

  /**
   * 做服装的企业上云有补贴吗, 啤酒厂的灌装线做联网改造: what the asker makes or trades in (a word
   * the notice never writes, before 的企业, 厂, 行业, 线…) says who asks, not what about; the
   * measures are for any trade. Searched without it, when the rest names a measure well enough.
   */
  private withoutTrade(response: SearchResponse, searched: string): { response: SearchResponse; searched: string } | undefined {
    const trade = response.words.filter((word) => !this.ctx.search.mentions(word) && this.isTrade(word));
    const again = trade.length > 0 ? this.searchedWithout(trade, searched) : undefined;
    return again && (again.response.hits[0]?.coverage ?? 0) >= REPLY_TUNING.hedgeCoverage ? again : undefined;
  }

  /** True when the question writes the word as what the asker makes or trades in (做注塑的小厂, 纺织行业). */
  private isTrade(word: string): boolean {
    if (loadKnowledge().otherPolicyTerms.has(word)) return false;
    const at = this.normalized.indexOf(word);
    return at >= 0 && (TRADE_AFTER.test(this.normalized.slice(at + word.length)) || MAKES.test(this.normalized.slice(0, at)) || MAKES_AT_START.test(word));
  }

  /** Content words that could name a measure: not generic (政策, 补贴, 项目…). */
  private contentWords(text: string): string[] {
    const generic = vocabulary().generic;
    return this.ctx.search.words(text).filter((word) => !generic.has(word));
  }

  /** The search's answer, preferring the topic when it is among the closest hits. */
  private fromSearch(response: SearchResponse, searched: string): Subject {
    if (response.reference !== undefined) {
      const [hit] = response.hits;
      return hit ? { kind: 'measure', measure: hit.measure, hit } : { kind: 'no-such', number: response.reference };
    }
    const [top] = response.hits;
    if (!top || top.coverage < REPLY_TUNING.hedgeCoverage) {
      const plain = this.withoutTrade(response, searched);
      if (plain) return this.fromSearch(plain.response, plain.searched);
    }
    const generic = vocabulary().generic;
    // Nothing but how the question is put (每次发多少个, 主要看什么, 一次发几个): it is about the topic.
    if (this.topic && response.words.every((word) => generic.has(word))) return { kind: 'none' };
    if (!top) {
      // 标识解析那笔奖励，企业能挪去买设备吗: too little of it is in any measure, but it names a term
      // that only one measure writes, and asks a detail of it: that measure, saying what it lacks.
      const named = this.namedByItsOwnTerm(response, searched);
      return named ?? { kind: 'outside', response, searched, ...this.besideOtherPolicy(response, searched) };
    }
    // 用什么方式支持 after （四）: the topic has every word of the question as written (（四）'s
    // 股权、债权等方式), though it ranks below the cut (（十三）'s title says 投入方式): it stays.
    // Not when it has them only as synonyms or parts (那两化融合呢 after （六）: it switches).
    if (this.topic && !response.hits.some((hit) => hit.measure.id === this.topic!.id)) {
      if (this.ctx.search.match(searched, this.topic.id).coverage === 1) return { kind: 'measure', measure: this.topic };
    }
    let close = closeHits(response.hits);
    // Of hits too close to call by score, one that alone has every word of the question is meant.
    const whole = close.filter((hit) => hit.coverage === 1);
    if (top.coverage < 1 && whole.length === 1) close = whole;
    // The topic stays while it answers as much of the question as the best measure does.
    // So does it when the message points at it (用什么方式支持它们) and has every word but generic ones in some form.
    const pointing = hasCue(this.normalized, vocabulary().thisMeasure);
    const onTopic = response.hits.find(
      (hit) => hit.measure.id === this.topic?.id && (hit.coverage >= close[0].coverage || (pointing && hit.uncovered.every((word) => generic.has(word)))),
    );
    const chosen = onTopic ?? close[0];
    // 制造业企业的工业电价有没有优惠: a term of neighbouring policy (knowledge/other-policy.txt) the
    // best measure lacks is what the question is about: the notice does not answer it.
    const otherPolicy = chosen.uncovered.filter((word) => loadKnowledge().otherPolicyTerms.has(word));
    if (otherPolicy.length > 0) return { kind: 'outside', response, searched, missing: otherPolicy, nearest: chosen };
    if (chosen.coverage < REPLY_TUNING.hedgeCoverage) {
      // The best measure leaves out words the notice never writes (人才落户: 落户): only the nearest.
      const missing = chosen.uncovered.filter((word) => !generic.has(word) && !this.ctx.search.mentions(word));
      // 两化融合奖补一般什么时候发放: about the measure's own concept, with one verb it does not
      // write: the answer, saying what it does not mention.
      if (missing.length === 1 && !onTopic && close.length === 1 && this.aboutOwnConcept(chosen.measure, missing[0], response.words)) {
        return { kind: 'measure', measure: chosen.measure, hit: chosen, missing };
      }
      // 上云用平台的奖补按开票金额算吗, 十佳场景的奖励发给供应商还是申报主体: the measure named by a
      // concept that no other measure has, asked a detail it does not write: the answer, saying
      // what it does not mention. Not when a missing noun is the head of a compound after another
      // content word (标识解析专利 is about patents): that is a thing of its own.
      const naming = this.ownDistinctConcepts(chosen.measure, response.words);
      // (Here a noun after the term is judged by headNoun: 政府机关楼顶 is the buildings' roof, which （十） covers.)
      // A word the measure lacks joined before the term counts even where the notice writes it (新兴|产业|专项资金).
      const lacked = chosen.uncovered.filter((word) => !generic.has(word));
      const details =
        missing.every((word) => !this.headNoun(word, response.words)) &&
        !lacked.some((word) => this.joinedToTerm(word, naming, lacked, response.words, false));
      if (details && !onTopic && close.length === 1 && naming.length > 0) {
        return { kind: 'measure', measure: chosen.measure, hit: chosen, missing };
      }
      // 双跨平台是给钱还是入股支持: an either-or question whose words the measure lacks are all on
      // one side of 还是, while it has words of the other: the answer, saying what it does not mention.
      if (missing.length > 0 && !onTopic && close.length === 1 && this.otherAlternativeCovered(missing, chosen, response)) {
        return { kind: 'measure', measure: chosen.measure, hit: chosen, missing };
      }
      // 把几条线全改成机器自己干了，基本不用人盯着…给钱不: everyday words the notice lacks (全改成,
      // 基本), but more words that only this measure has (机器自己干, 不用人盯 → 自动化生产线).
      if (missing.length > 0 && !onTopic && close.length === 1 && this.strongHit(chosen, response)) {
        return { kind: 'measure', measure: chosen.measure, hit: chosen };
      }
      if (missing.length > 0) {
        // Genuinely close only when it has some of the question's own words, not just 政府 or 奖励.
        const shared = response.words.filter((word) => !generic.has(word) && !chosen.uncovered.includes(word));
        return { kind: 'outside', response, searched, missing, ...(shared.length > 0 ? { nearest: chosen } : {}) };
      }
    }
    if (!onTopic && close.length > 1) return { kind: 'choose', hits: close };
    return { kind: 'measure', measure: chosen.measure, hit: chosen };
  }

  /**
   * True when the measure has at least two of the question's distinctive words (words, in any
   * form, that at most `distinctiveSpread` measures have) and more of them than the question has
   * words the notice never writes: those are how it is said, not another topic. 首台套保险补偿
   * has none; 人才落户 one (人才).
   */
  private strongHit(hit: SearchHit, response: SearchResponse): boolean {
    // 5G加AI…智慧养老…软硬件花了800万: facts that fit another measure's rule decide (factsBeyondWords).
    const byFacts = this.measureOfFacts();
    if (byFacts !== undefined && byFacts !== hit.measure.id) return false;
    const generic = vocabulary().generic;
    const strong = response.words.filter(
      (word) =>
        !generic.has(word) &&
        !response.unknown.includes(word) &&
        !hit.uncovered.includes(word) &&
        this.ctx.search.spread(word) <= REPLY_TUNING.distinctiveSpread,
    );
    return strong.length >= 3 && strong.length > response.unknown.length;
  }

  /**
   * True when the question names the measure's own concept (a word of its title few titles
   * have: 两化, 标识解析, 场景清单) and the one word the measure does not write is a verb or an
   * adjective (发放, 体现): what is done with the concept, not another topic. A noun (落户,
   * 专利) or a word jieba does not know (首台套) may be a topic of its own: those stay hedged.
   */
  private aboutOwnConcept(measure: Measure, missing: string, words: string[]): boolean {
    if (!VERB_OR_ADJECTIVE.test(wordTag(missing))) return false;
    const concepts = titleConcepts().get(measure.id) ?? [];
    const generic = vocabulary().generic;
    return words.some((word) => !generic.has(word) && concepts.some((concept) => word.includes(concept)));
  }

  /** The notice's validity; asked as a yes/no question about now (2025年还能用吗, 现在还有效吗), the answer leads. */
  private validity(): Reply {
    const { notice } = this.ctx;
    const fact = noticeFact('validity', notice);
    if (!asksYesNo(this.normalized) || !asksAboutLater(this.normalized)) return fact;
    return { ...fact, text: `**已经到期**：本通知的有效期到${formatDate(notice.validUntil)}为止，现在不能再按它申报。\n\n${fact.text}` };
  }

  /**
   * In an either-or question (…A还是B…), true when the words the measure lacks are all on one
   * side and the other side has a word of the question the measure has (not a generic one).
   */
  private otherAlternativeCovered(missing: readonly string[], hit: SearchHit, response: SearchResponse): boolean {
    const sides = this.normalized.split('还是');
    if (sides.length !== 2) return false;
    const generic = vocabulary().generic;
    const covered = response.words.filter((word) => !generic.has(word) && !hit.uncovered.includes(word));
    return sides.some(
      (side, i) => missing.every((word) => side.includes(word)) && covered.some((word) => sides[1 - i].includes(word) && !side.includes(word)),
    );
  }

  /**
   * True when the word is a noun written right after another content word of the question, not
   * a generic one, so the head of a compound (标识解析|专利, 绿色|工厂): in Chinese the head comes
   * last. 多少|股份, 承建的|供应商 or 项目|业主 are details asked about; 标识解析专利 is patents,
   * another topic.
   */
  private headNoun(word: string, contentWords: readonly string[]): boolean {
    const tag = wordTag(word);
    if (!tag.startsWith('n') && tag !== 'vn') return false;
    const words = cutQuestionWords(this.normalized);
    const before = words[words.indexOf(word) - 1];
    return before !== undefined && contentWords.includes(before) && !vocabulary().generic.has(before);
  }

  /**
   * With no measure covering enough of the question: the one measure a term of it (three
   * characters or more) names by itself, when what that measure lacks of the question is a
   * detail (no word joined to the term into another thing, no term of neighbouring policy).
   */
  private namedByItsOwnTerm(response: SearchResponse, searched: string): Subject | undefined {
    if (response.elsewhere?.length) return undefined; // another city's policy: outside, whatever it names
    const generic = vocabulary().generic;
    // A term of one measure: found in no other (spread 1), or the notice's own term (not 一部分)
    // that, searched alone, finds one measure (两化融合 → （八）, though its synonyms spread wider).
    const own = (word: string) => this.ctx.search.mentions(word) || LEXICON.has(word);
    const measureOfTerm = new Map<string, number>();
    for (const word of response.words) {
      if ([...word].length < 3 || generic.has(word)) continue;
      const hits = this.ctx.search.search(word, { limit: 2 }).hits;
      if (hits.length === 0) continue;
      if (this.ctx.search.spread(word) === 1 || (own(word) && hits.length === 1)) measureOfTerm.set(word, hits[0].measure.id);
    }
    const ids = new Set(measureOfTerm.values());
    if (ids.size !== 1) return undefined;
    const terms = [...measureOfTerm.keys()];
    const measure = this.ctx.search.getMeasure([...ids][0]);
    if (!measure) return undefined;
    const { uncovered } = this.ctx.search.match(searched, measure.id);
    const missing = uncovered.filter((word) => !generic.has(word) && !this.ctx.search.mentions(word));
    const other = loadKnowledge().otherPolicyTerms;
    const lacked = uncovered.filter((word) => !generic.has(word));
    if (missing.some((word) => other.has(word)) || lacked.some((word) => this.joinedToTerm(word, terms, lacked, response.words))) return undefined;
    return { kind: 'measure', measure, missing };
  }

  /**
   * True when a word the measure lacks is joined to one of the terms that named it, making another
   * thing: in the phrase right after the term, the head of a compound (网络安全|等保测评,
   * 标识解析|专利); a noun right before it, past words the measure has, a modifier (区块链|专项资金,
   * 十强|产业|专项资金); not a verb and its object (参加|技能大赛).
   */
  private joinedToTerm(word: string, terms: readonly string[], missing: readonly string[], words: readonly string[], after = true): boolean {
    const text = unquoted(this.normalized);
    return terms.some((term) => {
      const at = text.indexOf(term);
      if (at < 0) return false;
      const following = text.slice(at + term.length).split(PHRASE_END)[0];
      let before = text.slice(0, at).split(PHRASE_END).pop() ?? '';
      for (let covered = true; covered; ) {
        const next = words.find((w) => !missing.includes(w) && w.length < before.length && before.endsWith(w));
        covered = next !== undefined;
        if (next) before = before.slice(0, -next.length);
      }
      return (after && following.includes(word)) || (before.endsWith(word) && namesAThing(word));
    });
  }

  /**
   * 两化融合补贴…我们投得比较多: words the notice lacks left it outside, but a term of it names
   * one measure by itself (as namedByItsOwnTerm finds it): that measure.
   */
  private namedOwnConcept(subject: Extract<Subject, { kind: 'outside' }>): Measure | undefined {
    const named = this.namedByItsOwnTerm(subject.response, subject.searched);
    return named?.kind === 'measure' ? named.measure : undefined;
  }

  /**
   * The terms of the question (three characters or more: 两化融合, 拨改投, not 开发 of 房地产开发)
   * that name a concept of the measure's title, or a term of its text, that no other measure has.
   */
  private ownDistinctConcepts(measure: Measure, words: string[]): string[] {
    const concepts = titleConcepts().get(measure.id) ?? [];
    const generic = vocabulary().generic;
    return words.filter(
      (word) =>
        [...word].length >= 3 &&
        !generic.has(word) &&
        (concepts.some((concept) => word.includes(concept)) || measure.text.includes(word)) &&
        this.ctx.search.spread(word) === 1,
    );
  }

  private answerSubject(act: Act, subject: Subject, aspect?: Aspect): QaTurn {
    const turn = this.subjectTurn(act, subject, aspect);
    return subject.kind === 'measure' && subject.hit ? { ...turn, score: subject.hit.coverage } : turn;
  }

  private subjectTurn(act: Act, subject: Subject, aspect?: Aspect): QaTurn {
    const { notice } = this.ctx;
    switch (subject.kind) {
      case 'none':
        return this.onTopic(act, (m) => this.aspectReply(aspect ?? 'summary', m));
      case 'no-such':
        return this.keep(act, [noSuchMeasure(subject.number)]);
      case 'choose':
        // Until the user picks one, the first offered is the topic: 每次发多少个 is answered about it, and says so.
        return {
          ...this.keep(act, [chooseBetween(subject.hits.map((hit) => hit.measure))]),
          lastMeasureId: subject.hits[0].measure.id,
          measures: ids(subject.hits),
        };
      case 'outside': {
        const { response, nearest } = subject;
        const missing = response.elsewhere?.length ? response.elsewhere.map((place) => `${place}的政策`) : this.missingWords(subject);
        const reply = outsideReply(missing, notice, nearest ? { measure: nearest.measure, snippet: nearest.snippet } : undefined);
        // What was asked is not in the notice: the topic stays as it was (or, with none, the nearest named).
        return {
          replies: [reply],
          lastMeasureId: this.topic?.id ?? nearest?.measure.id,
          act: act.kind,
          measures: nearest ? [nearest.measure.id] : [],
          ...(nearest ? { hedged: true } : {}),
        };
      }
      case 'measure': {
        const { measure, hit } = subject;
        // 成立满三年: words of a requirement no measure sets are answered as such (aspectReply), not noted as missing.
        const unset = this.unsetRequirement();
        // Nor is what the asker makes (做注塑的小厂): it says who asks; nor a word of a fact the
        // question states, which the verdict judges (财政出钱建的: 出钱).
        const rule = subject.missing?.length ? this.ruleFor(measure) : undefined;
        const stated = rule ? Object.values(this.factsFor(rule).said) : [];
        const missing = subject.missing?.filter(
          (word) => !unset?.said.includes(word) && !this.isTrade(word) && !stated.some((said) => said.includes(word)),
        );
        if (missing?.length) {
          const turn = this.answerSubject(act, { kind: 'measure', measure, hit }, aspect);
          const note = `${measureLabel(measure)}没有提到“${missing.map(asWritten).join('”“')}”；它的原文要点如下。\n\n`;
          return { ...turn, replies: turn.replies.map((reply, i) => (i === 0 ? { ...reply, text: note + reply.text } : reply)) };
        }
        const estimable = this.estimable(measure);
        switch (aspect) {
          case 'conditions':
            // 服务本地企业30家，条件够吗: the conditions, judged on the amounts the question states.
            if (this.statesAmount(measure)) return this.judge(act, measure, asksAboutLater(this.normalized));
            return this.about(act, measure, this.aspectReply(aspect, measure));
          case 'units': {
            // 哪些单位得免费开放: who is named in the sentence the other words point at, then the units.
            const reply = this.aspectReply(aspect, measure);
            const sentence = this.sentenceAsked(measure, hit);
            return this.about(act, measure, sentence ? { ...reply, text: `${measureLabel(measure)}原文：“${sentence}”\n\n${reply.text}` } : reply);
          }
          case 'period':
          case 'full-text':
            return this.about(act, measure, this.aspectReply(aspect, measure));
          default:
            // 运营费用800万能补多少: the amount it states is judged and computed, as a yes/no would be;
            // so is any fact a yes/no question states (用了平台的云服务，政府能直接补给我们吗).
            if (this.statesAmount(measure) || (asksYesNo(this.normalized) && this.statesFacts(measure))) {
              return this.judge(act, measure, asksAboutLater(this.normalized));
            }
            // 需要成立几年以上吗: a requirement the notice does not set, answered with those the measure sets.
            if (unset) return this.about(act, measure, this.aspectReply('conditions', measure));
            return this.about(
              act,
              measure,
              answerMeasure(measure, notice, { snippet: hit?.snippet, estimable, asksAmount: aspect === 'figures', affirms: !aspect && this.affirmedBy(hit) }),
            );
        }
      }
    }
  }

  /** What the notice does not mention of what was searched: its unknown words, or those the nearest measure lacks. */
  private missingWords(subject: Extract<Subject, { kind: 'outside' }>): string[] {
    const generic = vocabulary().generic;
    const unknown = this.ctx.search.unknownWords(subject.searched).filter((word) => !generic.has(word));
    return unknown.length > 0 ? unknown : (subject.missing ?? []);
  }

  /** A requirement the question asks about that no measure sets (成立几年, 注册资本), and the words that ask it (read once a turn). */
  private unsetRequirement(): { what: string; said: string } | undefined {
    if (this.unset === undefined) {
      this.unset = null;
      for (const { what, cues } of vocabulary().unsetRequirements) {
        const match = cues.map((cue) => cue.pattern.exec(this.normalized)).find((m) => m !== null);
        if (match) {
          this.unset = { what, said: match[0] };
          break;
        }
      }
    }
    return this.unset ?? undefined;
  }

  private unset?: { what: string; said: string } | null;

  /**
   * The sentence of the measure that writes every word the question adds to its aspect's own
   * (免费, 开放 of 哪些单位得免费开放), when those are not just the measure's name.
   */
  private sentenceAsked(measure: Measure, hit: SearchHit | undefined): string | undefined {
    const generic = vocabulary().generic;
    const title = normalizeKnown(measure.title);
    const words = (this.searched?.words ?? []).filter((word) => !generic.has(word) && !title.includes(word));
    if (words.length === 0 || !hit?.snippet) return undefined;
    const sentence = normalizeKnown(hit.snippet);
    return words.every((word) => sentence.includes(word)) ? hit.snippet.replace(/[。；]$/, '') + '。' : undefined;
  }

  /** The period a yes/no question puts: 每年都发吗 (yearly), 是一次性的吗 (one-time); none when it asks which. */
  private proposedPeriod(): ProposedPeriod | undefined {
    const text = this.normalized;
    if (!(asksYesNo(text) || /是不是|是否|会不会|有没有/.test(text)) || /还是/.test(text)) return undefined;
    // 有没有每年都能拿的 / 每年都有吗 are answered 有; 是每年都有吗 是.
    const existence = /有没有/.test(text) || (/有吗|有不/.test(text) && !/是/.test(text));
    const { yearly, oneTime } = vocabulary().proposesPeriod;
    if (hasCue(text, yearly)) return { period: 'yearly', existence };
    if (hasCue(text, oneTime)) return { period: 'one-time', existence };
    return undefined;
  }

  /** The part of a measure an aspect asks for. */
  private aspectReply(aspect: Aspect, measure: Measure): Reply {
    const { notice } = this.ctx;
    const estimable = this.estimable(measure);
    // 要求运营满几年吗: a requirement no measure sets; said first, then what the measure does ask.
    const unset = this.unsetRequirement();
    if (unset && (aspect === 'conditions' || aspect === 'summary')) {
      const reply = conditionsOf(measure, notice, estimable);
      return { ...reply, text: `**通知没有规定${unset.what}**：${measureLabel(measure)}的条件只有以下这些。\n\n${reply.text}` };
    }
    switch (aspect) {
      case 'units':
        return unitsOf(measure);
      case 'conditions':
        return conditionsOf(measure, notice, estimable);
      case 'period':
        return periodOf(measure, notice, estimable, this.proposedPeriod());
      case 'figures':
        return figuresOf(measure, notice, estimable);
      case 'full-text':
        return fullText(measure, notice, estimable);
      case 'summary':
        return answerMeasure(measure, notice, { estimable });
    }
  }

  // ------------------------------------------------------------ turns

  private estimable(measure: Measure): boolean {
    return this.ctx.isEstimable(measure.id);
  }

  /** Replies that leave the topic as it was. */
  private keep(act: Act, replies: Reply[]): QaTurn {
    return { replies, lastMeasureId: this.topic?.id, act: act.kind, measures: [] };
  }

  /** A reply about one measure, which becomes the topic. */
  private about(act: Act, measure: Measure, reply: Reply): QaTurn {
    return { replies: [reply], lastMeasureId: measure.id, act: act.kind, measures: [measure.id] };
  }

  /** A reply about the topic, or a request to name a measure when there is none. */
  private onTopic(act: Act, reply: (measure: Measure) => Reply): QaTurn {
    return this.topic ? this.about(act, this.topic, reply(this.topic)) : this.keep(act, [noMeasureYet()]);
  }
}

const ids = (hits: SearchHit[]): number[] => hits.map((hit) => hit.measure.id);

/** Every award rule's inputs with the names people call them, normalised once, when the bot starts. */
const INPUT_NAMES = allQuantifiedRules.flatMap((rule) =>
  Object.entries(rule.inputs).map(([key, input]) => ({ rule, key, names: input.names.map((name) => normalizeQuery(name)) })),
);

/**
 * Another place beside Qingdao is where the asker comes from (我们是上海的服务商, 总部在杭州, 北京的
 * 公司想来青岛落个法人, 面向山东的平台) unless its own clause asks about policy or money there without
 * saying so (我们公司在城阳，济南的工业互联网政策有啥, 深圳企业上云补贴咋申请, 上海数字化转型券怎么领).
 */
const ASKER_FROM = /我|咱|俺|本公司|总部|来自|老家|注册|迁|搬|落户|落个|来青|设立|设个|设法人|分公司|子公司|办事处|一家/;
const POLICY_OR_MONEY = /政策|补贴|奖励|补助|奖补|资金|措施|扶持|券|奖|钱|标准/;
function asksAnotherPlacesPolicy(text: string, place: string): boolean {
  const clause = text.split(/[,;。!?]/).find((part) => part.includes(place)) ?? '';
  return POLICY_OR_MONEY.test(clause) && !ASKER_FROM.test(clause);
}

/**
 * A noun or an adjective (新兴 of 新兴产业), or a run jieba does not know that is no fragment and
 * does not end in a verb (区块链, 十强; not 商建 of 运营|商建, the operator builds): what names or
 * qualifies a thing, not an action.
 */
const namesAThing = (word: string): boolean => {
  const tag = wordTag(word);
  return /^(n\w*|vn|a|an|b)$/.test(tag) || (tag === 'x' && !isFragment(word) && wordTag([...word].at(-1)!) !== 'v');
};

/** The lexicon's words (knowledge/lexicon.txt): the notice's terms as people write them (两化融合). */
const LEXICON = new Set(loadKnowledge().lexicon.map((entry) => normalizeKnown(entry.word)));

/** Where the phrase a term begins ends: a mark, or a particle, preposition or auxiliary (从, 的, 能…). */
const PHRASE_END = /[\p{P}\s的地得了着过在是和与及或从对向把被给为以之其而这那个们吗呢吧啊不没有能会要想可也都还又再就]/u;

/** jieba's parts of speech for verbs and adjectives (发放 v, 体现 v, 优秀 a); not verbal nouns (vn). */
const VERB_OR_ADJECTIVE = /^(v|vd|vi|vg|a|ad|ag)$/;

let concepts: Map<number, string[]> | undefined;

/**
 * Each measure's own concepts: the words of its title (and their sub-words) that name
 * something, found in at most two titles: （八）推进两化深度融合 → 两化, 融合, 深度…; not 建设 or 支持.
 * Read once, when the bot starts.
 */
function titleConcepts(): Map<number, string[]> {
  if (concepts) return concepts;
  const generic = vocabulary().generic;
  const wordsOf = new Map(
    loadKnowledge().measures.map((m) => [
      m.id,
      new Set(cutForSearch(normalizeQuery(m.title)).filter((word) => [...word].length >= 2 && !generic.has(word) && !isStopword(word))),
    ]),
  );
  const titles = (word: string) => [...wordsOf.values()].filter((words) => words.has(word)).length;
  concepts = new Map([...wordsOf].map(([id, words]) => [id, [...words].filter((word) => titles(word) <= 2)]));
  return concepts;
}
titleConcepts();

