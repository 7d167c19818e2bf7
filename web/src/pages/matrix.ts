import { scaleLinear } from 'd3-scale';
import { api, type ScoreRow } from '../api';
import { h, s, select, editionSelect, showTip, hideTip, esc, latestEdition, replaceKeepingFocus } from '../dom';
import { fmt, quadrantCounts, type Route } from '../util';
import { keepState } from '../url-state';
import { countryPicker } from '../picker';
import { exportButtons } from '../chart-export';
import { toggled } from '../grapher/state';

interface Point { row: ScoreRow; x: number; y: number }

// The edition, the highlighted region and the countries picked out (named on the chart) are in the URL.
export async function renderMatrix(view: HTMLElement, route: Route): Promise<void> {
  const editions = await api.editions();
  const edition = Number(route.query.get('edition') ?? (await latestEdition()));
  const highlight = route.query.get('region') ?? '';
  const [framework, scores] = await Promise.all([api.framework(edition), api.scores(edition)]);
  const { x: xm, y: ym, threshold } = framework.quadrant;
  const names = new Map(scores.rows.map((r) => [r.iso3, r.name]));
  let picked = (route.query.get('selected') ?? '').split(',').map((c) => c.toUpperCase()).filter((c) => names.has(c));
  const state = () => ({ edition, region: highlight, selected: picked.join(',') });
  const go = (e: number, r: string) => { location.hash = `#/matrix?edition=${e}${r ? `&region=${encodeURIComponent(r)}` : ''}${picked.length ? `&selected=${picked.join(',')}` : ''}`; };
  const pts: Point[] = scores.rows.filter((r) => r.values[xm] != null && r.values[ym] != null)
    .map((r) => ({ row: r, x: r.values[xm] as number, y: r.values[ym] as number }));
  const wrap = h('div', { class: 'matrix-wrap' });

  // Laid out at the width it is shown at, so its text keeps its size on a phone.
  const chart = (size: number): SVGElement => {
    const m = 44;
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
    // Dimmed points first, the highlighted region's above them, the picked countries on top.
    const layer = (p: Point) => picked.includes(p.row.iso3) ? 2 : !highlight || p.row.region === highlight ? 1 : 0;
    for (const p of [...pts].sort((a, b) => layer(a) - layer(b))) {
      const on = layer(p) > 0;
      const mine = layer(p) === 2;
      const c = s('circle', { cx: x(p.x), cy: y(p.y), r: mine ? 6.5 : on && highlight ? 6 : 4.5, class: `pt${mine ? ' hl picked' : on ? (highlight ? ' hl' : '') : ' dim'}`, tabindex: 0, role: 'link', 'data-iso3': p.row.iso3,
        'aria-label': `${p.row.name}: criminality ${fmt(p.y)}, resilience ${fmt(p.x)}` });
      const tip = (ev: MouseEvent | FocusEvent) => showTip(ev, `<strong>${esc(p.row.name)}</strong><br>Criminality ${fmt(p.y, framework.decimals)}<br>Resilience ${fmt(p.x, framework.decimals)}`);
      c.addEventListener('mousemove', tip); c.addEventListener('focus', tip);
      c.addEventListener('mouseleave', hideTip); c.addEventListener('blur', hideTip);
      const open = () => { hideTip(); location.hash = `#/country/${p.row.iso3}?edition=${edition}`; };
      c.addEventListener('click', open);
      c.addEventListener('keydown', (ev) => { if ((ev as KeyboardEvent).key === 'Enter') open(); });
      svg.append(c);
    }
    // Names last, beside their points (to the left near the right edge), over everything.
    for (const p of pts.filter((q) => picked.includes(q.row.iso3))) {
      const left = x(p.x) > size * 0.7;
      svg.append(s('text', { x: x(p.x) + (left ? -9 : 9), y: y(p.y) + 4, class: 'pick-label', 'text-anchor': left ? 'end' : 'start', 'data-label': p.row.iso3 }, p.row.name));
    }
    return svg;
  };
  const draw = () => replaceKeepingFocus(wrap, [chart(Math.max(300, Math.min(560, wrap.clientWidth || 560)))]);
  const picker = countryPicker(names, (iso3) => {
    picked = toggled(picked, iso3);
    keepState('matrix', state());
    picker.show(picked);
    draw();
  });
  picker.show(picked);
  let width = 0;
  new ResizeObserver(() => { if (wrap.clientWidth !== width && wrap.isConnected) { width = wrap.clientWidth; draw(); } }).observe(wrap);

  const q = quadrantCounts(pts, threshold);
  const regions = [...new Set(scores.rows.map((r) => r.region))].sort();
  view.append(
    h('h1', {}, `Criminality vs resilience — ${edition}`),
    h('div', { class: 'controls' }, editionSelect(editions, edition, (e) => go(e, highlight)),
      select('Highlight region', [['', 'None'], ...regions.map((r): [string, string] => [r, r])], highlight, (r) => go(edition, r), 'sel-region'), picker.field),
    picker.chips,
    h('div', { class: 'matrix-layout' }, h('div', {}, wrap, exportButtons(() => wrap.querySelector('svg'), `ocindex-matrix-${edition}`, 'the matrix')),
      h('table', { class: 'data quad', id: 'quadrants' }, h('caption', {}, `Countries per quadrant (cut at ${threshold}; exactly ${threshold} counts as high)`),
        h('tbody', {},
          h('tr', {}, h('th', { scope: 'row' }, 'High criminality, low resilience'), h('td', { class: 'num' }, String(q.highYlowX))),
          h('tr', {}, h('th', { scope: 'row' }, 'High criminality, high resilience'), h('td', { class: 'num' }, String(q.highYhighX))),
          h('tr', {}, h('th', { scope: 'row' }, 'Low criminality, low resilience'), h('td', { class: 'num' }, String(q.lowYlowX))),
          h('tr', {}, h('th', { scope: 'row' }, 'Low criminality, high resilience'), h('td', { class: 'num' }, String(q.lowYhighX))),
          h('tr', {}, h('th', { scope: 'row' }, 'Total'), h('td', { class: 'num' }, String(pts.length)))))));
  draw();
}
