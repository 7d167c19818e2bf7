// Browser checks of the world map (issue 17, item 2): every territory drawn and the ones
// not assessed grey, the stepped legend over the data's range, zoom and pan with the
// view in the URL, keyboard focus in geographic order, the first tap on a touch screen
// previewing and the second opening, and the edition timeline with Back and Forward.

export async function checkMap({ page, open, check, base, shoot }) {
  const json = async (path) => (await fetch(`${base}api/v1/${path}`)).json();
  const centre = (sel) => page.locator(sel).evaluate((el) => { const b = el.getBBox(); return { x: b.x + b.width / 2, y: b.y + b.height / 2 }; });
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-iso3'));

  await open('#/map?edition=2021&measure=criminality');
  // Every territory of the atlas (177 outlines) and every small state's dot is drawn.
  const outlines = await page.locator('svg.map .layer > path:not(.sphere)').count();
  const territories = await page.locator('svg.map .not-assessed').count();
  check(outlines === 177 && territories >= 3, `the map draws all 177 outlines of the atlas, ${territories} of them not assessed`);
  for (const name of ['Greenland', 'Taiwan', 'W. Sahara']) {
    const fill = await page.evaluate((text) => {
      const title = [...document.querySelectorAll('svg.map .not-assessed title')].find((t) => t.textContent === text);
      return title ? getComputedStyle(title.parentElement).fill : 'missing';
    }, `${name}: not assessed`);
    check(fill === 'rgb(201, 206, 212)', `${name} is drawn grey, as the legend's "not assessed" (${fill})`);
  }
  const legendGrey = await page.locator('svg.legend rect.na').evaluate((el) => getComputedStyle(el).fill);
  check(legendGrey === 'rgb(201, 206, 212)', 'the legend shows the same grey for not assessed');

  // The legend's steps span the data's range, not 1 to 10, and each country has its step's colour.
  const rows = (await json('editions/2021/ranks?measure=criminality')).rows;
  const values = rows.map((r) => r.value).filter((v) => v !== null);
  const ticks = (await page.locator('svg.legend text.legend-label').allTextContents()).filter((t) => /^[\d.]+$/.test(t)).map(Number);
  const [lo, hi, step] = [Math.min(...values), Math.max(...values), ticks[1] - ticks[0]];
  check(ticks.length >= 4 && ticks[0] <= lo && ticks[0] > lo - step && ticks[ticks.length - 1] >= hi && ticks[ticks.length - 1] < hi + step,
    `the legend's ticks (${ticks.join(', ')}) span the data (${lo}–${hi}), not the scale's 1–10`);
  const steps = await page.locator('svg.legend rect:not(.na)').evaluateAll((rs) => rs.map((r) => r.getAttribute('fill')));
  const fills = await page.locator('svg.map .country').evaluateAll((els) => els.map((e) => e.getAttribute('fill')));
  const used = new Set(fills.filter((f) => f !== 'var(--na)'));
  check(new Set(steps).size === ticks.length - 1 && [...used].every((f) => steps.includes(f)) && used.size === steps.length,
    `every country is filled with one of the ${steps.length} steps' colours, and every step is used`);
  const kazValue = rows.find((r) => r.iso3 === 'KAZ').value;
  const kazStep = ticks.findIndex((t, i) => kazValue >= t && kazValue < (ticks[i + 1] ?? Infinity));
  check(await page.locator('svg.map [data-iso3="KAZ"]').getAttribute('fill') === steps[kazStep], `Kazakhstan (${kazValue}) has the colour of the step from ${ticks[kazStep]}`);

  // Focus: one stop in the tab order, then the arrow keys in geographic order.
  const stop = await page.locator('svg.map .country[tabindex="0"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-iso3')));
  check(stop.length === 1 && stop[0] === 'CAN', `the map is one stop in the tab order, the first country in reading order, not the atlas's first (${stop.join(',')})`);
  await page.locator('svg.map [data-iso3="NGA"]').focus();
  await page.keyboard.press('ArrowUp');
  check(await focused() === 'NER', `Up from Nigeria goes to Niger (${await focused()})`);
  await page.keyboard.press('ArrowDown');
  check(await focused() === 'NGA', `Down from Niger comes back to Nigeria (${await focused()})`);
  await page.locator('svg.map [data-iso3="ESP"]').focus();
  await page.keyboard.press('ArrowRight');
  const east = await focused();
  const [spain, next] = [await centre('svg.map [data-iso3="ESP"]'), await centre(`svg.map [data-iso3="${east}"]`)];
  check(east !== 'LKA' && next.x > spain.x && Math.abs(next.y - spain.y) < 60, `Right from Spain goes east at its latitude (${east}), not to the next name (Sri Lanka)`);
  const tip = await page.locator('#tooltip').textContent();
  check(tip.includes((await page.locator(`svg.map [data-iso3="${east}"]`).getAttribute('aria-label')).split(':')[0]), 'the focused country shows its figure');
  await page.keyboard.press('Tab');
  check(await page.evaluate(() => document.activeElement?.id) === 'preview-open', 'Tab leaves the map for the link to the focused country');
  const stops = await page.locator('svg.map .country[tabindex="0"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-iso3')));
  check(stops.length === 1 && stops[0] === east, `after moving about, the map is still one tab stop, the country focused last (${stops.join(',')})`);

  // Zoom: to a region, with the buttons, kept in the URL; Back and Forward restore it.
  const region = (await json('editions/2021/countries')).countries.find((c) => c.iso3 === 'KAZ').region;
  await page.selectOption('#sel-zoom', region);
  await page.waitForFunction(() => /view=/.test(location.hash));
  const zoomed = await page.locator('svg.map .layer').getAttribute('transform');
  const k = Number(/scale\(([\d.]+)/.exec(zoomed ?? '')?.[1]);
  const kaz = await page.locator('svg.map [data-iso3="KAZ"]').boundingBox();
  const map = await page.locator('svg.map').boundingBox();
  check(k > 2 && kaz.x >= map.x && kaz.x + kaz.width <= map.x + map.width && kaz.width > map.width / 8,
    `zooming to ${region} enlarges it ${k.toFixed(1)} times with Kazakhstan in view`);
  check(new URL(page.url()).hash.includes(`region=${encodeURIComponent(region).replace(/%20/g, '+')}`), `the region is in the URL (${page.url()})`);
  await shoot('map-zoomed');
  await page.click('#zoom-in');
  await page.waitForFunction((before) => document.querySelector('svg.map .layer')?.getAttribute('transform') !== before, zoomed);
  const closer = Number(/scale\(([\d.]+)/.exec(await page.locator('svg.map .layer').getAttribute('transform'))[1]);
  check(Math.abs(closer - Math.min(12, 2 * k)) < 0.01, `the + button doubles the zoom, up to 12 times (${k.toFixed(2)} → ${closer.toFixed(2)})`);
  // Focus moving out of a zoomed view pans the map to it.
  await page.locator('svg.map [data-iso3="KAZ"]').focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
  const south = await focused();
  const seen = await page.locator(`svg.map [data-iso3="${south}"]`).boundingBox();
  const frame = await page.locator('svg.map').boundingBox();
  const mid = { x: seen.x + seen.width / 2, y: seen.y + seen.height / 2 };
  check(south !== 'KAZ' && mid.x > frame.x && mid.x < frame.x + frame.width && mid.y > frame.y && mid.y < frame.y + frame.height,
    `focus moved four countries south (to ${south}) and the zoomed map followed it`);
  await page.locator('svg.map [data-iso3="KAZ"]').focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/#\/country\/KAZ/);
  await page.goBack();
  await page.waitForSelector('.page:not([aria-busy]) svg.map');
  const restored = Number(/scale\(([\d.]+)/.exec(await page.locator('svg.map .layer').getAttribute('transform') ?? '')?.[1]);
  check(Math.abs(restored - closer) < 0.02 && await page.inputValue('#sel-zoom') === region, `Back restores the zoom (${restored.toFixed(2)}) and the region`);
  await page.goForward();
  await page.waitForSelector('.page:not([aria-busy]) #pillar-criminality');
  check(/#\/country\/KAZ/.test(page.url()), 'Forward returns to the country');

  // Timeline: the editions as steps; Back returns to the edition before.
  await open('#/map?edition=2021&measure=criminality');
  await page.click('label:has(#edition-2023)');
  await page.waitForFunction(() => /edition=2023/.test(location.hash) && document.querySelector('.page:not([aria-busy]) h1')?.textContent.includes('2023'));
  check(await page.isChecked('#edition-2023') && await page.evaluate(() => document.activeElement?.id) === 'edition-2023', 'the timeline moves the map to 2023 and keeps focus on it');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => /edition=2025/.test(location.hash) && document.querySelector('.page:not([aria-busy]) h1')?.textContent.includes('2025'));
  check(true, 'the arrow key steps the timeline on to 2025');
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('.page:not([aria-busy]) h1')?.textContent.includes('2023'));
  check(await page.isChecked('#edition-2023'), 'Back returns the map to 2023');

  // A touch screen: the first tap previews, the second opens.
  await open('#/map?edition=2021&measure=criminality');
  await page.setViewportSize({ width: 390, height: 844 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
  const tap = async (iso3) => {
    const b = await page.locator(`svg.map [data-iso3="${iso3}"]`).boundingBox();
    const point = { x: b.x + b.width / 2, y: b.y + b.height / 2 };
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  };
  await tap('KAZ');
  await page.waitForFunction(() => document.querySelector('#map-preview')?.textContent.includes('Kazakhstan'));
  const preview = await page.locator('#map-preview').textContent();
  check(/#\/map/.test(page.url()) && /4\.26/.test(preview) && /world rank =?\d+\/193/.test(preview), `the first tap previews and stays on the map (${preview})`);
  await shoot('map-tap-preview');
  await page.setViewportSize({ width: 390, height: 844 });
  await tap('KAZ');
  await page.waitForURL(/#\/country\/KAZ\?edition=2021/);
  check(true, 'the second tap on the same country opens it');
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: false });
  await cdp.detach();
  await page.setViewportSize({ width: 1366, height: 768 });
}
