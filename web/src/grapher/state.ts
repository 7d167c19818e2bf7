// The measure view's whole state (issue 17): which measure, edition and tab, the
// place filters, the table's sort and search, and the countries picked out. Read from
// and written to the URL, so a share link shows exactly what is on screen and an embed
// link the same chart alone. Pure (no DOM): unit-tested in tests/unit/grapher.test.ts.
import { pageHash } from '../url-state';

export const TABS = ['chart', 'map', 'table'] as const;
export type Tab = (typeof TABS)[number];
export const SORTS = ['rank', 'name', 'value'] as const;
export type SortKey = (typeof SORTS)[number];

export interface GrapherState {
  measure: string;
  edition: number | null;  // null: the latest
  tab: Tab;
  continent: string;
  region: string;
  sort: SortKey;
  ascending: boolean;
  q: string;          // the table's search
  selected: string[];  // ISO3 codes labelled on the chart and the map
}

/** The state from a route's path (`measure/<id>` or `embed/measure/<id>`) and query; unknown values fall back. */
export function readState(path: string[], query: URLSearchParams): GrapherState {
  const id = path[path.indexOf('measure') + 1];
  const tab = query.get('tab') as Tab;
  const sort = query.get('sort') ?? 'rank';
  const key = sort.replace(/^-/, '') as SortKey;
  const edition = Number(query.get('edition'));
  return {
    measure: id || 'criminality',
    edition: query.get('edition') && Number.isInteger(edition) ? edition : null,
    tab: TABS.includes(tab) ? tab : 'chart',
    continent: query.get('continent') ?? '',
    region: query.get('region') ?? '',
    sort: SORTS.includes(key) ? key : 'rank',
    ascending: !sort.startsWith('-'),
    q: query.get('q') ?? '',
    selected: (query.get('selected') ?? '').split(',').map((c) => c.trim().toUpperCase()).filter((c) => /^[A-Z]{3}$/.test(c)),
  };
}

/** The link to a state: the explorer's page, or with `embed` the chart alone. Defaults are left out. */
export function grapherHash(s: GrapherState, embed = false): string {
  return pageHash(`${embed ? 'embed/' : ''}measure/${encodeURIComponent(s.measure)}`, {
    edition: s.edition,
    tab: s.tab === 'chart' ? null : s.tab,
    continent: s.continent,
    region: s.region,
    sort: s.sort === 'rank' && s.ascending ? null : `${s.ascending ? '' : '-'}${s.sort}`,
    q: s.q,
    selected: s.selected.join(','),
  });
}

/** The selection with `iso3` added, or removed if it was there. */
export function toggled(selected: string[], iso3: string): string[] {
  return selected.includes(iso3) ? selected.filter((c) => c !== iso3) : [...selected, iso3];
}
