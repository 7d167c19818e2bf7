// The country's profile narrative (GET .../countries/{iso3}/narrative) under the scores
// on the country page, and the section markup the printable profile shares.
import { api, ApiError, type Narrative } from '../api';
import { h } from '../dom';

/** The stored narrative, or null when none is stored for the country and edition (404). */
export async function loadNarrative(edition: number, iso3: string): Promise<Narrative | null> {
  try {
    return await api.narrative(edition, iso3);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  }
}

/** Each section as a heading (at `level`, focusable for the contents links) and its paragraphs. */
export function narrativeSections(n: Narrative, level: 'h2' | 'h3'): HTMLElement[] {
  return n.sections.map((s) => h('section', { class: 'narrative-section', 'data-section': s.id },
    h(level, { id: `narrative-${s.id}`, tabindex: -1 }, s.title),
    ...s.paragraphs.map((p) => h('p', {}, p))));
}

export const profileHref = (iso3: string, edition: number) => `#/profile/${iso3}?edition=${edition}`;

// Contents links move focus to their section; hash routing means a plain "#id" link would change the page.
function contents(n: Narrative, panel: HTMLElement): HTMLElement {
  const jump = (id: string) => (ev: Event) => {
    ev.preventDefault();
    const target = panel.querySelector<HTMLElement>(`#narrative-${id}`);
    target?.focus();
    target?.scrollIntoView({ block: 'start' });
  };
  return h('nav', { class: 'narrative-contents no-print', 'aria-label': 'Narrative sections' },
    h('ul', {}, ...n.sections.map((s) => h('li', {}, h('a', { href: `#narrative-${s.id}`, onclick: jump(s.id) }, s.title)))));
}

export async function countryNarrative(edition: number, iso3: string, name: string): Promise<HTMLElement> {
  const panel = h('section', { class: 'panel narrative', id: 'narrative', 'aria-labelledby': 'narrative-title' });
  const head = h('div', { class: 'narrative-head' }, h('h2', { id: 'narrative-title' }, 'Narrative'),
    h('a', { class: 'button no-print', href: profileHref(iso3, edition) }, 'Printable profile'));
  let n: Narrative | null;
  try {
    n = await loadNarrative(edition, iso3);
  } catch (err) {
    panel.append(head, h('p', { class: 'error', role: 'alert' }, `Could not load the narrative: ${(err as Error).message}`));
    return panel;
  }
  if (!n) {
    panel.append(head, h('p', { class: 'empty', id: 'narrative-none', role: 'status' },
      `No narrative has been published for ${name} in the ${edition} edition; the scores above are complete.`));
    return panel;
  }
  const r = n.revision;
  panel.append(head,
    h('p', { class: 'note' }, `Revision ${r.number}, imported ${r.stored_at.replace('T', ' ').replace('Z', ' UTC')} by ${r.author}${r.note ? ` (${r.note})` : ''}.`),
    contents(n, panel),
    h('div', { class: 'prose' }, ...narrativeSections(n, 'h3')));
  if (n.footer) panel.append(h('p', { class: 'narrative-footer' }, n.footer));
  return panel;
}
