import { api, flatten, measureCsvHref, type RankRow } from '../api';
import { h, select, measureOptions, latestEdition, chooseMeasure } from '../dom';
import { editionTimeline } from '../edition-timeline';
import { fmt, rankText, type Route } from '../util';
import { intervalExplanation, intervalLabel, intervalsOf, intervalWidth, uncertainty, whisker, type PillarInterval } from '../rank_intervals';
import { sortRows } from '../sort-rows';
import { keepState, pageHash } from '../url-state';

type Key = 'rank' | 'name' | 'continent' | 'region' | 'value' | 'width';
const KEYS: Key[] = ['rank', 'name', 'continent', 'region', 'value', 'width'];
const PAGE = 500;

export async function renderRankings(view: HTMLElement, route: Route): Promise<void> {
  const q = route.query;
  const editions = await api.editions();
  const edition = Number(q.get('edition') ?? (await latestEdition()));
  const framework = await api.framework(edition);
  const { measure, note } = await chooseMeasure(editions, edition, framework, q.get('measure') ?? 'criminality');
  const ranks = await api.ranks(edition, measure);
  const name = flatten(framework.measures).find((m) => m.id === measure)?.name ?? measure;
  const number = (key: string, fallback: number) => { const v = Number(q.get(key) ?? NaN); return Number.isFinite(v) ? v : fallback; };
  const sort = (q.get('sort') ?? 'rank').replace(/^-/, '') as Key;
  const state = {
    key: KEYS.includes(sort) ? sort : 'rank' as Key, asc: !(q.get('sort') ?? '').startsWith('-'),
    continent: q.get('continent') ?? '', region: q.get('region') ?? '', q: q.get('q') ?? '',
    lo: number('from', framework.scale.min), hi: number('to', framework.scale.max),
  };
  // Everything on screen is in the URL: a link shares it and Back comes back to it.
  const urlState = () => ({
    edition, measure, continent: state.continent, region: state.region, q: state.q,
    from: state.lo === framework.scale.min ? null : state.lo, to: state.hi === framework.scale.max ? null : state.hi,
    sort: state.key === 'rank' && state.asc ? null : `${state.asc ? '' : '-'}${state.key}`,
  });
  const go = (e: number, m: string) => { location.hash = pageHash('rankings', { ...urlState(), edition: e, measure: m }); };
  // The search is the core's (GET /api/v1/countries): accents folded, aliases known.
  let found: Set<string> | null = null;
  let suggestions: string[] = [];
  const search = async () => {
    const text = state.q.trim();
    const answer = text ? await api.searchCountries(text) : null;
    found = answer ? new Set(answer.countries.map((c) => c.iso3)) : null;
    suggestions = answer?.suggestions ?? [];
  };
  await search();
  const continents = [...new Set(ranks.rows.map((r) => r.continent))].sort();
  const regions = () => [...new Set(ranks.rows.filter((r) => !state.continent || r.continent === state.continent).map((r) => r.region))].sort();

  // Rank intervals arrive when the edition's uncertainty experiment has run: the table is
  // drawn at once and again with them.
  let intervals = new Map<string, PillarInterval>();
  const value = (r: RankRow): string | number | null => {
    const k = state.key;
    if (k === 'width') { const i = intervals.get(r.iso3); return i ? intervalWidth(i) : null; }
    return k === 'rank' ? (r.ranks.world?.position ?? null) : k === 'value' ? r.value : r[k];
  };
  const visible = () => sortRows(ranks.rows
    .filter((r) => (!state.continent || r.continent === state.continent) && (!state.region || r.region === state.region))
    .filter((r) => !found || found.has(r.iso3))
    .filter((r) => r.value === null ? state.lo === framework.scale.min && state.hi === framework.scale.max : r.value >= state.lo && r.value <= state.hi),
  value, state.asc);
  const ranked = ranks.rows.filter((r) => r.ranks.world).length;
  const intervalCell = (iso3: string) => {
    const i = intervals.get(iso3);
    return h('td', { class: 'rank-interval', 'data-interval': iso3, 'data-width': i ? intervalWidth(i) : undefined },
      ...(i ? [whisker(i, ranked, 140), h('span', {}, intervalLabel(i))] : []));
  };
  // The server's described CSV, narrowed as the table is: definition, edition, source and
  // (for criminality and resilience) the intervals travel with the figures.
  const csv = h('a', { class: 'button', id: 'csv', download: '' }, 'Download CSV');
  const tbody = h('tbody');
  const count = h('p', { class: 'note', id: 'rank-count', 'aria-live': 'polite' });
  const heads: [Key, string][] = [['rank', 'World rank'], ['name', 'Country'], ['continent', 'Continent'], ['region', 'Region'], ['value', name], ['width', 'Rank 5–95 %']];
  const headRow = h('tr');
  // A large index (thousands of municipalities) is drawn PAGE rows at a time: a table of
  // 100,000 rows takes the browser tens of seconds.
  let limit = PAGE;
  const more = h('button', { class: 'button secondary', id: 'rank-more', hidden: true, onclick: () => { limit += PAGE; draw(false); } });
  const draw = (fromTop = true) => {
    if (fromTop) limit = PAGE;
    const shown = urlState();
    keepState('rankings', shown);
    const { continent, region, q, from, to } = shown;
    csv.href = measureCsvHref(edition, measure, { continent, region, q: q.trim(), from, to });
    const rows = visible();
    tbody.replaceChildren(...rows.slice(0, limit).map((r) => h('tr', { 'data-iso3': r.iso3 },
      h('td', { class: 'num' }, rankText(r.ranks.world, false)),
      h('th', { scope: 'row' }, h('a', { href: `#/country/${r.iso3}?edition=${edition}` }, r.name)),
      h('td', { class: 'wide-only' }, r.continent), h('td', { class: 'wide-only' }, r.region),
      h('td', { class: 'num' }, fmt(r.value, framework.decimals)), intervals.size ? intervalCell(r.iso3) : null)));
    count.replaceChildren(`${rows.length} of ${ranks.rows.length} countries${rows.length > limit ? `; the first ${limit} shown` : ''}`);
    more.hidden = rows.length <= limit;
    more.textContent = `Show ${Math.min(PAGE, rows.length - limit)} more`;
    if (!rows.length && suggestions.length) {
      count.append('. Did you mean ', ...suggestions.flatMap((n, i) => [i ? ', ' : '',
        h('button', { class: 'linkish', onclick: async () => { box.value = state.q = n; await search(); draw(); } }, n)]), '?');
    }
    headRow.replaceChildren(...heads.filter(([k]) => k !== 'width' || intervals.size).map(([k, label]) => {
      const sort = state.key === k ? (state.asc ? 'ascending' : 'descending') : 'none';
      return h('th', { scope: 'col', 'aria-sort': sort, class: k === 'rank' || k === 'value' ? 'num' : k === 'continent' || k === 'region' ? 'wide-only' : '',
        title: k === 'width' ? 'Ranks held in 90 % of runs with score and weight noise; sorts by the width of that interval' : undefined },
        h('button', { class: 'sort', 'data-key': k, onclick: () => { state.asc = state.key === k ? !state.asc : k !== 'value'; state.key = k; draw(); } },
          label, h('span', { 'aria-hidden': 'true' }, sort === 'ascending' ? ' ▲' : sort === 'descending' ? ' ▼' : '')));
    }));
    return rows;
  };
  const regionBox = h('span');
  const drawRegions = () => regionBox.replaceChildren(select('Region', [['', 'All regions'], ...regions().map((r): [string, string] => [r, r])], state.region, (v) => { state.region = v; draw(); }, 'sel-region'));
  const range = (label: string, key: 'lo' | 'hi') => {
    const input = h('input', { type: 'number', min: framework.scale.min, max: framework.scale.max, step: 0.5, value: state[key], id: `score-${key}` });
    input.addEventListener('input', () => { const v = Number(input.value); if (!Number.isNaN(v)) { state[key] = v; draw(); } });
    return h('label', { class: 'field narrow' }, h('span', {}, label), input);
  };
  const box = h('input', { type: 'search', placeholder: 'Country, alias or ISO3', id: 'search', value: state.q });
  let typing: ReturnType<typeof setTimeout> | undefined;
  box.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(async () => { state.q = box.value; await search(); draw(); }, 120);
  });
  drawRegions();
  draw();
  const explained = h('div');
  uncertainty(edition).then((data) => {
    intervals = intervalsOf(data, measure);
    if (!intervals.size || !tbody.isConnected) return;  // none, or the reader has left (the URL is another page's)
    explained.replaceChildren(intervalExplanation(edition, data.runs));
    draw(false);
  }).catch(() => {});
  view.append(
    h('h1', {}, `Rankings: ${name} — ${edition}`),
    note ?? '',
    h('div', { class: 'controls' },
      editionTimeline(editions, edition, (e) => go(e, measure)),
      select('Measure', measureOptions(framework.measures), measure, (m) => go(edition, m), 'sel-measure'),
      select('Continent', [['', 'All continents'], ...continents.map((c): [string, string] => [c, c])], state.continent, (v) => { state.continent = v; state.region = ''; drawRegions(); draw(); }, 'sel-continent'),
      regionBox, range('Score from', 'lo'), range('to', 'hi'),
      h('label', { class: 'field' }, h('span', {}, 'Search'), box),
      csv),
    count,
    explained,
    h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: 'rankings' }, h('caption', { class: 'sr-only' }, `${name}, ${edition}`), h('thead', {}, headRow), tbody)),
    more,
  );
}
