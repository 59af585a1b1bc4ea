/**
 * A pure function of one string, remembered for its last `size` inputs (least recently
 * used forgotten first). For the text functions a turn calls several times with the same
 * words — normalising, cutting, reading a number — whose results are never changed.
 *
 *   const cutOnce = memoize(cut, 1000);
 */
export function memoize<T>(fn: (input: string) => T, size: number): (input: string) => T {
  const recent = new Map<string, T>();
  return (input: string) => {
    const known = recent.get(input);
    if (known !== undefined || recent.has(input)) {
      recent.delete(input);
      recent.set(input, known as T);
      return known as T;
    }
    const result = fn(input);
    if (recent.size >= size) recent.delete(recent.keys().next().value as string);
    recent.set(input, result);
    return result;
  };
}
