// Small pieces the workspace pages share: state badges (text and shape, not colour
// alone), progress bars, messages, and links between the pages.
import { h } from '../dom';

export const STATES = ['draft', 'submitted', 'in_review', 'agreed', 'final'] as const;
const STATE_TEXT: Record<string, string> = { draft: 'Draft', submitted: 'Submitted', in_review: 'In review', agreed: 'Agreed', final: 'Final' };
export const stateText = (state: string) => STATE_TEXT[state] ?? state;

export function stateBadge(state: string): HTMLElement {
  return h('span', { class: `state state-${state}`, 'data-state': state }, stateText(state));
}

/** A labelled bar: `done` of `total`, with the numbers in text. */
export function progressBar(done: number, total: number, label: string): HTMLElement {
  const pct = total ? Math.round((100 * done) / total) : 0;
  return h('div', { class: 'progress' },
    h('div', { class: 'progress-bar', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': total, 'aria-valuenow': done, 'aria-label': label },
      h('span', { style: `width:${pct}%` })),
    h('span', { class: 'progress-text' }, `${done} of ${total}`));
}

export function message(text: string, kind: 'error' | 'ok' | 'warn' = 'ok'): HTMLElement {
  return h('p', { class: `msg msg-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}

export const score = (v: number | null | undefined) => (v === null || v === undefined ? '–' : v.toFixed(1));

export const links = {
  work: (round?: string) => `#/work${round ? `?round=${encodeURIComponent(round)}` : ''}`,
  score: (round: string, iso3: string, indicator?: string) => `#/score/${encodeURIComponent(round)}/${iso3}${indicator ? `?cell=${indicator}` : ''}`,
  write: (round: string, iso3: string, section: string) => `#/write/${encodeURIComponent(round)}/${iso3}/${section}`,
  review: (round: string) => `#/review/${encodeURIComponent(round)}`,
  cell: (round: string, iso3: string, indicator: string) => `#/cell/${encodeURIComponent(round)}/${iso3}/${indicator}`,
  calibrate: (round: string, indicator: string, region = '') =>
    `#/calibrate/${encodeURIComponent(round)}/${indicator}${region ? `?region=${encodeURIComponent(region)}` : ''}`,
  coordinate: (round?: string) => `#/coordinate${round ? `/${encodeURIComponent(round)}` : ''}`,
  account: () => '#/account',
};

/** The workspace's own navigation under the page title. */
export function workspaceNav(current: string, round: string | null, team: boolean): HTMLElement {
  const items: [string, string][] = [['work', links.work(round ?? undefined)]];
  if (round) {
    items.push(['review', links.review(round)]);
    if (team) items.push(['coordinate', links.coordinate(round)]);
  } else if (team) {
    items.push(['coordinate', links.coordinate()]);
  }
  items.push(['account', links.account()]);
  const names: Record<string, string> = { work: 'My work', review: 'Review', coordinate: 'Coordinate', account: 'Account' };
  return h('nav', { class: 'ws-nav', 'aria-label': 'Workspace' },
    ...items.map(([key, href]) => h('a', { href, 'aria-current': key === current ? 'page' : undefined }, names[key])));
}
