import { z } from 'zod';
import { getMeasure } from '../knowledge';
import type { Figure } from './clause';
import type { ChoiceOption, InputKind, InputSpec } from './inputs';
import { allRules } from './registry';
import type { AmountKind, Period, Rule } from './types';

/**
 * Rules as plain JSON, for `GET /api/rules`, the interview dialogs and the docs.
 *
 *   describeRule(getRule('two-integration')!) →
 *     { id: 'two-integration', title: '两化融合项目奖补', measure: 8, number: '（八）', clause: '措施（八）',
 *       inputs: [{ key: 'isSme', kind: 'yesno', question: '贵企业是否属于中小企业？', optional: false, … }, …],
 *       conditions: [{ input: 'investment', threshold: '≥ 500,000 元', quote: '完成投资50万元以上' }, …], … }
 */

export interface InputDescription {
  key: string;
  label: string;
  /** What people call it, shortest first: '投资额'. */
  names: string[];
  question: string;
  help: string;
  kind: InputKind;
  choices?: ChoiceOption[];
  example: boolean | number | string;
  optional: boolean;
  default?: number;
  unit?: string;
  /** Yes/no inputs: their own words for yes and no, beyond the common ones. */
  words?: { yes: string[]; no: string[] };
  /** Money: a bare number under this many yuan is asked about (万元 or 元?). */
  plausibleMin?: number;
}

export interface RuleDescription {
  id: string;
  kind: Rule['kind'];
  title: string;
  subject: string;
  measure: number;
  number: string;
  clause: string;
  measureTitle: string;
  /** The clause's sentence, verbatim from the notice. */
  quote: string;
  units: string[];
  period: Period;
  periodBasis: string;
  amountKind: AmountKind;
  inputs: InputDescription[];
  conditions: { input: string; label: string; threshold: string; quote: string }[];
  /** The figures the clause states: { name: 'cap', kind: 'money', value: 2000000, quote: '最高不超过200万元' }. */
  figures: { name: string; kind: Figure['kind']; value: number; quote: string }[];
  notes: string[];
  /** JSON Schema of the answers `POST /api/estimate` takes (absent for not-quantified rules). */
  jsonSchema?: Record<string, unknown>;
}

export function describeInput(key: string, spec: InputSpec): InputDescription {
  return {
    key,
    label: spec.label,
    names: [...spec.names],
    question: spec.question,
    help: spec.help,
    kind: spec.kind,
    ...(spec.choices ? { choices: spec.choices.map((option) => ({ ...option })) } : {}),
    example: spec.example,
    optional: spec.default !== undefined,
    ...(spec.default !== undefined ? { default: spec.default } : {}),
    ...(spec.unit ? { unit: spec.unit } : {}),
    // Restating the question's own condition (是区域性工业互联网安全应急处置平台), or naming one of
    // the kinds the question lists (数字化车间 to …认定为工业互联网平台、…、数字化车间或自动化生产线？),
    // answers yes; a negation before it (不是…) turns it round, as for any own word.
    ...(spec.words
      ? { words: { yes: [...(spec.words.yes ?? []), ...ownCondition(spec.label), ...listedKinds(spec.question)], no: [...(spec.words.no ?? [])] } }
      : {}),
    ...(spec.plausibleMin !== undefined ? { plausibleMin: spec.plausibleMin } : {}),
  };
}

const figureValue = (figure: Figure): number =>
  figure.kind === 'money' ? figure.yuan : figure.kind === 'rate' ? figure.percent : figure.count;

export function describeRule(rule: Rule): RuleDescription {
  const measure = getMeasure(rule.clause.measure);
  const quantified = rule.kind === 'quantified' ? rule : undefined;
  return {
    id: rule.id,
    kind: rule.kind,
    title: rule.title,
    subject: rule.subject,
    measure: rule.clause.measure,
    number: rule.clause.number,
    clause: rule.clause.cite,
    measureTitle: measure?.title ?? '',
    quote: rule.clause.text,
    units: measure?.units ?? [],
    period: rule.period,
    periodBasis: rule.periodBasis,
    amountKind: quantified?.amountKind ?? 'none',
    inputs: quantified ? Object.entries(quantified.inputs).map(([key, spec]) => describeInput(key, spec)) : [],
    conditions: (quantified?.conditions ?? []).map((condition) => ({
      input: condition.input,
      label: quantified!.inputs[condition.input].label,
      threshold: condition.threshold,
      quote: condition.quote,
    })),
    figures: Object.entries(rule.clause.figures).map(([name, figure]) => ({
      name,
      kind: figure.kind,
      value: figureValue(figure),
      quote: figure.quote,
    })),
    notes: rule.kind === 'not-quantified' ? [rule.askNote, ...rule.notes] : [...rule.notes],
    ...(quantified ? { jsonSchema: z.toJSONSchema(quantified.schema, { io: 'input' }) as Record<string, unknown> } : {}),
  };
}

/** Every rule, described: the body of `GET /api/rules`. */
export const describeRules = (): RuleDescription[] => allRules.map(describeRule);

/** An input's label as words of an answer: 入选年度“十佳场景示范” → 入选年度十佳场景示范 (quotes are not typed). */
const ownCondition = (label: string): string[] => {
  const plain = label.replace(/[“”"'‘’（）()]/g, '');
  return plain.length >= 4 ? [plain] : [];
};

/**
 * The kinds a yes/no question lists after 为/是/属于, split at 、 or 或/和/及: 认定为工业互联网平台、
 * 智能（互联）工厂、数字化车间或自动化生产线？ → 工业互联网平台, 智能互联工厂, 智能工厂, 数字化车间,
 * 自动化生产线. A question without such a list gives none.
 */
export const listedKinds = (question: string): string[] => {
  const list = /(?:为|是|属于)((?:(?!为|是|属于)[^，。？?])*、[^，。？?]*)/.exec(question);
  if (!list) return [];
  const items = list[1].split(/、|或|和|及/).flatMap((item) => [item.replace(/[（）()]/g, ''), item.replace(/[（(][^）)]*[）)]/g, '')]);
  return [...new Set(items.filter((item) => item.length >= 2))];
};
