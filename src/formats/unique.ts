/** Keeps the first element for each key, in order (feeds repeat categories and media URLs). */
export function uniqueBy<T>(list: readonly T[], key: (item: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const item of list) {
    const k = key(item);
    if (!byKey.has(k)) byKey.set(k, item);
  }
  return [...byKey.values()];
}
