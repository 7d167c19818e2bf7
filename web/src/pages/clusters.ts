// Cluster map: every country coloured by its Ward cluster (GET /clusters), each cluster
// described by its distinctive indicators.
import { schemeTableau10 } from 'd3-scale-chromatic';
import { api } from '../api';
import { exportButtons } from '../chart-export';
import { h, select, editionSelect, showTip, hideTip, esc, latestEdition } from '../dom';
import { type Route } from '../util';
import { worldMap } from '../world';

export async function renderClusters(view: HTMLElement, route: Route): Promise<void> {
  const editions = await api.editions();
  const edition = Number(route.query.get('edition') ?? (await latestEdition()));
  const on = route.query.get('on') ?? 'criminality';
  const [clusters, countries] = await Promise.all([api.clusters(edition, on), api.ranks(edition, 'criminality')]);
  const go = (e: number, o: string) => { location.hash = `#/clusters?edition=${e}&on=${o}`; };
  const names = new Map(countries.rows.map((r) => [r.iso3, r.name]));
  const colour = (k: number) => schemeTableau10[(k - 1) % schemeTableau10.length];
  let drawn = 0;
  const { svg } = worldMap(`World map of ${clusters.clusters.length} clusters, ${edition}`, (place, el) => {
    const iso = place.iso3!;
    const k = clusters.assignment[iso];
    if (k === undefined) return false;
    drawn++;
    el.classList.add('country');
    el.setAttribute('fill', colour(k));
    el.setAttribute('data-iso3', iso);
    el.setAttribute('data-cluster', String(k));
    el.setAttribute('tabindex', '0');
    el.setAttribute('role', 'link');
    el.setAttribute('aria-label', `${names.get(iso) ?? iso}: cluster ${k}`);
    const tip = (ev: MouseEvent | FocusEvent) => showTip(ev, `<strong>${esc(names.get(iso) ?? iso)}</strong><br>Cluster ${k}`);
    el.addEventListener('mousemove', tip);
    el.addEventListener('focus', tip);
    el.addEventListener('mouseleave', hideTip);
    el.addEventListener('blur', hideTip);
    el.addEventListener('click', () => { hideTip(); location.hash = `#/country/${iso}?edition=${edition}`; });
    return true;
  });
  view.append(
    h('h1', {}, `Clusters — ${edition}`),
    h('div', { class: 'controls' },
      editionSelect(editions, edition, (e) => go(e, on)),
      select('Profile', [['criminality', 'Markets and actors'], ['resilience', 'Resilience'], ['all', 'Every indicator']], on, (o) => go(edition, o), 'sel-on')),
    h('p', { class: 'note' }, `Ward clustering on ${clusters.indicators} indicators${clusters.rule ? `; the number of clusters is ${clusters.rule}` : ''}. A not-assessed score takes the indicator's mean.`),
    h('div', { class: 'map-wrap' }, svg),
    exportButtons(() => svg as SVGSVGElement, `ocindex-clusters-${on}-${edition}`, 'the cluster map'),
    h('p', { class: 'note', id: 'cluster-count', 'data-drawn': drawn }, `${drawn} countries drawn. Click a country to open it.`),
    // Focusable, so a keyboard can scroll it sideways on a phone.
    h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': 'Clusters table' }, h('table', { class: 'data', id: 'cluster-table' },
      h('thead', {}, h('tr', {}, ...['Cluster', 'Countries', 'Distinctive indicators (cluster mean vs all countries)'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, ...clusters.clusters.map((c) => h('tr', { 'data-cluster': c.cluster },
        h('th', { scope: 'row' }, h('span', { class: 'swatch', style: `background:${colour(c.cluster)}` }), ` ${c.cluster}`),
        h('td', {}, String(c.size)),
        h('td', {}, c.distinctive.map((t) => `${t.name} ${t.cluster_mean.toFixed(2)} vs ${t.overall_mean.toFixed(2)} (${t.z > 0 ? '+' : ''}${t.z.toFixed(1)} sd)`).join('; '))))))));
}
