// The country page's uncertainty: on each pillar card the rank interval as a dot and
// whisker and the score interval, and a panel with the quadrant probabilities and what
// the figures mean. Filled when the edition's experiment answers (rank_intervals.ts).
import { h } from '../dom';
import { fmt } from '../util';
import { findInterval, intervalExplanation, intervalLabel, uncertainty, whisker } from '../rank_intervals';

/** "high_criminality_low_resilience" as "high criminality, low resilience". */
export function quadrantName(key: string): string {
  return key.replace(/_/g, ' ').replace(/^(\w+ \w+) /, '$1, ');
}

/** A pillar card's rank and score intervals. */
export function pillarIntervals(edition: number, iso3: string, pillar: string, decimals: number): HTMLElement {
  const box = h('div', { class: 'rank-interval', 'data-interval': pillar });
  uncertainty(edition).then((data) => {
    const i = findInterval(data, iso3, pillar);
    if (!i) return;
    box.append(
      h('p', { class: 'note' }, 'World rank under uncertainty (5–95 %): ', h('strong', {}, intervalLabel(i)), ` · median ${i.rank_median}`),
      whisker(i, data.rows.length, 240),
      h('p', { class: 'note', 'data-score-interval': pillar }, `Score ${fmt(i.score_q05, decimals)}–${fmt(i.score_q95, decimals)} in 90 % of runs (published ${fmt(i.nominal_score, decimals)})`));
  }).catch(() => {});
  return box;
}

/** How often the country fell in each quadrant, as bars with their percentages, and the explanation. */
export function uncertaintyPanel(edition: number, iso3: string): HTMLElement {
  const panel = h('section', { class: 'panel', id: 'uncertainty', hidden: true }, h('h2', {}, 'How certain are these figures?'));
  uncertainty(edition).then((data) => {
    const row = data.rows.find((r) => r.iso3 === iso3);
    const probabilities = Object.entries(row?.quadrant_probability ?? {});
    if (probabilities.length) {
      panel.append(h('table', { class: 'data quadrant-probability', id: 'quadrant-probability' },
        h('caption', {}, `Quadrant in ${data.runs.toLocaleString('en')} runs with score and weight noise`),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Quadrant'), h('th', { scope: 'col', class: 'num' }, 'Share of runs'))),
        h('tbody', {}, ...probabilities.map(([key, p]) => h('tr', { 'data-quadrant': key },
          h('th', { scope: 'row' }, quadrantName(key)),
          h('td', { class: 'num' }, h('span', { class: 'prob-bar', style: `width:${(p * 8).toFixed(2)}rem`, 'aria-hidden': 'true' }), `${(p * 100).toFixed(1)} %`))))));
    }
    panel.append(intervalExplanation(edition, data.runs));
    panel.hidden = false;
  }).catch(() => {});
  return panel;
}
