import './style.css';
import { parseHash, type Route } from './util';
import { h } from './dom';
import { renderMap } from './pages/map';
import { renderRankings } from './pages/rankings';
import { renderCountry } from './pages/country';
import { renderCompare } from './pages/compare';
import { renderMatrix } from './pages/matrix';
import { renderChanges } from './pages/changes';
import { renderIndicator } from './pages/indicator';
import { renderFlowMap } from './flows/flow_map';
import { renderProfile } from './pages/profile';
import { renderClusters } from './pages/clusters';
import { renderAccount } from './workspace/account';
import { renderWorklist } from './workspace/worklist';
import { renderScore } from './workspace/score';
import { renderNarrative } from './workspace/narrative';
import { renderReview } from './workspace/review';
import { renderCell } from './workspace/cell-panel';
import { renderCalibrate } from './workspace/calibrate';
import { renderDashboard } from './workspace/dashboard';
import { draftsWaiting, flushDrafts } from './workspace/autosave';
import { currentUser } from './workspace/session';

const pages: Record<string, (main: HTMLElement, route: Route) => Promise<void>> = {
  map: renderMap, rankings: renderRankings, country: renderCountry, compare: renderCompare,
  matrix: renderMatrix, changes: renderChanges, indicator: renderIndicator, profile: renderProfile,
  flows: renderFlowMap, clusters: renderClusters,
  // The assessment workspace (signed in): web/src/workspace/, docs/WORKSPACE.md.
  account: renderAccount, work: renderWorklist, score: renderScore, write: renderNarrative, review: renderReview,
  cell: renderCell, calibrate: renderCalibrate, coordinate: renderDashboard,
};
const WORKSPACE = new Set(['account', 'work', 'score', 'write', 'review', 'cell', 'calibrate', 'coordinate']);

const main = document.getElementById('main') as HTMLElement;
const nav = document.getElementById('nav') as HTMLElement;
const menu = document.querySelector('.menu') as HTMLButtonElement;
menu.addEventListener('click', () => {
  const open = menu.getAttribute('aria-expanded') !== 'true';
  menu.setAttribute('aria-expanded', String(open));
  nav.classList.toggle('open', open);
});
document.getElementById('skip')!.addEventListener('click', (ev) => { ev.preventDefault(); main.focus(); });

let generation = 0;
async function route(): Promise<void> {
  const r = parseHash(location.hash || '#/map');
  const page = pages[r.path[0]] ?? renderMap;
  const mine = ++generation;
  const section = WORKSPACE.has(r.path[0]) ? 'work' : (r.path[0] ?? 'map');
  for (const a of nav.querySelectorAll('a')) {
    const current = a.getAttribute('href')!.split('/')[1].split('?')[0] === section;
    if (current) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  nav.classList.remove('open');
  menu.setAttribute('aria-expanded', 'false');
  const view = h('div', { class: 'page', 'aria-busy': 'true' });
  main.replaceChildren(view);
  try {
    await page(view, r);
  } catch (err) {
    if (mine === generation) view.replaceChildren(h('p', { class: 'error', role: 'alert' }, `Could not load this page: ${(err as Error).message}`));
  }
  view.removeAttribute('aria-busy');
  document.title = `${view.querySelector('h1')?.textContent ?? 'ocindex'} · ocindex explorer`;
}
// A printed country page shows every indicator, not only the ones a reader had expanded.
window.addEventListener('beforeprint', () => { for (const d of document.querySelectorAll('details')) d.open = true; });
window.addEventListener('hashchange', route);
route();
// Drafts a closed tab or a dropped connection left in this browser go out now, those of
// whoever is signed in (autosave.ts); the others wait for their user to sign in.
if (draftsWaiting()) void currentUser().then((me) => { if (me) void flushDrafts(me.user); }).catch(() => {});
