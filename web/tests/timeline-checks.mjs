// Browser checks of time (issue 17, item 3): the country page's chart of a measure across
// the editions for the country, its peers and added countries, raw and like-for-like,
// its state in the URL through Back and Forward; and the rankings' edition timeline.

export async function checkTimeline({ page, open, check, base, shoot }) {
  const json = async (path) => (await fetch(`${base}api/v1/${path}`)).json();
  const table = () => page.locator('#timeline-table tbody tr').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-iso3'), ...[...r.querySelectorAll('td')].map((td) => td.textContent)]));
  const expect = (traces, key) => traces.map((t) => [t.iso3, ...t[key].map((v) => (v === null ? 'n/a' : v.toFixed(2)))]);

  await open('#/country/KAZ?edition=2025');
  await page.waitForSelector('#timeline svg.timeline-chart');
  const peers = (await json('editions/2025/countries/KAZ/peers?on=all&trace=criminality&count=3')).trajectories;
  check(JSON.stringify(await table()) === JSON.stringify(expect(peers.countries, 'raw')) && peers.editions.length === 3,
    `the timeline draws Kazakhstan and its three peers across ${peers.editions.join(' → ')}, as published`);
  check(await page.locator('#timeline svg g.trace').count() === 4, 'one line per country');
  await page.selectOption('#sel-basis', 'like');
  await page.waitForFunction(() => /basis=like/.test(location.hash));
  await page.waitForFunction((want) => JSON.stringify([...document.querySelectorAll('#timeline-table tbody tr')].map((r) => [r.getAttribute('data-iso3'), ...[...r.querySelectorAll('td')].map((td) => td.textContent)])) === want,
    JSON.stringify(expect(peers.countries, 'like_for_like')));
  check(true, 'like-for-like shows the figures on the indicators every edition shares');
  await page.selectOption('#sel-trace', 'resilience');
  await page.fill('#timeline-add', 'Mongolia');
  await page.press('#timeline-add', 'Enter');
  await page.waitForSelector('#timeline g.trace[data-iso3="MNG"]');
  const mongolia = (await json('editions/2025/countries/MNG/peers?on=all&trace=resilience&count=1')).trajectories.countries[0];
  const row = (await table()).find((r) => r[0] === 'MNG');
  check(JSON.stringify(row) === JSON.stringify(expect([mongolia], 'like_for_like')[0]), `an added country is drawn with its own figures (${row.join(' ')})`);
  const url = decodeURIComponent(page.url());
  check(/trace=resilience/.test(url) && /with=[A-Z,]*MNG/.test(url), `the measure and the countries are in the URL (${url})`);
  await shoot('country-timeline', '#timeline');
  await page.goto(`${base}#/rankings?edition=2025`);
  await page.waitForSelector('.page:not([aria-busy]) #rankings');
  await page.goBack();
  await page.waitForSelector('#timeline g.trace[data-iso3="MNG"]');
  check(await page.inputValue('#sel-basis') === 'like' && await page.inputValue('#sel-trace') === 'resilience', 'Back restores the timeline: measure, basis and countries');
  // An indicator: each edition's published score, from the scores.
  await page.selectOption('#sel-trace', 'heroin_trade');
  // The table drawn for heroin (its caption names the measure), not the one before it, still on screen while the scores load.
  await page.waitForFunction(() => /trace=heroin_trade/.test(location.hash) && /^Heroin/.test(document.querySelector('#timeline-table caption')?.textContent ?? '')
    && document.querySelector('#timeline-table tbody tr[data-iso3="MNG"]'));
  const heroin = await Promise.all(peers.editions.map(async (e) => (await json(`editions/${e}/scores`)).rows.find((r) => r.iso3 === 'KAZ').values.heroin_trade));
  const kazHeroin = (await table()).find((r) => r[0] === 'KAZ');
  check(JSON.stringify(kazHeroin) === JSON.stringify(['KAZ', ...heroin.map((v) => (v === null ? 'n/a' : v.toFixed(2)))]), `an indicator is drawn from each edition's scores (${kazHeroin.join(' ')})`);
  await page.click('#timeline button[aria-label="Remove Mongolia"]');
  await page.waitForFunction(() => !document.querySelector('#timeline g.trace[data-iso3="MNG"]'));
  check(!/MNG/.test(page.url()), 'removing a country takes it off the chart and out of the URL');

  // The rankings' timeline of editions; Back returns to the edition before.
  await open('#/rankings?edition=2021');
  await page.click('label:has(#edition-2025)');
  await page.waitForFunction(() => /edition=2025/.test(location.hash) && document.querySelector('.page:not([aria-busy]) h1')?.textContent.includes('2025'));
  check(await page.isChecked('#edition-2025'), 'the rankings\' timeline moves to 2025');
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('.page:not([aria-busy]) h1')?.textContent.includes('2021'));
  check(await page.isChecked('#edition-2021'), 'Back returns the rankings to 2021');
}
