import './style.css';
import { closest, parseHash, type Route } from './util';
import { h } from './dom';
import { api } from './api';
import { draftsWaiting, flushDrafts } from './workspace/autosave';
import { currentUser } from './workspace/session';
import { prefetch, ws } from './workspace/client';

type Page = (main: HTMLElement, route: Route) => Promise<void>;
// Each page is a chunk of its own, loaded when first opened: a workspace page does not
// wait for the world map's outlines and d3, nor a map page for the workspace.
const pages: Record<string, () => Promise<Page>> = {
  map: () => import('./pages/map').then((m) => m.renderMap),
  rankings: () => import('./pages/rankings').then((m) => m.renderRankings),
  country: () => import('./pages/country').then((m) => m.renderCountry),
  compare: () => import('./pages/compare').then((m) => m.renderCompare),
  matrix: () => import('./pages/matrix').then((m) => m.renderMatrix),
  changes: () => import('./pages/changes').then((m) => m.renderChanges),
  indicator: () => import('./pages/indicator').then((m) => m.renderIndicator),
  profile: () => import('./pages/profile').then((m) => m.renderProfile),
  flows: () => import('./flows/flow_map').then((m) => m.renderFlowMap),
  clusters: () => import('./pages/clusters').then((m) => m.renderClusters),
  measure: () => import('./pages/measure').then((m) => m.renderMeasure),
  embed: () => import('./pages/measure').then((m) => m.renderEmbed),
  downloads: () => import('./pages/downloads').then((m) => m.renderDownloads),
  // The assessment workspace (signed in): web/src/workspace/, docs/WORKSPACE.md.
  account: () => import('./workspace/account').then((m) => m.renderAccount),
  work: () => import('./workspace/worklist').then((m) => m.renderWorklist),
  score: () => import('./workspace/score').then((m) => m.renderScore),
  write: () => import('./workspace/narrative').then((m) => m.renderNarrative),
  review: () => import('./workspace/review').then((m) => m.renderReview),
  cell: () => import('./workspace/cell-panel').then((m) => m.renderCell),
  calibrate: () => import('./workspace/calibrate').then((m) => m.renderCalibrate),
  coordinate: () => import('./workspace/dashboard').then((m) => m.renderDashboard),
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

// An unknown page says so, with the closest page names as links.
const notFound = (name: string) => async (): Promise<Page> => async (view) => {
  const close = closest(name, Object.keys(pages));
  view.append(h('h1', {}, 'No such page'),
    h('p', { id: 'not-found' }, `There is no page called "${name}". `,
      ...(close.length ? ['Did you mean ', ...close.flatMap((n, i) => [i ? ', ' : '', h('a', { href: `#/${n}` }, n)]), '? '] : []),
      'Or start from ', h('a', { href: '#/map' }, 'the map'), '.'));
};

const notEmbeddable = async (): Promise<Page> => async (view) => {
  const full = new URL('./', location.href);
  full.hash = location.hash;
  view.append(h('h1', {}, 'Not an embeddable view'),
    h('p', {}, 'Only charts open here. ', h('a', { href: full.href, target: '_blank', rel: 'noopener' }, 'Open this page in the ocindex explorer'), '.'));
};

let generation = 0;
// Loaded as /embed (the document other sites may frame), the explorer shows embeddable
// charts only: no sign-in, form or other page can be framed and clicked through.
const framable = location.pathname.endsWith('/embed');
async function route(): Promise<void> {
  const r = parseHash(location.hash || '#/map');
  const load = framable && r.path[0] !== 'embed' ? notEmbeddable
    : r.path.length ? pages[r.path[0]] ?? notFound(r.path[0]) : pages.map;
  const mine = ++generation;
  const section = WORKSPACE.has(r.path[0]) ? 'work' : (r.path[0] ?? 'map');
  for (const a of nav.querySelectorAll('a')) {
    const current = a.getAttribute('href')!.split('/')[1].split('?')[0] === section;
    if (current) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  document.body.classList.toggle('embed', r.path[0] === 'embed');  // the chart alone: no header, no footer
  nav.classList.remove('open');
  menu.setAttribute('aria-expanded', 'false');
  // The two heaviest workspace pages ask for their data while their code loads (and
  // every route drops what an earlier page was given early and did not take).
  const [, round, item] = r.path;
  prefetch(() => {
    if (!item) return;
    if (r.path[0] === 'calibrate') void [ws.session(), ws.calibration(round, item, r.query.get('region') ?? '')];
    if (r.path[0] === 'score') void [ws.session(), ws.country(round, item.toUpperCase()), ws.preview(round, item.toUpperCase())];
  });
  // The map, the page most people open first, asks for its data while its code and the
  // world's outlines load (the defaults are the map page's own).
  if (section === 'map') {
    const edition = Number(r.query.get('edition'));
    const early: Promise<unknown>[] = [api.editions()];
    if (edition) early.push(api.framework(edition), api.ranks(edition, r.query.get('measure') ?? 'criminality'));
    for (const request of early) request.catch(() => {});
  }
  const view = h('div', { class: 'page', 'aria-busy': 'true' });
  main.replaceChildren(view);
  try {
    await (await load())(view, r);
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
