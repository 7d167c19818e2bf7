// #/downloads: every file the server makes from the data it serves — an edition's whole
// dataset (CSV in the import format, an Excel workbook with the framework's definitions,
// JSON), one measure's described CSV, and every country's profile PDF. The edition,
// the measure and the country search are in the URL.
import { api } from '../api';
import { h, select, editionSelect, measureOptions, latestEdition } from '../dom';
import type { Route } from '../util';
import { keepState, pageHash } from '../url-state';

export async function renderDownloads(view: HTMLElement, route: Route): Promise<void> {
  const editions = await api.editions();
  const edition = Number(route.query.get('edition') ?? (await latestEdition()));
  const [framework, countries] = await Promise.all([api.framework(edition), api.ranks(edition, 'criminality')]);
  const state = { edition, measure: route.query.get('measure') ?? 'criminality', q: route.query.get('q') ?? '' };
  const base = `api/v1/editions/${edition}`;
  const file = (href: string, text: string, what: string) => h('li', {}, h('a', { href, download: '', class: 'file' }, text), ` — ${what}`);
  const measureLink = h('a', { download: '', class: 'button', id: 'measure-csv' }, 'Download the measure\'s CSV');
  const list = h('tbody');
  const count = h('p', { class: 'note', id: 'profile-count', 'aria-live': 'polite' });
  const draw = () => {
    keepState('downloads', { ...state, measure: state.measure === 'criminality' ? null : state.measure });
    measureLink.setAttribute('href', `${base}/measure.csv?measure=${encodeURIComponent(state.measure)}`);
    const words = state.q.trim().toLowerCase();
    const shown = countries.rows.filter((r) => !words || `${r.iso3} ${r.name} ${r.region}`.toLowerCase().includes(words))
      .sort((a, b) => a.name.localeCompare(b.name));
    count.textContent = `${shown.length} of ${countries.rows.length} profiles`;
    list.replaceChildren(...shown.map((r) => h('tr', { 'data-iso3': r.iso3 },
      h('th', { scope: 'row' }, h('a', { href: `#/country/${r.iso3}?edition=${edition}` }, r.name)),
      h('td', { class: 'wide-only' }, r.region),
      h('td', { style: 'white-space:nowrap' }, h('a', { href: `${base}/countries/${r.iso3}/profile.pdf`, download: '', 'aria-label': `${r.iso3}-${edition}.pdf, the profile of ${r.name}` }, `${r.iso3}-${edition}.pdf`)))));
  };
  const search = h('input', { type: 'search', id: 'profile-search', value: state.q, placeholder: 'Country, ISO3 or region' });
  search.addEventListener('input', () => { state.q = search.value; draw(); });
  draw();
  view.append(
    h('h1', {}, `Downloads — ${edition}`),
    h('div', { class: 'controls' }, editionSelect(editions, edition, (e) => { location.hash = pageHash('downloads', { ...state, edition: e }); })),
    h('section', { class: 'panel', 'aria-labelledby': 'dataset-title' }, h('h2', { id: 'dataset-title' }, `The whole dataset, ${framework.name}`),
      h('ul', { class: 'plain', id: 'dataset-files' },
        file(`${base}/dataset.csv`, 'CSV', 'every country\'s composites and indicator scores; NA = not assessed; the project\'s import format'),
        file(`${base}/dataset.xlsx`, 'Excel (XLSX)', 'the same figures laid out like the publisher\'s workbook, with a sheet defining every measure'),
        file(`${base}/dataset.json`, 'JSON', 'the same figures per country, composites and scores apart')),
      h('p', { class: 'note' }, 'Composites are recomputed from the indicator scores and rounded half-up, as published.')),
    h('section', { class: 'panel', 'aria-labelledby': 'measure-title' }, h('h2', { id: 'measure-title' }, 'One measure'),
      h('p', { class: 'note' }, 'Figures and world, continent and region ranks of one measure, with its definition, edition and source written above the table (the table starts on the row the file names).'),
      h('div', { class: 'controls' }, select('Measure', measureOptions(framework.measures), state.measure, (v) => { state.measure = v; draw(); }, 'sel-measure'), measureLink)),
    h('section', { class: 'panel', 'aria-labelledby': 'profiles-title' }, h('h2', { id: 'profiles-title' }, 'Country profiles (PDF)'),
      h('p', { class: 'note' }, 'Each profile holds the scores, ranks, the indicator chart and the narrative where one is stored.'),
      h('div', { class: 'controls' }, h('label', { class: 'field' }, h('span', {}, 'Find a country'), search)),
      count,
      h('div', { class: 'table-wrap sticky-first' }, h('table', { class: 'data', id: 'profile-files' },
        h('caption', { class: 'sr-only' }, `Country profiles, ${edition}`),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Country'), h('th', { scope: 'col', class: 'wide-only' }, 'Region'), h('th', { scope: 'col' }, 'PDF'))),
        list))));
}
