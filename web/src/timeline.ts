// A measure across the editions for a country and the countries beside it, as published
// (raw) or like-for-like (every edition recomputed on the indicators all editions share,
// GET …/peers' trajectories; an indicator from each edition's scores): the series a line
// chart draws, and its vertical range.
import type { Edition, ScoreRow, Trace } from './api';

export type Basis = 'raw' | 'like';
export interface Series { iso3: string; name: string; points: { edition: string; value: number }[] }

/** `edition` and the editions before it by `previous`, oldest first, as the API traces them: another index's editions are not its past. */
export function pastEditions(editions: Edition[], edition: number): Edition[] {
  const past: Edition[] = [];
  for (let e = editions.find((x) => x.edition === edition); e && !past.includes(e); e = editions.find((x) => x.edition === e!.previous)) past.unshift(e);
  return past;
}

/** One series per country, in the order given, without duplicates; editions with no figure are left out. */
export function timelineSeries(traces: Trace[], editions: string[], basis: Basis): Series[] {
  const seen = new Set<string>();
  return traces.filter((t) => !seen.has(t.iso3) && seen.add(t.iso3)).map((t) => ({
    iso3: t.iso3, name: t.name,
    points: (basis === 'raw' ? t.raw : t.like_for_like).flatMap((value, e) => (value === null ? [] : [{ edition: editions[e], value }])),
  }));
}

/** An indicator's trace from each edition's scores (oldest first): a score is the same
 *  like-for-like, which recomputes composites only. */
export function indicatorTrace(scores: { rows: ScoreRow[] }[], iso3: string, name: string, indicator: string): Trace {
  const raw = scores.map((s) => s.rows.find((r) => r.iso3 === iso3)?.values[indicator] ?? null);
  return { iso3, name, raw, like_for_like: raw };
}

/** The figures' range widened to whole points, at least one point tall. */
export function valueRange(series: Series[]): [number, number] {
  const values = series.flatMap((s) => s.points.map((p) => p.value));
  if (!values.length) return [0, 10];
  const lo = Math.floor(Math.min(...values)), hi = Math.ceil(Math.max(...values));
  return [lo, Math.max(hi, lo + 1)];
}

/** Label heights at a series' last point, moved apart to at least `gap` (screen y grows down). */
export function spreadLabels(ys: number[], gap: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  for (let k = 1; k < order.length; k++) order[k].y = Math.max(order[k].y, order[k - 1].y + gap);
  const out: number[] = [];
  for (const { y, i } of order) out[i] = y;
  return out;
}
