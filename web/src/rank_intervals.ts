// Rank intervals from GET /api/v1/editions/{e}/uncertainty (the reference uncertainty
// experiment: score noise ±0.5 and indicator weight noise; docs/ANALYTICS.md), shown on the
// country and rankings pages. Elements are returned at once and filled when the data arrives,
// so a page never waits for them; editions or measures without intervals show nothing.
import { get } from './api';
import type { components } from './generated/api-types';
import { h } from './dom';

export type PillarInterval = components['schemas']['PillarInterval'];
export type UncertaintyRow = components['schemas']['UncertaintyRow'];
export type Uncertainty = components['schemas']['Uncertainty'];

const uncertainty = (e: number) => get<Uncertainty>(`editions/${e}/uncertainty`);

/** The 5–95 % rank interval as text: "12–18", or "12" when both ends agree. Ranks are rounded outward. */
export function intervalLabel(i: PillarInterval): string {
  const lo = Math.floor(i.rank_q05), hi = Math.ceil(i.rank_q95);
  return lo === hi ? `${lo}` : `${lo}–${hi}`;
}

/** One country's interval of one pillar, or undefined when the response has none. */
export function findInterval(data: Uncertainty, iso3: string, pillar: string): PillarInterval | undefined {
  if (!data.pillars.includes(pillar)) return undefined;
  return data.rows.find((r) => r.iso3 === iso3)?.[pillar];
}

/** A note for a country card: "Rank under uncertainty: 12–18 (median 15), 20,000 runs". */
export function rankIntervalNote(edition: number, iso3: string, pillar: string): HTMLElement {
  const note = h('p', { class: 'note rank-interval', 'data-interval': pillar });
  uncertainty(edition).then((data) => {
    const i = findInterval(data, iso3, pillar);
    if (!i) return;
    note.append('Rank under uncertainty (5–95 %): ', h('strong', {}, intervalLabel(i)),
      ` · median ${i.rank_median} · ${data.runs.toLocaleString('en')} runs with score and weight noise`);
  }).catch(() => {});
  return note;
}

/** Header and per-row cells of a "5–95 % rank" column for the rankings table of `measure`. */
export function intervalColumn(edition: number, measure: string): { header: HTMLElement; cell: (iso3: string) => HTMLElement } {
  const header = h('th', { scope: 'col', class: 'num wide-only', title: 'Rank interval (5–95 %) under score and weight noise' });
  const data = uncertainty(edition).catch(() => undefined);
  data.then((d) => { if (d?.pillars.includes(measure)) header.textContent = '5–95 % rank'; });
  return {
    header,
    cell: (iso3: string) => {
      const td = h('td', { class: 'num wide-only rank-interval', 'data-interval': iso3 });
      data.then((d) => { const i = d && findInterval(d, iso3, measure); td.textContent = i ? intervalLabel(i) : ''; });
      return td;
    },
  };
}
