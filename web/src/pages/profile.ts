// #/profile/KAZ?edition=2021: the country profile as a document, in the order and with
// the content of `ocindex profile export --format pdf` (title, quadrant, ranks, scores,
// indicator chart, narrative sections, footer, provenance), with a print stylesheet
// (style.css, .profile-doc) that lays it out on A4 like the PDF.
import { api, type Profile } from '../api';
import { h, s, editionSelect } from '../dom';
import { buildProfileModel, layoutChart, type ChartLayout, type ProfileModel } from '../profile-model';
import type { Route } from '../util';
import { loadNarrative, narrativeSections } from './country-narrative';
import { exportButtons } from '../chart-export';
import { countryOfRoute } from '../country-route';

// The PDF's own words for a profile without a narrative (profile_view.cc).
const SCORES_ONLY = 'No narrative is stored for this country and edition: a scores-only profile.';

function table(header: string[], rows: { cells: string[]; cls?: string }[], cls: string, caption: string): HTMLElement {
  // Wide tables scroll sideways on a phone; the region is focusable so the keyboard can scroll it too.
  return h('div', { class: 'doc-scroll', tabindex: 0, role: 'region', 'aria-label': caption }, h('table', { class: `doc-table ${cls}` },
    h('caption', { class: 'sr-only' }, caption),
    h('thead', {}, h('tr', {}, ...header.map((c, i) => h('th', { scope: 'col', class: i ? 'num' : undefined }, c)))),
    h('tbody', {}, ...rows.map((r) => h('tr', { class: r.cls }, ...r.cells.map((c, i) => (i ? h('td', { class: 'num' }, c) : h('th', { scope: 'row' }, c))))))));
}

function chartSvg(chart: ChartLayout, title: string, cls = ''): SVGElement {
  const svg = s('svg', { class: `doc-chart ${cls}`.trim(), viewBox: `0 0 ${chart.width} ${chart.height.toFixed(1)}`, role: 'img', 'aria-label': title });
  svg.append(s('title', {}, title));
  for (const r of chart.rects) svg.append(s('rect', { x: r.x.toFixed(2), y: r.y.toFixed(2), width: Math.max(0, r.width).toFixed(2), height: r.height, fill: r.color }));
  for (const l of chart.lines) svg.append(s('line', { x1: l.x1.toFixed(2), y1: l.y1.toFixed(2), x2: l.x2.toFixed(2), y2: l.y2.toFixed(2), stroke: l.color, 'stroke-width': l.stroke }));
  for (const t of chart.texts) {
    svg.append(s('text', { x: t.x.toFixed(2), y: t.y.toFixed(2), 'font-size': t.size.toFixed(1), 'font-weight': t.bold ? 'bold' : 'normal', 'text-anchor': t.anchor, fill: t.color }, t.text));
  }
  return svg;
}

// The folio of every printed page, as the PDF's: the profile on the left, the page number on the right.
function pageStyle(m: ProfileModel): HTMLStyleElement {
  const folio = JSON.stringify(m.folio);
  const style = h('style', {});
  style.textContent = `@page { size: A4; margin: 18mm 18mm 20mm;
    @bottom-left { content: ${folio}; font: 7.5pt "DejaVu Sans", sans-serif; color: #666; }
    @bottom-right { content: "Page " counter(page); font: 7.5pt "DejaVu Sans", sans-serif; color: #666; } }`;
  return style;
}

export async function renderProfile(view: HTMLElement, route: Route): Promise<void> {
  const iso3 = await countryOfRoute(view, 'profile', route.path[1] ?? 'KAZ', route.query);
  if (!iso3) return;
  const editions = await api.editions();
  const edition = Number(route.query.get('edition') ?? editions[editions.length - 1].edition);
  const [p, framework, narrative] = await Promise.all([api.country(edition, iso3), api.framework(edition), loadNarrative(edition, iso3)]);
  const previous: Profile | null = p.previous_edition === null ? null : await api.country(p.previous_edition, iso3).catch(() => null);
  const m = buildProfileModel(p, previous, framework);
  // On screen the chart is laid out at the width it has, its text as large as the printed page's (print: the PDF's geometry).
  const chartTitle = `Indicator scores of ${p.name}, ${edition}`;
  const screenChart = h('div', { class: 'no-print' });
  let width = 0;
  new ResizeObserver(() => {
    if (screenChart.clientWidth === width || !screenChart.isConnected) return;
    width = screenChart.clientWidth;
    screenChart.replaceChildren(chartSvg(layoutChart(m.bars, m.scale, width, 1.7), chartTitle));
  }).observe(screenChart);

  view.append(
    pageStyle(m),
    h('div', { class: 'controls doc-controls no-print' },
      h('a', { href: `#/country/${iso3}?edition=${edition}` }, `← ${p.name} country page`),
      editionSelect(editions, edition, (e) => { location.hash = `#/profile/${iso3}?edition=${e}`; }),
      h('button', { class: 'button', onclick: () => window.print() }, 'Print')),
    h('article', { class: 'profile-doc', 'aria-labelledby': 'profile-title' },
      h('header', {},
        h('h1', { id: 'profile-title' }, m.title),
        h('p', { class: 'doc-subtitle' }, m.subtitle),
        h('p', { class: 'doc-quadrant' }, h('strong', {}, `Quadrant: ${m.quadrant}`), h('br', {}), h('em', {}, `(${m.quadrantRule})`))),
      h('section', { class: 'doc-block' }, h('h2', {}, 'Ranks'),
        table(m.ranks[0], m.ranks.slice(1).map((cells) => ({ cells })), 'doc-ranks', `Ranks of ${p.name}`),
        h('p', { class: 'doc-note' }, m.rankNote)),
      h('section', { class: 'doc-block' }, h('h2', {}, 'Scores'),
        table(m.scoreHeader, m.rows.map((r) => ({ cells: [r.name, ...r.cells], cls: r.kind })), 'doc-scores', `Scores of ${p.name}`)),
      h('section', { class: 'doc-block doc-chart-block' }, h('h2', {}, 'Indicators'), screenChart,
        h('div', { class: 'no-print' }, exportButtons(() => screenChart.querySelector('svg'), `ocindex-profile-${p.iso3}-${edition}-indicators`, 'the indicator chart')),
        chartSvg(layoutChart(m.bars, m.scale, 493), chartTitle, 'print-only')),
      ...(narrative ? narrativeSections(narrative, 'h2') : []),
      h('footer', { class: 'doc-footer' },
        narrative?.footer ? h('p', { class: 'doc-funding' }, narrative.footer) : null,
        h('p', { class: 'doc-provenance' }, narrative?.provenance ?? SCORES_ONLY))),
  );
}
