import { correctionTaken } from '../src/replies';
import { allInputs, getRule } from '../src/rules';
import { looksLikeQuestion, readCommand, readCorrection, readPick, type PickOption } from './answers';
import { answerText, correctableItems, forget, recordAnswer, type InterviewRecord, type InterviewState } from './interview-state';

/**
 * After an interview stopped early (an answer ruled the enterprise out) or showed its
 * result, any later turn may correct it: this gives the state to begin its dialog with,
 * where it was, or undefined when the text is not about its answers.
 *
 *   stopped on 名录 = 否, '说错了，已经纳入名录了' → 名录 = 是, and the next question
 *   stopped, '返回'                              → the question that stopped it, again
 *   stopped, '修改' / '修改名录'                 → that question, as a correction
 *   done, '投资额其实是250万'                    → recomputed at once, saying what changed
 *   done, '改一下投资额'                         → that question, then recomputed
 *   done, '返回' / '修改回答'                    → the summary, as before 确认
 */
export function reopen(record: InterviewRecord, text: string): InterviewState | undefined {
  if (record.phase === 'asking') return undefined;
  const state: InterviewState = structuredClone(record.state);
  state.introduced = true;
  const stopped = record.phase === 'stopped';
  const last = state.lastAnswered ?? state.asked.at(-1);

  if (readCommand(text) === 'back') {
    if (stopped && last) forget(state, last);
    else state.confirmed = false;
    return state;
  }
  const correction = readCorrection(text, correctableItems(state), {
    lastKey: stopped ? last : undefined,
    // Without 修改 / 说错了, only a plain statement corrects (投资额是250万); a question is a question.
    unmarked: !looksLikeQuestion(text),
  });
  if (!correction) return undefined;
  switch (correction.kind) {
    case 'edit-which':
      if (stopped && last) state.editing = last;
      else state.confirmed = false;
      return state;
    case 'edit':
      state.editing = correction.key;
      return state;
    case 'value': {
      const { key, reading } = correction;
      if (reading.kind === 'unit-unclear') {
        state.confirming = { key, asWan: reading.asWan, asYuan: reading.asYuan, approximate: reading.approximate };
      } else if (reading.kind === 'value') {
        recordAnswer(state, key, reading.value, reading.approximate);
        state.lead = correctionTaken(allInputs.get(key)!.label, answerText(key, reading.value, reading.approximate));
      }
      return state;
    }
  }
}

/** The rule a menu's reply picks (后一个, 十佳那个, the button's words), among the rules it offered. */
export function pickRule(text: string, offered: readonly string[]): string | undefined {
  const options: PickOption[] = offered.flatMap((id) => {
    const rule = getRule(id);
    return rule
      ? [{ value: id, label: `${rule.clause.number}${rule.title}`, synonyms: [rule.title, `${rule.clause.cite}${rule.title}`, `估算${rule.title}`] }]
      : [];
  });
  const picked = readPick(text, options);
  if (picked.kind !== 'value' || (!picked.strict && looksLikeQuestion(text))) return undefined;
  return String(picked.value);
}
