// How fast the explorer's map is in a real browser (issue 17; README, "The explorer"):
//  - first paint of the map on loopback with a cold cache (a new browser context per run),
//    from navigation start to the frame that paints the drawn map;
//  - a switch of measure, and of edition on the timeline, in an open map: from the change
//    to the frame that paints the new map, taken in the page;
//  - the bundle, gzip: every script and style of the build, and those the map page loads.
// Usage: node bench/web/map_timing.mjs <ocindex binary> <web build folder> [runs=7]
// Needs the web folder's node_modules (playwright-core) and Debian's chromium ($CHROMIUM).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { startServer } from '../../web/tests/serve.mjs';

const [binary, webDir, runsArg = '7'] = process.argv.slice(2);
if (!webDir) {
  console.error('usage: map_timing.mjs <ocindex> <web dir> [runs]');
  process.exit(2);
}
const runs = Number(runsArg);
const here = dirname(fileURLToPath(import.meta.url));
const { chromium } = createRequire(join(here, '..', '..', 'web', 'package.json'))('playwright-core');
const dir = mkdtempSync(join(tmpdir(), 'ocindex-map-bench-'));

const server = await startServer(binary, join(dir, 'bench.db'), webDir);
const base = server.base;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const READY = '.page:not([aria-busy]) svg.map .country';

/** Milliseconds from navigation start to the frame painting the map, in a fresh context. */
async function firstPaint() {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });  // empty cache
  const page = await context.newPage();
  await page.addInitScript((sel) => {
    new MutationObserver((_, obs) => {
      if (!document.querySelector(sel)) return;
      obs.disconnect();
      requestAnimationFrame(() => requestAnimationFrame(() => { window.__painted = performance.now(); }));
    }).observe(document, { subtree: true, childList: true, attributes: true });
  }, READY);
  await page.goto(`${base}#/map?edition=2025&measure=criminality`);
  await page.waitForFunction(() => window.__painted !== undefined, null, { timeout: 30000 });
  const ms = await page.evaluate(() => window.__painted);
  const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /\/assets\/.*\.(js|css)$/.test(n)));
  await context.close();
  return { ms, loaded };
}

/** Milliseconds from choosing a measure or an edition (in the page) to the frame painting
 *  the new map, whose title holds `heading`. */
async function switchTime(page, [kind, value], heading) {
  return page.evaluate(async ([what, to, want]) => {
    const start = performance.now();
    const done = new Promise((resolve) => {
      new MutationObserver((_, obs) => {
        const h1 = document.querySelector('.page:not([aria-busy]) h1');
        if (!h1?.textContent.includes(want) || !document.querySelector('.page:not([aria-busy]) svg.map .country')) return;
        obs.disconnect();
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - start)));
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });
    if (what === 'edition') document.querySelector(`#edition-${to}`).click();
    else {
      const select = document.querySelector('#sel-measure');
      select.value = to;
      select.dispatchEvent(new Event('change'));
    }
    return done;
  }, [kind, value, heading]);
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return `median ${s[s.length >> 1].toFixed(0)} ms, min ${s[0].toFixed(0)}, max ${s[s.length - 1].toFixed(0)} (${xs.map((x) => x.toFixed(0)).join(', ')})`;
};
const gzipped = (files) => files.reduce((sum, f) => sum + gzipSync(readFileSync(join(webDir, 'assets', f)), { level: 9 }).length, 0);
try {
  const paints = [];
  let loaded = [];
  for (let i = 0; i < runs; i++) {
    const run = await firstPaint();
    paints.push(run.ms);
    loaded = run.loaded;
  }
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(`${base}#/map?edition=2025&measure=criminality`);
  await page.waitForSelector(READY);
  const measure = [], edition = [], first = [];
  // Each measure and edition asked of the API once (timed apart), then the switches that reuse the answers.
  for (const [m, name, e] of [['resilience', 'Resilience', 2023], ['criminality', 'Criminality', 2025]]) {
    first.push(await switchTime(page, ['measure', m], name));
    first.push(await switchTime(page, ['edition', e], String(e)));
  }
  for (let i = 0; i < runs; i++) {
    const [m, name] = i % 2 ? ['criminality', 'Criminality'] : ['resilience', 'Resilience'];
    measure.push(await switchTime(page, ['measure', m], name));
    const e = i % 2 ? 2025 : 2023;
    edition.push(await switchTime(page, ['edition', e], String(e)));
  }
  await context.close();
  const all = readdirSync(join(webDir, 'assets')).filter((f) => /\.(js|css)$/.test(f));
  const mapFiles = [...new Set(loaded.map((u) => u.split('/assets/')[1]))];
  console.log(`first paint of the map, cold cache, loopback: ${stats(paints)}`);
  console.log(`switch of measure, re-rendered and painted:   ${stats(measure)}`);
  console.log(`switch of edition (timeline), painted:       ${stats(edition)}`);
  console.log(`the first switch to each, with its API request: ${first.map((x) => x.toFixed(0)).join(', ')} ms`);
  console.log(`bundle, gzip -9: the map page loads ${(gzipped(mapFiles) / 1024).toFixed(1)} KiB in ${mapFiles.length} files; all scripts and styles ${(gzipped(all) / 1024).toFixed(1)} KiB in ${all.length} files`);
} finally {
  await browser.close();
  server.child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
