import type { Activity, TurnContext } from 'botbuilder';
import { Prompt, type PromptOptions, type PromptRecognizerResult, type PromptValidator } from 'botbuilder-dialogs';
import type { QuestionView, SummaryItem } from '../src/replies';
import type { AnswerValue } from '../src/rules';
import { readAnswer, readCommand, readEdit, type EditableItem } from './answers';

/**
 * The one prompt of an interview. What it expects travels in `options.validations`
 * (plain JSON, so it lives in the dialog state): an input of a rule, or the summary
 * before computing. It recognises the reply with the zh-cn recognisers (./answers);
 * the interview's validator checks the value with the rule's zod schema and decides
 * what a reply that is not an answer is (an unrelated question, 帮助, nonsense).
 *
 *   step.prompt(ANSWER_PROMPT, { prompt, retryPrompt, validations: { kind: 'input', view, answered } })
 *     → ends with { kind: 'answer', answer: { kind: 'value', key: 'investment', value: 3200000 } }
 */

export type Expectation =
  | { kind: 'input'; view: QuestionView; answered: EditableItem[] }
  | { kind: 'summary'; title: string; items: SummaryItem[] };

export type InterviewAnswer =
  | { kind: 'value'; key: string; value: AnswerValue }
  | { kind: 'back' }
  | { kind: 'edit'; key: string }
  | { kind: 'confirm' };

export type Recognition =
  | { kind: 'answer'; answer: InterviewAnswer; strict: boolean }
  | { kind: 'help' }
  | { kind: 'imprecise' }
  | { kind: 'edit-which'; candidates: string[] }
  | { kind: 'none' };

/** Reads a reply against what the prompt expects. Pure. */
export function recognizeReply(text: string, expectation: Expectation): Recognition {
  const command = readCommand(text);
  if (command === 'back') return { kind: 'answer', answer: { kind: 'back' }, strict: true };
  if (command === 'help') return { kind: 'help' };

  if (expectation.kind === 'summary') {
    if (command === 'confirm') return { kind: 'answer', answer: { kind: 'confirm' }, strict: true };
    const edit = readEdit(text, expectation.items);
    if (edit?.kind === 'edit') return { kind: 'answer', answer: { kind: 'edit', key: edit.key }, strict: true };
    if (edit) return { kind: 'edit-which', candidates: edit.candidates };
    return { kind: 'none' };
  }

  // 修改第1项 in the middle of the questions: go back to an answer already given.
  const edit = expectation.answered.length > 0 ? readEdit(text, expectation.answered) : undefined;
  if (edit?.kind === 'edit') return { kind: 'answer', answer: { kind: 'edit', key: edit.key }, strict: true };

  const { input } = expectation.view;
  const reading = readAnswer(text, input);
  if (reading.kind === 'value') {
    return { kind: 'answer', answer: { kind: 'value', key: input.key, value: reading.value }, strict: reading.strict };
  }
  return reading.kind === 'imprecise' ? { kind: 'imprecise' } : { kind: 'none' };
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
