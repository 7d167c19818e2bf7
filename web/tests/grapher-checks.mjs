// Browser checks of issue 17, items 5 and 6: the measure view (chart, map and table tabs,
// its whole state in the URL, share and embed links, SVG and PNG export, the described
// CSV), the downloads page (the dataset and every profile PDF, made by the server), and
// phones and labels (legible chart text at 390 px, sticky first columns, named countries
// in the matrix drawn on top, one rank notation). Every page and state is photographed at
// both sizes and checked with axe-core (`shoot`, browser.mjs).
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';

const PHONE = { width: 390, height: 844 }, DESKTOP = { width: 1366, height: 768 };

export async function checkGrapher({ page, open, check, base, shoot }) {
  const json = async (path) => (await fetch(`${base}api/v1/${path}`)).json();
  const saved = async (selector) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
    return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
  };
  // The smallest text of an SVG as drawn on screen, in CSS pixels.
  const smallestText = (selector) => page.locator(`${selector} text`).evaluateAll((texts) => Math.min(...texts.map((t) => {
    const svg = t.ownerSVGElement;
    return parseFloat(getComputedStyle(t).fontSize) * (svg.getBoundingClientRect().width / svg.viewBox.baseVal.width);
  })));
  const hash = () => decodeURIComponent(new URL(page.url()).hash);
  const isPng = (file) => file.bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

  // The chart: a dot per country, the picked ones named and drawn last (on top).
  await open('#/measure/criminality?edition=2021&selected=KAZ,UZB');
  const ranks = await json('editions/2021/ranks?measure=criminality');
  check(await page.locator('#grapher-chart circle').count() === ranks.rows.length, 'the measure chart draws a dot per country');
  const lastDots = await page.locator('#grapher-chart circle').evaluateAll((c) => c.slice(-2).map((e) => e.getAttribute('data-iso3')).sort());
  check(JSON.stringify(lastDots) === '["KAZ","UZB"]', `the picked countries are drawn last, on top (${lastDots})`);
  const labels = await page.locator('#grapher-chart .pick-label').allTextContents();
  check(labels.includes('Kazakhstan') && labels.includes('Uzbekistan'), `the picked countries are named on the chart (${labels})`);
  await shoot('measure-chart');
  await page.setViewportSize(PHONE);
  await page.waitForFunction(() => document.querySelector('#grapher-chart')?.viewBox.baseVal.width < 400);
  const chartText = await smallestText('#grapher-chart');
  check(chartText >= 11, `the chart's text is at least 11 px at 390 px wide (${chartText.toFixed(1)} px)`);
  // The chart drawn again (a ResizeObserver lays it out for the wider window, a pick
  // redraws it) keeps the keyboard focus on its dot.
  const focusedDot = () => page.evaluate(() => document.activeElement?.closest('#grapher-chart') ? document.activeElement.getAttribute('data-iso3') : null);
  await page.locator('#grapher-chart circle[data-iso3="KGZ"]').focus();
  await page.setViewportSize(DESKTOP);
  await page.waitForFunction(() => document.querySelector('#grapher-chart')?.viewBox.baseVal.width > 400);
  check(await focusedDot() === 'KGZ', `the chart laid out again for a wider window keeps the focus on its dot (${await focusedDot()})`);
  await page.keyboard.press('Enter');
  const picked = await page.waitForFunction(() => /selected=KAZ,UZB,KGZ/.test(decodeURIComponent(location.hash))
    && document.querySelector('#grapher-chart .pick-label[data-label="KGZ"]') !== null).then(() => true, () => false);
  check(picked && await focusedDot() === 'KGZ', `choosing a dot names it, puts it in the URL and keeps the focus on it (${hash()})`);

  // Filters: Asia's regions become the strips, and the URL says so.
  const asia = [...new Set(ranks.rows.filter((r) => r.continent === 'Asia').map((r) => r.region))];
  await page.selectOption('#sel-continent', 'Asia');
  await page.waitForFunction((n) => /continent=Asia/.test(location.hash) && document.querySelectorAll('.page:not([aria-busy]) #grapher-chart .strip-group').length === n, asia.length);
  const groups = await page.locator('#grapher-chart .strip-group').allTextContents();
  check(groups.length === asia.length && groups.every((g) => asia.some((r) => g.startsWith(r))), `filtered to Asia, one strip per region (${groups.length})`);

  // Export: the SVG stands alone, and the PNG is a real image twice its size.
  const svg = await saved('[data-export="svg"]');
  const svgText = svg.bytes.toString('utf8');
  check(svg.name === 'ocindex-criminality-2021-chart.svg' && /^<svg[^>]+xmlns="http:\/\/www\.w3\.org\/2000\/svg"/.test(svgText) && svgText.includes('Kyrgyzstan') && /font-size:\s*1[23]px/.test(svgText),
    `SVG export is a standalone SVG with the names and inline styles (${svg.name}, ${svgText.length} bytes)`);
  const png = await saved('[data-export="png"]');
  const signature = isPng(png);
  const [width, height] = [png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)];
  const decoded = await page.evaluate(async (b64) => {
    const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/png' }));
    return [bitmap.width, bitmap.height];
  }, png.bytes.toString('base64'));
  const viewBox = await page.locator('#grapher-chart').evaluate((e) => [e.viewBox.baseVal.width, e.viewBox.baseVal.height]);
  check(signature && decoded[0] === width && decoded[1] === height && width === Math.round(viewBox[0] * 2) && height === Math.round(viewBox[1] * 2),
    `PNG export is a valid PNG the browser decodes, ${width}×${height} (chart ${viewBox.join('×')})`);

  // Share and embed links are this view.
  const share = await page.inputValue('#share-link');
  check(share === page.url(), `the share link is the page's own URL (${share})`);
  const embed = await page.inputValue('#embed-link');
  const here = new URL(page.url());
  check(embed === `${here.origin}/embed${here.hash.replace('#/measure/', '#/embed/measure/')}`, `the embed link is the same view alone, in the framable document (${embed})`);

  // The map: every country, the picked ones outlined and on top; exported as PNG too.
  await page.click('#tab-map');
  await page.waitForSelector('#grapher-map');
  check(/tab=map/.test(hash()) && await page.getAttribute('#tab-map', 'aria-selected') === 'true', 'the map tab is in the URL and selected');
  check(await page.locator('#grapher-map .country').count() === 193, 'the map tab draws 193 countries');
  const lastShapes = await page.locator('#grapher-map .country').evaluateAll((c) => c.slice(-3).map((e) => e.getAttribute('data-iso3')).sort());
  check(JSON.stringify(lastShapes) === '["KAZ","KGZ","UZB"]', `picked countries are drawn last on the map (${lastShapes})`);
  const mapPng = await saved('[data-export="png"]');
  check(mapPng.name.endsWith('-map.png') && mapPng.bytes.subarray(1, 4).toString() === 'PNG' && mapPng.bytes.readUInt32BE(16) === 1920, `map PNG export (${mapPng.name})`);
  await shoot('measure-map');

  // The table: sort and search in the URL, one rank notation, sticky first column, the described CSV.
  await page.click('#tab-table');
  await page.click('button.sort[data-key="value"]');
  await page.fill('#grapher-search', 'kaz');
  await page.waitForFunction(() => /q=kaz/.test(location.hash) && document.querySelectorAll('#grapher-table tbody tr').length === 1);
  check(/tab=table/.test(hash()) && /sort=-value/.test(hash()), `the table's sort and search are in the URL (${hash()})`);
  const rank = await page.locator('#grapher-table tbody td.num').first().textContent();
  const kaz = ranks.rows.find((r) => r.iso3 === 'KAZ').ranks.world;
  check(rank === `${kaz.tied ? '=' : ''}${kaz.position}/${kaz.of}`, `the table writes ranks as "=131/193" (${rank})`);
  const url = page.url();
  await page.goto('about:blank');
  await page.goto(url);
  await page.waitForSelector('.page:not([aria-busy]) #grapher-table');
  check(await page.inputValue('#grapher-search') === 'kaz' && await page.locator('#grapher-table tbody tr').count() === 1 &&
    await page.getAttribute('#grapher-table th[aria-sort="descending"] button', 'data-key') === 'value' && await page.inputValue('#sel-continent') === 'Asia'
    && await page.locator('#picked li').count() === 3, 'opening the link again restores tab, filter, sort, search and picks');
  await page.fill('#grapher-search', '');
  await page.waitForFunction(() => document.querySelectorAll('#grapher-table tbody tr').length > 40);
  const csv = await saved('#grapher-csv');
  const lines = csv.bytes.toString('utf8').trim().split('\n');
  const framework = await json('editions/2021/framework');
  const start = Number(lines.find((l) => l.startsWith('Table starts at row,')).split(',')[1]);
  const asiaRows = ranks.rows.filter((r) => r.continent === 'Asia').length;
  check(csv.name === 'goci-2021-criminality.csv' && lines[0] === 'Title,"Criminality, Global Organized Crime Index 2021"' &&
    lines.some((l) => l.startsWith('Definition,') && l.includes(framework.measures[0].definition.slice(0, 30))) && lines.includes('Edition,2021') &&
    lines.some((l) => l.startsWith('Source,') && l.includes('GI-TOC')) && lines[start - 1].startsWith('iso3,name,') && lines.length - start === asiaRows,
  `the CSV carries title, definition, edition and source above the ${asiaRows} rows (${csv.name})`);
  await shoot('measure-table');
  await page.setViewportSize(PHONE);
  const sticky = await page.locator('#grapher-table tbody th').first().evaluate((th) => getComputedStyle(th).position);
  check(sticky === 'sticky', 'the table keeps its first column in view on a phone');
  await page.setViewportSize(DESKTOP);

  // The embed: the chart alone, no header, menu, controls or footer.
  await open('#/embed/measure/resilience?edition=2023&selected=KAZ');
  check(await page.locator('.site-header').isHidden() && await page.locator('.foot').isHidden() && await page.locator('select').count() === 0
    && await page.locator('svg').count() === 1 && await page.locator('#grapher-chart .pick-label').textContent() === 'Kazakhstan',
  'an embed link renders the chart alone, with its picks');
  await shoot('measure-embed');
  await open('#/embed/measure/resilience?edition=2023&tab=map');
  check(await page.locator('#grapher-map').count() === 1 && await page.locator('.site-header').isHidden(), 'an embed link of the map tab renders the map alone');

  // Another site frames the embed (a page of another origin: a second server on
  // loopback, another port); the rest of the explorer refuses to be framed, and a
  // non-chart page asked of the framable document only links out.
  const frames = { chart: `${base}embed#/embed/measure/resilience?edition=2023`, page: `${base}embed#/rankings?edition=2023`, explorer: `${base}#/map` };
  const other = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' })
    .end(Object.entries(frames).map(([n, src]) => `<iframe name="${n}" title="${n}" src="${src}" width="600" height="400"></iframe>`).join('')));
  await new Promise((done) => other.listen(0, '127.0.0.1', done));
  try {
    await page.goto(`http://127.0.0.1:${other.address().port}/`);
    const frame = (name) => page.frame({ name });
    await frame('chart').waitForSelector('#grapher-chart circle');
    await frame('page').waitForSelector('h1');
    check(await frame('chart').locator('#grapher-chart circle').count() > 100, 'another site can frame the embed link: the chart draws');
    check((await frame('page').locator('h1').textContent()) === 'Not an embeddable view' && await frame('page').locator('table').count() === 0,
      'the framable document shows no other page (rankings framed: a link out only)');
    check(await frame('explorer').locator('#nav, #main').count() === 0, `the explorer itself cannot be framed (${frame('explorer').url()})`);
  } finally {
    other.close();
  }

  // The world map and the cluster map save as images too.
  await open('#/map?edition=2021&measure=criminality');
  const worldPng = await saved('[data-export="png"]');
  check(worldPng.name === 'ocindex-map-criminality-2021.png' && isPng(worldPng), `the world map saves as PNG (${worldPng.name})`);
  await open('#/clusters?edition=2025&on=criminality');
  const clusterSvg = await saved('[data-export="svg"]');
  check(clusterSvg.name === 'ocindex-clusters-criminality-2025.svg' && clusterSvg.bytes.toString().includes('<path'), `the cluster map saves as SVG (${clusterSvg.name})`);

  // Downloads: the dataset in three formats and every profile PDF, from the server.
  await open('#/downloads?edition=2021');
  const hrefs = await page.locator('#dataset-files a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  const types = await Promise.all(hrefs.map(async (h) => (await fetch(base + h)).headers.get('content-type')));
  check(JSON.stringify(types) === JSON.stringify(['text/csv; charset=utf-8', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/json']),
    `the dataset links answer CSV, XLSX and JSON (${types.join(', ')})`);
  const xlsx = await saved('#dataset-files a[href$=".xlsx"]');
  check(xlsx.name === 'goci-2021-dataset.xlsx' && xlsx.bytes.subarray(0, 2).toString() === 'PK', `the workbook downloads (${xlsx.name}, ${xlsx.bytes.length} bytes)`);
  check(await page.locator('#profile-files tbody tr').count() === 193, 'the downloads page lists 193 profile PDFs');
  await page.fill('#profile-search', 'kaz');
  await page.waitForFunction(() => document.querySelectorAll('#profile-files tbody tr').length === 1);
  check(/q=kaz/.test(hash()), 'the profile search is in the URL');
  const pdf = await saved('#profile-files a[href$="profile.pdf"]');
  check(pdf.name === 'KAZ-2021.pdf' && pdf.bytes.subarray(0, 5).toString() === '%PDF-', `a profile PDF downloads (${pdf.name}, ${pdf.bytes.length} bytes)`);
  await page.fill('#profile-search', '');
  await shoot('downloads');

  // Item 6 on other pages: the matrix names the picked countries, drawn on top, legibly on a phone.
  await open('#/matrix?edition=2021&region=Central%20Asia%20and%20the%20Caucasus&selected=KAZ,FRA');
  const matrixLabels = await page.locator('svg.matrix .pick-label').allTextContents();
  const matrixLast = await page.locator('svg.matrix circle').evaluateAll((c) => c.slice(-2).map((e) => e.getAttribute('data-iso3')).sort());
  check(matrixLabels.sort().join() === 'France,Kazakhstan' && JSON.stringify(matrixLast) === '["FRA","KAZ"]', `the matrix names the picked countries, drawn last (${matrixLabels})`);
  const order = await page.locator('svg.matrix circle:not(.picked)').evaluateAll((c) => c.map((e) => e.classList.contains('hl')));
  check(order.indexOf(true) > order.lastIndexOf(false), 'the region\'s highlighted points are drawn after the dimmed ones');
  await shoot('matrix-picked');
  await page.setViewportSize(PHONE);
  await page.waitForFunction(() => document.querySelector('svg.matrix')?.viewBox.baseVal.width < 400);
  const matrixText = await smallestText('svg.matrix');
  check(matrixText >= 11, `the matrix's text is at least 11 px at 390 px wide (${matrixText.toFixed(1)} px)`);
  await open('#/profile/KAZ?edition=2023');
  await page.waitForSelector('svg.doc-chart:not(.print-only)');
  const profileText = await smallestText('svg.doc-chart:not(.print-only)');
  check(profileText >= 9, `the profile chart's text is at least 9 px at 390 px wide (${profileText.toFixed(1)} px)`);
  await open('#/compare?edition=2021&countries=KAZ,UZB,KGZ,TJK,TKM');
  const first = await page.locator('#compare tbody th').first().evaluate((th) => getComputedStyle(th).position);
  await page.locator('#compare').evaluate((t) => { t.parentElement.scrollLeft = 400; });
  const pinned = await page.locator('#compare tbody th').first().evaluate((th) => th.getBoundingClientRect().left - th.closest('.table-wrap').getBoundingClientRect().left);
  check(first === 'sticky' && Math.abs(pinned) <= 1, `compare keeps the measure column in view while five countries scroll (${first}, ${pinned.toFixed(0)} px)`);
  await shoot('compare-five');
  await page.setViewportSize(PHONE);
  await open('#/changes?from=2021&to=2023&measure=criminality&basis=raw');
  const cut = await page.locator('#risers').evaluate((t) => {
    const wrap = t.parentElement.getBoundingClientRect(), last = t.querySelector('thead th:last-child').getBoundingClientRect();
    return last.right - wrap.right;
  });
  check(cut <= 1, `the changes table's rank move column is in view on a phone (${cut.toFixed(0)} px past the edge)`);
  await page.setViewportSize(DESKTOP);
}
