// Browser checks of country profiles (run by browser.mjs, whose server has the fixture narrative
// tests/fixtures/valdoria-profile.md imported for KAZ 2021 and 2023): the narrative on the country page,
// the "no narrative" state, and the printable profile against `ocindex profile export --format pdf`.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const NARRATIVE_FIXTURE = new URL('./fixtures/valdoria-profile.md', import.meta.url).pathname;

/** Stores the fixture narrative for a country and edition with the real CLI, before the server starts. */
export function importNarrative(binary, dbPath, iso3, edition) {
  const run = spawnSync(binary, ['profile', 'import', NARRATIVE_FIXTURE, '--country', iso3, '--edition', String(edition), '--db', dbPath,
    '--note', 'browser test'], { env: { ...process.env, OCINDEX_AUTHOR: 'browser-test' }, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`profile import failed (${run.status}): ${run.stderr}`);
}

/**
 * The words of a PDF (pdftotext's reading order) without the page folio, as counts; hyphens dropped, since a
 * line may break at "cross-" in one document and not in the other.
 */
function pdfWords(file, folio) {
  const run = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const counts = new Map();
  const text = run.stdout.split(folio).join(' ').replace(/Page \d+/g, ' ');
  for (const word of text.split(/\s+/).filter(Boolean).map((w) => w.replace(/-/g, ''))) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/** Words whose counts differ between two pdfWords results, as "word: a/b". */
function wordDifferences(a, b) {
  return [...new Set([...a.keys(), ...b.keys()])].filter((w) => (a.get(w) ?? 0) !== (b.get(w) ?? 0))
    .map((w) => `${w}: ${a.get(w) ?? 0}/${b.get(w) ?? 0}`);
}

function pdfText(file) {
  // -layout keeps a table row on one line (the default reading order splits tables into columns).
  const run = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`pdftotext ${file} (poppler-utils, tools/setup.sh): ${run.error?.message ?? run.stderr}`);
  return run.stdout.replace(/\s+/g, ' ');
}

/** The first needle not found after the previous one in `text`; null when all are there in that order. */
function missingInOrder(text, needles) {
  let at = 0;
  for (const needle of needles) {
    const found = text.indexOf(needle, at);
    if (found < 0) return needle;
    at = found + needle.length;
  }
  return null;
}

const firstWords = (text, n) => text.split(/\s+/).slice(0, n).join(' ');

const rankText = (r) => `${r.tied ? '=' : ''}${r.position}/${r.of}`;

/**
 * What a profile shows, in the PDF's order, from the API: title, quadrant, ranks (the criminality world rank, with
 * the previous edition's and the move when there is one), scores (both pillar rows), the chart, each section's title
 * with its first words, the footer, the provenance.
 */
async function expectedOrder(base, edition, iso3) {
  const get = async (path) => (await fetch(`${base}api/v1/${path}`)).json();
  const [p, n] = await Promise.all([get(`editions/${edition}/countries/${iso3}`), get(`editions/${edition}/countries/${iso3}/narrative`)]);
  const old = p.previous_edition === null ? null : await get(`editions/${p.previous_edition}/countries/${iso3}`);
  const pillar = (profile, id) => profile.measures.find((m) => m.id === id);
  const world = pillar(p, 'criminality').ranks.world;
  const before = old && pillar(old, 'criminality').ranks.world;
  const move = before && before.position - world.position;
  const scoreRow = (id) => {
    const m = pillar(p, id);
    const cells = [m.value, m.means.region, m.means.world].map((v) => v.toFixed(2));
    if (old) cells.push(m.change.previous.toFixed(2));
    return `${m.name} ${cells.join(' ')}`;
  };
  return [
    `${p.name} (${p.iso3})`, `Quadrant: ${p.quadrant.label}`,
    'Ranks', `World ${rankText(world)}${before ? ` ${rankText(before)} ${move > 0 ? '+' : ''}${move}` : ''}`,
    'Scores', scoreRow('criminality'), scoreRow('resilience'),
    'Indicators', 'criminality indicator',
    ...n.sections.map((s) => `${s.title} ${firstWords(s.paragraphs[0], 4)}`),
    n.footer, n.provenance,
  ];
}

export async function checkProfiles({ page, open, check, base, problems, binary, dbPath, shotDir }) {
  // The narrative under the scores, in framework order, with its footer.
  await open('#/country/KAZ?edition=2021');
  const api = await (await fetch(`${base}api/v1/editions/2021/countries/KAZ/narrative`)).json();
  const titles = await page.locator('#narrative .narrative-section h3').allTextContents();
  check(titles.length === api.sections.length && titles.every((t, i) => t === api.sections[i].title),
    `country page shows the ${api.sections.length} narrative sections in order (${titles.join(', ')})`);
  check((await page.locator('#narrative .narrative-footer').textContent()) === api.footer, 'country page shows the narrative footer');
  const cards = await page.locator('.cards').boundingBox();
  const narrative = await page.locator('#narrative').boundingBox();
  check(cards && narrative && narrative.y > cards.y, 'the narrative comes under the scores');
  // Keyboard: a contents link moves focus to its section and leaves the route alone.
  await page.locator('.narrative-contents a', { hasText: 'Drugs' }).focus();
  await page.keyboard.press('Enter');
  check(await page.evaluate(() => document.activeElement?.id === 'narrative-drugs' && location.hash === '#/country/KAZ?edition=2021'),
    'Enter on a contents link focuses its section');
  await page.locator('#narrative').screenshot({ path: join(shotDir, 'country-narrative-desktop.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator('#narrative').screenshot({ path: join(shotDir, 'country-narrative-phone.png') });
  await page.setViewportSize({ width: 1366, height: 768 });

  // No narrative stored: a clear message, and the one 404 is the narrative's.
  problems.length = 0;
  await open('#/country/UZB?edition=2021');
  const none = await page.locator('#narrative-none').textContent();
  const unexpected = problems.filter((p) => !/\/narrative\b/.test(p) && !/status of 404/.test(p));
  check(/No narrative has been published for Uzbekistan in the 2021 edition/.test(none ?? '') && !/ocindex/.test(none ?? '') && unexpected.length === 0,
    `a country without a narrative says so, with no command line for a reader (${none}) ${unexpected.join('; ')}`);
  await page.locator('#narrative').screenshot({ path: join(shotDir, 'country-no-narrative-desktop.png') });

  // Without a narrative the printable profile is scores-only and says so in the PDF's words.
  await open('#/profile/UZB?edition=2021');
  const scoresOnly = await page.locator('.doc-provenance').textContent();
  const markdown = spawnSync(binary, ['profile', 'show', 'UZB', '--edition', '2021', '--format', 'md', '--db', dbPath], { encoding: 'utf8' });
  check((await page.locator('.narrative-section').count()) === 0, 'a scores-only profile has no sections');
  check(markdown.status === 0 && !!scoresOnly && markdown.stdout.includes(scoresOnly), `a scores-only profile ends as the CLI's does (${scoresOnly})`);

  // The printable profile prints what the PDF shows, in the same order: 2021 has no previous edition, 2023 does.
  for (const edition of [2021, 2023]) {
    await open(`#/profile/KAZ?edition=${edition}`);
    const printed = join(shotDir, `profile-KAZ-${edition}-print.pdf`);
    const exported = join(shotDir, `profile-KAZ-${edition}-cli.pdf`);
    await page.pdf({ path: printed, preferCSSPageSize: true, printBackground: true });
    const run = spawnSync(binary, ['profile', 'export', 'KAZ', '--edition', String(edition), '--format', 'pdf', '-o', exported, '--db', dbPath], { encoding: 'utf8' });
    check(run.status === 0, `ocindex profile export writes the ${edition} PDF ${run.status ? run.stderr : ''}`);
    const needles = await expectedOrder(base, edition, 'KAZ');
    const missingPdf = missingInOrder(pdfText(exported), needles);
    const missingPrint = missingInOrder(pdfText(printed), needles);
    check(missingPdf === null, `${edition}: the CLI's PDF has the ${needles.length} landmarks in order${missingPdf ? ` (not after the previous: "${missingPdf}")` : ''}`);
    check(missingPrint === null, `${edition}: the printed profile has the same ${needles.length} landmarks in the same order${missingPrint ? ` (not after the previous: "${missingPrint}")` : ''}`);
    const folio = `Kazakhstan · ${(await (await fetch(`${base}api/v1/editions/${edition}/framework`)).json()).name} country profile`;
    const printedWords = pdfWords(printed, folio);
    const differences = wordDifferences(printedWords, pdfWords(exported, folio));
    const total = [...printedWords.values()].reduce((sum, n) => sum + n, 0);
    check(differences.length === 0, `${edition}: the printed profile and the CLI's PDF hold the same ${total} words${differences.length ? ` (printed/CLI: ${differences.slice(0, 8).join(', ')})` : ''}`);
    // Pages as pictures, to look at side by side.
    for (const [file, name] of [[printed, 'print'], [exported, 'cli']]) {
      spawnSync('pdftoppm', ['-png', '-r', '60', file, join(shotDir, `profile-KAZ-${edition}-${name}`)]);
    }
  }
}
