// Rank and score intervals from GET /api/v1/editions/{e}/uncertainty (the reference
// uncertainty experiment: score noise ±0.5 and indicator weight noise; docs/ANALYTICS.md),
// drawn as dot-and-whisker charts on the rankings, country and compare pages. The answer
// is one per edition and may take a moment the first time: pages draw without it and add
// the intervals when it comes; editions or measures without intervals show none.
import { get } from './api';
import type { components } from './generated/api-types';
import { h, s } from './dom';

export type PillarInterval = components['schemas']['PillarInterval'];
export type UncertaintyRow = components['schemas']['UncertaintyRow'];
export type Uncertainty = components['schemas']['Uncertainty'];

export const uncertainty = (e: number) => get<Uncertainty>(`editions/${e}/uncertainty`);

/** The 5–95 % rank interval, rounded outward. */
export function rankBounds(i: PillarInterval): [number, number] {
  return [Math.floor(i.rank_q05), Math.ceil(i.rank_q95)];
}

/** The 5–95 % rank interval as text: "12–18", or "12" when both ends agree. */
export function intervalLabel(i: PillarInterval): string {
  const [lo, hi] = rankBounds(i);
  return lo === hi ? `${lo}` : `${lo}–${hi}`;
}

/** How many ranks the interval spans (0 when certain): the sort key "interval width". */
export function intervalWidth(i: PillarInterval): number {
  const [lo, hi] = rankBounds(i);
  return hi - lo;
}

/** One country's interval of one pillar, or undefined when the response has none. */
export function findInterval(data: Uncertainty, iso3: string, pillar: string): PillarInterval | undefined {
  if (!data.pillars.includes(pillar)) return undefined;
  return data.rows.find((r) => r.iso3 === iso3)?.[pillar];
}

/** Every country's interval of `pillar`, by ISO3 (empty when the pillar has none). */
export function intervalsOf(data: Uncertainty, pillar: string): Map<string, PillarInterval> {
  return new Map(data.pillars.includes(pillar) ? data.rows.map((r) => [r.iso3, r[pillar] as PillarInterval]) : []);
}

/** A dot-and-whisker chart of a rank interval on an axis from rank 1 (left) to `of`:
 *  the whisker spans 5–95 %, the dot is the published rank; a chart 200 wide or more
 *  labels the axis's ends. Positions are percentages, so a style may narrow the chart
 *  (as on a phone) without squashing the dot. Its text alternative says both. */
export function whisker(i: PillarInterval, of: number, width = 120): SVGElement {
  const pad = 4, x = (rank: number) => `${(pad + ((rank - 1) / Math.max(1, of - 1)) * (100 - 2 * pad)).toFixed(2)}%`;
  const [lo, hi] = rankBounds(i);
  const ends = width >= 200;
  const svg = s('svg', { class: 'whisker', width, height: ends ? 28 : 14, role: 'img',
    'aria-label': `Rank ${i.nominal_rank} of ${of}; 5–95 % interval ${intervalLabel(i)}` });
  svg.append(s('line', { x1: x(1), x2: x(of), y1: 7, y2: 7, class: 'whisker-axis' }),
    s('line', { x1: x(lo), x2: x(hi), y1: 7, y2: 7, class: 'whisker-range' }),
    s('circle', { cx: x(i.nominal_rank), cy: 7, r: 3.5, class: 'whisker-dot' }));
  if (ends) svg.append(s('text', { x: x(1), y: 25, 'text-anchor': 'middle', class: 'tick' }, '1'), s('text', { x: x(of), y: 25, 'text-anchor': 'middle', class: 'tick' }, String(of)));
  return svg;
}

/** What the intervals mean, in plain words, with a link to the method's settings. */
export function intervalExplanation(edition: number, runs: number): HTMLElement {
  return h('details', { class: 'explain', id: 'uncertainty-explained' },
    h('summary', {}, 'What do the intervals mean?'),
    h('p', {}, 'Experts score each indicator in half points, and the weights that combine indicators are a choice. ',
      `To see how much a rank depends on them, the index was recomputed ${runs.toLocaleString('en')} times, each time moving `,
      'every score half a point up or down at random (one time in four each way) and every indicator weight by up to a quarter. '),
    h('p', {}, 'The line spans the ranks a country held in 90 % of those runs (5th to 95th percentile); the dot is its published rank. ',
      'A short line means the rank is robust; two countries whose lines overlap cannot be told apart with confidence. ',
      'The same runs give the range of each score and how often a country fell in each quadrant.'),
    h('p', {}, 'The method and its settings: ', h('a', { href: `api/v1/editions/${edition}/uncertainty` }, 'the experiment as data'),
      ' (its "spec"), and "Uncertainty and sensitivity" in docs/ANALYTICS.md of the ocindex sources.'));
}
