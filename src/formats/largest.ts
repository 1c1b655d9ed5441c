/**
 * The first item of the largest size: the rendition to keep when a feed offers several. Without
 * sizes that is the first, as producers list the main rendition first.
 */
export function largestBy<T>(items: readonly T[], size: (item: T) => number): T | undefined {
  let best = items[0];
  let bestSize = best === undefined ? 0 : size(best);
  for (const item of items) {
    const itemSize = size(item);
    if (itemSize > bestSize) {
      best = item;
      bestSize = itemSize;
    }
  }
  return best;
}
