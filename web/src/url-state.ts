// A page's state in its URL (issue 17): filters, sort, search and selection are written
// into the current history entry as they change, without a new entry or a re-render, so
// a link shares exactly what is on screen and Back returns to the page as it was left.

type State = Record<string, string | number | null | undefined>;

/** `#/page?k=v…` from the values that are set (null, undefined and '' are left out); commas
 *  and equals signs stay as typed (`countries=KAZ,UZB`, `change=arms_trafficking=7`), as
 *  they are legal in a query's value. */
export function pageHash(page: string, state: State): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) if (value !== null && value !== undefined && value !== '') query.set(key, String(value));
  const text = query.toString().replace(/%2C/g, ',').replace(/%3D/g, '=');
  return `#/${page}${text ? `?${text}` : ''}`;
}

/** Replaces the current entry's URL with the page's state. */
export function keepState(page: string, state: State): void {
  history.replaceState(history.state, '', pageHash(page, state));
}

/** Replaces the current entry's URL, changing `changes` and keeping the page's other
 *  settings (a page whose panels each keep their own); nothing when the reader has left
 *  the page meanwhile. */
export function keepChanged(page: string, changes: State): void {
  if (location.hash.split('?')[0] !== `#/${page}`) return;
  history.replaceState(history.state, '', changedHash(page, location.hash, changes));
}

/** `#/page?…` keeping every setting of `hash` and changing `changes` (null drops one). */
export function changedHash(page: string, hash: string, changes: State): string {
  return pageHash(page, { ...Object.fromEntries(new URLSearchParams(hash.split('?')[1] ?? '')), ...changes });
}

/** Goes (a new history entry) to the page with one control changed and the rest kept. */
export function goChanged(page: string, changes: State): void {
  location.hash = changedHash(page, location.hash, changes);
}
