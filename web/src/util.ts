// Pure helpers (no DOM): formatting, statistics. Unit-tested in tests/unit.

export function fmt(value: number | null | undefined, decimals = 2): string {
  return value === null || value === undefined ? 'n/a' : value.toFixed(decimals);
}

export function signed(value: number | null | undefined, decimals = 2): string {
  if (value === null || value === undefined) return '–';
  const text = Math.abs(value).toFixed(decimals);
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

/** A rank in the one notation every page uses: "=131/193" (a shared rank starts with "="),
 *  "=131" without the total; a dash when unranked. */
export function rankText(rank: { position: number; of: number; tied: boolean } | null | undefined, total = true): string {
  if (!rank) return '–';
  return `${rank.tied ? '=' : ''}${rank.position}${total ? `/${rank.of}` : ''}`;
}

/** An exact fraction as the API writes it ("-7/24", "3") as a number. */
export function fraction(text: string): number {
  const [num, den = '1'] = text.split('/');
  return Number(num) / Number(den);
}

/** Pearson correlation over the pairs where both values are present; null with fewer than 3 pairs or no spread. */
export function pearson(pairs: [number | null, number | null][]): { r: number | null; n: number } {
  const both = pairs.filter((p): p is [number, number] => p[0] !== null && p[1] !== null);
  const n = both.length;
  if (n < 3) return { r: null, n };
  const mx = both.reduce((s, p) => s + p[0], 0) / n;
  const my = both.reduce((s, p) => s + p[1], 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (const [x, y] of both) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  }
  return { r: sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy), n };
}

/** Counts of values in [lo, lo+width) bins from min to max; the last bin also holds max. */
export function histogram(values: number[], min: number, max: number, width: number): { lo: number; count: number }[] {
  const bins = Math.max(1, Math.round((max - min) / width));
  const out = Array.from({ length: bins }, (_, i) => ({ lo: min + i * width, count: 0 }));
  for (const v of values) {
    const i = Math.min(bins - 1, Math.max(0, Math.floor((v - min) / width + 1e-9)));
    out[i].count += 1;
  }
  return out;
}

/** Quadrant counts; a value equal to the threshold counts as high (the method's rule). */
export function quadrantCounts(points: { x: number; y: number }[], threshold: number) {
  const c = { highYlowX: 0, highYhighX: 0, lowYlowX: 0, lowYhighX: 0 };
  for (const p of points) {
    const hy = p.y >= threshold, hx = p.x >= threshold;
    if (hy && !hx) c.highYlowX++; else if (hy) c.highYhighX++; else if (!hx) c.lowYlowX++; else c.lowYhighX++;
  }
  return c;
}

export interface Route { path: string[]; query: URLSearchParams }

export function parseHash(hash: string): Route {
  const body = hash.replace(/^#\/?/, '');
  const [pathPart, queryPart = ''] = body.split('?');
  return { path: pathPart.split('/').filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(queryPart) };
}

/** A measure of one framework in another: itself if there, else its nearest ancestor
 *  (in the framework it comes from) that is there; null if none is. `from` and `to` are
 *  flattened trees (id and parent). */
export function fallbackMeasure(id: string, from: { id: string; parent: string | null }[], to: { id: string }[]): string | null {
  const present = new Set(to.map((m) => m.id));
  for (let cur: string | null = id; cur !== null; cur = from.find((m) => m.id === cur)?.parent ?? null) {
    if (present.has(cur)) return cur;
  }
  return null;
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}

/** Up to `limit` of `names` closest to `word` (a prefix counts as close), best first; none if all are far. */
export function closest(word: string, names: string[], limit = 3): string[] {
  const w = word.toLowerCase();
  return names
    .map((n) => ({ n, d: n.startsWith(w) || w.startsWith(n) ? 1 : editDistance(w, n) }))
    .filter((x) => x.d <= Math.max(2, Math.floor(w.length / 3)))
    .sort((a, b) => a.d - b.d || a.n.localeCompare(b.n))
    .slice(0, limit)
    .map((x) => x.n);
}
