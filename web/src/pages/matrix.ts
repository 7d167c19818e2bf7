import { scaleLinear } from 'd3-scale';
import { api } from '../api';
import { h, s, select, editionSelect, showTip, hideTip, esc, latestEdition } from '../dom';
import { fmt, quadrantCounts, type Route } from '../util';

export async function renderMatrix(view: HTMLElement, route: Route): Promise<void> {
  const editions = await api.editions();
  const edition = Number(route.query.get('edition') ?? (await latestEdition()));
  const highlight = route.query.get('region') ?? '';
  const [framework, scores] = await Promise.all([api.framework(edition), api.scores(edition)]);
  const { x: xm, y: ym, threshold } = framework.quadrant;
  const go = (e: number, r: string) => { location.hash = `#/matrix?edition=${e}${r ? `&region=${encodeURIComponent(r)}` : ''}`; };
  const pts = scores.rows.filter((r) => r.values[xm] != null && r.values[ym] != null)
    .map((r) => ({ row: r, x: r.values[xm] as number, y: r.values[ym] as number }));
  const size = 560, m = 48;
  const x = scaleLinear().domain([framework.scale.min, framework.scale.max]).range([m, size - 12]);
  const y = scaleLinear().domain([framework.scale.min, framework.scale.max]).range([size - m, 12]);
  const svg = s('svg', { viewBox: `0 0 ${size} ${size}`, class: 'matrix', role: 'group', 'aria-label': 'Criminality against resilience' });
  for (const t of x.ticks(9)) {
    svg.append(s('line', { x1: x(t), x2: x(t), y1: y.range()[0], y2: y.range()[1], class: 'grid' }));
    svg.append(s('line', { y1: y(t), y2: y(t), x1: x.range()[0], x2: x.range()[1], class: 'grid' }));
    svg.append(s('text', { x: x(t), y: size - m + 16, class: 'tick', 'text-anchor': 'middle' }, String(t)));
    svg.append(s('text', { x: m - 8, y: y(t) + 4, class: 'tick', 'text-anchor': 'end' }, String(t)));
  }
  svg.append(s('line', { x1: x(threshold), x2: x(threshold), y1: y.range()[0], y2: y.range()[1], class: 'threshold' }));
  svg.append(s('line', { y1: y(threshold), y2: y(threshold), x1: x.range()[0], x2: x.range()[1], class: 'threshold' }));
  svg.append(s('text', { x: (m + size) / 2, y: size - 8, class: 'axis', 'text-anchor': 'middle' }, 'Resilience →'));
  svg.append(s('text', { x: 14, y: size / 2, class: 'axis', 'text-anchor': 'middle', transform: `rotate(-90 14 ${size / 2})` }, 'Criminality →'));
  for (const p of pts) {
    const on = !highlight || p.row.region === highlight;
    const c = s('circle', { cx: x(p.x), cy: y(p.y), r: on && highlight ? 6 : 4.5, class: `pt${on ? (highlight ? ' hl' : '') : ' dim'}`, tabindex: 0, role: 'link', 'data-iso3': p.row.iso3,
      'aria-label': `${p.row.name}: criminality ${fmt(p.y)}, resilience ${fmt(p.x)}` });
    const tip = (ev: MouseEvent | FocusEvent) => showTip(ev, `<strong>${esc(p.row.name)}</strong><br>Criminality ${fmt(p.y, framework.decimals)}<br>Resilience ${fmt(p.x, framework.decimals)}`);
    c.addEventListener('mousemove', tip); c.addEventListener('focus', tip);
    c.addEventListener('mouseleave', hideTip); c.addEventListener('blur', hideTip);
    const open = () => { hideTip(); location.hash = `#/country/${p.row.iso3}?edition=${edition}`; };
    c.addEventListener('click', open);
    c.addEventListener('keydown', (ev) => { if ((ev as KeyboardEvent).key === 'Enter') open(); });
    svg.append(c);
  }
  const q = quadrantCounts(pts, threshold);
  const regions = [...new Set(scores.rows.map((r) => r.region))].sort();
  view.append(
    h('h1', {}, `Criminality vs resilience — ${edition}`),
    h('div', { class: 'controls' }, editionSelect(editions, edition, (e) => go(e, highlight)),
      select('Highlight region', [['', 'None'], ...regions.map((r): [string, string] => [r, r])], highlight, (r) => go(edition, r), 'sel-region')),
    h('div', { class: 'matrix-layout' }, h('div', { class: 'matrix-wrap' }, svg),
      h('table', { class: 'data quad', id: 'quadrants' }, h('caption', {}, `Countries per quadrant (cut at ${threshold}; exactly ${threshold} counts as high)`),
        h('tbody', {},
          h('tr', {}, h('th', { scope: 'row' }, 'High criminality, low resilience'), h('td', { class: 'num' }, String(q.highYlowX))),
          h('tr', {}, h('th', { scope: 'row' }, 'High criminality, high resilience'), h('td', { class: 'num' }, String(q.highYhighX))),
          h('tr', {}, h('th', { scope: 'row' }, 'Low criminality, low resilience'), h('td', { class: 'num' }, String(q.lowYlowX))),
          h('tr', {}, h('th', { scope: 'row' }, 'Low criminality, high resilience'), h('td', { class: 'num' }, String(q.lowYhighX))),
          h('tr', {}, h('th', { scope: 'row' }, 'Total'), h('td', { class: 'num' }, String(pts.length)))))));
}
