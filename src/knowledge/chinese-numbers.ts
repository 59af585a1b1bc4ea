import { recognizeNumber, Culture } from '@microsoft/recognizers-text-number';
import { memoize } from '../memo';

/**
 * Reads a number written in Chinese or Arabic digits, with the zh-cn recognizer that
 * ships with botbuilder-dialogs: "十四" → 14, "300万" → 3000000, "1.2亿" → 120000000.
 * Returns undefined when the text holds no number.
 */
export const parseChineseNumber: (text: string) => number | undefined = memoize((text) => {
  const [first] = recognizeNumber(text, Culture.Chinese);
  const value = first ? Number(first.resolution?.value) : NaN;
  return Number.isFinite(value) ? value : undefined;
}, 512);

const DIGITS = '零一二三四五六七八九';

/** 8 → "八", 14 → "十四", 20 → "二十": the numbering of the notice's measures. */
export function toChineseOrdinal(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`not a measure number: ${n}`);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const tensPart = tens === 0 ? '' : tens === 1 ? '十' : DIGITS[tens] + '十';
  return tensPart + (ones === 0 ? '' : DIGITS[ones]);
}
