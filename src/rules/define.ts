import { z } from 'zod';
import type { Clause } from './clause';
import type { ConditionDef } from './conditions';
import type { Computation, InputSpecs, NotQuantifiedRule, RuleBase, ShapeOf, TypedQuantifiedRule, ValuesOf } from './types';

/**
 * Builds a quantified rule from its declaration: the schema comes from the inputs,
 * so each input is declared exactly once.
 *
 *   const rule = defineRule({ id: 'two-integration', inputs: { isSme: yesNo({…}), … }, … });
 *   rule.schema.parse({ isSme: true, investment: 3_000_000, completed: true }) → typed values
 */
export function defineRule<const I extends InputSpecs>(
  declaration: Omit<RuleBase, 'notes'> & {
    amountKind?: 'award' | 'equity-ceiling';
    inputs: I;
    conditions: readonly ConditionDef<Extract<keyof I, string>>[];
    compute(values: ValuesOf<I>): Computation;
    notes?: readonly string[];
  },
): TypedQuantifiedRule<I> {
  const shape = Object.fromEntries(
    Object.entries(declaration.inputs).map(([key, spec]) => [key, spec.schema]),
  ) as ShapeOf<I>;
  for (const condition of declaration.conditions) {
    if (!(condition.input in declaration.inputs)) {
      throw new Error(`rule ${declaration.id}: condition on undeclared input ${condition.input}`);
    }
    if (!declaration.clause.text.includes(condition.quote)) {
      throw new Error(`rule ${declaration.id}: condition quotes "${condition.quote}", not in its clause`);
    }
  }
  return {
    kind: 'quantified',
    amountKind: 'award',
    notes: [],
    ...declaration,
    schema: z.object(shape),
  };
}

/**
 * A measure that promises support but names no amount: the estimate says what the
 * notice says and whom to ask, never a figure.
 */
export function defineNotQuantified(declaration: {
  id: string;
  title: string;
  subject: string;
  clause: Clause;
  promise: string;
  askNote: string;
  requires?: readonly { input: string; value: boolean; quote: string }[];
  notes?: readonly string[];
}): NotQuantifiedRule {
  if (!declaration.clause.text.includes(declaration.promise)) {
    throw new Error(`rule ${declaration.id}: promise is not in its clause`);
  }
  for (const { input, quote } of declaration.requires ?? []) {
    if (!declaration.clause.text.includes(quote)) throw new Error(`rule ${declaration.id}: ${input}'s quote is not in its clause`);
  }
  return {
    kind: 'not-quantified',
    period: 'unspecified',
    periodBasis: '通知未规定金额、比例或发放方式',
    notes: [],
    ...declaration,
  };
}
