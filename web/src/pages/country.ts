import { api, isUnder, repeatsParent, type ProfileMeasure, type Rank } from '../api';
import { rankText } from '../util';
import { peersPanel, targetPanel, whatIfPanel } from './decision';
import { h, editionSelect } from '../dom';
import { goChanged } from '../url-state';
import { countryOfRoute } from '../country-route';
import { fmt, signed, type Route } from '../util';
import { pillarIntervals, uncertaintyPanel } from './country-uncertainty';
import { countryNarrative } from './country-narrative';
import { timelinePanel } from './country-timeline';

// Positive change = moved toward rank 1 (rank 1 = highest figure); the earlier rank is
// stated so "up" cannot be misread as "better".
function rankChange(r: Rank | null | undefined, change: number | null | undefined, previous: string | number): string {
  if (r == null || change == null) return `no rank in ${previous}`;
  if (change === 0) return `same rank in ${previous}`;
  return `${change > 0 ? '▲' : '▼'} ${Math.abs(change)} (was ${r.position + change} in ${previous})`;
}

function bar(m: ProfileMeasure, scale: { min: number; max: number }, decimals: number): HTMLElement {
  const pct = (v: number | null) => v === null ? 0 : ((v - scale.min) / (scale.max - scale.min)) * 100;
  return h('div', { class: `bar-row depth-${m.kind}`, 'data-measure': m.id },
    h('span', { class: 'bar-label' }, m.name),
    h('span', { class: 'bar-track', 'aria-hidden': 'true' },
      h('span', { class: 'bar', style: `width:${pct(m.value)}%` }),
      m.means.region === null ? null : h('span', { class: 'mean-mark', style: `left:${pct(m.means.region)}%`, title: 'region average' })),
    h('span', { class: 'bar-value' }, `${fmt(m.value, decimals)}`, h('small', {}, ` region ${fmt(m.means.region, decimals)}`)));
}

export async function renderCountry(view: HTMLElement, route: Route): Promise<void> {
  const iso3 = await countryOfRoute(view, 'country', route.path[1] ?? 'KAZ', route.query);
  if (!iso3) return;
  const editions = await api.editions();
  const edition = Number(route.query.get('edition') ?? editions[editions.length - 1].edition);
  const [p, framework] = await Promise.all([api.country(edition, iso3), api.framework(edition)]);
  const d = framework.decimals;
  const pillars = p.measures.filter((m) => m.kind === 'pillar');
  const rankCell = (r: Rank | null, change: number | null | undefined, scope: string) => h('div', { class: 'rank' },
    h('span', { class: 'rank-scope' }, scope),
    h('span', { class: 'rank-pos' }, rankText(r, false), h('small', {}, r ? `/${r.of}` : '')),
    p.previous_edition === null ? null : h('span', { class: 'rank-change' }, rankChange(r, change, p.previous_edition)));

  view.append(
    h('div', { class: 'title-row' },
      h('h1', {}, `${p.name} — ${edition}`),
      h('div', { class: 'controls no-print' }, editionSelect(editions, edition, (e) => goChanged(`country/${iso3}`, { edition: e })),
        h('button', { class: 'button', onclick: () => window.print() }, 'Print'))),
    h('p', { class: 'note' }, `${p.region}, ${p.continent}. Quadrant: `, h('strong', { id: 'quadrant' }, p.quadrant?.label ?? 'not assessed'), '.'),
    h('div', { class: 'cards' }, ...pillars.map((m) => h('section', { class: 'card', id: `pillar-${m.id}` },
      h('h2', {}, m.name),
      h('p', { class: 'big', 'data-value': m.id }, fmt(m.value, d)),
      m.change ? h('p', { class: 'note' }, `${signed(m.change.delta, d)} since ${p.previous_edition}`) : null,
      h('p', { class: 'note' }, `World ${fmt(m.means.world, d)} · continent ${fmt(m.means.continent, d)} · region ${fmt(m.means.region, d)}`),
      h('div', { class: 'ranks' },
        rankCell(m.ranks.world, m.change?.rank_change?.world, 'World'),
        rankCell(m.ranks.continent, m.change?.rank_change?.continent, 'Continent'),
        rankCell(m.ranks.region, m.change?.rank_change?.region, 'Region')),
      pillarIntervals(edition, iso3, m.id, d)))),
    uncertaintyPanel(edition, iso3),
    ...pillars.map((pillar) => {
      const parts = p.measures.filter((m) => m.kind !== 'pillar' && m.kind !== 'indicator' && isUnder(p.measures, m, pillar.id)
        && !repeatsParent(m.kind, m.name, p.measures.find((x) => x.id === m.parent)?.name));
      const indicators = p.measures.filter((m) => m.kind === 'indicator' && isUnder(p.measures, m, pillar.id));
      return h('section', { class: 'panel' },
        h('h2', {}, `${pillar.name}: components and groups`),
        h('p', { class: 'note' }, 'Bar = score (1–10); black tick = region average.'),
        ...parts.map((m) => bar(m, framework.scale, d)),
        h('details', {}, h('summary', {}, `All ${indicators.length} indicators`), ...indicators.map((m) => bar(m, framework.scale, d))));
    }),
  );
  // The panels that fill themselves are attached now: the timeline draws only while it is on the page.
  const peers = peersPanel(edition, iso3);
  view.append(timelinePanel(edition, iso3, editions, route.query), whatIfPanel(edition, iso3, p, framework, route.query), targetPanel(edition, iso3, framework, route.query));
  view.append(await peers);
  view.append(await countryNarrative(edition, iso3, p.name));
  view.append(await (await import('../flows/country_flows')).flowsSection(iso3));
}
