import type { Activity, TurnContext } from 'botbuilder';
import { Prompt, type PromptOptions, type PromptRecognizerResult, type PromptValidator } from 'botbuilder-dialogs';
import { unitLabels, type QuestionView, type SummaryItem } from '../src/replies';
import { readAmount, saysUnknown, type AnswerValue, type Approximation } from '../src/rules';
import {
  readAnswer,
  readCommand,
  readCorrection,
  readDefinitionQuestion,
  readEdit,
  readUnitChoice,
  type CorrectableItem,
  type Correction,
} from './answers';
import { describe } from './interview-state';

/**
 * The one prompt of an interview. What it expects travels in `options.validations`
 * (plain JSON, so it lives in the dialog state): an input of a rule, the unit of a bare
 * number just given, or the summary before computing. It recognises the reply with the
 * zh-cn recognisers (./answers); the interview's validator checks the value with the
 * rule's zod schema and decides what a reply that is not an answer is (an unrelated
 * question, 帮助, a definition asked back, nonsense).
 *
 *   step.prompt(ANSWER_PROMPT, { prompt, retryPrompt, validations: { kind: 'input', view, answered, canSkip } })
 *     → ends with { kind: 'answer', answer: { kind: 'value', key: 'investment', value: 3200000 } }
 */

export type Expectation =
  | {
      kind: 'input';
      view: QuestionView;
      answered: SummaryItem[];
      canSkip: boolean;
      /** The inputs still to be asked after this one: an amount given early answers one (see answerAhead). */
      pending?: string[];
    }
  /** '您是指50万元吗？' is pending for the view's input. */
  | {
      kind: 'unit';
      view: QuestionView;
      answered: SummaryItem[];
      canSkip: boolean;
      asWan: number;
      asYuan: number;
      approximate?: Approximation;
    }
  | { kind: 'summary'; title: string; items: SummaryItem[] };

export type InterviewAnswer =
  /** `also`: what the same words answer of a question not yet asked (智能（互联）工厂 to 是否…认定为…工厂…？). */
  | { kind: 'value'; key: string; value: AnswerValue; approximate?: Approximation; also?: { key: string; value: AnswerValue } }
  /** A bare number whose unit must be asked: 50 → 50万元 or 50元? */
  | { kind: 'unit-question'; key: string; asWan: number; asYuan: number; approximate?: Approximation }
  /** 不是 to '您是指50万元吗？': ask the question again. */
  | { kind: 'unit-refused' }
  /** 不清楚 / 跳过, where skipping is allowed (the check-up). */
  | { kind: 'skip'; key: string }
  | { kind: 'back' }
  | { kind: 'edit'; key: string }
  | { kind: 'confirm' };

export type Recognition =
  | { kind: 'answer'; answer: InterviewAnswer; strict: boolean }
  | { kind: 'help' }
  | { kind: 'imprecise' }
  /** 不清楚 where the question cannot be skipped. */
  | { kind: 'unknown' }
  /** 什么算中小企业: the help of that input is wanted. */
  | { kind: 'definition'; key: string }
  | { kind: 'edit-which'; candidates: string[] }
  /** An amount with its unit to a yes/no question, when no amount still to come can take it. */
  | { kind: 'amount-to-yes-no' }
  | { kind: 'none' };

const answer = (given: InterviewAnswer, strict = true): Recognition => ({ kind: 'answer', answer: given, strict });

/** The answers given so far, with what a correction needs to read a new answer to each. */
function correctable(items: readonly SummaryItem[]): CorrectableItem[] {
  return items.map((item) => {
    const input = describe(item.key);
    return { key: item.key, label: item.label, short: item.short, names: input.names, input };
  });
}

/** A new answer read from a correction: a value, or a bare number whose unit is to be asked. */
function fromCorrection(correction: Extract<Correction, { kind: 'value' }>): Recognition | undefined {
  const { key, reading } = correction;
  if (reading.kind === 'value') return answer({ kind: 'value', key, value: reading.value, approximate: reading.approximate });
  if (reading.kind === 'unit-unclear') {
    return answer({ kind: 'unit-question', key, asWan: reading.asWan, asYuan: reading.asYuan, approximate: reading.approximate });
  }
  return undefined;
}

