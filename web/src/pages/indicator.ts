import { scaleLinear } from 'd3-scale';
import { api, flatten } from '../api';
import { h, s, select, editionSelect, latestEdition, showTip, hideTip, esc, chooseMeasure } from '../dom';
import { keepState } from '../url-state';
import { fmt, histogram, pearson, type Route } from '../util';
import { exportButtons } from '../chart-export';

export async function renderIndicator(view: HTMLElement, route: Route): Promise<void> {
  const editions = await api.editions();
  const edition = Number(route.query.get('edition') ?? (await latestEdition()));
  const [framework, scores] = await Promise.all([api.framework(edition), api.scores(edition)]);
  // A measure this edition lacks falls back to the one it belongs to, with a note.
  const { measure: id, note } = await chooseMeasure(editions, edition, framework, route.path[1] ?? 'criminality');
  const against = await chooseMeasure(editions, edition, framework, route.query.get('with') ?? (id === 'resilience' ? 'criminality' : 'resilience'), 'with-note');
  const other = against.measure;
  if (note || against.note) keepState(`indicator/${id}`, { edition, with: other });
  const all = flatten(framework.measures);
  const m = all.find((x) => x.id === id)!;
  const o = all.find((x) => x.id === other)!;
  const d = framework.decimals;
  const go = (p: { id?: string; e?: number; w?: string }) => { location.hash = `#/indicator/${p.id ?? id}?edition=${p.e ?? edition}&with=${p.w ?? other}`; };
  const options = all.map((x): [string, string] => [x.id, `${'\u00a0\u00a0'.repeat(x.depth)}${x.name}`]);
  const values = scores.rows.filter((r) => r.values[id] != null).map((r) => ({ r, v: r.values[id] as number })).sort((a, b) => b.v - a.v);

  // Histogram in half-point bins over the scale.
  const { min, max, step } = framework.scale;
  const bins = histogram(values.map((x) => x.v), min, max + step, step);
  const W = 560, H = 220, M = 32;
  const bx = scaleLinear().domain([min, max + step]).range([M, W - 8]);
  const by = scaleLinear().domain([0, Math.max(1, ...bins.map((b) => b.count))]).nice().range([H - 24, 8]);
  const hist = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-label': `Distribution of ${m.name}` });
  for (const t of by.ticks(4)) hist.append(s('line', { x1: M, x2: W - 8, y1: by(t), y2: by(t), class: 'grid' }), s('text', { x: M - 6, y: by(t) + 4, class: 'tick', 'text-anchor': 'end' }, String(t)));
  for (const b of bins) hist.append(s('rect', { x: bx(b.lo) + 1, width: Math.max(1, bx(b.lo + step) - bx(b.lo) - 2), y: by(b.count), height: by(0) - by(b.count), class: 'hbar' }));
  for (let t = min; t <= max + step; t += 1) hist.append(s('text', { x: bx(t), y: H - 6, class: 'tick', 'text-anchor': 'middle' }, String(t)));

  const pairs = scores.rows.map((r): [number | null, number | null] => [r.values[o.id] ?? null, r.values[id] ?? null]);
  const { r, n } = pearson(pairs);
  const S = 420, P = 40;
  const sx = scaleLinear().domain([min, max]).range([P, S - 10]);
  const sy = scaleLinear().domain([min, max]).range([S - P, 10]);
  const sc = s('svg', { viewBox: `0 0 ${S} ${S}`, class: 'chart', role: 'group', 'aria-label': `${m.name} against ${o.name}` });
  for (const t of sx.ticks(9)) sc.append(s('text', { x: sx(t), y: S - P + 16, class: 'tick', 'text-anchor': 'middle' }, String(t)), s('text', { x: P - 6, y: sy(t) + 4, class: 'tick', 'text-anchor': 'end' }, String(t)));
  sc.append(s('text', { x: (P + S) / 2, y: S - 6, class: 'axis', 'text-anchor': 'middle' }, `${o.name} →`));
  sc.append(s('text', { x: 12, y: S / 2, class: 'axis', 'text-anchor': 'middle', transform: `rotate(-90 12 ${S / 2})` }, `${m.name} →`));
  scores.rows.forEach((row, i) => {
    const [xv, yv] = pairs[i];
    if (xv === null || yv === null) return;
    const c = s('circle', { cx: sx(xv), cy: sy(yv), r: 3.5, class: 'pt' });
    c.addEventListener('mousemove', (ev) => showTip(ev, `<strong>${esc(row.name)}</strong><br>${esc(m.name)} ${fmt(yv, d)}<br>${esc(o.name)} ${fmt(xv, d)}`));
    c.addEventListener('mouseleave', hideTip);
    sc.append(c);
  });
  const list = (title: string, rows: typeof values, cls: string) => h('section', { class: 'panel' }, h('h2', {}, title),
    h('ol', { class: `toplist ${cls}` }, ...rows.map((x) => h('li', {}, h('a', { href: `#/country/${x.r.iso3}?edition=${edition}` }, x.r.name), h('span', { class: 'num' }, fmt(x.v, d))))));
  view.append(
    h('h1', {}, `${m.name} — ${edition}`),
    note ?? '',
    h('div', { class: 'controls' }, editionSelect(editions, edition, (e) => go({ e })), select('Measure', options, id, (v) => go({ id: v }), 'sel-measure')),
    h('p', { class: 'definition' }, h('span', { class: 'kind' }, m.kind), ' ', m.definition || 'No definition is published for this measure.'),
    h('div', { class: 'two-col' },
      h('section', { class: 'panel' }, h('h2', {}, `Distribution (${values.length} countries)`), hist,
        exportButtons(() => hist as SVGSVGElement, `ocindex-${id}-${edition}-distribution`, 'the distribution')),
      h('section', { class: 'panel' }, h('h2', {}, 'Correlation'),
        select('With', options, o.id, (v) => go({ w: v }), 'sel-with'), against.note ?? '',
        h('p', { id: 'pearson' }, `Pearson r = ${r === null ? 'n/a' : r.toFixed(2)} over ${n} countries.`), sc,
        exportButtons(() => sc as SVGSVGElement, `ocindex-${id}-${o.id}-${edition}`, 'the scatter plot'))),
    h('div', { class: 'two-col' }, list('Top 10', values.slice(0, 10), 'highest'), list('Bottom 10', values.slice(-10).reverse(), 'lowest')));
}
