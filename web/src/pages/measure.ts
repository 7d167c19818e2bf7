// #/measure/<id>: one measure as a chart, a map and a table (tabs), with the place
// filters, the countries picked out, share and embed links, SVG/PNG export and the CSV.
// #/embed/measure/<id>: the same view's chart (or map, or table) alone, for embedding.
// The whole state is in the URL (grapher/state.ts).
import '../grapher/grapher.css';
import { api, flatten, type RankRow } from '../api';
import { h, select, editionSelect, measureOptions, latestEdition, chooseMeasure, replaceKeepingFocus } from '../dom';
import type { Route } from '../util';
import { readState, grapherHash, toggled, TABS, type GrapherState, type Tab } from '../grapher/state';
import { keptRows, orderedRows } from '../grapher/rows';
import { stripLayout, stripChart } from '../grapher/strip';
import { measureMap } from '../grapher/map-view';
import { measureTable } from '../grapher/table-view';
import { sharePanel } from '../grapher/share';
import { countryPicker } from '../picker';

export const renderMeasure = (view: HTMLElement, route: Route) => grapher(view, route, false);
export const renderEmbed = (view: HTMLElement, route: Route) => grapher(view, route, true);

const TAB_NAMES: Record<Tab, string> = { chart: 'Chart', map: 'Map', table: 'Table' };

