// The world map of one measure in one edition: stepped colours over the data's range,
// every territory drawn (grey where not assessed), zoom and pan, keyboard focus in
// geographic order, and on a touch screen a first tap that previews and a second that opens.
import { api, flatten, type RankRow } from '../api';
import { h, select, measureOptions, showTip, hideTip, esc, latestEdition, chooseMeasure } from '../dom';
import { exportButtons } from '../chart-export';
import { editionTimeline } from '../edition-timeline';
import { fmt, rankText, type Route } from '../util';
import { MAP_HEIGHT, MAP_WIDTH, worldMap, type Place } from '../world';
import { legend, legendSteps, stepScale } from '../map/legend';
import { geographicOrder, nearestVertically } from '../map/order';
import { fitView, parseView, unionBox, viewText, zoomable, type View } from '../map/zoom';
import { keepState, pageHash } from '../url-state';

interface Spot { el: SVGElement; place: Place; row: RankRow }
const VERTICAL: Record<string, 'up' | 'down'> = { ArrowUp: 'up', ArrowDown: 'down' };

export async function renderMap(view: HTMLElement, route: Route): Promise<void> {
  const editions = await api.editions();
  const edition = Number(route.query.get('edition') ?? (await latestEdition()));
  const framework = await api.framework(edition);
  const { measure, note } = await chooseMeasure(editions, edition, framework, route.query.get('measure') ?? 'criminality');
  const ranks = await api.ranks(edition, measure);
  const state = { region: route.query.get('region') ?? '', view: parseView(route.query.get('view')) };
  const urlState = () => ({ edition, measure, region: state.region, view: state.view && state.view.k > 1 ? viewText(state.view) : null });
  const go = (e: number, m: string) => { location.hash = pageHash('map', { ...urlState(), edition: e, measure: m }); };
  if (note) keepState('map', urlState());
  const name = flatten(framework.measures).find((m) => m.id === measure)?.name ?? measure;
  const byIso = new Map(ranks.rows.map((r) => [r.iso3, r]));
  const steps = legendSteps(ranks.rows.flatMap((r) => (r.value === null ? [] : [r.value])));
  const colour = stepScale(steps);
  const worldRank = (row: RankRow) => row.ranks.world ? `world rank ${rankText(row.ranks.world)}` : 'unranked';
  const open = (iso3: string) => { hideTip(); location.hash = `#/country/${iso3}?edition=${edition}`; };

  const spots: Spot[] = [];
  const { svg, layer } = worldMap(`World map of ${name}, ${edition}`, (place, el) => {
    const row = byIso.get(place.iso3!);
    if (!row) return false;
    el.classList.add('country');
    el.setAttribute('fill', row.value === null ? 'var(--na)' : colour(row.value));
    el.setAttribute('data-iso3', row.iso3);
    el.setAttribute('tabindex', '-1');
    el.setAttribute('role', 'link');
    el.setAttribute('aria-label', `${row.name}: ${fmt(row.value, framework.decimals)}, ${worldRank(row)}`);
    spots.push({ el, place, row });
    return true;
  });
  const grey = svg.querySelectorAll('.not-assessed').length;
  if (!spots.length) {  // an index of municipalities or companies: nothing of it is on a world map
    view.append(h('h1', {}, `${name} — ${edition}`), note ?? '',
      h('div', { class: 'controls' }, editionTimeline(editions, edition, (e) => go(e, measure))),
      h('p', { class: 'empty', id: 'map-none' }, `None of the ${ranks.rows.length.toLocaleString('en')} units of edition ${edition} is a country on the world map. `,
        h('a', { href: pageHash('rankings', { edition, measure }) }, 'See them ranked'), '.'));
    return;
  }

  // What a hover or a focus shows: the figure and rank in a tooltip, and (below the map,
  // for a tap too) with a link.
  let pointer = 'mouse', tapped = '';  // the kind of pointer last used; the country a first tap previewed
  const preview = h('p', { class: 'map-preview', id: 'map-preview' }, 'Tap or focus a country to see its figure here.');
  const show = (spot: Spot, ev: MouseEvent | FocusEvent) => {
    const { row } = spot;
    if (pointer !== 'touch') showTip(ev, `<strong>${esc(row.name)}</strong><br>${esc(name)}: ${fmt(row.value, framework.decimals)}<br>${esc(worldRank(row).replace(/^w/, 'W'))}`);
    preview.replaceChildren(h('strong', {}, row.name), ` — ${name}: ${fmt(row.value, framework.decimals)}, ${worldRank(row)}. `,
      h('a', { href: `#/country/${row.iso3}?edition=${edition}`, id: 'preview-open' }, `Open ${row.name}`));
  };

  // Focus: one stop in the tab order, first the first country in reading order over the
  // map; Left and Right go through the countries in that order, Up and Down to the
  // nearest country north or south.
  const points = spots.map((s) => ({ x: s.place.centre[0], y: s.place.centre[1] }));
  const order = geographicOrder(points);
  const position = new Map(order.map((i, k) => [i, k]));
  let current = order[0];
  const rove = (i: number) => {  // the one country in the tab order is the one focused last
    spots[current].el.setAttribute('tabindex', '-1');
    current = i;
    spots[i].el.setAttribute('tabindex', '0');
  };
  const focusSpot = (i: number) => {
    rove(i);
    zoom.reveal(spots[i].place.centre);
    spots[i].el.focus();
  };
  spots[current].el.setAttribute('tabindex', '0');
  for (const type of ['pointerdown', 'pointermove']) layer.addEventListener(type, (ev) => { pointer = (ev as PointerEvent).pointerType; });
  spots.forEach((spot, i) => {
    const { el, row } = spot;
    el.addEventListener('mousemove', (ev) => { if (pointer === 'mouse') show(spot, ev as MouseEvent); });
    el.addEventListener('mouseleave', () => { if (pointer === 'mouse') hideTip(); });
    el.addEventListener('focus', (ev) => { rove(i); show(spot, ev as FocusEvent); });
    el.addEventListener('blur', hideTip);
    // On a touch screen the first tap shows the figure; a second tap on the same country
    // opens it. (A tap focuses the country before its click, so focus does not count.)
    el.addEventListener('click', (ev) => {
      if (pointer === 'touch' && tapped !== row.iso3) {
        tapped = row.iso3;
        show(spot, ev as MouseEvent);
      } else open(row.iso3);
    });
    el.addEventListener('keydown', (ev) => {
      const key = (ev as KeyboardEvent).key;
      if (key === 'Enter') open(row.iso3);
      const step = key === 'ArrowRight' ? 1 : key === 'ArrowLeft' ? -1 : 0;
      const next = step ? order[(position.get(i)! + step + order.length) % order.length] : VERTICAL[key] ? nearestVertically(points, i, VERTICAL[key]) : -1;
      if (next < 0) return;
      ev.preventDefault();
      focusSpot(next);
    });
  });

  // Zoom: kept in the URL as it ends, so a link and Back show the same part of the world.
  const zoom = zoomable(svg as SVGSVGElement, layer as SVGGElement, MAP_WIDTH, MAP_HEIGHT, (v: View) => { state.view = v; keepState('map', urlState()); });
  const regions = [...new Set(ranks.rows.map((r) => r.region))].sort();
  const regionView = (region: string) => fitView(unionBox(spots.filter((s) => s.row.region === region).map((s) => s.place.box)), MAP_WIDTH, MAP_HEIGHT);
  const zoomTo = (region: string) => { state.region = region; zoom.show(region ? regionView(region) : { k: 1, x: 0, y: 0 }); };
  const initial = state.view ?? (regions.includes(state.region) ? regionView(state.region) : null);
  if (initial) zoom.show(initial);

  view.append(
    h('h1', {}, `${name} — ${edition}`),
    note ?? '',
    h('div', { class: 'controls' },
      editionTimeline(editions, edition, (e) => go(e, measure)),
      select('Measure', measureOptions(framework.measures), measure, (m) => go(edition, m), 'sel-measure'),
      select('Zoom to', [['', 'The whole world'], ...regions.map((r): [string, string] => [r, r])], state.region, zoomTo, 'sel-zoom'),
      h('div', { class: 'zoom-buttons', role: 'group', 'aria-label': 'Zoom' },
        h('button', { class: 'button secondary', id: 'zoom-in', 'aria-label': 'Zoom in', onclick: () => zoom.by(2) }, '+'),
        h('button', { class: 'button secondary', id: 'zoom-out', 'aria-label': 'Zoom out', onclick: () => zoom.by(0.5) }, '−'))),
    legend(steps),
    h('div', { class: 'map-wrap' }, svg),
    preview,  // next in the tab order after the map: the focused country's link
    exportButtons(() => svg as SVGSVGElement, `ocindex-map-${measure}-${edition}`, 'the map'),
    h('p', { class: 'note', id: 'map-count', 'data-drawn': spots.length, 'data-grey': grey },
      `${spots.length} of ${ranks.rows.length} countries drawn; ${grey} other territories in grey, not assessed. `,
      'Hover, tap or focus a country for its figure; click, tap again or press Enter to open it. ',
      'On the map the arrow keys move left and right in reading order and up and down to the nearest country. ',
      'Zoom with the buttons, Ctrl and the wheel, or two fingers; drag to pan once zoomed in.'),
  );
}
