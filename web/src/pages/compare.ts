import { api, flatten, repeatsParent } from '../api';
import { h, select, editionSelect, latestEdition } from '../dom';
import { waterfallChart } from '../waterfall';
import { findInterval, intervalExplanation, intervalLabel, uncertainty, whisker } from '../rank_intervals';
import { fmt, type Route } from '../util';
import { goChanged } from '../url-state';
import { typedUnit, unitDatalist } from '../picker';

export async function renderCompare(view: HTMLElement, route: Route): Promise<void> {
  const editions = await api.editions();
  const edition = Number(route.query.get('edition') ?? (await latestEdition()));
  const chosen = (route.query.get('countries') ?? 'KAZ,UZB,KGZ').split(',').map((c) => c.trim().toUpperCase()).filter(Boolean).slice(0, 5);
  const [{ countries: listed }, framework] = await Promise.all([api.countries(edition), api.framework(edition)]);
  const go = (list: string[], e = edition) => goChanged('compare', { edition: e, countries: list.join(',') });
  const names = new Map(listed.map((r) => [r.iso3, r.name]));
  // A name or code the edition does not have is said, with the core's suggestions, not dropped.
  const unknown = chosen.filter((c) => !names.has(c));
  if (unknown.length) {
    const known = chosen.filter((c) => names.has(c));
    const found = await Promise.all(unknown.map((c) => api.searchCountries(c)));
    view.append(h('h1', {}, `Compare — ${edition}`), ...unknown.map((c, k) => {
      const options = [...found[k].countries.map((x) => [x.iso3, x.name]), ...found[k].suggestions.map((n) => [listed.find((r) => r.name === n)?.iso3 ?? '', n])]
        .filter(([iso3]) => iso3 && names.has(iso3)).slice(0, 3);
      return h('p', { class: 'msg msg-warn', role: 'status', 'data-unknown': c }, `No country "${c}" in ${edition}. `,
        ...(options.length ? ['Did you mean ', ...options.flatMap(([iso3, n], i) => [i ? ', ' : '', h('a', { href: `#/compare?edition=${edition}&countries=${[...known, iso3].join(',')}` }, n)]), '? '] : []),
        h('a', { href: `#/compare?edition=${edition}&countries=${known.join(',')}` }, 'Compare without it'), '.');
    }));
    return;
  }

  const list = unitDatalist('country-list', listed);
  const input = h('input', { type: 'search', list: 'country-list', id: 'compare-add', placeholder: 'Type a country name', disabled: chosen.length >= 5 });
  const add = async () => {
    // The core's search: "turkey", "ivory coast" and "CIV" all find their country; a shared name, none.
    const hit = await typedUnit(input, (c) => names.has(c));
    if (hit && !chosen.includes(hit)) go([...chosen, hit]);
  };
  input.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') void add(); });
  const picker = h('div', { class: 'controls' },
    editionSelect(editions, edition, (e) => go(chosen, e)),
    h('label', { class: 'field' }, h('span', {}, 'Add a country (2–5)'), input), list,
    h('button', { class: 'button', onclick: add, disabled: chosen.length >= 5 }, 'Add'),
    h('ul', { class: 'chips', 'aria-label': 'Chosen countries' }, ...chosen.map((c) => h('li', {}, names.get(c) ?? c,
      h('button', { class: 'chip-x', 'aria-label': `Remove ${names.get(c) ?? c}`, onclick: () => go(chosen.filter((x) => x !== c)) }, '×')))));
  view.append(h('h1', {}, `Compare — ${edition}`), picker);
  if (chosen.length < 2) {
    view.append(h('p', { class: 'empty' }, 'Choose at least two countries to compare.'));
    return;
  }
  const result = await api.compare(edition, chosen);
  const tree = flatten(framework.measures);
  const parentName = (id: string) => tree.find((x) => x.id === tree.find((m) => m.id === id)?.parent)?.name;
  const measures = result.measures.filter((m) => !repeatsParent(m.kind, m.name, parentName(m.id)));
  const best = (values: (number | null)[]) => Math.max(...values.map((v) => v ?? -Infinity));
  view.append(h('div', { class: 'table-wrap sticky-first' }, h('table', { class: 'data', id: 'compare' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Measure'), ...result.countries.map((c) => h('th', { scope: 'col', class: 'num', 'data-iso3': c.iso3 }, h('a', { href: `#/country/${c.iso3}?edition=${edition}` }, c.name))))),
    h('tbody', {}, ...measures.map((m) => {
      const values = result.countries.map((c) => m.values[c.iso3] ?? null);
      const top = best(values);
      const depth = tree.find((x) => x.id === m.id)?.depth ?? 0;
      return h('tr', { class: `kind-${m.kind}` }, h('th', { scope: 'row', style: `padding-left:${0.65 + depth * 0.9}rem` }, m.name),
        ...values.map((v) => h('td', { class: `num${v !== null && v === top ? ' top' : ''}` }, fmt(v, framework.decimals))));
    })))),
    h('p', { class: 'note' }, 'Bold = highest of the countries shown for that measure.'),
    intervalsPanel(edition, result.countries, (id) => tree.find((m) => m.id === id)?.name ?? id));
  view.append(await whyPanel(edition, chosen[0], chosen[1], route.query.get('why') ?? 'criminality', names));
}

/** The chosen countries' world rank intervals on each pillar, on one axis so they compare. */
function intervalsPanel(edition: number, countries: { iso3: string; name: string }[], measureName: (id: string) => string): HTMLElement {
  const panel = h('section', { class: 'panel', id: 'compare-intervals', hidden: true }, h('h2', {}, 'World rank under uncertainty (5–95 %)'));
  uncertainty(edition).then((data) => {
    for (const pillar of data.pillars) {
      panel.append(h('h3', {}, measureName(pillar)), h('ul', { class: 'interval-list' }, ...countries.map((c) => {
        const i = findInterval(data, c.iso3, pillar);
        return h('li', { 'data-iso3': c.iso3, 'data-pillar': pillar }, h('span', { class: 'interval-name' }, c.name),
          ...(i ? [whisker(i, data.rows.length, 300), h('span', {}, intervalLabel(i))] : ['no interval']));
      })));
    }
    panel.append(intervalExplanation(edition, data.runs));
    panel.hidden = false;
  }).catch(() => {});
  return panel;
}

/** Why the first two countries differ on a pillar: exact contributions as a waterfall. */
async function whyPanel(edition: number, a: string, b: string, measure: string, names: Map<string, string>): Promise<HTMLElement> {
  const explain = await api.explainCountries(edition, a, b, measure);
  const pick = select('Measure', [['criminality', 'Criminality'], ['resilience', 'Resilience']], measure, (m) => goChanged('compare', { why: m }), 'sel-why');
  return h('section', { class: 'panel', id: 'why' },
    h('h2', {}, `Why ${names.get(a) ?? a} and ${names.get(b) ?? b} differ on ${explain.name}`),
    h('div', { class: 'controls' }, pick),
    h('p', { class: 'note' }, `${explain.a.name} ${explain.a.value} minus ${explain.b.name} ${explain.b.value}: each bar is a score difference times the indicator's weight in the composite; the bars sum exactly to the published difference.`),
    waterfallChart(explain, 'why-waterfall'));
}
