// Browser checks of an index of units that share names (two municipalities called San
// Pedro), on a database and a server of their own: a shared name picks neither unit but
// says which units it names and links them by code; the pickers offer them by code; a
// unit's page traces it across its own index's editions only; a long ranking is drawn a
// page at a time; the map and the changes say what they cannot show for such an index.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './serve.mjs';

const framework = `[framework]
id = "municipal-2031"
name = "Municipal index 2031"
edition = "2031"
[scale]
min = 1.0
max = 10.0
step = 0.5
[rounding]
decimals = 2
mode = "half-up"
[quadrant]
x = "resilience"
y = "criminality"
threshold = 5.5
[[node]]
id = "criminality"
kind = "pillar"
name = "Criminality"
aggregate = "indicators"
[[node]]
id = "resilience"
kind = "pillar"
name = "Resilience"
aggregate = "indicators"
[[indicator]]
id = "markets"
group = "criminality"
name = "Markets"
[[indicator]]
id = "governance"
group = "resilience"
name = "Governance"
`;
// Three named units, and 600 more so the rankings draw a first page of them.
const more = Array.from({ length: 600 }, (_, k) => [`MX-99_${String(k + 1).padStart(4, '0')}`, `Municipality ${k + 1}`, 1 + (k % 19) / 2, 10 - (k % 19) / 2]);
const units = 'code,name,aliases\nMX-19_0046,San Pedro,San Pedro Garza Garcia\nMX-05_0033,San Pedro,\nMX-09_0002,Azcapotzalco,\n'
  + more.map(([code, name]) => `${code},${name},\n`).join('');
const scores = 'iso3,country,continent,region,markets,governance\n'
  + 'MX-19_0046,San Pedro,Mexico,Nuevo Leon,3,7\nMX-05_0033,San Pedro,Mexico,Coahuila,6,5\nMX-09_0002,Azcapotzalco,Mexico,Mexico City,8,3\n'
  + more.map(([code, name, c, r]) => `${code},${name},Mexico,Elsewhere,${c},${r}\n`).join('');

export async function checkUnitNames({ page, check, binary, webDir, shoot }) {
  const dir = mkdtempSync(join(tmpdir(), 'ocindex-units-'));
  let server;
  try {
    for (const [name, text] of [['municipal.toml', framework], ['units.csv', units], ['municipal-2031.csv', scores]]) writeFileSync(join(dir, name), text);
    const run = spawnSync(binary, ['import', join(dir, 'municipal-2031.csv'), '--framework', join(dir, 'municipal.toml'), '--units', join(dir, 'units.csv'), '--db', join(dir, 'units.db')], { encoding: 'utf8' });
    check(run.status === 0, `an index of units that share a name is imported ${run.stderr}`);
    server = await startServer(binary, join(dir, 'units.db'), webDir);
    const open = async (hash) => {
      await page.goto(server.base + hash);
      await page.waitForSelector('.page:not([aria-busy])', { timeout: 15000 });
    };

    await open('#/country/San%20Pedro?edition=2031');
    const said = await page.locator('#not-found').textContent();
    const links = await page.locator('#not-found a').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent]));
    check(await page.locator('h1').first().textContent() === 'Which one?'
      && said.includes("'San Pedro' names 2 units: MX-19_0046 (San Pedro), MX-05_0033 (San Pedro); give a code"),
      `a name two units share opens neither and says which units it names (${said})`);
    check(links.some(([href, text]) => /country\/MX-05_0033/.test(href) && text === 'San Pedro (MX-05_0033)')
      && links.some(([href, text]) => /country\/MX-19_0046/.test(href) && text === 'San Pedro (MX-19_0046)'),
      `each is linked by its code (${links.map((l) => l.join(' ')).join('; ')})`);
    await shoot('unit-name-which-one', '#not-found');
    await page.click('#not-found a[href*="MX-05_0033"]');
    await page.waitForFunction(() => /country\/MX-05_0033/.test(location.hash));
    await page.waitForSelector('.page:not([aria-busy])');
    const opened = await page.locator('.page').textContent();
    check(/Coahuila/.test(opened), `its link opens the unit of that code (${opened.slice(0, 120)})`);
    await page.waitForSelector('#timeline-table', { state: 'attached', timeout: 30000 });
    const across = await page.locator('#timeline-table thead th').allTextContents();
    check(JSON.stringify(across) === JSON.stringify(['Country', '2031']), `its timeline is its own index's editions, not the GOCI's stored alongside (${across.join(', ')})`);

    await open('#/compare?edition=2031&countries=MX-09_0002');
    const options = (await page.locator('#country-list option').evaluateAll((os) => os.map((o) => `${o.value}=${o.label}`))).filter((o) => !/Municipality/.test(o));
    check(JSON.stringify(options) === JSON.stringify(['Azcapotzalco=Azcapotzalco', 'MX-05_0033=San Pedro (MX-05_0033)', 'MX-19_0046=San Pedro (MX-19_0046)']),
      `the picker offers a shared name by its codes (${options.join(', ')})`);
    await page.fill('#compare-add', 'San Pedro');
    await page.press('#compare-add', 'Enter');
    await page.waitForFunction(() => document.querySelector('#compare-add')?.validationMessage !== '');
    const refused = await page.locator('#compare-add').evaluate((i) => i.validationMessage);
    check(/countries=MX-09_0002$/.test(page.url()) && /names 2 units: MX-19_0046 \(San Pedro\), MX-05_0033 \(San Pedro\)/.test(refused),
      `typing the shared name adds neither and says why on the field (${refused})`);
    await page.fill('#compare-add', 'mx-19_0046');
    await page.press('#compare-add', 'Enter');
    await page.waitForFunction(() => /countries=MX-09_0002,MX-19_0046/.test(location.hash));
    check(true, 'typing a code adds that unit');

    // The rankings draw 500 rows, then 500 more at a time.
    await open('#/rankings?edition=2031');
    const rows = () => page.locator('#rankings tbody tr').count();
    const first = await rows();
    const counted = await page.locator('#rank-count').textContent();
    check(first === 500 && /603 of 603 countries; the first 500 shown/.test(counted), `a long ranking draws its first 500 rows (${first}; ${counted})`);
    await page.click('#rank-more');
    await page.waitForFunction(() => document.querySelectorAll('#rankings tbody tr').length === 603);
    check(await page.locator('#rank-more').isHidden(), 'showing more draws the rest, and the button goes');
    // No unit of this index is on the world map, and it has no previous edition.
    await open('#/map?edition=2031');
    const none = await page.locator('#map-none').textContent();
    check(/None of the 603 units of edition 2031 is a country on the world map/.test(none), `the map says none of its units is on it (${none})`);
    const steps = await page.locator('#edition-timeline label').evaluateAll((ls) => ls.map((l) => `${l.textContent}${l.classList.contains('another-index') ? ' (apart)' : ''}`));
    check(JSON.stringify(steps) === JSON.stringify(['2021', '2023', '2025', '2031 (apart)']), `its edition stands apart from the GOCI's on the edition line (${steps.join(', ')})`);
    await open('#/changes?to=2031');
    const alone = await page.locator('#no-previous').textContent();
    check(/Edition 2031 names no previous edition of its index/.test(alone), `the changes page does not compare it with another index's edition (${alone})`);
  } finally {
    server?.child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}
