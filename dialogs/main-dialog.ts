import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  Dialog,
  DialogTurnStatus,
  type DialogContext,
  type DialogState,
  type DialogTurnResult,
} from 'botbuilder-dialogs';
import { toActivity } from '../src/activities';
import {
  carriedLead,
  chooseAnyRule,
  chooseRule,
  detectIntent,
  ESTIMATE_ACTIONS,
  estimateReply,
  interviewSwitched,
  nothingToLeave,
  nothingToEstimate,
  readAct,
  respond,
  ruleForEstimateCommand,
  withHelpfulButtons,
  withServiceRating,
  type QaContext,
  type QaTurn,
  type Reply,
} from '../src/replies';
import { maskPersonalData } from '../src/insights/mask';
import { noteInterview, noteOf, noteTurn } from '../src/turn-note';
import { isRateable, outcomeOf, takeComment, takeRating } from './ratings';
import { allQuantifiedRules, estimate, getRule, rulesForMeasure, type Rule } from '../src/rules';
import { normalizeQuery } from '../src/search';
import { readCommand } from './answers';
import { cardActivity } from './card-activity';
import { dialogRunner } from './dialog-runner';
import { CHECK_UP_DIALOG, CheckUpDialog } from './check-up-dialog';
import type { InterviewDialog, InterviewOutcome } from './interview-dialog';
import { carryOver, readRecord, summaryItems, type InterviewState } from './interview-state';
import type { ConversationMemory } from './memory';
import { pickRule, reopen } from './reopen';
import { interviewId, RuleInterviewDialog } from './rule-interview-dialog';

export type { ConversationMemory } from './memory';

export const MAIN_DIALOG = 'main';

/** What respond() understood to estimate: the award its words single out, or the measure. */
function requestFor(estimate: { measureId?: number; ruleId?: string }): EstimateRequest {
  const rule = estimate.ruleId ? getRule(estimate.ruleId) : undefined;
  return rule ? { kind: 'rule', rule } : { kind: 'measure', measureId: estimate.measureId };
}

/** 再见, 好的再见, 拜拜…: the small talk after which the 好差评 is asked. */
const isGoodbye = (text: string): boolean => {
  const act = readAct(normalizeQuery(text));
  return act.kind === 'small-talk' && act.what === 'goodbye';
};

export interface MainDialogOptions {
  /** Offer ratings (有帮助 / 没帮助, 好差评): only when the insights record them. */
  ratings: boolean;
}

/** Buttons that start the interview again even while it runs. */
const RESTART = new Set<string>([ESTIMATE_ACTIONS.again, ESTIMATE_ACTIONS.checkUpAgain]);

/** What the user asked to estimate; `fresh`: 重新估算 / 重新体检, which carry no answers over. */
type EstimateRequest =
  | { kind: 'rule'; rule: Rule; fresh?: boolean }
  /** A measure (from 估算奖励 or a question); undefined: none known yet. */
  | { kind: 'measure'; measureId?: number }
  | { kind: 'check-up'; fresh?: boolean };

/**
 * Routes every message. A question is answered from the notice; a request to estimate
 * starts the interview of the rule (its child dialog), or asks which rule, or says what
 * the notice promises when it names no amount; 政策体检 starts the check-up. While an
 * interview runs, messages go to it, except a request for another estimate (or the
 * 重新估算 / 重新体检 buttons), which ends it and starts what was asked, carrying the
 * answers the two share. After an interview stopped early or showed its result, a
 * correction of its answers re-opens it (./reopen.ts); after a menu of rules, 后一个 or
 * a word of a label picks one.
 */
export class MainDialog extends ComponentDialog {
  private readonly interviewTitles = new Map<string, string>();

  constructor(
    private readonly memory: StatePropertyAccessor<ConversationMemory>,
    private readonly qa: QaContext,
    private readonly options: MainDialogOptions = { ratings: false },
  ) {
    super(MAIN_DIALOG);
    for (const rule of allQuantifiedRules) {
      this.addDialog(new RuleInterviewDialog(rule, memory, qa, options.ratings));
      this.interviewTitles.set(interviewId(rule.id), `${rule.title}估算`);
    }
    this.addDialog(new CheckUpDialog(memory, qa, options.ratings));
    this.interviewTitles.set(CHECK_UP_DIALOG, '政策体检');
  }

  private runTurn?: (context: TurnContext) => Promise<void>;

  /** Runs the dialog for one turn. */
  async run(context: TurnContext, dialogState: StatePropertyAccessor<DialogState>): Promise<void> {
    this.runTurn ??= dialogRunner(this, dialogState);
    await this.runTurn(context);
  }

  protected override async onBeginDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    return this.route(innerDc);
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const active = innerDc.activeDialog;
    if (!active) return this.route(innerDc);

