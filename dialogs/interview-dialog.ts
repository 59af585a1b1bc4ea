import { ActivityTypes, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  WaterfallDialog,
  type DialogContext,
  type DialogTurnResult,
  type PromptValidatorContext,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { toActivity } from '../src/activities';
import {
  detectIntent,
  interviewCancelled,
  progressText,
  questionReply,
  reasks,
  respond,
  skippedLead,
  summaryReasks,
  summaryReply,
  unitQuestionReply,
  unitRefused,
  type QaContext,
  type QuestionView,
  type Reply,
  withHelpfulButtons,
} from '../src/replies';
import { allInputs, type InputDescription } from '../src/rules';
import { normalizeQuery } from '../src/search';
import { AnswerPrompt, retryWith, type Expectation, type InterviewAnswer, type Recognition } from './answer-prompt';
import { looksLikeQuestion, readCommand } from './answers';
import { describe, forget, readState, recordAnswer, summaryItems, type InterviewState } from './interview-state';
import type { ConversationMemory } from './memory';
import { noteInterview } from '../src/turn-note';

const ANSWER_PROMPT = 'answer';
const LOOP = 'loop';

export type { InterviewState } from './interview-state';

/** The waterfall's values between its two steps. */
interface StepValues {
  state: InterviewState;
}

/** What an interview ends with, for the main dialog to remember. */
export type InterviewOutcome =
  | { kind: 'estimate'; ruleId: string; measureId: number; status: string; headline: string }
  | { kind: 'check-up'; totalFen: number; headline: string }
  | { kind: 'failed' };

/**
 * An eligibility interview, in the shape of the core-bot and multi-turn-prompt samples:
 * a ComponentDialog whose waterfall asks one question per turn with a prompt and a
 * validator, and loops with replaceDialog (as complex-dialog's review loop does) until
 * nothing is missing; then it sums up the answers, lets the user confirm or correct
 * one, and computes. 取消 is caught before the prompt (core-bot's CancelAndHelpDialog).
 *
 * The answers outlive the dialog: each step and the result are recorded in the
 * conversation's memory (memory.interview), so that after an early stop or a result a
 * correction (返回, 修改…, 说错了…, 投资额其实是250万) can begin the dialog again with
 * that state, where it was (see ./reopen.ts). Only 取消 forgets them.
 *
 * Subclasses say what to ask (`missing`), when to stop early (`ruledOut`) and how to
 * finish (`finish`); they generate everything from the rules' declarations.
 */
export abstract class InterviewDialog extends ComponentDialog {
  /** Shown in progress and exit messages: '两化融合项目奖补估算', '政策体检'. */
  abstract readonly title: string;
  /** The button offered after 取消 to start again. */
  protected abstract readonly restartCommand: string;
  /** True when the number of questions is only an estimate (共约…题). */
  protected abstract readonly approximate: boolean;
  /** True when a question may be left unanswered (不清楚, 跳过): the check-up judges the rest. */
  protected abstract readonly canSkip: boolean;
  /** Every input this interview may ask: what another interview's answers can carry into it. */
  abstract readonly inputKeys: ReadonlySet<string>;

  /** The inputs still to ask, in order. */
  protected abstract missing(state: InterviewState): InputDescription[];
  /** True when an answer already settles the result: stop and say why. */
  protected abstract ruledOut(answers: InterviewState['answers']): boolean;
  /** The opening lines, given how many questions there will be at most. */
  protected abstract intro(total: number): string;
  /** Computes and sends the result. */
  protected abstract finish(context: TurnContext, state: InterviewState): Promise<InterviewOutcome>;

  constructor(
    dialogId: string,
    protected readonly memory: StatePropertyAccessor<ConversationMemory>,
    private readonly qa: QaContext,
    /** Results carry 有帮助 / 没帮助 (when the insights record ratings). */
    private readonly ratings = false,
  ) {
    super(dialogId);
    this.addDialog(new AnswerPrompt(ANSWER_PROMPT, (prompt) => this.validate(prompt)));
    this.addDialog(new WaterfallDialog(LOOP, [this.askStep.bind(this), this.answerStep.bind(this)]));
    this.initialDialogId = LOOP;
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const { activity } = innerDc.context;
    if (activity.type === ActivityTypes.Message && readCommand(activity.text ?? '') === 'cancel') {
      const memory = await this.memory.get(innerDc.context, {});
      noteInterview(innerDc.context, { rule: this.ruleKey, step: 'cancel' }); // where: the last question asked
      delete memory.interview;
      await innerDc.context.sendActivity(toActivity(interviewCancelled(this.title, this.restartCommand)));
      return innerDc.cancelAllDialogs();
    }
    return super.onContinueDialog(innerDc);
  }

  /** A result as sent: with 有帮助 / 没帮助 after its own buttons when ratings are on. */
  protected rateable<R extends Reply>(reply: R): R {
    return this.ratings ? withHelpfulButtons(reply) : reply;
  }

  /** The rule this interview estimates ('check-up' for the 政策体检), as the insights name it. */
  protected get ruleKey(): string {
    return this.id.replace(/^interview:/, '');
  }

  /** Asks the unit of a bare number, the next missing input (or the one being corrected), or sums up, or finishes. */
  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = readState(step.options);
    (step.values as StepValues).state = state;
    const lead = state.lead;
    state.lead = undefined;
    await this.record(step.context, 'asking', state);

    if (state.confirming) {
      const { key, asWan, asYuan, approximate } = state.confirming;
      const view = this.view(state, describe(key));
      const reply = unitQuestionReply(view, asWan, asYuan, approximate !== undefined);
      return step.prompt(ANSWER_PROMPT, {
        prompt: toActivity(reply),
        retryPrompt: toActivity({ ...reply, text: `请点选“万元”或“元”，或连同单位重新回答。\n\n${reply.text}` }),
        validations: { kind: 'unit', view, answered: summaryItems(state), canSkip: this.canSkip, asWan, asYuan, approximate } satisfies Expectation,
      });
    }

    if (!state.editing && this.ruledOut(state.answers)) return this.conclude(step, state);

    const missing = this.missing(state);
    const input = state.editing ? describe(state.editing) : missing[0];
    noteInterview(step.context, { rule: this.ruleKey, step: 'ask', input: input?.key ?? 'summary' });
    if (input) {
      const view = this.view(state, input, missing.length);
      const opening = state.introduced ? undefined : this.intro(state.asked.length + missing.length);
      state.introduced = true;
      const leads = [opening, lead].filter((line): line is string => !!line).join('\n\n');
      return step.prompt(ANSWER_PROMPT, {
        prompt: toActivity(questionReply(view, leads || undefined)),
        retryPrompt: toActivity(reasks.unreadable(view)),
        validations: {
          kind: 'input',
          view,
          answered: summaryItems(state),
          canSkip: this.canSkip,
          // Asked again after it took an amount ahead, it takes no second one (the user repeating 900万元).
          pending: state.aheadFor === input.key ? [] : missing.filter((other) => other.key !== input.key).map((other) => other.key),
        } satisfies Expectation,
      });
    }

    // A result was shown for these answers: a correction recomputes at once.
    if (state.confirmed) return this.conclude(step, state);
    const items = summaryItems(state);
    return step.prompt(ANSWER_PROMPT, {
      prompt: toActivity(summaryReply(this.title, items, lead)),
      retryPrompt: toActivity(summaryReasks.unreadable(this.title, items)),
      validations: { kind: 'summary', title: this.title, items } satisfies Expectation,
    });
  }

  /** Records an answer, goes back, starts a correction, or computes; then loops. */
  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { state } = step.values as StepValues;
    const answer = (step.result as Extract<Recognition, { kind: 'answer' }>).answer;
    const asked = state.editing ?? this.missing(state)[0]?.key;
    const ahead = answer.kind === 'value' && answer.key !== asked && state.answers[answer.key] === undefined;
    this.apply(state, answer);
    state.aheadFor = ahead ? asked : undefined;
    if (ahead) {
      // An answer to a question not yet asked (900万元 to a yes/no one): said back, then the question again.
      const item = summaryItems(state).find((given) => given.key === answer.key);
      if (item) state.lead = `已记下“${item.label}”：${item.valueText}（如果指的是别的金额，最后核对时可以修改）。请再回答下面这个问题。`;
    }
    if (answer.kind === 'confirm') return this.conclude(step, state);
    return step.replaceDialog(LOOP, state);
  }

  private apply(state: InterviewState, answer: InterviewAnswer): void {
    switch (answer.kind) {
      case 'value':
        recordAnswer(state, answer.key, answer.value, answer.approximate);
        if (answer.also) recordAnswer(state, answer.also.key, answer.also.value);
        break;
      case 'unit-question':
        state.confirming = { key: answer.key, asWan: answer.asWan, asYuan: answer.asYuan, approximate: answer.approximate };
        break;
      case 'unit-refused':
        state.confirming = undefined;
        state.lead = unitRefused();
        break;
      case 'skip':
        state.skipped = [...new Set([...(state.skipped ?? []), answer.key])];
        if (!state.asked.includes(answer.key)) state.asked.push(answer.key);
        state.editing = undefined;
        state.lead = skippedLead(allInputs.get(answer.key)!.label);
        break;
      case 'back':
        if (state.confirming) state.confirming = undefined;
        else if (state.editing) state.editing = undefined;
        else {
          const last = state.asked.at(-1);
          if (last) forget(state, last);
        }
        break;
      case 'edit':
        state.editing = answer.key;
        state.confirming = undefined;
        break;
      case 'confirm':
        break;
    }
  }

  /** Computes, and keeps the answers for later corrections: stopped early, or done. */
  private async conclude(step: WaterfallStepContext, state: InterviewState): Promise<DialogTurnResult> {
    const outcome = await this.finish(step.context, state);
    noteInterview(step.context, {
      rule: this.ruleKey,
      step: 'done',
      status: outcome.kind === 'estimate' ? outcome.status : outcome.kind,
    });
    if (outcome.kind !== 'failed') {
      const stopped = outcome.kind === 'estimate' && outcome.status === 'ineligible';
      const { answers, asked, approximate, skipped, lastAnswered } = state;
      const kept: InterviewState = {
        answers,
        asked,
        introduced: true,
        confirmed: !stopped,
        previous: { answers: { ...answers }, approximate: { ...(approximate ?? {}) }, skipped: [...(skipped ?? [])], headline: outcome.headline },
        ...(approximate ? { approximate } : {}),
        ...(skipped ? { skipped } : {}),
        ...(lastAnswered ? { lastAnswered } : {}),
      };
      await this.record(step.context, stopped ? 'stopped' : 'done', kept);
    }
    return step.endDialog(outcome);
  }

  private async record(context: TurnContext, phase: 'asking' | 'stopped' | 'done', state: InterviewState): Promise<void> {
    const memory = await this.memory.get(context, {});
    memory.interview = { dialogId: this.id, phase, title: this.title, state: structuredClone(state) };
  }

  private view(state: InterviewState, input: InputDescription, missingCount = 0): QuestionView {
    const { asked, editing } = state;
    return {
      title: this.title,
      input,
      progress:
        editing === input.key
          ? `修改第${asked.indexOf(editing) + 1}项`
          : progressText(asked.length + 1, asked.length + Math.max(missingCount, 1), this.approximate),
      canGoBack: asked.length > 0,
    };
  }

  /**
   * Accepts a reply that reads as an answer and passes the input's zod schema. Anything
   * else is re-asked, and how depends on what it was:
   *   - a strict answer ('三百二十万元', '否') is an answer, even if it could be searched;
   *   - a definition asked back (什么算中小企业) gets the input's help, then the question;
   *   - text that asks something (发文单位是谁, 第十四条讲什么) is answered from the notice,
   *     then the same question comes again;
   *   - a loose answer ('我们投了300万', '我们不属于中小企业') is an answer;
   *   - text about a measure of the notice, though not a question, is answered likewise;
   *   - 不清楚 is skipped where it may be (the check-up), else it says the answer is needed;
   *   - anything else ('很多') is asked again with help and an example: never taken as 0 or no.
   */
  private async validate(prompt: PromptValidatorContext<Recognition>): Promise<boolean> {
    const expectation = prompt.options.validations as Expectation;
    const recognition: Recognition = prompt.recognized.value ?? { kind: 'none' };
    const { context } = prompt;
    const text = context.activity.text ?? '';
    const asking = looksLikeQuestion(text);

    if (recognition.kind === 'answer' && (recognition.strict || !asking)) {
      return this.acceptable(context, expectation, recognition.answer);
    }
    if (recognition.kind === 'help') {
      retryWith(context, [toActivity(this.help(expectation))]);
      return false;
    }
    if (recognition.kind === 'definition') {
      const about = describe(recognition.key);
      retryWith(context, [
        toActivity(
          expectation.kind === 'summary'
            ? summaryReasks.definition(expectation.title, expectation.items, about)
            : reasks.definition(expectation.view, about),
        ),
      ]);
      return false;
    }
    if (recognition.kind === 'unknown' && expectation.kind !== 'summary') {
      retryWith(context, [toActivity(reasks.needed(expectation.view))]);
      return false;
    }
    if (asking || (recognition.kind === 'none' && this.isAboutTheNotice(text))) {
      await this.answerAside(context, text, expectation);
      return false;
    }
    if (recognition.kind === 'imprecise' && expectation.kind !== 'summary') {
      retryWith(context, [toActivity(reasks.imprecise(expectation.view))]);
    } else if (recognition.kind === 'amount-to-yes-no' && expectation.kind !== 'summary') {
      retryWith(context, [toActivity(reasks.notAnAmount(expectation.view))]);
    } else if (recognition.kind === 'edit-which' && expectation.kind === 'summary') {
      retryWith(context, [toActivity(summaryReasks.which(expectation.title, expectation.items, recognition.candidates))]);
    }
    // Otherwise the standard retry prompt: "没能读懂", the question, its help and an example.
    return false;
  }

  private acceptable(context: TurnContext, expectation: Expectation, answer: InterviewAnswer): boolean {
    if (expectation.kind === 'summary') return true;
    const { view } = expectation;
    if (answer.kind === 'back' && !view.canGoBack && expectation.kind === 'input') {
      retryWith(context, [toActivity(reasks.firstQuestion(view))]);
      return false;
    }
    if (answer.kind !== 'value') return true;
    const parsed = allInputs.get(answer.key)?.schema.safeParse(answer.value);
    if (parsed && !parsed.success) {
      const asked = answer.key === view.input.key ? view : { ...view, input: describe(answer.key) };
      retryWith(context, [toActivity(reasks.invalid(asked, parsed.error.issues[0].message))]);
      return false;
    }
    return true;
  }

  private help(expectation: Expectation): Reply {
    return expectation.kind === 'summary'
      ? summaryReasks.help(expectation.title, expectation.items)
      : reasks.help(expectation.view);
  }

  /** True when the Q&A core has something to say: an intent (菜单, 查看原文, 你好…) or a measure search finds. */
  private isAboutTheNotice(text: string): boolean {
    if (detectIntent(normalizeQuery(text)).kind !== 'question') return true;
    const found = this.qa.search.search(text, { limit: 1 });
    return found.reference !== undefined || found.hits.length > 0;
  }

  /** Answers an unrelated question from the notice, then asks the pending question again. */
  private async answerAside(context: TurnContext, text: string, expectation: Expectation): Promise<void> {
    const memory = await this.memory.get(context, {});
    const turn = respond(text, memory.lastMeasureId, this.qa);
    memory.lastMeasureId = turn.lastMeasureId;
    // The answer's own buttons would compete with the question's: keep only its text.
    const aside = turn.replies.map((reply) => toActivity({ text: reply.text }));
    const again =
      expectation.kind === 'summary'
        ? summaryReasks.resume(expectation.title, expectation.items)
        : expectation.kind === 'unit'
          ? unitQuestionReply(expectation.view, expectation.asWan, expectation.asYuan, expectation.approximate !== undefined)
          : reasks.resume(expectation.view);
    retryWith(context, [...aside, toActivity(again)]);
  }
}
