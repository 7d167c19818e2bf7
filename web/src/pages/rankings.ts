import { api, flatten, type RankRow } from '../api';
import { h, select, editionSelect, measureOptions, download, latestEdition } from '../dom';
import { fmt, toCsv, type Route } from '../util';
import { intervalColumn } from '../rank_intervals';

type Key = 'rank' | 'name' | 'continent' | 'region' | 'value';

export async function renderRankings(view: HTMLElement, route: Route): Promise<void> {
  const editions = await api.editions();
  const edition = Number(route.query.get('edition') ?? (await latestEdition()));
  const measure = route.query.get('measure') ?? 'criminality';
  const [framework, ranks] = await Promise.all([api.framework(edition), api.ranks(edition, measure)]);
  const name = flatten(framework.measures).find((m) => m.id === measure)?.name ?? measure;
  const go = (e: number, m: string) => { location.hash = `#/rankings?edition=${e}&measure=${m}`; };
  const state = { key: 'rank' as Key, asc: true, continent: '', region: route.query.get('region') ?? '', q: '', lo: framework.scale.min, hi: framework.scale.max };
  const continents = [...new Set(ranks.rows.map((r) => r.continent))].sort();
  const regions = () => [...new Set(ranks.rows.filter((r) => !state.continent || r.continent === state.continent).map((r) => r.region))].sort();

  const value = (r: RankRow, k: Key): string | number => k === 'rank' ? (r.ranks.world?.position ?? Infinity) : k === 'value' ? (r.value ?? -1) : r[k];
  const visible = () => ranks.rows
    .filter((r) => (!state.continent || r.continent === state.continent) && (!state.region || r.region === state.region))
    .filter((r) => !state.q || r.name.toLowerCase().includes(state.q) || r.iso3.toLowerCase() === state.q)
    .filter((r) => r.value === null ? state.lo === framework.scale.min && state.hi === framework.scale.max : r.value >= state.lo && r.value <= state.hi)
    .sort((a, b) => {
      const x = value(a, state.key), y = value(b, state.key);
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return (state.asc ? c : -c) || a.name.localeCompare(b.name);
    });

  const interval = intervalColumn(edition, measure);
  const tbody = h('tbody');
  const count = h('p', { class: 'note', id: 'rank-count', 'aria-live': 'polite' });
  const heads: [Key, string][] = [['rank', 'World rank'], ['name', 'Country'], ['continent', 'Continent'], ['region', 'Region'], ['value', name]];
  const headRow = h('tr');
  const draw = () => {
    const rows = visible();
    tbody.replaceChildren(...rows.map((r) => h('tr', { 'data-iso3': r.iso3 },
      h('td', { class: 'num' }, r.ranks.world ? `${r.ranks.world.position}${r.ranks.world.tied ? '=' : ''}` : '–'),
      h('th', { scope: 'row' }, h('a', { href: `#/country/${r.iso3}?edition=${edition}` }, r.name)),
      h('td', { class: 'wide-only' }, r.continent), h('td', { class: 'wide-only' }, r.region),
      h('td', { class: 'num' }, fmt(r.value, framework.decimals)), interval.cell(r.iso3))));
    count.textContent = `${rows.length} of ${ranks.rows.length} countries`;
    headRow.replaceChildren(...heads.map(([k, label]) => {
      const sort = state.key === k ? (state.asc ? 'ascending' : 'descending') : 'none';
      return h('th', { scope: 'col', 'aria-sort': sort, class: k === 'rank' || k === 'value' ? 'num' : k === 'continent' || k === 'region' ? 'wide-only' : '' },
        h('button', { class: 'sort', 'data-key': k, onclick: () => { state.asc = state.key === k ? !state.asc : k !== 'value'; state.key = k; draw(); } },
          label, h('span', { 'aria-hidden': 'true' }, sort === 'ascending' ? ' ▲' : sort === 'descending' ? ' ▼' : '')));
    }), interval.header);
    return rows;
  };
  const regionBox = h('span');
  const drawRegions = () => regionBox.replaceChildren(select('Region', [['', 'All regions'], ...regions().map((r): [string, string] => [r, r])], state.region, (v) => { state.region = v; draw(); }, 'sel-region'));
  const range = (label: string, key: 'lo' | 'hi') => {
    const input = h('input', { type: 'number', min: framework.scale.min, max: framework.scale.max, step: 0.5, value: state[key], id: `score-${key}` });
    input.addEventListener('input', () => { const v = Number(input.value); if (!Number.isNaN(v)) { state[key] = v; draw(); } });
    return h('label', { class: 'field narrow' }, h('span', {}, label), input);
  };
  const search = h('input', { type: 'search', placeholder: 'Country or ISO3', id: 'search' });
  search.addEventListener('input', () => { state.q = search.value.trim().toLowerCase(); draw(); });
  drawRegions();
  draw();

  view.append(
    h('h1', {}, `Rankings: ${name} — ${edition}`),
    h('div', { class: 'controls' },
      editionSelect(editions, edition, (e) => go(e, measure)),
      select('Measure', measureOptions(framework.measures), measure, (m) => go(edition, m), 'sel-measure'),
      select('Continent', [['', 'All continents'], ...continents.map((c): [string, string] => [c, c])], '', (v) => { state.continent = v; state.region = ''; drawRegions(); draw(); }, 'sel-continent'),
      regionBox, range('Score from', 'lo'), range('to', 'hi'),
      h('label', { class: 'field' }, h('span', {}, 'Search'), search),
      h('button', { class: 'button', id: 'csv', onclick: () => download(`ocindex-${measure}-${edition}.csv`,
        toCsv(['iso3', 'name', 'continent', 'region', measure, 'world_rank', 'continent_rank', 'region_rank'],
          visible().map((r) => [r.iso3, r.name, r.continent, r.region, r.value === null ? null : r.value.toFixed(framework.decimals), r.ranks.world?.position ?? null, r.ranks.continent?.position ?? null, r.ranks.region?.position ?? null]))) }, 'Download CSV')),
    count,
    h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: 'rankings' }, h('caption', { class: 'sr-only' }, `${name}, ${edition}`), h('thead', {}, headRow), tbody)),
  );
}
