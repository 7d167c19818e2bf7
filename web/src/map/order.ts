// Keyboard order over a map: places in reading order (bands from north to south, west to
// east within a band) for Left and Right, and the nearest place north or south for Up and Down.

export interface Point { x: number; y: number }

/** Indices of `points` in reading order over bands `band` units tall (screen y grows south). */
export function geographicOrder(points: Point[], band = 50): number[] {
  return points.map((_, i) => i).sort((a, b) =>
    Math.floor(points[a].y / band) - Math.floor(points[b].y / band) || points[a].x - points[b].x || points[a].y - points[b].y);
}

/** The index of the point nearest `from` to the north ('up') or south, or `from` itself
 *  when there is none. Places within 45° of straight north (or south) come first, so Up
 *  from Nigeria finds Niger rather than Benin, barely north and off to the west; east-west
 *  distance counts twice. */
export function nearestVertically(points: Point[], from: number, direction: 'up' | 'down'): number {
  const o = points[from];
  let best = from, cost = Infinity;
  points.forEach((p, i) => {
    const along = direction === 'up' ? o.y - p.y : p.y - o.y, across = Math.abs(p.x - o.x);
    if (i === from || along <= 0) return;
    const c = (across > along ? 1e6 : 0) + along + 2 * across;
    if (c < cost) { cost = c; best = i; }
  });
  return best;
}
