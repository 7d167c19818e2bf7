// #/calibrate/{round}/{indicator}?region=R&sort=K: thematic review. One indicator across
// the round's countries of a region (or the world), sorted, with each cell's standing
// score, its experts' scores on a strip (spread at a glance), last edition's score and
// the flags; any cell opens from here. Rows the caller may not read are absent, and
// flags show only where the caller may see other experts (the API decides both).
import { api, flatten } from '../api';
import { h, s, select } from '../dom';
import type { Route } from '../util';
import { ws, type Calibration } from './client';
import { isIndexTeam, requireSession } from './session';
import { links, score, stateBadge, workspaceNav } from './ui';

type Row = Calibration['rows'][number];
const SORTS: Record<string, [string, (a: Row, b: Row) => number]> = {
  standing: ['Standing score, highest first', (a, b) => (b.standing ?? -1) - (a.standing ?? -1) || a.name.localeCompare(b.name)],
  spread: ['Spread, widest first', (a, b) => (b.cell.consensus?.spread ?? -1) - (a.cell.consensus?.spread ?? -1) || a.name.localeCompare(b.name)],
  change: ['Change from last edition', (a, b) => Math.abs(delta(b) ?? -1) - Math.abs(delta(a) ?? -1) || a.name.localeCompare(b.name)],
  name: ['Country name', (a, b) => a.name.localeCompare(b.name)],
};
const delta = (r: Row) => (r.standing === null || r.baseline === null ? null : r.standing - r.baseline);

/** The experts' scores on the 1–10 scale as dots, the standing score as a bar. */
function strip(r: Row): SVGElement {
  const x = (v: number) => 4 + ((v - 1) / 9) * 92;
  const svg = s('svg', { viewBox: '0 0 100 14', class: 'strip', role: 'img', 'aria-label': `Experts: ${r.cell.submissions.map((x2) => x2.score).join(', ') || 'none'}` });
  svg.append(s('line', { x1: 4, x2: 96, y1: 7, y2: 7, class: 'axis' }));
  for (const sub of r.cell.submissions) svg.append(s('circle', { cx: x(sub.score).toFixed(1), cy: 7, r: 3, class: 'dot-expert' }));
  if (r.standing !== null) svg.append(s('rect', { x: (x(r.standing) - 1).toFixed(1), y: 1, width: 2, height: 12, class: 'mark-standing' }));
  return svg;
}

export async function renderCalibrate(view: HTMLElement, route: Route): Promise<void> {
  const [, round, indicator] = route.path;
  const region = route.query.get('region') ?? '';
  const sort = SORTS[route.query.get('sort') ?? ''] ? route.query.get('sort')! : 'standing';
  // The cells are asked for beside the session (one round trip less). The indicator
  // list needs the round's framework, two requests in a row: the table does not wait
  // for it, the list fills in when it comes.
  const loading = ws.calibration(round, indicator, region);
  loading.catch(() => {});  // without a session the sign-in form answers instead
  const framework = ws.round(round).then((info) => api.framework(Number(info.baseline)));
  framework.catch(() => {});
  const me = await requireSession(view);
  if (!me) return;
  const data = await loading;
  const started = performance.now();
  const regions = [...new Set(data.rows.map((r) => r.region))].sort();
  if (region && !regions.includes(region)) regions.push(region);
  const go = (i: string, r: string, k: string) => { location.hash = `${links.calibrate(round, i, r)}${r ? '&' : '?'}sort=${k}`; };
  const rows = [...data.rows].sort(SORTS[sort][1]);
  const body = h('tbody', {});
  rows.forEach((r, i) => body.append(h('tr', { 'data-iso3': r.iso3, class: r.wide || r.outlier ? 'flagged' : undefined },
    h('td', { class: 'num' }, String(i + 1)),
    h('th', { scope: 'row' }, h('a', { href: links.cell(round, r.iso3, indicator) }, r.name)),
    h('td', { class: 'hide-narrow' }, r.region),
    h('td', { class: 'num', 'data-standing': r.iso3 }, score(r.standing)),
    h('td', {}, strip(r)),
    h('td', { class: 'num' }, score(r.cell.consensus?.spread)),
    h('td', { class: 'num hide-narrow' }, score(r.baseline)),
    h('td', { class: 'flags' }, r.wide ? h('span', { class: 'flag' }, '⚑ wide') : '', r.outlier ? h('span', { class: 'flag' }, ` ◆ z ${r.z?.toFixed(1)}`) : ''),
    h('td', {}, stateBadge(r.cell.state)))));
  const table = h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': 'Cells' }, h('table', { class: 'data compact', id: 'calibration', 'data-rows': rows.length },
    h('caption', { class: 'sr-only' }, `${data.name} across ${region || 'the world'}`),
    h('thead', {}, h('tr', {}, ...['#', 'Country', 'Region', 'Standing', 'Experts (1–10)', 'Spread', 'Last edition', 'Flags', 'State']
      .map((c, i) => h('th', { scope: 'col', class: [0, 3, 5, 6].includes(i) ? 'num' : i === 2 || i === 6 ? 'hide-narrow' : undefined }, c)))),
    body));
  const indicatorSelect = select('Indicator', [[indicator, data.name]], indicator, (v) => go(v, region, sort), 'sel-indicator');
  void framework.then((f) => {
    const indicators = flatten(f.measures).filter((m) => m.kind === 'indicator').map((m): [string, string] => [m.id, m.name]);
    indicatorSelect.querySelector('select')!.replaceChildren(...indicators.map(([id, name]) => h('option', { value: id, selected: id === indicator }, name)));
  }).catch(() => {});  // the list keeps the one indicator shown
  view.append(
    h('h1', {}, `Calibrate: ${data.name}`),
    workspaceNav('review', round, isIndexTeam(me)),
    h('div', { class: 'controls' },
      indicatorSelect,
      select('Region', [['', 'World'], ...regions.map((r): [string, string] => [r, r])], region, (v) => go(indicator, v, sort), 'sel-region'),
      select('Sort by', Object.entries(SORTS).map(([k, [label]]): [string, string] => [k, label]), sort, (v) => go(indicator, region, v), 'sel-sort')),
    h('p', { class: 'note' }, `${rows.length} cell(s). Dots: each expert's score; bar: the standing score (settled, else the consensus). ⚑ wide: experts 1.5 or more apart; ◆ outlier in its region.`),
    table);
  view.dataset.renderMs = String(Math.round(performance.now() - started));  // drawing, once the data is in (bench/web)
}
