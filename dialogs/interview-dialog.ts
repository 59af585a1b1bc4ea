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
  shortLabel,
  summaryReasks,
  summaryReply,
  type QaContext,
  type QuestionView,
  type Reply,
  type SummaryItem,
} from '../src/replies';
import { allInputs, describeInput, valueText, type AnswerValue, type InputDescription } from '../src/rules';
import { normalizeQuery } from '../src/search';
import { AnswerPrompt, retryWith, type Expectation, type InterviewAnswer, type Recognition } from './answer-prompt';
import { looksLikeQuestion, readCommand } from './answers';
import type { ConversationMemory } from './memory';

const ANSWER_PROMPT = 'answer';
const LOOP = 'loop';

/** What an interview remembers, in its own dialog state (the loop's options). */
export interface InterviewState {
  answers: Record<string, AnswerValue>;
  /** Keys in the order they were answered: 返回 removes the last one. */
  asked: string[];
  /** The key being corrected (修改…), until it is answered again. */
  editing?: string;
  introduced?: boolean;
}

/** The waterfall's values between its two steps. */
interface StepValues {
  state: InterviewState;
}

/** What an interview ends with, for the main dialog to remember. */
export type InterviewOutcome =
  | { kind: 'estimate'; ruleId: string; measureId: number; status: string }
  | { kind: 'check-up'; totalFen: number }
  | { kind: 'failed' };

/**
 * An eligibility interview, in the shape of the core-bot and multi-turn-prompt samples:
 * a ComponentDialog whose waterfall asks one question per turn with a prompt and a
 * validator, and loops with replaceDialog (as complex-dialog's review loop does) until
 * nothing is missing; then it sums up the answers, lets the user confirm or correct
 * one, and computes. 取消 is caught before the prompt (core-bot's CancelAndHelpDialog).
 *
 * Subclasses say what to ask (`missing`), when to stop early (`ruledOut`) and how to
 * finish (`finish`); they generate everything from the rules' declarations.
 */
export abstract class InterviewDialog extends ComponentDialog {
  /** Shown in progress and exit messages: '两化融合项目奖补估算', '政策体检'. */
  protected abstract readonly title: string;
  /** The button offered after 取消 to start again. */
  protected abstract readonly restartCommand: string;
  /** True when the number of questions is only an estimate (共约…题). */
  protected abstract readonly approximate: boolean;

  /** The inputs still to ask, in order. */
  protected abstract missing(answers: Record<string, AnswerValue>): InputDescription[];
  /** True when an answer already settles the result: stop and say why. */
  protected abstract ruledOut(answers: Record<string, AnswerValue>): boolean;
  /** The opening lines, given how many questions there will be at most. */
  protected abstract intro(total: number): string;
  /** Computes and sends the result. */
  protected abstract finish(context: TurnContext, answers: Record<string, AnswerValue>): Promise<InterviewOutcome>;

  constructor(
    dialogId: string,
    private readonly memory: StatePropertyAccessor<ConversationMemory>,
    private readonly qa: QaContext,
  ) {
    super(dialogId);
    this.addDialog(new AnswerPrompt(ANSWER_PROMPT, (prompt) => this.validate(prompt)));
    this.addDialog(new WaterfallDialog(LOOP, [this.askStep.bind(this), this.answerStep.bind(this)]));
    this.initialDialogId = LOOP;
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const { activity } = innerDc.context;
    if (activity.type === ActivityTypes.Message && readCommand(activity.text ?? '') === 'cancel') {
      await innerDc.context.sendActivity(toActivity(interviewCancelled(this.title, this.restartCommand)));
      return innerDc.cancelAllDialogs();
    }
    return super.onContinueDialog(innerDc);
  }

  /** Asks the next missing input (or the one being corrected), or sums up, or finishes early. */
  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = readState(step.options);
    (step.values as StepValues).state = state;
    const { answers, asked, editing } = state;

    if (!editing && this.ruledOut(answers)) return step.endDialog(await this.finish(step.context, answers));

    const missing = this.missing(answers);
    const input = editing ? describe(editing) : missing[0];
    if (input) {
      const view: QuestionView = {
        title: this.title,
        input,
        progress: editing
          ? `修改第${asked.indexOf(editing) + 1}项`
          : progressText(asked.length + 1, asked.length + missing.length, this.approximate),
        canGoBack: asked.length > 0,
      };
      const lead = state.introduced ? undefined : this.intro(asked.length + missing.length);
      state.introduced = true;
      return step.prompt(ANSWER_PROMPT, {
        prompt: toActivity(questionReply(view, lead)),
        retryPrompt: toActivity(reasks.unreadable(view)),
        validations: { kind: 'input', view, answered: summaryItems(state) } satisfies Expectation,
      });
    }

