import { scaleSequential } from 'd3-scale';
import { interpolateCividis } from 'd3-scale-chromatic';
import { api, flatten } from '../api';
import { h, select, editionSelect, measureOptions, showTip, hideTip, esc, latestEdition, chooseMeasure } from '../dom';
import { fmt, type Route } from '../util';
import { smallStateDots, worldMap } from '../world';
import { keepState } from '../url-state';

export async function renderMap(view: HTMLElement, route: Route): Promise<void> {
  const editions = await api.editions();
  const edition = Number(route.query.get('edition') ?? (await latestEdition()));
  const framework = await api.framework(edition);
  const { measure, note } = await chooseMeasure(editions, edition, framework, route.query.get('measure') ?? 'criminality');
  const ranks = await api.ranks(edition, measure);
  const go = (e: number, m: string) => { location.hash = `#/map?edition=${e}&measure=${m}`; };
  if (note) keepState('map', { edition, measure });
  const name = flatten(framework.measures).find((m) => m.id === measure)?.name ?? measure;
  const byIso = new Map(ranks.rows.map((r) => [r.iso3, r]));
  const { min, max } = framework.scale;
  // Cividis: perceptually uniform and readable with every common colour-vision deficiency; dark = high.
  const colour = scaleSequential((t: number) => interpolateCividis(1 - t)).domain([min, max]);

  let drawn = 0;
  const add = (iso: string, el: SVGElement, svg: SVGElement) => {
    const row = byIso.get(iso);
    if (!row) return;
    drawn++;
    el.setAttribute('class', `${el.getAttribute('class') ?? ''} country`);
    el.setAttribute('fill', row.value === null ? 'var(--na)' : colour(row.value));
    el.setAttribute('data-iso3', iso);
    el.setAttribute('tabindex', '0');
    el.setAttribute('role', 'link');
    const world = row.ranks.world;  // null when unranked (no figure)
    el.setAttribute('aria-label', `${row.name}: ${fmt(row.value, framework.decimals)}, ${world ? `world rank ${world.position} of ${world.of}` : 'unranked'}`);
    const tip = (ev: MouseEvent | FocusEvent) => showTip(ev, `<strong>${esc(row.name)}</strong><br>${esc(name)}: ${fmt(row.value, framework.decimals)}<br>${world ? `World rank ${world.position}${world.tied ? ' (tied)' : ''} of ${world.of}` : 'Unranked'}`);
    const open = () => { hideTip(); location.hash = `#/country/${iso}?edition=${edition}`; };
    el.addEventListener('mousemove', tip);
    el.addEventListener('focus', tip);
    el.addEventListener('mouseleave', hideTip);
    el.addEventListener('blur', hideTip);
    el.addEventListener('click', open);
    el.addEventListener('keydown', (ev) => { if ((ev as KeyboardEvent).key === 'Enter') open(); });
    svg.append(el);
  };
  const svg = worldMap(`World map of ${name}, ${edition}`, add);

  const legend = h('div', { class: 'legend', 'aria-hidden': 'true' },
    h('span', {}, fmt(min, 0)),
    h('span', { class: 'ramp', style: `background: linear-gradient(to right, ${[0, 0.25, 0.5, 0.75, 1].map((t) => colour(min + t * (max - min))).join(',')})` }),
    h('span', {}, fmt(max, 0)),
    h('span', { class: 'swatch na' }), h('span', {}, 'not assessed'));

  view.append(
    h('h1', {}, `${name} — ${edition}`),
    note ?? '',
    h('div', { class: 'controls' },
      editionSelect(editions, edition, (e) => go(e, measure)),
      select('Measure', measureOptions(framework.measures), measure, (m) => go(edition, m), 'sel-measure')),
    legend,
    h('div', { class: 'map-wrap' }, svg),
    h('p', { class: 'note', id: 'map-count', 'data-drawn': drawn },
      `${drawn} of ${ranks.rows.length} countries drawn (${Object.keys(smallStateDots).length - 1} small states as dots). Hover or focus a country for its score; click or press Enter to open it.`),
  );
}
