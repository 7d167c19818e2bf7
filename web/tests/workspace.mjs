// Browser test of the assessment workspace (web/src/workspace/): starts `ocindex serve` on 127.0.0.1 with a
// fresh database and users made with the CLI, drives Debian's chromium through playwright-core through a whole
// small round — the coordinator creates and staffs it, two experts score (one on a phone), one write conflicts
// (412, both versions shown), a draft and a narrative typed offline survive the closed tab, a reviewer challenges, the
// coordinator settles and publishes, and the explorer shows the new edition — and writes screenshots of every
// workspace page at desktop and phone sizes, checking each with axe-core (no serious or critical violation).
// Usage: node web/tests/workspace.mjs <ocindex binary> <web build folder> <db path> <screenshot folder>
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';

const [binary, webDir, dbPath, shotDir] = process.argv.slice(2);
if (!shotDir) {
  console.error('usage: workspace.mjs <ocindex> <web dir> <db> <screenshot dir>');
  process.exit(2);
}
mkdirSync(shotDir, { recursive: true });
rmSync(dbPath, { force: true });
// Evaluated through the DevTools protocol, which the pages' Content-Security-Policy (no
// inline scripts) does not govern: a script tag would be refused, as it should be.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const failures = [];
const check = (ok, what) => { console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`); if (!ok) failures.push(what); };
const PASSWORD = 'correct horse battery';
const ROUND = 'r2027';
const env = { ...process.env, OCINDEX_PASSWORD_COST: 'minimum' };
const cli = (args, input) => {
  const run = spawnSync(binary, [...args, '--db', dbPath], { encoding: 'utf8', input, env });
  if (run.status !== 0) throw new Error(`ocindex ${args.join(' ')}: ${run.stderr}`);
  return run.stdout;
};
for (const [user, role] of [['cora', 'coordinator'], ['ann', 'expert'], ['bob', 'expert'], ['rita', 'reviewer']]) {
  cli(['user', 'add', user, '--role', role, '--password-stdin'], `${PASSWORD}\n`);
}


// An API client with its own session, as a script or another device would be.
async function apiAs(base, user) {
  const res = await fetch(`${base}api/v1/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user, password: PASSWORD }) });
  const cookie = res.headers.get('set-cookie').split(';')[0];
  const { csrf_token: csrf } = await res.json();
  return async (method, path, body, version) => {
    const headers = { Cookie: cookie, 'X-CSRF-Token': csrf };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (version !== undefined) headers['If-Match'] = `"v${version}"`;
    const r = await fetch(`${base}api/v1/${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await r.text();
    return { status: r.status, body: text ? JSON.parse(text) : null };
  };
}

const viewports = { desktop: { width: 1366, height: 768 }, phone: { width: 390, height: 844 } };
let server, browser;
const watchdog = setTimeout(() => { console.error('FAIL workspace browser test took over 240 s'); server?.child.kill('SIGTERM'); process.exit(1); }, 240000);

try {
  server = await startServer(binary, dbPath, webDir, env);
  const base = server.base;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  // One browser context per person: separate cookies and localStorage.
  const person = async (viewport = viewports.desktop) => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    page.setDefaultTimeout(10000);
    page.on('pageerror', (err) => check(false, `page error: ${err.message}`));
    return { context, page };
  };
  const open = async (page, hash) => {
    await page.goto(base + hash);
    await page.waitForSelector('.page:not([aria-busy])', { timeout: 15000 });
  };
  const signIn = async (page, user) => {
    await page.fill('#signin-user', user);
    await page.fill('#signin-password', PASSWORD);
    await page.click('#signin-submit');
    await page.waitForSelector('.page:not([aria-busy]) h1:not(#signin-title)', { timeout: 15000 });
  };
  const axe = async (page, name) => {
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]?.target}`));
    check(violations.length === 0, `${name}: no serious or critical accessibility violation ${violations.join('; ')}`);
  };
  const shots = new Set();
  const shoot = async (page, name) => {
    const original = page.viewportSize();
    for (const [size, viewport] of Object.entries(viewports)) {
      await page.setViewportSize(viewport);
      await page.waitForTimeout(100);
      const height = Math.min(viewport.height * 3, await page.evaluate(() => document.documentElement.scrollHeight));
      await page.screenshot({ path: join(shotDir, `ws-${name}-${size}.png`), fullPage: true, clip: { x: 0, y: 0, width: viewport.width, height } });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      check(overflow <= 0, `${name} at ${size}: no sideways scrolling of the page (${overflow}px)`);
    }
    await page.setViewportSize(original);
    await axe(page, name);
    shots.add(name);
  };

  // 1. The coordinator signs in, creates the round and staffs it.
  const cora = await person();
  await open(cora.page, '#/coordinate');
  check(await cora.page.locator('#signin-user').count() === 1, 'a workspace page without a session asks to sign in');
  await shoot(cora.page, 'signin');
  await signIn(cora.page, 'cora');
  await cora.page.fill('#new-id', ROUND);
  await cora.page.fill('#new-edition', '2027');
  await cora.page.selectOption('#new-baseline', '2025');
  await cora.page.fill('#new-countries', 'KAZ, UZB');
  await cora.page.click('#create-round');
  await cora.page.waitForURL(new RegExp(`#/coordinate/${ROUND}`));
  await cora.page.waitForSelector('#staff-experts');
  await cora.page.fill('#staff-experts', 'ann, bob');
  await cora.page.fill('#staff-per-cell', '2');
  await cora.page.fill('#staff-reviewers', 'rita');
  await cora.page.click('#staff-submit');
  await cora.page.waitForFunction(() => /\d+ cells · 2 sections/.test(document.querySelector('.page:not([aria-busy]) p.note')?.textContent ?? ''));
  check(true, 'the coordinator created and staffed the round (every cell, 2 sections)');

  // 2. Two experts score: ann on a laptop, bob on a phone.
  const ann = await person();
  await open(ann.page, '#/work');
  await signIn(ann.page, 'ann');
  check(await ann.page.locator('#worklist .work-country').count() === 2, 'ann\'s worklist holds KAZ and UZB');
  await shoot(ann.page, 'worklist');
  await ann.page.click('.work-country[data-iso3="KAZ"] a.button');
  await ann.page.waitForSelector('#score-human_trafficking');
  const criminalityBefore = await ann.page.locator('#preview-table [data-after="criminality"]').textContent();
  await ann.page.fill('#score-human_trafficking', '9');
  await ann.page.fill('#just-human_trafficking', 'Court records and two field interviews.');
  await ann.page.fill('#reason-human_trafficking', 'new court data');
  await ann.page.waitForSelector('#status-human_trafficking[data-saved]');
  await ann.page.waitForFunction((before) => document.querySelector('#preview-table [data-after="criminality"]')?.textContent !== before, criminalityBefore);
  check(true, 'ann\'s draft is saved and the composites are recomputed by the API');
  // Keyboard only: the score steps by 0.5 with the arrow keys.
  await ann.page.focus('#score-human_smuggling');
  await ann.page.fill('#score-human_smuggling', '5');
  await ann.page.keyboard.press('ArrowUp');
  check(await ann.page.inputValue('#score-human_smuggling') === '5.5', 'the arrow keys step a score by 0.5');
  await ann.page.fill('#score-human_smuggling', '');
  await shoot(ann.page, 'score');

  const bob = await person(viewports.phone);
  await open(bob.page, `#/score/${ROUND}/KAZ`);
  await signIn(bob.page, 'bob');
  await bob.page.waitForSelector('#score-human_trafficking');
  check(await bob.page.locator('#cell-human_trafficking .expert-card').count() === 0 && !/9/.test(await bob.page.inputValue('#score-human_trafficking')),
    'bob does not see ann\'s draft before review opens');
  await bob.page.fill('#score-human_trafficking', '5');
  await bob.page.fill('#just-human_trafficking', 'Few prosecutions; NGO reports are thin.');
  await bob.page.fill('#reason-human_trafficking', 'fewer prosecutions');
  await bob.page.waitForSelector('#status-human_trafficking[data-saved]');
  check(true, 'bob scores on a 390 px phone');

  // 3. A conflict: bob's draft moved the cell on, so ann's next edit on the version she read is stale (412).
  await ann.page.fill('#just-human_trafficking', 'Court records, two field interviews and a 2026 trial.');
  await ann.page.waitForSelector('#conflict-human_trafficking .conflict');
  const conflict = await ann.page.locator('#conflict-human_trafficking .conflict').textContent();
  check(/changed elsewhere/.test(conflict) && /a 2026 trial/.test(conflict) && /Court records and two field interviews\./.test(conflict),
    'a 412 shows the message and both versions (ann\'s unsaved draft and the stored one)');
  await shoot(ann.page, 'score-conflict');
  await ann.page.click('#conflict-human_trafficking button:has-text("Keep my draft")');
  await ann.page.waitForFunction(() => /Saved as version/.test(document.querySelector('#status-human_trafficking')?.textContent ?? ''));
  check(true, 'keeping one\'s draft after a conflict saves it on the new version');

  // 4. Nothing is lost: a draft typed offline, the tab closed before it could be sent, arrives when the site opens again.
  await ann.page.goto(`${base}#/score/${ROUND}/UZB`);
  await ann.page.waitForSelector('#score-heroin_trade');
  await ann.context.setOffline(true);
  await ann.page.fill('#score-heroin_trade', '7.5');
  await ann.page.fill('#just-heroin_trade', 'Seizures on the northern route rose again.');
  await ann.page.fill('#reason-heroin_trade', 'new seizure data');
  await ann.page.waitForFunction(() => /kept in this browser/i.test(document.querySelector('#save-status')?.textContent ?? ''));
  const kept = await ann.page.evaluate(() => localStorage.getItem('ocindex.drafts.ann'));
  check(/7\.5/.test(kept ?? ''), 'the offline draft is in localStorage');
  await ann.page.close();
  await ann.context.setOffline(false);
  const annApi = await apiAs(base, 'ann');
  const before = await annApi('GET', `rounds/${ROUND}/cells/UZB/heroin_trade`);
  check(before.body.submissions.length === 0, 'the server has not got the draft while the tab was offline');
  ann.page = await ann.context.newPage();
  await open(ann.page, '#/map');
  let arrived = null;
  for (let i = 0; i < 50 && !arrived; i++) {
    const cell = await annApi('GET', `rounds/${ROUND}/cells/UZB/heroin_trade`);
    arrived = cell.body.submissions.find((s) => s.expert === 'ann') ?? null;
    if (!arrived) await new Promise((r) => setTimeout(r, 200));
  }
  check(arrived?.score === 7.5 && /northern route/.test(arrived?.justification ?? ''), 'reopening the site delivers the draft the closed tab held');

  // The narrative editor: what is written renders as the profile prints it.
  await open(ann.page, `#/write/${ROUND}/KAZ/summary`);
  await ann.page.fill('#narrative-text', 'Kazakhstan remains a transit\ncountry for heroin.\n\nCourts convicted more traffickers.');
  await ann.page.waitForFunction(() => document.querySelectorAll('#narrative-preview p').length === 2);
  const first = await ann.page.locator('#narrative-preview p').first().textContent();
  check(first === 'Kazakhstan remains a transit country for heroin.', `the preview re-flows lines as profile import does (${first})`);
  await shoot(ann.page, 'narrative');
  // A narrative typed offline survives the closed tab too: the section sends it when it opens again.
  await ann.context.setOffline(true);
  await ann.page.fill('#narrative-text', 'Kazakhstan remains a transit\ncountry for heroin.\n\nCourts convicted more traffickers.\n\nWritten on a train, offline.');
  await ann.page.waitForFunction(() => /kept in this browser/.test(document.querySelector('#narrative-status')?.textContent ?? ''));
  await ann.page.close();
  await ann.context.setOffline(false);
  const unsent = await annApi('GET', `rounds/${ROUND}/countries/KAZ`);
  check(!/on a train/.test(unsent.body.sections.find((x) => x.section === 'summary')?.text ?? ''), 'the server has not got the offline narrative');
  ann.page = await ann.context.newPage();
  await open(ann.page, `#/write/${ROUND}/KAZ/summary`);
  await ann.page.waitForFunction(() => /Saved as version/.test(document.querySelector('#narrative-status')?.textContent ?? ''));
  const sent = await annApi('GET', `rounds/${ROUND}/countries/KAZ`);
  check(/on a train/.test(sent.body.sections.find((x) => x.section === 'summary')?.text ?? ''), 'reopening the section sends the narrative the closed tab held');

  // The rest of the drafts arrive offline in bulk (ocindex round import), as teams that collect on paper send them.
  const framework = await (await fetch(`${base}api/v1/editions/2025/framework`)).json();
  const indicators = [];
  const walk = (ms) => { for (const m of ms) { if (m.kind === 'indicator') indicators.push(m.id); walk(m.children ?? []); } };
  walk(framework.measures);
  const rows = ['iso3,indicator,expert,score,justification,change_reason'];
  for (const iso3 of ['KAZ', 'UZB']) {
    for (const indicator of indicators) {
      for (const expert of ['ann', 'bob']) {
        const drafted = (iso3 === 'KAZ' && indicator === 'human_trafficking') || (iso3 === 'UZB' && indicator === 'heroin_trade' && expert === 'ann');
        if (!drafted) rows.push(`${iso3},${indicator},${expert},${expert === 'ann' ? 5 : 5.5},Imported from the field notes.,offline round`);
      }
    }
  }
  const csv = join(dirname(dbPath), 'workspace-drafts.csv');
  writeFileSync(csv, rows.join('\n') + '\n');
  cli(['round', 'import', ROUND, '--file', csv, '--as', 'cora']);
  const uzb = await annApi('PUT', `rounds/${ROUND}/sections/UZB/summary/text`, { text: 'Uzbekistan is a transit country.' }, 0);
  check(uzb.status === 200, 'the other summary is written through the API');

  // 5. Review: the coordinator submits every drafted item and opens review; the reviewer challenges.
  await open(cora.page, `#/coordinate/${ROUND}`);
  await cora.page.click('[data-bulk="draft-submitted"]');
  await cora.page.waitForSelector('#coordinate-status[data-done="draft-submitted"]', { timeout: 30000 });
  await cora.page.click('#phase-next');
  await cora.page.waitForSelector('.phases li[aria-current="step"]:has-text("review open")');
  const rita = await person();
  await open(rita.page, `#/review/${ROUND}?cell=KAZ/human_trafficking`);
  await signIn(rita.page, 'rita');
  await rita.page.waitForSelector('#cell-panel');
  check(await rita.page.locator('#cell-panel .expert-card').count() === 2, 'once review is open the reviewer sees both experts side by side');
  await rita.page.click('#cell-panel [data-move="in_review"]');
  await rita.page.waitForSelector('#cell-panel .state-in_review');
  await rita.page.fill('#thread-text', '9 and 5 are far apart: which trials does the 9 rest on?');
  await rita.page.click('#thread-open');
  await rita.page.waitForSelector('#cell-panel .thread');
  await rita.page.fill('#move-reason', 'Spread of 4: please reconcile the evidence.');
  await rita.page.click('#cell-panel [data-move="draft"]');
  await rita.page.waitForSelector('#cell-panel .state-draft');
  check(true, 'the reviewer comments and challenges the wide cell');
  await shoot(rita.page, 'review');
  await open(rita.page, `#/cell/${ROUND}/KAZ/human_trafficking`);
  await shoot(rita.page, 'cell');
  // bob revises the challenged cell and submits it again.
  const bobApi = await apiAs(base, 'bob');
  const challenged = await bobApi('GET', `rounds/${ROUND}/cells/KAZ/human_trafficking`);
  const revised = await bobApi('PUT', `rounds/${ROUND}/cells/KAZ/human_trafficking/submission`, { score: 8, justification: 'Two 2026 trials, reconciled with ann.', change_reason: 'trials' }, challenged.body.version);
  const resubmitted = await bobApi('POST', `rounds/${ROUND}/cells/KAZ/human_trafficking/transition`, { to: 'submitted' }, revised.body.version);
  check(resubmitted.status === 200, 'the expert revises and resubmits the challenged cell');

  // Calibration: one indicator across the round's countries.
  await open(cora.page, `#/calibrate/${ROUND}/human_trafficking`);
  check(await cora.page.locator('#calibration tbody tr').count() === 2, 'calibration lists the indicator in both countries');
  await shoot(cora.page, 'calibrate');

  // 6. The coordinator settles and publishes.
  await open(cora.page, `#/coordinate/${ROUND}`);
  const bulk = async (which) => {
    await cora.page.click(`[data-bulk="${which}"]`);
    await cora.page.waitForSelector(`#coordinate-status[data-done="${which}"]`, { timeout: 30000 });
  };
  await bulk('submitted-in_review');
  await bulk('in_review-agreed');
  for (const phase of ['calibration', 'settled']) {
    await open(cora.page, `#/coordinate/${ROUND}`);
    await cora.page.click('#phase-next');
    await cora.page.waitForSelector(`.phases li[aria-current="step"]:has-text("${phase}")`);
  }
  await bulk('agreed-final');
  await cora.page.click('#publish-preview');
  await cora.page.waitForSelector('#publication-preview');
  check(/raised/.test(await cora.page.locator('#publication-preview').textContent()), 'the publish step shows what changes from the baseline');
  await shoot(cora.page, 'coordinate');
  await cora.page.click('#publish');
  await cora.page.waitForSelector('#published-link', { timeout: 30000 });
  await cora.page.click('#published-link');
  await cora.page.waitForSelector('.page:not([aria-busy]) #edition-timeline');
  const options = await cora.page.locator('#edition-timeline input').evaluateAll((inputs) => inputs.map((i) => i.value));
  check(options.includes('2027') && await cora.page.isChecked('#edition-2027'), `the explorer shows the new edition at once (${options.join(',')})`);
  check(await cora.page.locator('#rankings tbody tr').count() === 2, 'edition 2027 ranks the round\'s two countries');

  // The remaining pages, for their screenshots.
  await open(cora.page, '#/coordinate');
  await shoot(cora.page, 'coordinate-rounds');
  await open(ann.page, '#/account');
  await shoot(ann.page, 'account');
  check(shots.size === 11, `screenshots of every workspace page at both sizes (${[...shots].join(', ')})`);
} catch (err) {
  check(false, `workspace browser test aborted: ${err.stack ?? err}`);
} finally {
  clearTimeout(watchdog);
  await browser?.close().catch(() => {});
  server?.child.kill('SIGTERM');
}
console.log(failures.length ? `${failures.length} check(s) failed` : 'all workspace checks passed');
process.exit(failures.length ? 1 : 0);
