// A page's state in its URL (issue 17): filters, sort, search and selection are written
// into the current history entry as they change, without a new entry or a re-render, so
// a link shares exactly what is on screen and Back returns to the page as it was left.

/** `#/page?k=v…` from the values that are set (null, undefined and '' are left out). */
export function pageHash(page: string, state: Record<string, string | number | null | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) if (value !== null && value !== undefined && value !== '') query.set(key, String(value));
  const text = query.toString();
  return `#/${page}${text ? `?${text}` : ''}`;
}

/** Replaces the current entry's URL with the page's state. */
export function keepState(page: string, state: Record<string, string | number | null | undefined>): void {
  history.replaceState(history.state, '', pageHash(page, state));
}