/** Reads a reply against what the prompt expects. Pure. */
export function recognizeReply(text: string, expectation: Expectation): Recognition {
  const command = readCommand(text);
  if (command === 'back') return answer({ kind: 'back' });
  if (command === 'help') return { kind: 'help' };

  if (expectation.kind === 'summary') {
    const items = correctable(expectation.items);
    if (command === 'confirm') return answer({ kind: 'confirm' });
    const edit = readEdit(text, items);
    if (edit?.kind === 'edit') return answer({ kind: 'edit', key: edit.key });
    const definition = readDefinitionQuestion(text, undefined, items);
    if (definition) return { kind: 'definition', key: definition };
    // 投资额其实是250万, 把第3项改成250万: the new value, straight away.
    const correction = readCorrection(text, items, { unmarked: true });
    if (correction?.kind === 'value') return fromCorrection(correction) ?? { kind: 'none' };
    if (correction?.kind === 'edit') return answer({ kind: 'edit', key: correction.key });
    if (edit || correction) return { kind: 'edit-which', candidates: edit?.candidates ?? items.map((item) => item.key) };
    return { kind: 'none' };
  }

  const { input } = expectation.view;
  const items = correctable(expectation.answered);
  if (expectation.kind === 'unit') {
    const unit = readUnitChoice(text, unitLabels(expectation.asWan, expectation.asYuan));
    const { approximate } = expectation;
    if (unit === 'wan') return answer({ kind: 'value', key: input.key, value: expectation.asWan, approximate });
    if (unit === 'yuan') return answer({ kind: 'value', key: input.key, value: expectation.asYuan, approximate });
    if (unit === 'neither') return answer({ kind: 'unit-refused' });
    // Anything else is a new answer to the question ('60万').
  }

  // 修改第1项 in the middle of the questions: go back to an answer already given.
  const edit = items.length > 0 ? readEdit(text, items) : undefined;
  if (edit?.kind === 'edit') return answer({ kind: 'edit', key: edit.key });
  const definition = readDefinitionQuestion(text, input, items);
  if (definition) return { kind: 'definition', key: definition };
  // 说错了，中小企业应该是否: a correction that names an earlier answer.
  const named = items.length > 0 ? readCorrection(text, items) : undefined;
  if (named?.kind === 'value' && named.key !== input.key) return fromCorrection(named) ?? { kind: 'none' };
  if (named?.kind === 'edit' && named.key !== input.key) return answer({ kind: 'edit', key: named.key });

  const reading = readAnswer(text, input);
  if (expectation.kind === 'input' && input.kind === 'yesno' && (reading.kind === 'none' || (reading.kind === 'value' && reading.value === true))) {
    // Said with a yes (我们是智能工厂), the kind may stand in a sentence; alone, it must be the whole answer.
    const named = choiceNamed(text, input.question, expectation.pending ?? [], reading.kind === 'value');
    if (named) return answer({ kind: 'value', key: input.key, value: true, also: named });
  }
  switch (reading.kind) {
    case 'value':
      return answer({ kind: 'value', key: input.key, value: reading.value, approximate: reading.approximate }, reading.strict);
    case 'unit-unclear':
      return answer(
        { kind: 'unit-question', key: input.key, asWan: reading.asWan, asYuan: reading.asYuan, approximate: reading.approximate },
        reading.strict,
      );
    case 'imprecise':
      return { kind: 'imprecise' };
    case 'none':
      break;
  }
  if (expectation.kind === 'input' && input.kind !== 'money') {
    const ahead = answerAhead(text, expectation.pending ?? []);
    if (ahead) return ahead;
  }
  if (expectation.kind === 'input' && input.kind === 'yesno' && readsAsAmount(text)) return { kind: 'amount-to-yes-no' };
  if (saysUnknown(text)) return expectation.canSkip ? answer({ kind: 'skip', key: input.key }) : { kind: 'unknown' };
  // 说错了 naming nothing: the answer just before this question.
  const last = expectation.answered.at(-1)?.key;
  const aboutLast = last ? readCorrection(text, items, { lastKey: last }) : undefined;
  if (aboutLast?.kind === 'value') return fromCorrection(aboutLast) ?? { kind: 'none' };
  if (aboutLast?.kind === 'edit') return answer({ kind: 'edit', key: aboutLast.key });
  return { kind: 'none' };
}

/**
 * 900万元 given to a yes/no question: an amount with its unit answers the next amount of money
 * the interview would ask, given ahead (the question asked comes again; the summary before the
 * estimate shows it, to be corrected if another amount was meant). A bare number (900) is not
 * taken: its unit, and so what it answers, is unclear.
 */
function answerAhead(text: string, pending: readonly string[]): Recognition | undefined {
  const amount = pending.map((key) => describe(key)).find((input) => input.kind === 'money');
  if (!amount) return undefined;
  const reading = readAnswer(text, amount);
  if (reading.kind !== 'value' || !reading.strict) return undefined;
  return answer({ kind: 'value', key: amount.key, value: reading.value, approximate: reading.approximate });
}

/**
 * 智能（互联）工厂 to 是否已获市级新认定为工业互联网平台、智能（互联）工厂…？: one of the kinds the
 * yes/no question lists, named as the whole answer (or in a sentence that says yes: 我们是智能工厂),
 * says yes, and answers the question of which kind still to come.
 */
function choiceNamed(text: string, question: string, pending: readonly string[], saidYes: boolean): { key: string; value: AnswerValue } | undefined {
  for (const key of pending) {
    const input = describe(key);
    if (input.kind !== 'choice') continue;
    const reading = readAnswer(text, input);
    if (reading.kind !== 'value' || !(reading.strict || saidYes)) continue;
    const label = input.choices?.find((option) => option.value === reading.value)?.label;
    if (label && question.includes(label)) return { key, value: reading.value };
  }
  return undefined;
}

/** 900万元, 三百万: the whole answer is an amount of money with its unit. */
function readsAsAmount(text: string): boolean {
  const reading = readAmount(text);
  return reading.kind === 'value' && reading.strict && !reading.bare;
}

const RETRY = Symbol('interview retry');

/** Lets the validator say what to send instead of the standard retry prompt, this turn only. */
export function retryWith(context: TurnContext, activities: Partial<Activity>[]): void {
  context.turnState.set(RETRY, activities);
}

export class AnswerPrompt extends Prompt<Recognition> {
  constructor(dialogId: string, validator: PromptValidator<Recognition>) {
    super(dialogId, validator);
  }

  protected async onPrompt(context: TurnContext, _state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const instead = context.turnState.get(RETRY) as Partial<Activity>[] | undefined;
    if (isRetry && instead) {
      context.turnState.delete(RETRY);
      for (const activity of instead) await context.sendActivity(activity);
      return;
    }
    const activity = isRetry && options.retryPrompt ? options.retryPrompt : options.prompt;
    if (activity) await context.sendActivity(activity);
  }

  protected async onRecognize(context: TurnContext, _state: object, options: PromptOptions): Promise<PromptRecognizerResult<Recognition>> {
    const value = recognizeReply(context.activity.text ?? '', options.validations as Expectation);
    return { succeeded: value.kind === 'answer', value };
  }
}
