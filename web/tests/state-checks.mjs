// Browser checks of state in the URL (issue 17, item 1), page by page: a control changed,
// another page visited, Back restores the control and Forward returns; a reload of the
// shared URL shows the same view; a measure the edition lacks falls back, with a note, on
// each page that takes a measure and an edition; every country search box knows aliases.
// (The map's and the rankings' own state: map-checks.mjs, browser.mjs.)

export async function checkState({ page, open, check, base, shoot }) {
  // Waits until `test` (run in the page, given `arg`) holds and the page is drawn.
  const until = async (test, arg) => {
    await page.waitForFunction(test, arg);
    await page.waitForSelector('.page:not([aria-busy])');
  };
  const heading = () => page.locator('.page h1').textContent();
  const away = async () => {
    await page.goto(`${base}#/clusters?edition=2025&on=criminality`);
    await until(() => document.querySelector('#cluster-table'));
  };
  // Away, Back (restored), Forward (the other page again), Back and a reload (restored again).
  const roundTrip = async (name, restored, shown, arg) => {
    await away();
    await page.goBack();
    await until(restored, arg);
    check(await page.evaluate(shown, arg), `${name}: Back restores it`);
    await page.goForward();
    await until(() => document.querySelector('#cluster-table'));
    check(/#\/clusters/.test(page.url()), `${name}: Forward returns to the page visited`);
    await page.goBack();
    await until(restored, arg);
    await page.reload();
    await until(restored, arg);
    check(await page.evaluate(shown, arg), `${name}: a reload of the shared URL shows the same view`);
  };

  // Indicator: Extortion is measured from 2023 on; in 2021 its parent is shown, with a note.
  await open('#/indicator/extortion_racketeering?edition=2023&with=resilience');
  await page.selectOption('#sel-edition', '2021');
  await until(() => document.querySelector('#measure-note'));
  const indicatorNote = await page.locator('#measure-note').textContent();
  const parent = await page.inputValue('#sel-measure');
  check(/Extortion.*not measured in 2021/.test(indicatorNote ?? '') && parent !== 'extortion_racketeering' && await page.locator('.page .error').count() === 0
    && (await heading()).includes('2021') && await page.locator('#pearson').count() === 1,
  `indicator: switching to 2021 with Extortion selected shows ${parent} with a note, every control kept (${indicatorNote})`);
  check(page.url().includes(`#/indicator/${parent}?edition=2021`), `indicator: the URL names the measure shown (${page.url()})`);
  await shoot('state-indicator-fallback');
  await page.goBack();
  await until(() => document.querySelector('.page h1')?.textContent.includes('2023'));
  check(await page.inputValue('#sel-measure') === 'extortion_racketeering' && !await page.locator('#measure-note').count(), 'indicator: Back returns to Extortion in 2023');
  await page.selectOption('#sel-with', 'cyber');
  await until(() => location.hash.includes('with=cyber'));
  await page.selectOption('#sel-edition', '2021');
  await until(() => document.querySelector('#with-note'));
  check(/not measured in 2021/.test(await page.locator('#with-note').textContent() ?? '') && await page.inputValue('#sel-with') !== 'cyber'
    && await page.inputValue('#sel-measure') !== 'extortion_racketeering', 'indicator: the measure it is set against falls back too, with its own note');
  await shoot('state-indicator-with-fallback', '.page');
  await page.goBack();
  await until(() => document.querySelector('#sel-with')?.value === 'cyber');
  await page.selectOption('#sel-with', 'criminal_markets');
  await until(() => location.hash.includes('with=criminal_markets'));
  await roundTrip('indicator: the measure it is set against', () => document.querySelector('#sel-with')?.value === 'criminal_markets',
    () => document.querySelector('#sel-measure').value === 'extortion_racketeering' && document.querySelector('h1').textContent.includes('2023'));

  // Changes: the measure must be in both editions.
  await open('#/changes?from=2023&to=2025&measure=extortion_racketeering&basis=raw');
  await page.selectOption('#sel-from', '2021');
  await until(() => document.querySelector('#measure-note') && document.querySelector('#risers'));
  const changesNote = await page.locator('#measure-note').textContent();
  const fallback = await page.inputValue('#sel-measure');
  check(/Extortion.*not measured in 2021/.test(changesNote ?? '') && fallback !== 'extortion_racketeering' && await page.locator('.page .error').count() === 0
    && await page.locator('#risers tbody tr').count() > 0, `changes: from 2021 with Extortion selected shows ${fallback} with a note (${changesNote})`);
  await shoot('state-changes-fallback');
  await page.goBack();
  await until(() => document.querySelector('#sel-from')?.value === '2023');
  check(await page.inputValue('#sel-measure') === 'extortion_racketeering', 'changes: Back returns to Extortion from 2023');
  await page.selectOption('#sel-why-country', 'KAZ');
  await until(() => document.querySelector('#sel-why-country')?.value === 'KAZ' && document.querySelector('#why-waterfall'));
  await page.selectOption('#sel-basis', 'like-for-like');
  await until(() => document.querySelector('#sel-basis')?.value === 'like-for-like' && document.querySelector('#why-waterfall'));
  check(await page.inputValue('#sel-why-country') === 'KAZ', 'changes: another basis keeps the country explained');
  await roundTrip('changes: editions, measure, basis and country', () => document.querySelector('#sel-why-country')?.value === 'KAZ',
    () => document.querySelector('#sel-basis').value === 'like-for-like' && document.querySelector('#sel-measure').value === 'extortion_racketeering');
  await shoot('state-changes-restored');

  // Country: another edition keeps the timeline's measure, basis and countries.
  await open('#/country/KAZ?edition=2025&trace=resilience&basis=like&with=MNG');
  await until(() => document.querySelector('#timeline g.trace[data-iso3="MNG"]'));
  await page.selectOption('#sel-edition', '2023');
  await until(() => document.querySelector('.page h1')?.textContent.includes('2023') && document.querySelector('#timeline g.trace[data-iso3="MNG"]'));
  check(await page.inputValue('#sel-trace') === 'resilience' && await page.inputValue('#sel-basis') === 'like', 'country: another edition keeps the timeline\'s measure, basis and countries');
  await page.fill('#timeline-add', 'burma');
  await page.press('#timeline-add', 'Enter');
  await until(() => document.querySelector('#timeline g.trace[data-iso3="MMR"]'));
  check(true, 'country: the timeline\'s "burma" finds Myanmar');
  await roundTrip('country: edition and timeline', () => document.querySelector('#timeline g.trace[data-iso3="MMR"]'),
    () => document.querySelector('h1').textContent.includes('2023') && document.querySelector('#sel-trace').value === 'resilience');
  await shoot('state-country-timeline', '#timeline');

  // The timeline traces a measure every edition has: Extortion (2023 on) by its parent, with a note.
  await open('#/country/KAZ?edition=2025&trace=extortion_racketeering');
  await until(() => document.querySelector('#timeline g.trace'));
  check(/Extortion.*not measured in every edition/.test(await page.locator('#trace-note').textContent() ?? '') && await page.inputValue('#sel-trace') === 'people'
    && /trace=people/.test(page.url()), `country: the timeline traces People for Extortion, with a note (${page.url()})`);
  await shoot('state-timeline-fallback', '#timeline');

  // A country named in words in the URL: the code is found and written; an unknown name is said.
  await open('#/country/turkey?edition=2023');
  await until(() => document.querySelector('#pillar-criminality'));
  check(/#\/country\/TUR\?edition=2023$/.test(page.url()) && (await heading()).startsWith('Türkiye'), `country: "#/country/turkey" opens Türkiye, its URL with the code (${page.url()})`);
  await open('#/profile/ivory%20coast?edition=2023');
  check(/#\/profile\/CIV\?edition=2023$/.test(page.url()) && await page.locator('.page .error').count() === 0, `profile: "ivory coast" opens Côte d'Ivoire's profile (${page.url()})`);
  await open('#/country/narnia');
  check(/No country is called "narnia"/.test(await page.locator('#not-found').textContent() ?? '') && await page.locator('.page .error').count() === 0, 'country: an unknown name is said, not an error');
  await shoot('state-country-unknown');
  await open('#/country/kazakstan?edition=2021');
  await page.click('#not-found a:text-is("Kazakhstan")');
  await until(() => document.querySelector('#pillar-criminality'));
  check(/#\/country\/KAZ\?edition=2021$/.test(page.url()), `country: "did you mean" opens the close name (${page.url()})`);

  // Compare: the countries, the edition and the measure explained; the search knows aliases.
  await open('#/compare?edition=2021&countries=KAZ,UZB');
  for (const [text, iso3] of [['ivory coast', 'CIV'], ['burma', 'MMR'], ['turkey', 'TUR']]) {
    await page.fill('#compare-add', text);
    await page.press('#compare-add', 'Enter');
    await until((code) => document.querySelector(`#compare th[data-iso3="${code}"]`), iso3);
    check(true, `compare: adding "${text}" adds ${iso3}`);
  }
  await page.selectOption('#sel-why', 'resilience');
  await until(() => /why=resilience/.test(location.hash) && document.querySelector('#why-waterfall'));
  await page.selectOption('#sel-edition', '2023');
  await until(() => document.querySelector('.page h1')?.textContent.includes('2023') && document.querySelector('#why-waterfall'));
  check(await page.inputValue('#sel-why') === 'resilience' && await page.locator('#compare th[data-iso3]').count() === 5, 'compare: another edition keeps the countries and the measure explained');
  await roundTrip('compare: countries, edition and measure', () => document.querySelectorAll('#compare th[data-iso3]').length === 5,
    () => document.querySelector('h1').textContent.includes('2023') && document.querySelector('#sel-why').value === 'resilience');
  await shoot('state-compare');

  // Rankings: sort and score range (filters and "turkey": browser.mjs); "ivory coast" and "burma".
  for (const [text, iso3] of [['ivory coast', 'CIV'], ['burma', 'MMR']]) {
    await open(`#/rankings?edition=2025&q=${encodeURIComponent(text)}`);
    await until(() => document.querySelectorAll('#rankings tbody tr').length === 1);
    check(await page.locator('#rankings tbody tr').first().getAttribute('data-iso3') === iso3, `rankings: searching "${text}" finds ${iso3}`);
  }
  await open('#/rankings?edition=2025');
  await page.click('button.sort[data-key="value"]');
  await page.fill('#score-lo', '6');
  await until(() => /from=6/.test(location.hash) && /sort=-value/.test(location.hash));
  const top = await page.locator('#rankings tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-iso3')).join());
  await roundTrip('rankings: sort and score range', () => document.querySelector('#score-lo')?.value === '6',
    (rows) => document.querySelector('th[aria-sort="descending"] [data-key="value"]') !== null
      && [...document.querySelectorAll('#rankings tbody tr')].map((r) => r.getAttribute('data-iso3')).join() === rows, top);
  await shoot('state-rankings-sorted');

  // Matrix, clusters and flows: one control each.
  await open('#/matrix?edition=2021');
  await page.selectOption('#sel-region', 'Central Asia and the Caucasus');
  await until(() => document.querySelector('#sel-region')?.value === 'Central Asia and the Caucasus');
  await roundTrip('matrix: highlighted region', () => document.querySelector('#sel-region')?.value === 'Central Asia and the Caucasus',
    () => document.querySelectorAll('.matrix circle.hl').length > 0);
  await open('#/clusters?edition=2023&on=criminality');
  await page.selectOption('#sel-on', 'resilience');
  await until(() => document.querySelector('#sel-on')?.value === 'resilience');
  await page.goto(`${base}#/map?edition=2025&measure=criminality`);
  await until(() => document.querySelector('svg.map'));
  await page.goBack();
  await until(() => document.querySelector('#sel-on')?.value === 'resilience' && document.querySelector('#cluster-table'));
  check((await heading()).includes('2023'), 'clusters: Back restores the profile clustered on');
  await open('#/flows');
  await page.selectOption('#sel-market', 'heroin_trade');
  await until(() => document.querySelector('#sel-market')?.value === 'heroin_trade');
  await roundTrip('flows: market', () => document.querySelector('#sel-market')?.value === 'heroin_trade',
    () => [...document.querySelectorAll('svg.flow-map path.arc')].every((a) => a.getAttribute('data-market') === 'heroin_trade'));
}
