import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { knowledgePath } from './paths';

const TyposSchema = z.object({
  note: z.string(),
  typos: z.array(z.object({ typo: z.string().min(2), word: z.string().min(1), note: z.string().optional() })),
});

export type Typo = z.infer<typeof TyposSchema>['typos'][number];

let cached: readonly Typo[] | undefined;

/** Common mistypings of the notice's words (knowledge/typos.json: 技该 → 技改), read and validated once. */
export function readTypos(): readonly Typo[] {
  cached ??= TyposSchema.parse(JSON.parse(readFileSync(knowledgePath('typos.json'), 'utf8'))).typos;
  return cached;
}
