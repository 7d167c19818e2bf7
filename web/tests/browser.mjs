// Browser tests for the explorer: starts `ocindex serve` on 127.0.0.1 with a fresh database, drives Debian's
// chromium through playwright-core, checks every page and writes screenshots at desktop and phone sizes.
// Usage: node web/tests/browser.mjs <ocindex binary> <web build folder> <db path> <screenshot folder>
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [binary, webDir, dbPath, shotDir] = process.argv.slice(2);
if (!shotDir) {
  console.error('usage: browser.mjs <ocindex> <web dir> <db> <screenshot dir>');
  process.exit(2);
}
mkdirSync(shotDir, { recursive: true });
rmSync(dbPath, { force: true });

const failures = [];
const check = (ok, what) => { console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`); if (!ok) failures.push(what); };

function startServer() {
  const child = spawn(binary, ['serve', '--host', '127.0.0.1', '--port', '0', '--db', dbPath, '--web', webDir], { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`server did not report its port: ${seen}`)), 30000);
    child.stderr.on('data', (chunk) => {
      seen += chunk;
      const m = /http:\/\/127\.0\.0\.1:(\d+)/.exec(seen);
      if (m) { clearTimeout(timer); resolve({ child, base: `http://127.0.0.1:${m[1]}/` }); }
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${seen}`)));
  });
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
];

let server, browser;
const userDataDir = mkdtempSync(join(tmpdir(), 'ocindex-chromium-'));
const watchdog = setTimeout(() => { console.error('FAIL browser tests took over 110 s'); cleanup(); process.exit(1); }, 110000);
function cleanup() {
  server?.child.kill('SIGTERM');
  rmSync(userDataDir, { recursive: true, force: true });
}

try {
  server = await startServer();
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

  for (const [name, hash] of pages) {
    problems.length = 0;
    await open(hash);
    const error = await page.locator('.page .error').count();
    check(error === 0 && problems.length === 0, `${name} page loads without errors ${problems.join('; ')}`);
    for (const [size, viewport] of Object.entries(viewports)) {
      await page.setViewportSize(viewport);
      // Whole page, but at most three screens tall so a long table stays legible when looked at.
      const height = Math.min(viewport.height * 3, await page.evaluate(() => document.documentElement.scrollHeight));
      await page.screenshot({ path: join(shotDir, `${name}-${size}.png`), fullPage: true, clip: { x: 0, y: 0, width: viewport.width, height } });
    }
    await page.setViewportSize(viewports.desktop);
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

  // Rankings: region filter shows exactly that region, sorting by name orders the rows.
  await open('#/rankings?edition=2021');
  const api = await (await fetch(`${server.base}api/v1/editions/2021/countries`)).json();
  const region = api.countries.find((c) => c.iso3 === 'KAZ').region;
  const centralAsia = api.countries.filter((c) => c.region === region).map((c) => c.iso3).sort();
  await page.selectOption('#sel-region', region);
  const shown = (await page.locator('#rankings tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-iso3')))).sort();
  check(centralAsia.length > 0 && JSON.stringify(shown) === JSON.stringify(centralAsia), `region filter shows exactly ${region} (${shown.join(',')})`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#csv')]);
  const csv = (await readFile(await download.path(), 'utf8')).trim().split(/\r?\n/);
  check(csv[0].startsWith('iso3,name,continent,region,criminality') && csv.length === centralAsia.length + 1 && csv.some((l) => l.startsWith('KAZ,Kazakhstan,') && l.includes(',4.26,')),
    `CSV download holds the filtered rows (${csv.length - 1} rows)`);
  await page.selectOption('#sel-region', '');
  await page.click('button.sort[data-key="name"]');
  const names = await page.locator('#rankings tbody th').allTextContents();
  check(names.length === 193 && names.every((n, i) => i === 0 || names[i - 1].localeCompare(n) <= 0), 'sorting by country name orders the rows');
  await page.click('button.sort[data-key="name"]');
  const reversed = await page.locator('#rankings tbody th').allTextContents();
  check(reversed[0] === names[names.length - 1], 'sorting again reverses the order');

  // Compare: the chosen countries are the columns.
  await open('#/compare?edition=2021&countries=KAZ,UZB');
  await page.fill('#compare-add', 'Kyrgyzstan');
  await page.press('#compare-add', 'Enter');
  await page.waitForFunction(() => document.querySelectorAll('#compare thead th[data-iso3]').length === 3);
  const cols = await page.locator('#compare thead th[data-iso3]').evaluateAll((th) => th.map((t) => t.getAttribute('data-iso3')));
  check(JSON.stringify(cols) === '["KAZ","UZB","KGZ"]', `compare shows the chosen countries (${cols.join(',')})`);
} catch (err) {
  check(false, `browser test aborted: ${err.stack ?? err}`);
} finally {
  clearTimeout(watchdog);
  await browser?.close().catch(() => {});
  cleanup();
}
console.log(failures.length ? `${failures.length} check(s) failed` : 'all browser checks passed');
process.exit(failures.length ? 1 : 0);
