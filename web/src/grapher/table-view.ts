// The measure view's table: world rank (one notation: "=131/193"), country, region,
// the figure and its bar on the measure's scale (min to max, as every bar), and a
// check box that picks the country out on the chart and the map. Sorted by its headers.
import type { RankRow } from '../api';
import { h } from '../dom';
import { fmt, rankText } from '../util';
import type { SortKey } from './state';

export interface TableOptions {
  rows: RankRow[]; name: string; edition: number; decimals: number; scale: { min: number; max: number };
  sort: SortKey; ascending: boolean; picked: string[];
  onSort: (key: SortKey) => void; onPick: (iso3: string) => void;
}

export function measureTable(o: TableOptions): HTMLElement {
  const width = (v: number | null) => v === null ? 0 : ((v - o.scale.min) / (o.scale.max - o.scale.min)) * 100;
  const head = (key: SortKey, label: string, cls: string) => {
    const sort = o.sort === key ? (o.ascending ? 'ascending' : 'descending') : 'none';
    return h('th', { scope: 'col', class: cls, 'aria-sort': sort },
      h('button', { class: 'sort', 'data-key': key, onclick: () => o.onSort(key) }, label,
        h('span', { 'aria-hidden': 'true' }, sort === 'ascending' ? ' ▲' : sort === 'descending' ? ' ▼' : '')));
  };
  return h('div', { class: 'table-wrap sticky-first' }, h('table', { class: 'data', id: 'grapher-table' },
    h('caption', { class: 'sr-only' }, `${o.name}, ${o.edition}`),
    h('thead', {}, h('tr', {}, head('name', 'Country', ''), head('rank', 'World rank', 'num'), head('value', o.name, 'num'),
      h('th', { scope: 'col', class: 'wide-only' }, `Scale ${o.scale.min}–${o.scale.max}`), h('th', { scope: 'col', class: 'wide-only' }, 'Region'),
      h('th', { scope: 'col' }, 'Pick'))),
    h('tbody', {}, ...o.rows.map((r) => h('tr', { 'data-iso3': r.iso3 },
      h('th', { scope: 'row' }, h('a', { href: `#/country/${r.iso3}?edition=${o.edition}` }, r.name)),
      h('td', { class: 'num' }, rankText(r.ranks.world)),
      h('td', { class: 'num' }, fmt(r.value, o.decimals)),
      h('td', { class: 'wide-only' }, h('span', { class: 'bar-track', 'aria-hidden': 'true' }, h('span', { class: 'bar', style: `width:${width(r.value)}%` }))),
      h('td', { class: 'wide-only' }, r.region),
      h('td', {}, h('input', { type: 'checkbox', checked: o.picked.includes(r.iso3), 'aria-label': `Pick out ${r.name}`, onchange: () => o.onPick(r.iso3) })))))));
}
