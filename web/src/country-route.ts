// A country's page may be named in words ("#/country/turkey", "#/profile/ivory coast"):
// the core's search finds the code and the URL is written with it; a name it does not
// know is said, with "did you mean" links, not an error page.
import { api } from './api';
import { h } from './dom';
import { ambiguityMessage, chooseUnit, unitLabels } from './unit-choice';
import { keepState, pageHash } from './url-state';

/** The ISO3 code `asked` names on `page` (its URL then says it), or null after saying in `view` that there is none. */
export async function countryOfRoute(view: HTMLElement, page: 'country' | 'profile', asked: string, query: URLSearchParams): Promise<string | null> {
  const { countries, suggestions } = await api.searchCountries(asked);
  const state = Object.fromEntries(query);
  const { unit, ambiguous } = chooseUnit(countries, asked, () => true);
  const hit = unit && (unit.iso3 === asked.trim().toUpperCase() || countries.length === 1) ? unit : null;
  if (hit) {
    if (hit.iso3 !== asked) keepState(`${page}/${hit.iso3}`, state);
    return hit.iso3;
  }
  // Units found are linked by code (two may share the name asked); suggestions are names.
  const shown = ambiguous.length ? ambiguous : countries.slice(0, 5);
  const labels = unitLabels(shown);
  const close = [...shown.map((c, i) => [c.iso3, labels[i]]), ...suggestions.map((n) => [n, n])];
  view.append(h('h1', {}, ambiguous.length ? 'Which one?' : 'No such country'),
    h('p', { id: 'not-found' }, ambiguous.length ? `${ambiguityMessage(asked, ambiguous)}. ` : `No country is called "${asked}". `,
      ...(close.length ? ['Did you mean ', ...close.flatMap(([target, label], i) => [i ? ', ' : '', h('a', { href: pageHash(`${page}/${encodeURIComponent(target)}`, state) }, label)]), '? '] : []),
      'Or find it in ', h('a', { href: '#/rankings' }, 'the rankings'), '.'));
  return null;
}
