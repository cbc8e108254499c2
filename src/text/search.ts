/** Binary search over lists sorted by a numeric key. */

/** How many items have a key below `x` (strictly). */
export function countBelow<T>(items: ArrayLike<T>, x: number, key: (t: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(items[mid]!) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many items have a key at or below `x`. */
export function countAtOrBelow<T>(items: ArrayLike<T>, x: number, key: (t: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(items[mid]!) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const self = (n: number): number => n;
export const startOf = (r: { start: number }): number => r.start;