async function grapher(view: HTMLElement, route: Route, embed: boolean): Promise<void> {
  const s: GrapherState = readState(route.path, route.query);
  const editions = await api.editions();
  const edition = s.edition ?? await latestEdition();
  const framework = await api.framework(edition);
  const { measure, note } = await chooseMeasure(editions, edition, framework, s.measure);
  s.measure = measure;
  const ranks = await api.ranks(edition, measure);
  const m = flatten(framework.measures).find((x) => x.id === measure)!;
  const { scale, decimals } = framework;
  const names = new Map(ranks.rows.map((r) => [r.iso3, r.name]));
  s.selected = s.selected.filter((c) => names.has(c));
  let found: Set<string> | null = null;
  const search = async () => { found = s.q.trim() ? new Set((await api.searchCountries(s.q.trim())).countries.map((c) => c.iso3)) : null; };
  await search();

  const title = `${m.name} — ${edition}`;
  const body = h('div', { class: 'grapher-body', role: 'tabpanel', id: 'grapher-panel', tabindex: 0 });
  const share = embed ? null : sharePanel(edition, m.name);
  const searchBox = h('label', { class: 'field' }, h('span', {}, 'Search the table'), h('input', { type: 'search', id: 'grapher-search', value: s.q, placeholder: 'Country, alias or ISO3' }));
  const pick = (iso3: string) => { s.selected = toggled(s.selected, iso3); draw(); };
  const picker = countryPicker(names, pick);
  const tabs = TABS.map((t) => h('button', { role: 'tab', id: `tab-${t}`, 'aria-controls': 'grapher-panel', class: 'tab', onclick: () => { s.tab = t; draw(); } }, TAB_NAMES[t]));
  const tabList = h('div', { role: 'tablist', class: 'tabs', 'aria-label': 'Views of the measure' }, ...tabs);
  tabList.addEventListener('keydown', (ev) => {
    const step = ev.key === 'ArrowRight' ? 1 : ev.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    s.tab = TABS[(TABS.indexOf(s.tab) + step + TABS.length) % TABS.length];
    draw();
    tabs[TABS.indexOf(s.tab)].focus();
  });

  const rows = (): RankRow[] => keptRows(ranks.rows, s.continent, s.region, null);
  const chart = () => {
    const group = (r: RankRow) => s.continent || s.region ? r.region : r.continent;
    const style = getComputedStyle(body);
    const inner = body.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const layout = stripLayout(rows().map((r) => ({ iso3: r.iso3, name: r.name, group: group(r), value: r.value })), scale,
      Math.max(300, Math.min(1000, inner || 760)), s.selected);
    return stripChart(layout, `${title}: one dot per country${s.selected.length ? `; picked out: ${s.selected.map((c) => names.get(c)).join(', ')}` : ''}`, decimals, pick);
  };
  const panel = (): (Node | string)[] => {
    if (s.tab === 'chart') return [h('p', { class: 'note' }, `One dot per country on the ${scale.min}–${scale.max} scale. ${embed ? 'Click a dot' : 'Click a dot, or pick a country above,'} to name it.`), chart()];
    if (s.tab === 'map') {
      const map = measureMap(ranks.rows, new Set(rows().map((r) => r.iso3)), s.selected, decimals, `World map of ${title}`, pick);
      return [map.legend, h('div', { class: 'map-wrap' }, map.svg)];
    }
    const shown = orderedRows(keptRows(ranks.rows, s.continent, s.region, found), s.sort, s.ascending);
    return [embed ? '' : searchBox, h('p', { class: 'note', id: 'grapher-count' }, `${shown.length} of ${ranks.rows.length} countries`),
      measureTable({ rows: shown, name: m.name, edition, decimals, scale, sort: s.sort, ascending: s.ascending, picked: s.selected,
        onSort: (key) => { s.ascending = s.sort === key ? !s.ascending : key !== 'value'; s.sort = key; draw(); }, onPick: pick })];
  };
  const openLink = h('a', { href: grapherHash(s), target: '_blank', rel: 'noopener' }, 'Open in the ocindex explorer');
  function draw(): void {
    history.replaceState(history.state, '', grapherHash(s, embed));
    openLink.setAttribute('href', grapherHash(s));
    share?.update(s);
    tabs.forEach((t, i) => { const on = TABS[i] === s.tab; t.setAttribute('aria-selected', String(on)); t.tabIndex = on ? 0 : -1; });
    body.setAttribute('aria-labelledby', `tab-${s.tab}`);
    replaceKeepingFocus(body, panel());
    picker.show(s.selected);
  }
  // The chart is laid out at the width it is shown at: drawn again when that changes (a phone turned, a window resized).
  let width = 0;
  new ResizeObserver(() => {
    if (body.clientWidth === width || !body.isConnected) return;
    width = body.clientWidth;
    if (s.tab === 'chart') replaceKeepingFocus(body, panel());
  }).observe(body);

  const input = searchBox.querySelector('input')!;
  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(async () => {
      s.q = input.value;
      await search();
      draw();
      body.querySelector<HTMLInputElement>('#grapher-search')?.focus();
    }, 120);
  });

  if (embed) {
    view.classList.add('embedded');
    view.append(h('h1', {}, title), body,
      h('p', { class: 'note embed-source' }, `Data: ${framework.name}, published by GI-TOC. `, openLink));
    draw();
    return;
  }
  const go = (p: Partial<GrapherState>) => { location.hash = grapherHash({ ...s, ...p }); };
  const continents = [...new Set(ranks.rows.map((r) => r.continent))].sort();
  const regions = [...new Set(ranks.rows.filter((r) => !s.continent || r.continent === s.continent).map((r) => r.region))].sort();
  view.append(
    h('h1', {}, title),
    note ?? '',
    h('p', { class: 'definition' }, h('span', { class: 'kind' }, m.kind), ' ', m.definition || 'No definition is published for this measure.'),
    h('div', { class: 'controls' },
      editionSelect(editions, edition, (e) => go({ edition: e })),
      select('Measure', measureOptions(framework.measures), measure, (v) => go({ measure: v }), 'sel-measure'),
      select('Continent', [['', 'All continents'], ...continents.map((c): [string, string] => [c, c])], s.continent, (v) => go({ continent: v, region: '' }), 'sel-continent'),
      select('Region', [['', 'All regions'], ...regions.map((r): [string, string] => [r, r])], s.region, (v) => go({ region: v }), 'sel-region'),
      picker.field),
    picker.chips, tabList, body, share!.panel);
  draw();
}
