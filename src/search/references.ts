import { parseChineseNumber } from '../knowledge/chinese-numbers';

const NUMERAL = '([一二三四五六七八九十]{1,3}|\\d{1,2})';

// After normalisation brackets are half-width: （八） → (八).
const REFERENCE_PATTERNS = [
  new RegExp(`第${NUMERAL}(?:条|项|点|款|个?措施)`),
  new RegExp(`措施\\s*第?\\s*\\(?${NUMERAL}\\)?`),
  // A bare bracket only with Chinese numerals, as the notice writes it: "(14)" or
  // "alert(1)" is not a reference.
  /\(([一二三四五六七八九十]{1,3})\)/,
  // Digits in brackets only where a message or a clause starts with them: "(8)谁负责", "你好,(8)谁负责".
  /(?:^|[,;:?!。])\s*\((\d{1,2})\)/,
];

/**
 * The measure a question names directly, if any: "第八条讲的是什么" → 8,
 * "措施(十二)" → 12, "措施8" → 8, "(十四)" → 14, "(8)谁负责" → 8 (but not "…(14)" inside a message). Numbers outside 1–20 are returned
 * as they are, so that the caller can say the notice has only 20 measures.
 */
export function findMeasureReference(normalizedQuery: string): number | undefined {
  for (const pattern of REFERENCE_PATTERNS) {
    const match = pattern.exec(normalizedQuery);
    if (match) return parseChineseNumber(match[1]);
  }
  return undefined;
}
