// Browser tests for the explorer: starts `ocindex serve` on 127.0.0.1 with a fresh database, drives Debian's
// chromium through playwright-core, checks every page and writes screenshots at desktop and phone sizes; the
// country-profile checks (narrative, printable profile against the CLI's PDF) are in profile-checks.mjs.
// Usage: node web/tests/browser.mjs <ocindex binary> <web build folder> <db path> <screenshot folder>
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';
import { checkProfiles, importNarrative } from './profile-checks.mjs';
import { checkDecision } from './decision-checks.mjs';
import { checkMap } from './map-checks.mjs';
import { checkUncertainty } from './uncertainty-checks.mjs';
import { checkTimeline } from './timeline-checks.mjs';
import { checkGrapher } from './grapher-checks.mjs';
import { checkState } from './state-checks.mjs';
import { checkUnitNames } from './unit-name-checks.mjs';
import { readDescribedCsv } from './described-csv.mjs';

const [binary, webDir, dbPath, shotDir] = process.argv.slice(2);
if (!shotDir) {
  console.error('usage: browser.mjs <ocindex> <web dir> <db> <screenshot dir>');
  process.exit(2);
}
mkdirSync(shotDir, { recursive: true });
rmSync(dbPath, { force: true });

const failures = [];
const check = (ok, what) => { console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`); if (!ok) failures.push(what); };

// Narratives the project wrote (tests/data/flows), stored so the flow map and the country page's flows section
// have flows to draw; the server reads them at start-up.
const narratives = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'tests', 'data', 'flows');
for (const [file, iso3] of [['georgia-2021.txt', 'GEO'], ['peru-2021.txt', 'PER'], ['thailand-2021.txt', 'THA']]) {
  const run = spawnSync(binary, ['profile', 'import', join(narratives, file), '--country', iso3, '--edition', '2021', '--db', dbPath], { encoding: 'utf8' });
  if (run.status !== 0) { console.error(`FAIL storing ${file}: ${run.stderr}`); process.exit(1); }
}


const viewports = { desktop: { width: 1366, height: 768 }, phone: { width: 390, height: 844 } };
const pages = [
  ['map', '#/map?edition=2021&measure=criminality'],
  ['rankings', '#/rankings?edition=2021'],
  ['country', '#/country/KAZ?edition=2023'],
  ['compare', '#/compare?edition=2021&countries=KAZ,UZB,KGZ'],
  ['matrix', '#/matrix?edition=2021&region=Central%20Asia%20and%20the%20Caucasus'],
  ['changes', '#/changes?from=2021&to=2023&measure=criminality&basis=raw'],
  ['indicator', '#/indicator/criminality?edition=2021&with=resilience'],
  ['flows', '#/flows'],
  ['flows-heroin', '#/flows?market=heroin_trade'],
  ['country-flows', '#/country/GEO?edition=2021'],
  ['profile', '#/profile/KAZ?edition=2023'],
  ['clusters', '#/clusters?edition=2025&on=criminality'],
];

let server, browser;
const userDataDir = mkdtempSync(join(tmpdir(), 'ocindex-chromium-'));
const watchdog = setTimeout(() => { console.error('FAIL browser tests took over 420 s'); cleanup(); process.exit(1); }, 420000);
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
function cleanup() {
  server?.child.kill('SIGTERM');
  rmSync(userDataDir, { recursive: true, force: true });
}

try {
  for (const edition of [2021, 2023]) importNarrative(binary, dbPath, 'KAZ', edition);
  server = await startServer(binary, dbPath, webDir);
  // A persistent context on a fresh, empty folder is playwright's way of passing --user-data-dir.
  browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: viewports.desktop,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const page = browser.pages()[0] ?? await browser.newPage();
  page.setDefaultTimeout(10000);
  const problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText}`));
  page.on('response', (res) => { if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`); });
  const open = async (hash) => {
    await page.goto(server.base + hash);
    await page.waitForSelector('.page:not([aria-busy])', { timeout: 15000 });
  };

  // Screenshots of what is on screen at both sizes, each size checked with axe-core (no
  // serious or critical violation).
  const axe = async (name) => {
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]?.target}`));
    check(violations.length === 0, `${name}: no serious or critical accessibility violation ${violations.join('; ')}`);
  };
  // `part`: a selector of the part of the page the state is about, shot alone.
  const shoot = async (name, part) => {
    for (const [size, viewport] of Object.entries(viewports)) {
      await page.setViewportSize(viewport);
      // Whole page, but at most three screens tall so a long table stays legible when looked at.
      const height = Math.min(viewport.height * 3, await page.evaluate(() => document.documentElement.scrollHeight));
      if (part) await page.locator(part).screenshot({ path: join(shotDir, `${name}-${size}.png`) });
      else await page.screenshot({ path: join(shotDir, `${name}-${size}.png`), fullPage: true, clip: { x: 0, y: 0, width: viewport.width, height } });
      await axe(`${name} at ${size}`);
    }
    await page.setViewportSize(viewports.desktop);
  };

  for (const [name, hash] of pages) {
    problems.length = 0;
    await open(hash);
    const error = await page.locator('.page .error').count();
    check(error === 0 && problems.length === 0, `${name} page loads without errors ${problems.join('; ')}`);
    await shoot(name);
  }

  // Map: every country drawn (polygons and small-state dots), and a click opens the country page.
  await open('#/map?edition=2021&measure=criminality');
  const polygons = await page.locator('svg.map path.country').count();
  const dots = await page.locator('svg.map circle.country').count();
  const distinct = await page.locator('svg.map .country').evaluateAll((els) => new Set(els.map((e) => e.getAttribute('data-iso3'))).size);
  check(polygons + dots === 193 && distinct === 193, `map draws 193 countries (${polygons} polygons + ${dots} dots, ${distinct} distinct)`);
  check((await page.locator('#map-count').getAttribute('data-drawn')) === '193', 'map reports 193 drawn');
  await page.locator('svg.map [data-iso3="KAZ"]').hover();
  const tip = await page.locator('#tooltip').textContent();
  check(/Kazakhstan/.test(tip) && /4\.26/.test(tip) && /World rank \d+/.test(tip), `hover shows score and world rank (${tip})`);
  await page.keyboard.press('Tab');
  check(await page.evaluate(() => document.activeElement?.id === 'skip'), 'first Tab reaches the skip link');
  await page.locator('svg.map [data-iso3="KAZ"]').click();
  await page.waitForURL(/#\/country\/KAZ\?edition=2021/);
  await page.waitForSelector('.page:not([aria-busy]) [data-value="criminality"]');
  const kaz = await page.locator('[data-value="criminality"]').textContent();
  check(kaz?.trim() === '4.26', `Kazakhstan 2021 criminality shows 4.26 (got ${kaz})`);
  await page.waitForSelector('[data-interval="criminality"] strong');
  const interval = await page.locator('[data-interval="criminality"] strong').textContent();
  check(/^\d+(–\d+)?$/.test(interval ?? ''), `Kazakhstan's criminality card shows a rank interval (got ${interval})`);

  // Rank moves name the earlier rank, so "up" cannot be misread (KAZ criminality: 133rd in 2021, 127th in 2023).
  await open('#/country/KAZ?edition=2023');
  const move = await page.locator('#pillar-criminality .rank-change').first().textContent();
  check(/▲ 6 \(was 133 in 2021\)/.test(move ?? ''), `country page states the earlier world rank (${move})`);

  // Rankings: region filter shows exactly that region, sorting by name orders the rows.
  await open('#/rankings?edition=2021');
  const api = await (await fetch(`${server.base}api/v1/editions/2021/countries`)).json();
  const region = api.countries.find((c) => c.iso3 === 'KAZ').region;
  const centralAsia = api.countries.filter((c) => c.region === region).map((c) => c.iso3).sort();
  await page.selectOption('#sel-region', region);
  const shown = (await page.locator('#rankings tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-iso3')))).sort();
  check(centralAsia.length > 0 && JSON.stringify(shown) === JSON.stringify(centralAsia), `region filter shows exactly ${region} (${shown.join(',')})`);
  await page.waitForFunction(() => document.querySelector('#rankings td[data-interval="KAZ"]')?.textContent !== '');
  const kazInterval = await page.locator('#rankings td[data-interval="KAZ"]').textContent();
  check(/^\d+(–\d+)?$/.test(kazInterval ?? ''), `rankings show a 5-95 % rank interval per country (KAZ: ${kazInterval})`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#csv')]);
  const csv = readDescribedCsv(await readFile(await download.path(), 'utf8'));
  check(csv.header.join(',').startsWith('iso3,name,continent,region,value') && csv.description.get('Countries') === `the region ${region}`
    && csv.rows.length === centralAsia.length && csv.rows.some((r) => r[0] === 'KAZ' && r[1] === 'Kazakhstan' && r[4] === '4.26'),
    `CSV download holds the filtered rows (${csv.rows.length} rows) under its description`);
  await page.selectOption('#sel-region', '');
  await page.click('button.sort[data-key="name"]');
  const names = await page.locator('#rankings tbody th').allTextContents();
  check(names.length === 193 && names.every((n, i) => i === 0 || names[i - 1].localeCompare(n) <= 0), 'sorting by country name orders the rows');
  await page.click('button.sort[data-key="name"]');
  const reversed = await page.locator('#rankings tbody th').allTextContents();
  check(reversed[0] === names[names.length - 1], 'sorting again reverses the order');

  // State in the URL: filters and search survive a visit to a country and Back; the search is the core's.
  await open('#/rankings?edition=2021');
  await page.selectOption('#sel-continent', 'Asia');
  await page.fill('#search', 'turkey');
  await page.waitForFunction(() => document.querySelectorAll('#rankings tbody tr').length === 1);
  check(await page.locator('#rankings tbody tr').first().getAttribute('data-iso3') === 'TUR', 'searching "turkey" finds Türkiye');
  check(/continent=Asia/.test(page.url()) && /q=turkey/.test(page.url()), `the rankings' filters and search are in the URL (${page.url()})`);
  await page.click('#rankings tbody th a');
  await page.waitForSelector('#pillar-criminality');
  await page.goBack();
  await page.waitForFunction(() => document.querySelectorAll('#rankings tbody tr').length === 1 && document.querySelector('#search')?.value === 'turkey');
  check(await page.inputValue('#sel-continent') === 'Asia', 'Back restores the filters and the search');
  await page.goForward();
  await page.waitForSelector('#pillar-criminality');
  check(/country\/TUR/.test(page.url()), 'Forward returns to the country');
  await open('#/rankings?edition=2021&q=turkiye&sort=-name');
  await page.waitForFunction(() => document.querySelectorAll('#rankings tbody tr').length === 1);
  check(await page.locator('#rankings tbody tr').first().getAttribute('data-iso3') === 'TUR', 'a shared link with a search shows its rows');
  const [searched] = await Promise.all([page.waitForEvent('download'), page.click('#csv')]);
  const found = readDescribedCsv(await readFile(await searched.path(), 'utf8'));
  check(found.rows.length === 1 && found.rows[0][0] === 'TUR' && /matching "turkiye"/.test(found.description.get('Kept') ?? ''),
    `the CSV keeps the search too (${found.rows.map((r) => r[0]).join(',')}; ${found.description.get('Kept')})`);
  await page.fill('#search', 'Kazakstan');
  await page.waitForFunction(() => /Did you mean/.test(document.querySelector('#rank-count')?.textContent ?? ''));
  await page.click('#rank-count button');
  await page.waitForFunction(() => document.querySelector('#rankings tbody tr')?.getAttribute('data-iso3') === 'KAZ');
  check(true, 'a search that finds nothing offers the close name, which finds it');

  // A measure the edition lacks (Extortion, 2023 on) falls back to the measure it belongs to, controls intact.
  for (const page_ of ['map', 'rankings']) {
    await open(`#/${page_}?edition=2023&measure=extortion_racketeering`);
    await page.click('label:has(#edition-2021)');
    await page.waitForSelector('#measure-note');
    const note = await page.locator('#measure-note').textContent();
    const measure = await page.inputValue('#sel-measure');
    check(/not measured in 2021/.test(note ?? '') && measure !== '' && await page.locator('.page .error').count() === 0,
      `${page_}: switching to 2021 with Extortion selected shows ${measure} with a note (${note})`);
    await shoot(`${page_}-measure-fallback`);
  }

  // Unknown pages and countries are said, with "did you mean" links.
  await open('#/rankngs');
  check(/There is no page called "rankngs"/.test(await page.locator('#not-found').textContent() ?? '') &&
    await page.locator('#not-found a[href="#/rankings"]').count() === 1, 'an unknown route says so and links the close page');
  await shoot('not-found');
  await open('#/compare?edition=2021&countries=KAZ,NARNIA');
  check(await page.locator('[data-unknown="NARNIA"]').count() === 1, 'compare says which country it does not know');
  await shoot('compare-unknown');

  // Compare: the chosen countries are the columns.
  await open('#/compare?edition=2021&countries=KAZ,UZB');
  await page.fill('#compare-add', 'Kyrgyzstan');
  await page.press('#compare-add', 'Enter');
  await page.waitForFunction(() => document.querySelectorAll('#compare thead th[data-iso3]').length === 3);
  const cols = await page.locator('#compare thead th[data-iso3]').evaluateAll((th) => th.map((t) => t.getAttribute('data-iso3')));
  check(JSON.stringify(cols) === '["KAZ","UZB","KGZ"]', `compare shows the chosen countries (${cols.join(',')})`);

  await checkProfiles({ page, open, check, base: server.base, problems, binary, dbPath, shotDir });
  await checkDecision({ page, open, check, base: server.base, shotDir });
  await checkMap({ page, open, check, base: server.base, shoot });
  await checkUncertainty({ page, open, check, base: server.base, shoot });
  await checkTimeline({ page, open, check, base: server.base, shoot });
  await checkGrapher({ page, open, check, base: server.base, shoot });
  await checkState({ page, open, check, base: server.base, shoot });
  await checkUnitNames({ page, check, binary, webDir, shoot });

  // Flow map: one arc per edge, hover quotes the evidence, the market filter keeps one market.
  await open('#/flows');
  const edges = (await (await fetch(`${server.base}api/v1/flows`)).json()).edges;
  const arcs = await page.locator('svg.flow-map path.arc').count();
  check(edges.length > 0 && arcs === edges.length, `flow map draws every edge (${arcs} arcs, ${edges.length} edges)`);
  check(await page.locator('.flow-legend li').count() === new Set(edges.map((e) => e.market)).size + 1, 'legend lists every market (and hedged)');
  // Focus (keyboard) rather than hover: the centre of a curved arc's box is off the arc.
  await page.locator('svg.flow-map path.arc[data-market="heroin_trade"][data-from="IRN"][data-to="GEO"]').focus();
  const flowTip = await page.locator('#tooltip').textContent();
  check(/Iran → Georgia/.test(flowTip) && /transit hub for heroin/.test(flowTip), `focusing an arc quotes its evidence (${flowTip})`);
  await page.selectOption('#sel-market', 'heroin_trade');
  await page.waitForURL(/#\/flows\?market=heroin_trade/);
  await page.waitForSelector('.page:not([aria-busy]) svg.flow-map');
  const markets = await page.locator('svg.flow-map path.arc').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-market')))]);
  check(JSON.stringify(markets) === '["heroin_trade"]', `market filter keeps one market (${markets.join(',')})`);

  // Country page: the flows section lists the narrative's roles and flows with their sentences.
  await open('#/country/GEO?edition=2021');
  await page.waitForSelector('#flows .flow-list li');
  const roles = await page.locator('#flows .flow-roles li[data-market="heroin_trade"]').textContent();
  check(/transit/.test(roles ?? ''), `country page shows Georgia's heroin role (${roles})`);
  const quoted = await page.locator('#flows .flow-list li[data-market="arms_trafficking"] blockquote').textContent();
  check(/Sarpi checkpoint/.test(quoted ?? ''), 'a flow on the country page quotes its sentence');
} catch (err) {
  check(false, `browser test aborted: ${err.stack ?? err}`);
} finally {
  clearTimeout(watchdog);
  await browser?.close().catch(() => {});
  cleanup();
}
console.log(failures.length ? `${failures.length} check(s) failed` : 'all browser checks passed');
process.exit(failures.length ? 1 : 0);
