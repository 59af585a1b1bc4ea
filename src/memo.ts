/**
 * A pure function of one string, remembered for its last `size` inputs (least recently
 * used forgotten first). For the text functions a turn calls several times with the same
 * words — normalising, cutting, reading a number — whose results are never changed.
 *
 *   const cutOnce = memoize(cut, 1000);
 *   const normalizeOnce = memoize(normalize, 64, { fixedPoint: (text) => text }); // normalize(normalize(x)) = normalize(x)
 */
export function memoize<T>(
  fn: (input: string) => T,
  size: number,
  options: { fixedPoint?: (result: T) => string } = {},
): Memoized<T> {
  const recent = new Map<string, T>();
  const remember = (input: string, result: T) => {
    if (recent.size >= size) recent.delete(recent.keys().next().value as string);
    recent.set(input, result);
  };
  const remembered = (input: string) => {
    const known = recent.get(input);
    if (known !== undefined || recent.has(input)) {
      recent.delete(input);
      recent.set(input, known as T);
      return known as T;
    }
    const result = fn(input);
    remember(input, result);
    // A normaliser's output is its own result (f(f(x)) = f(x)): remembered as an input too,
    // so passing a normalised text on costs a lookup.
    const fixed = options.fixedPoint?.(result);
    if (fixed !== undefined && fixed !== input) remember(fixed, result);
    return result;
  };
  return Object.assign(remembered, { forget: () => recent.clear() });
}

/** A remembered function; `forget()` when what its results depend on changes (another dictionary loaded). */
export type Memoized<T> = ((input: string) => T) & { forget(): void };
