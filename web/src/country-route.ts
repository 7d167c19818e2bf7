// A country's page may be named in words ("#/country/turkey", "#/profile/ivory coast"):
// the core's search finds the code and the URL is written with it; a name it does not
// know is said, with "did you mean" links, not an error page.
import { api } from './api';
import { h } from './dom';
import { keepState, pageHash } from './url-state';

/** The ISO3 code `asked` names on `page` (its URL then says it), or null after saying in `view` that there is none. */
export async function countryOfRoute(view: HTMLElement, page: 'country' | 'profile', asked: string, query: URLSearchParams): Promise<string | null> {
  const { countries, suggestions } = await api.searchCountries(asked);
  const state = Object.fromEntries(query);
  const code = asked.toUpperCase();
  const hit = countries.find((c) => c.iso3 === code) ?? (countries.length === 1 ? countries[0] : null);
  if (hit) {
    if (hit.iso3 !== asked) keepState(`${page}/${hit.iso3}`, state);
    return hit.iso3;
  }
  const close = [...countries.slice(0, 5).map((c) => c.name), ...suggestions];
  view.append(h('h1', {}, 'No such country'),
    h('p', { id: 'not-found' }, `No country is called "${asked}". `,
      ...(close.length ? ['Did you mean ', ...close.flatMap((n, i) => [i ? ', ' : '', h('a', { href: pageHash(`${page}/${encodeURIComponent(n)}`, state) }, n)]), '? '] : []),
      'Or find it in ', h('a', { href: '#/rankings' }, 'the rankings'), '.'));
  return null;
}
