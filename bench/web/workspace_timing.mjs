// How fast the workspace's two heaviest pages are in a real browser (docs/WORKSPACE.md,
// "Performance"): the scoring page of one country until its inputs can be used, and the
// calibration view of one indicator across 193 countries until its table is drawn, each
// from navigation start with a cold cache (a new browser context per run). The round is
// the full world: every country, two experts per cell, drafts imported in bulk.
// Usage: node bench/web/workspace_timing.mjs <ocindex binary> <web build folder> [runs=7]
// Needs the web folder's node_modules (playwright-core) and Debian's chromium ($CHROMIUM).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [binary, webDir, runsArg = '7'] = process.argv.slice(2);
if (!webDir) {
  console.error('usage: workspace_timing.mjs <ocindex> <web dir> [runs]');
  process.exit(2);
}
const runs = Number(runsArg);
const here = dirname(fileURLToPath(import.meta.url));
const { chromium } = createRequire(join(here, '..', '..', 'web', 'package.json'))('playwright-core');
const dir = mkdtempSync(join(tmpdir(), 'ocindex-ws-bench-'));
const db = join(dir, 'bench.db');
const PASSWORD = 'correct horse battery';
const env = { ...process.env, OCINDEX_PASSWORD_COST: 'minimum' };
const cli = (args, input) => {
  const run = spawnSync(binary, [...args, '--db', db], { encoding: 'utf8', input, env, maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`ocindex ${args.join(' ')}: ${run.stderr}`);
  return run.stdout;
};

// The round: 193 countries x every indicator, two experts per cell, every draft imported.
for (const [user, role] of [['cora', 'coordinator'], ['ann', 'expert'], ['bob', 'expert'], ['rita', 'reviewer']]) {
  cli(['user', 'add', user, '--role', role, '--password-stdin'], `${PASSWORD}\n`);
}
cli(['round', 'create', 'W', '--edition', '2027', '--baseline', '2025', '--as', 'cora']);
cli(['round', 'assign', 'W', '--experts-per-cell', '2', '--experts', 'ann,bob', '--reviewers', 'rita', '--as', 'cora']);
const [header, ...lines] = cli(['round', 'export', 'W', '--as', 'cora', '--format', 'csv']).trim().split(/\r?\n/);
const columns = header.split(',');
const rows = ['iso3,indicator,expert,score,justification,change_reason'];
lines.forEach((line, k) => {
  const cell = line.split(',');
  const [iso3, indicator] = [cell[columns.indexOf('iso3')], cell[columns.indexOf('indicator')]];
  const s = 1 + (k % 19) / 2;
  rows.push(`${iso3},${indicator},ann,${s},Field notes.,bench`, `${iso3},${indicator},bob,${Math.min(10, s + 0.5)},Field notes.,bench`);
});
writeFileSync(join(dir, 'drafts.csv'), rows.join('\n') + '\n');
cli(['round', 'import', 'W', '--file', join(dir, 'drafts.csv'), '--as', 'cora']);
cli(['round', 'phase', 'W', 'review_open', '--as', 'cora']);

const server = spawn(binary, ['serve', '--host', '127.0.0.1', '--port', '0', '--db', db, '--web', webDir], { stdio: ['ignore', 'ignore', 'pipe'], env });
const base = await new Promise((resolve, reject) => {
  let seen = '';
  server.stderr.on('data', (chunk) => {
    seen += chunk;
    const m = /http:\/\/127\.0\.0\.1:(\d+)/.exec(seen);
    if (m) resolve(`http://127.0.0.1:${m[1]}/`);
  });
  server.on('exit', (code) => reject(new Error(`server exited (${code}): ${seen}`)));
});
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });

async function timed(user, hash, ready, inner) {
  const res = await fetch(`${base}api/v1/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user, password: PASSWORD }) });
  const [pair] = res.headers.get('set-cookie').split(';');
  const [name, value] = pair.split('=');
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });  // empty cache
  await context.addCookies([{ name, value, url: base }]);
  const page = await context.newPage();
  // The moment the page is ready is taken in the page: when `ready` first matches, then
  // the frame that paints it (the second animation frame after). Playwright's own
  // waitForSelector polls, and would add its polling interval to the figure.
  await page.addInitScript((sel) => {
    new MutationObserver((_, obs) => {
      if (!document.querySelector(sel)) return;
      obs.disconnect();
      window.__inDom = performance.now();
      requestAnimationFrame(() => requestAnimationFrame(() => { window.__painted = performance.now(); }));
    }).observe(document, { subtree: true, childList: true, attributes: true });
  }, ready);
  await page.goto(base + hash);
  await page.waitForSelector(ready, { timeout: 30000 });
  await page.waitForFunction(() => window.__painted !== undefined);
  const ms = await page.evaluate(() => window.__painted);  // since navigation start
  if (inner) inner.push(Number(await page.locator('.page').getAttribute('data-render-ms')));
  if (process.env.PHASES) {  // when each file and API answer arrived, to see what the time went to
    const entries = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => [e.name.replace(/^.*\/(assets|api\/v1)\//, ''), Math.round(e.startTime), Math.round(e.responseEnd)]));
    const inDom = await page.evaluate(() => window.__inDom);
    console.error(`${hash} painted at ${ms.toFixed(0)} ms (in the DOM at ${inDom.toFixed(0)}): ${entries.map(([n, a, b]) => `${n} ${a}-${b}`).join(', ')}`);
  }
  await context.close();
  return ms;
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return `median ${s[s.length >> 1].toFixed(0)} ms, min ${s[0].toFixed(0)}, max ${s[s.length - 1].toFixed(0)} (${xs.map((x) => x.toFixed(0)).join(', ')})`;
};
try {
  const score = [], calibrate = [], drawing = [];
  for (let i = 0; i < runs; i++) {
    score.push(await timed('ann', '#/score/W/KAZ', '.page:not([aria-busy]) #score-human_trafficking:not([disabled]), .page:not([aria-busy]) #score-human_trafficking'));
    calibrate.push(await timed('cora', '#/calibrate/W/human_trafficking', '.page:not([aria-busy]) #calibration[data-rows="193"]', drawing));
  }
  console.log(`scoring page, one country (32 cells), cold cache: ${stats(score)}`);
  console.log(`calibration view, 193 countries, cold cache:    ${stats(calibrate)}`);
  console.log(`  of which drawing the 193 rows once the data is in: ${stats(drawing)}`);
} finally {
  await browser.close();
  server.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
