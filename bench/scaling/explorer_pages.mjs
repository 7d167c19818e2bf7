// How long the explorer's pages take on a large index, in Debian's chromium: for each
// page, the time until it is drawn ("ready": no longer aria-busy) and every API request
// it made (start, duration, bytes). Requests still running when it is drawn (the rank
// intervals' uncertainty experiment) are waited for and listed, not counted in "ready".
// Usage: node bench/scaling/explorer_pages.mjs <ocindex> <web build folder> <db> <hash>...
//   e.g. ... build/release/ocindex build/release/web /tmp/big.db '#/rankings?edition=2030'
// The web folder's node_modules provides playwright-core; the server binds 127.0.0.1.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web');
const { chromium } = createRequire(join(web, 'package.json'))('playwright-core');
const { startServer } = await import(join(web, 'tests', 'serve.mjs'));

const [binary, webDir, db, ...hashes] = process.argv.slice(2);
if (!hashes.length) {
  console.error('usage: explorer_pages.mjs <ocindex> <web dir> <db> <hash>...');
  process.exit(2);
}
const server = await startServer(binary, db, webDir);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--headless'] });
try {
  for (const hash of hashes) {
    const page = await browser.newPage();  // a fresh page each: its requests alone
    const t0 = Date.now();
    await page.goto(server.base + hash, { timeout: 600000 });
    await page.waitForSelector('.page:not([aria-busy])', { timeout: 600000 });
    const ready = Date.now() - t0;
    await page.waitForLoadState('networkidle', { timeout: 600000 });
    const rows = await page.locator('tbody tr').count();
    console.log(`${hash}: ready ${ready} ms, ${rows} table rows`);
    const requests = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/'))
      .map((e) => [e.name.replace(/^.*\/api\/v1\//, ''), Math.round(e.startTime), Math.round(e.duration), e.encodedBodySize]));
    for (const [path, start, took, bytes] of requests) console.log(`  ${path}: from ${start} ms, ${took} ms, ${(bytes / 1e6).toFixed(2)} MB`);
    await page.close();
  }
} finally {
  await browser.close();
  server.child.kill('SIGTERM');
}
