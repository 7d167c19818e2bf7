// Browser checks of the uncertainty the explorer shows (issue 17, item 4): dot-and-whisker
// rank intervals on the rankings (sortable by width, and in the CSV), on the country page
// with score intervals and quadrant probabilities, and on compare, each explained.
import { readFile } from 'node:fs/promises';
import { readDescribedCsv } from './described-csv.mjs';

export async function checkUncertainty({ page, open, check, base, shoot }) {
  const data = await (await fetch(`${base}api/v1/editions/2025/uncertainty`)).json();
  const kaz = data.rows.find((r) => r.iso3 === 'KAZ');
  const label = (i) => { const [lo, hi] = [Math.floor(i.rank_q05), Math.ceil(i.rank_q95)]; return lo === hi ? `${lo}` : `${lo}–${hi}`; };

  // Rankings: a whisker per country; sorting by the interval's width, both ways.
  await open('#/rankings?edition=2025&measure=criminality');
  await page.waitForSelector('#rankings td[data-interval="KAZ"] svg.whisker');
  const kazCell = await page.locator('#rankings td[data-interval="KAZ"]').textContent();
  const kazAlt = await page.locator('#rankings td[data-interval="KAZ"] svg.whisker').getAttribute('aria-label');
  check(kazCell === label(kaz.criminality) && kazAlt.includes(`Rank ${kaz.criminality.nominal_rank} of`), `the rankings draw Kazakhstan's interval ${kazCell} (${kazAlt})`);
  await page.click('button.sort[data-key="width"]');
  const widths = await page.locator('#rankings tbody td.rank-interval').evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-width'))));
  check(widths.length === 193 && widths.every((w, i) => i === 0 || widths[i - 1] <= w) && widths[0] < widths[192], `sorting by interval width puts the narrowest first (${widths[0]} … ${widths[192]})`);
  check(/sort=width/.test(page.url()), 'the sort by width is in the URL');
  await shoot('rankings-by-width');
  await page.click('button.sort[data-key="width"]');
  const wide = await page.locator('#rankings tbody td.rank-interval').evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-width'))));
  check(wide[0] === Math.max(...widths) && wide.every((w, i) => i === 0 || wide[i - 1] >= w), 'sorting again puts the widest first');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#csv')]);
  const file = readDescribedCsv(await readFile(await download.path(), 'utf8'));
  const at = (c) => Number(file.rows.find((r) => r[0] === 'KAZ')[file.header.indexOf(c)]);
  const near = (a, b, d) => Math.abs(a - b) <= d;
  check(file.description.get('Edition') === '2025' && /reference uncertainty experiment/.test(file.description.get('Intervals'))
    && file.rows.length === 193 && near(at('rank_q05'), kaz.criminality.rank_q05, 0.0051) && near(at('rank_q95'), kaz.criminality.rank_q95, 0.0051)
    && near(at('rank_median'), kaz.criminality.rank_median, 0.051) && near(at('value_q95'), kaz.criminality.score_q95, 0.00051),
  `the CSV carries the intervals and says how they were drawn (KAZ ${at('rank_q05')}–${at('rank_q95')}, score to ${at('value_q95')})`);
  check(await page.locator('#uncertainty-explained a[href="api/v1/editions/2025/uncertainty"]').count() === 1, 'the rankings explain the intervals and link to the method');

  // Country page: rank and score intervals on each pillar, quadrant probabilities, the explanation.
  await open('#/country/KAZ?edition=2025');
  await page.waitForSelector('#uncertainty:not([hidden]) #quadrant-probability');
  for (const pillar of ['criminality', 'resilience']) {
    const rank = await page.locator(`#pillar-${pillar} [data-interval="${pillar}"] strong`).textContent();
    const score = await page.locator(`#pillar-${pillar} [data-score-interval="${pillar}"]`).textContent();
    const i = kaz[pillar];
    check(rank === label(i) && score.includes(`${i.score_q05.toFixed(2)}–${i.score_q95.toFixed(2)}`) && await page.locator(`#pillar-${pillar} svg.whisker`).count() === 1,
      `the ${pillar} card draws the rank interval ${rank} and the score interval (${score})`);
  }
  const shares = await page.locator('#quadrant-probability tbody tr').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-quadrant'), parseFloat(r.querySelector('td').textContent)]));
  const expected = Object.entries(kaz.quadrant_probability).map(([q, p]) => [q, Number((p * 100).toFixed(1))]);
  check(JSON.stringify(shares) === JSON.stringify(expected), `the quadrant probabilities are the API's (${shares.map((s) => s.join(' ')).join(', ')})`);
  await page.click('#uncertainty-explained summary');
  check(/90 % of those runs/.test(await page.locator('#uncertainty-explained').textContent()), 'the explanation says what the interval is in plain words');
  await shoot('country-uncertainty');
  await shoot('country-quadrants', '#uncertainty');

  // Compare: one whisker per country and pillar, on one axis.
  await open('#/compare?edition=2025&countries=KAZ,UZB,KGZ');
  await page.waitForSelector('#compare-intervals:not([hidden])');
  const drawn = await page.locator('#compare-intervals li svg.whisker').count();
  const kazCompare = await page.locator('#compare-intervals li[data-iso3="KAZ"][data-pillar="resilience"]').textContent();
  check(drawn === 3 * data.pillars.length && kazCompare.endsWith(label(kaz.resilience)), `compare draws ${drawn} whiskers (Kazakhstan's resilience ${kazCompare})`);
  await shoot('compare-intervals', '#compare-intervals');
}