    const memory = await this.memory.get(innerDc.context, {});
    const text = innerDc.context.activity.text ?? '';
    const request = this.estimateRequest(text, memory);
    if (request && (RESTART.has(text.trim()) || this.dialogFor(request) !== active.id)) {
      // A new estimate in the middle of another: end this one and start what was asked.
      await innerDc.cancelAllDialogs();
      await innerDc.context.sendActivity(toActivity(interviewSwitched(this.interviewTitles.get(active.id) ?? '估算')));
      return this.route(innerDc);
    }
    noteTurn(innerDc.context, { outcome: 'interview' });
    const result = await innerDc.continueDialog();
    if (result.status === DialogTurnStatus.complete) this.remember(memory, result.result as InterviewOutcome | undefined);
    // The main dialog never ends: it waits for the next message.
    return Dialog.EndOfTurn;
  }

  /** Answers the message, or starts what it asks for; then waits for the next one. */
  private async route(innerDc: DialogContext): Promise<DialogTurnResult> {
    const context = innerDc.context;
    const text = context.activity.text ?? '';
    const memory = await this.memory.get(context, {});
    if (this.options.ratings && (await takeRating(context, text, memory, this.qa))) return Dialog.EndOfTurn;
    const commentAfter = memory.awaitingComment;
    delete memory.awaitingComment;

    let request = this.estimateRequest(text, memory);
    const offered = memory.offeredRules;
    delete memory.offeredRules;
    if (!request) {
      // 返回, 修改…, 说错了…, 投资额其实是250万: the last interview's answers, corrected.
      const record = readRecord(memory.interview);
      const reopened = record && this.findDialog(record.dialogId) ? reopen(record, text) : undefined;
      if (record && reopened) {
        noteTurn(context, { outcome: 'interview' });
        return this.beginInterview(innerDc, record.dialogId, reopened, memory);
      }
      const picked = offered && pickRule(text, offered);
      const rule = picked ? getRule(picked) : undefined;
      if (rule) request = { kind: 'rule', rule };
    }
    const command = readCommand(text);
    if (!request && (command === 'cancel' || command === 'back')) {
      if (command === 'cancel') delete memory.interview;
      await context.sendActivity(toActivity(nothingToLeave()));
      return Dialog.EndOfTurn;
    }
    if (!request) {
      const turn = respond(text, memory.lastMeasureId, this.qa);
      const outcome = outcomeOf(turn);
      if (await takeComment(context, text, commentAfter, outcome)) return Dialog.EndOfTurn;
      memory.lastMeasureId = turn.lastMeasureId;
      if (isRateable(outcome) && turn.measures[0]) noteTurn(context, { outcome, measure: turn.measures[0], score: turn.score });
      else noteTurn(context, { outcome });
      if (outcome === 'not-found') noteTurn(context, { question: maskPersonalData(text) });
      for (const reply of this.withRatings(context, text, turn, outcome, memory)) await context.sendActivity(toActivity(reply));
      if (turn.checkUp) request = { kind: 'check-up' };
      else if (turn.estimate) request = requestFor(turn.estimate);
    }
    return request ? this.startEstimate(innerDc, request, memory) : Dialog.EndOfTurn;
  }

  /**
   * Estimate requests the main dialog reads itself, before any search: the buttons
   * (估算<rule title>, 估算奖励 on an answer, 重新估算, 估算单项奖励) and, through the
   * intents of the Q&A core, 估算…/算一下… and 政策体检/我能享受哪些政策.
   */
  private estimateRequest(text: string, memory: ConversationMemory): EstimateRequest | undefined {
    const t = text.trim();
    const rule = ruleForEstimateCommand(t);
    if (rule) return { kind: 'rule', rule };
    if (t === ESTIMATE_ACTIONS.again) {
      const last = memory.lastRuleId ? getRule(memory.lastRuleId) : undefined;
      return last ? { kind: 'rule', rule: last, fresh: true } : { kind: 'measure' };
    }
    if (t === ESTIMATE_ACTIONS.menu) return { kind: 'measure' };
    const intent = detectIntent(normalizeQuery(t));
    if (intent.kind === 'check-up') return { kind: 'check-up', fresh: t === ESTIMATE_ACTIONS.checkUpAgain };
    if (intent.kind === 'estimate') {
      const turn = respond(t, memory.lastMeasureId, this.qa);
      return requestFor(turn.estimate ?? {});
    }
    return undefined;
  }

  /**
   * The interview a request would start, if it is known without asking: asking again for
   * the estimate already running ("帮我算一下两化融合，300万") goes on with it instead.
   */
  private dialogFor(request: EstimateRequest): string | undefined {
    if (request.kind === 'check-up') return CHECK_UP_DIALOG;
    if (request.kind === 'rule') return interviewId(request.rule.id);
    const quantified = request.measureId === undefined ? [] : rulesForMeasure(request.measureId).filter((r) => r.kind === 'quantified');
    return quantified.length === 1 ? interviewId(quantified[0].id) : undefined;
  }

  /**
   * The turn's replies, the last one with rating buttons when it answers (有帮助 / 没帮助) or
   * says goodbye (好差评); what they rate is remembered until rated once.
   */
  private withRatings(context: TurnContext, text: string, turn: QaTurn, outcome: string, memory: ConversationMemory): Reply[] {
    if (!this.options.ratings || turn.replies.length === 0) return turn.replies;
    const replies = [...turn.replies];
    const last = replies.length - 1;
    if (isRateable(outcome)) {
      replies[last] = withHelpfulButtons(replies[last]);
      // The question stays in the conversation's own state (which expires with it) and is
      // masked only if the answer is rated 没帮助, the one case the insights keep it.
      memory.rating = { target: 'answer', turn: noteOf(context).id, question: text, ...(turn.measures[0] ? { measure: turn.measures[0] } : {}) };
    } else if (turn.act === 'small-talk' && isGoodbye(text)) {
      replies[last] = withServiceRating(replies[last]);
      memory.rating = { target: 'service' };
    } else if (memory.rating?.target !== 'service') {
      delete memory.rating; // the buttons of the earlier answer are gone
    }
    return replies;
  }

  private async startEstimate(innerDc: DialogContext, request: EstimateRequest, memory: ConversationMemory): Promise<DialogTurnResult> {
    const context = innerDc.context;
    noteTurn(context, { outcome: 'interview' });
    if (request.kind === 'check-up') return this.begin(innerDc, CHECK_UP_DIALOG, memory, request.fresh);
    if (request.kind === 'rule') return this.startRule(innerDc, request.rule, memory, request.fresh);

    const measure = request.measureId === undefined ? undefined : this.qa.search.getMeasure(request.measureId);
    if (!measure) {
      await context.sendActivity(toActivity(chooseAnyRule()));
      memory.offeredRules = allQuantifiedRules.map((rule) => rule.id);
      return Dialog.EndOfTurn;
    }
    memory.lastMeasureId = measure.id;
    const rules = rulesForMeasure(measure.id);
    const quantified = rules.filter((rule) => rule.kind === 'quantified');
    if (quantified.length === 1) return this.startRule(innerDc, quantified[0], memory);
    if (quantified.length > 1) {
      await context.sendActivity(toActivity(chooseRule(quantified, measure)));
      memory.offeredRules = quantified.map((rule) => rule.id);
    } else if (rules.length > 0) {
      return this.startRule(innerDc, rules[0], memory);
    } else {
      await context.sendActivity(toActivity(nothingToEstimate(measure)));
      memory.offeredRules = allQuantifiedRules.map((rule) => rule.id);
    }
    return Dialog.EndOfTurn;
  }

  /** A quantified rule's interview; for a measure without an amount, what the notice says and whom to ask. */
  private async startRule(innerDc: DialogContext, rule: Rule, memory: ConversationMemory, fresh = false): Promise<DialogTurnResult> {
    memory.lastMeasureId = rule.clause.measure;
    memory.lastRuleId = rule.id;
    if (rule.kind === 'quantified') return this.begin(innerDc, interviewId(rule.id), memory, fresh);
    const result = estimate(rule, {});
    if (result.ok) await innerDc.context.sendActivity(cardActivity(estimateReply(result.estimate)));
    return Dialog.EndOfTurn;
  }

  /** Begins an interview with the answers the last one shares with it (政策体检 after 两化融合…), unless `fresh`. */
  private begin(innerDc: DialogContext, dialogId: string, memory: ConversationMemory, fresh = false): Promise<DialogTurnResult> {
    const record = readRecord(memory.interview);
    const target = this.findDialog(dialogId) as InterviewDialog | undefined;
    let state: InterviewState | undefined;
    if (!fresh && record && target && record.dialogId !== dialogId) {
      state = carryOver(record.state, target.inputKeys);
      if (state) state.lead = carriedLead(record.title, summaryItems(state));
    }
    noteInterview(innerDc.context, { rule: dialogId.replace(/^interview:/, ''), step: 'start' });
    return this.beginInterview(innerDc, dialogId, state, memory);
  }

  /**
   * Begins an interview; one that ends in this same turn (a correction recomputed at once)
   * is remembered like one that ends later, and the main dialog goes on waiting.
   */
  private async beginInterview(innerDc: DialogContext, dialogId: string, state: InterviewState | undefined, memory: ConversationMemory): Promise<DialogTurnResult> {
    const result = await innerDc.beginDialog(dialogId, state);
    if (result.status !== DialogTurnStatus.complete) return result;
    this.remember(memory, result.result as InterviewOutcome | undefined);
    return Dialog.EndOfTurn;
  }

  private remember(memory: ConversationMemory, outcome: InterviewOutcome | undefined): void {
    // The result carries 有帮助 / 没帮助 (the interviews add them): what they rate.
    if (this.options.ratings && (outcome?.kind === 'estimate' || outcome?.kind === 'check-up')) {
      memory.rating = { target: 'estimate', rule: outcome.kind === 'estimate' ? outcome.ruleId : 'check-up' };
    }
    if (outcome?.kind !== 'estimate') return;
    memory.lastMeasureId = outcome.measureId;
    memory.lastRuleId = outcome.ruleId;
  }
}