    const items = summaryItems(state);
    return step.prompt(ANSWER_PROMPT, {
      prompt: toActivity(summaryReply(this.title, items)),
      retryPrompt: toActivity(summaryReasks.unreadable(this.title, items)),
      validations: { kind: 'summary', title: this.title, items } satisfies Expectation,
    });
  }

  /** Records an answer, goes back, starts a correction, or computes; then loops. */
  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { state } = step.values as StepValues;
    const answer = (step.result as Extract<Recognition, { kind: 'answer' }>).answer;
    switch (answer.kind) {
      case 'value':
        state.answers[answer.key] = answer.value;
        if (!state.asked.includes(answer.key)) state.asked.push(answer.key);
        state.editing = undefined;
        break;
      case 'back':
        if (state.editing) {
          state.editing = undefined;
        } else {
          const last = state.asked.pop();
          if (last) delete state.answers[last];
        }
        break;
      case 'edit':
        state.editing = answer.key;
        break;
      case 'confirm':
        return step.endDialog(await this.finish(step.context, state.answers));
    }
    return step.replaceDialog(LOOP, state);
  }

  /**
   * Accepts a reply that reads as an answer and passes the input's zod schema. Anything
   * else is re-asked, and how depends on what it was:
   *   - a strict answer ('三百二十万元', '否') is an answer, even if it could be searched;
   *   - text that asks something (发文单位是谁, 第十四条讲什么) is answered from the notice,
   *     then the same question comes again;
   *   - a loose answer ('我们投了300万', '我们不属于中小企业') is an answer;
   *   - text about a measure of the notice, though not a question, is answered likewise;
   *   - anything else ('不知道', '很多') is asked again with help and an example: never taken as 0 or no.
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
    if (asking || (recognition.kind === 'none' && this.isAboutTheNotice(text))) {
      await this.answerAside(context, text, expectation);
      return false;
    }
    if (recognition.kind === 'imprecise' && expectation.kind === 'input') {
      retryWith(context, [toActivity(reasks.imprecise(expectation.view))]);
    } else if (recognition.kind === 'edit-which' && expectation.kind === 'summary') {
      retryWith(context, [toActivity(summaryReasks.which(expectation.title, expectation.items, recognition.candidates))]);
    }
    // Otherwise the standard retry prompt: "没能读懂", the question, its help and an example.
    return false;
  }

  private acceptable(context: TurnContext, expectation: Expectation, answer: InterviewAnswer): boolean {
    if (expectation.kind !== 'input') return true;
    const { view } = expectation;
    if (answer.kind === 'back' && !view.canGoBack) {
      retryWith(context, [toActivity(reasks.firstQuestion(view))]);
      return false;
    }
    if (answer.kind !== 'value') return true;
    const parsed = allInputs.get(answer.key)?.schema.safeParse(answer.value);
    if (parsed && !parsed.success) {
      retryWith(context, [toActivity(reasks.invalid(view, parsed.error.issues[0].message))]);
      return false;
    }
    return true;
  }

  private help(expectation: Expectation): Reply {
    return expectation.kind === 'input'
      ? reasks.help(expectation.view)
      : summaryReasks.help(expectation.title, expectation.items);
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
      expectation.kind === 'input'
        ? reasks.resume(expectation.view)
        : summaryReasks.resume(expectation.title, expectation.items);
    retryWith(context, [...aside, toActivity(again)]);
  }
}

function readState(options: unknown): InterviewState {
  const given = (options ?? {}) as Partial<InterviewState>;
  return {
    answers: { ...(given.answers ?? {}) },
    asked: [...(given.asked ?? [])],
    ...(given.editing ? { editing: given.editing } : {}),
    ...(given.introduced ? { introduced: true } : {}),
  };
}

function describe(key: string): InputDescription {
  const spec = allInputs.get(key);
  if (!spec) throw new Error(`interview: no input ${key}`);
  return describeInput(key, spec);
}

/** The answers given so far, in the order asked, as the summary lists them. */
function summaryItems(state: InterviewState): SummaryItem[] {
  return state.asked
    .filter((key) => state.answers[key] !== undefined)
    .map((key, i) => {
      const spec = allInputs.get(key)!;
      return {
        key,
        label: spec.label,
        valueText: valueText(spec, state.answers[key]),
        short: shortLabel(spec.label, i + 1),
        kind: spec.kind,
      };
    });
}
