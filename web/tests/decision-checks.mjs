// Browser checks of the decision panels: what-if sliders and "what would it take" on the
// country page, the waterfalls on compare and changes, peers and the cluster map. Every
// figure checked is the API's own answer, fetched beside the page.
import { join } from 'node:path';

export async function checkDecision({ page, open, check, base, shotDir }) {
  const json = async (path) => (await fetch(`${base}api/v1/${path}`)).json();
  const shot = async (selector, name) => page.locator(selector).screenshot({ path: join(shotDir, `${name}.png`) });

  // What-if: raising law enforcement to 5.5 moves resilience to what the API says.
  await open('#/country/KAZ?edition=2025');
  await page.waitForSelector('#whatif input[data-indicator="law_enforcement"]');
  const sliders = await page.locator('#whatif input[type="range"]').count();
  check(sliders === 32, `what-if has a slider per assessed indicator (${sliders})`);
  await page.locator('#slider-law_enforcement').fill('5.5');
  await page.locator('#slider-anti_money_laundering').fill('5.5');
  const expected = await json('editions/2025/countries/KAZ/whatif?change=law_enforcement%3D5.5,anti_money_laundering%3D5.5');
  const resilience = expected.countries[0].measures.find((m) => m.id === 'resilience');
  // The answer to both changes, not the one to the first alone (a slower server answers it later).
  await page.waitForFunction((want) => document.querySelector('#whatif-outcome [data-after="resilience"]')?.textContent.trim() === want, resilience.after.toFixed(2)).catch(() => {});
  const shown = (await page.locator('#whatif-outcome [data-after="resilience"]').textContent())?.trim();
  check(shown === resilience.after.toFixed(2), `what-if shows resilience ${resilience.after} (got ${shown})`);
  const rank = await page.locator('[data-rank="resilience-world"]').textContent();
  const after = resilience.ranks_after.world;
  check(rank?.includes(`→ ${after.tied ? '=' : ''}${after.position}/${after.of}`), `what-if shows the new world rank as "=N/M" (${rank})`);
  await shot('#whatif', 'whatif-panel');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot('#whatif', 'whatif-panel-phone');
  await page.setViewportSize({ width: 1366, height: 768 });

  // What would it take: the summary and the first plan are the API's.
  await page.selectOption('#target-preset', 'quadrant=low criminality, high resilience');
  await page.waitForSelector('#target-summary');
  const target = await json(`editions/2025/countries/KAZ/target?goal=${encodeURIComponent('quadrant=low criminality, high resilience')}&ties=3`);
  const summary = await page.locator('#target-summary').textContent();
  check(summary === target.summary, `target panel shows the search's summary (${summary})`);
  check(await page.locator('#target-plan tbody tr').count() === target.plans[0].length, 'target panel lists the first minimal plan');
  await shot('#target', 'target-panel');

  // The scenario is in the URL: opening the link again sets the sliders, asks for the
  // same outcome and runs the same goal.
  const url = page.url();
  check(/change=(law_enforcement=5\.5,anti_money_laundering=5\.5|anti_money_laundering=5\.5,law_enforcement=5\.5)/.test(url)
    && new URL(url.replace('#/', '')).searchParams.get('goal') === 'quadrant=low criminality, high resilience', `the sliders moved and the goal are in the URL (${url})`);
  await page.goto('about:blank');
  await page.goto(url);
  await page.waitForFunction((want) => document.querySelector('#whatif-outcome [data-after="resilience"]')?.textContent.trim() === want, resilience.after.toFixed(2));
  await page.waitForSelector('#target-summary');
  check(await page.inputValue('#slider-law_enforcement') === '5.5' && await page.inputValue('#slider-anti_money_laundering') === '5.5'
    && await page.locator('#target-summary').textContent() === target.summary && await page.inputValue('#target-goal') === 'quadrant=low criminality, high resilience',
  'opening the link again restores the sliders, their outcome and the goal');
  await shot('#whatif', 'whatif-restored');
  await page.click('#whatif button:has-text("Reset")');
  await page.waitForFunction(() => !/change=/.test(location.hash));
  check(/goal=/.test(page.url()), 'Reset takes the scenario out of the URL and keeps the goal');

  // Peers: the API's nearest peers, in order.
  const peers = await json('editions/2025/countries/KAZ/peers?on=criminality');
  const rows = await page.locator('#peers-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-iso3')));
  check(JSON.stringify(rows) === JSON.stringify(['KAZ', ...peers.peers.map((p) => p.iso3)]), `peers panel lists ${rows.join(',')}`);
  await shot('#peers', 'peers-panel');

  // Waterfalls: one bar per step shown, ending at the published difference.
  await open('#/compare?edition=2025&countries=KAZ,KGZ');
  await page.waitForSelector('#why-waterfall rect.total');
  const explain = await json('explain?countries=KAZ,KGZ&edition=2025&measure=criminality');
  const bars = await page.locator('#why-waterfall rect.step').count();
  check(bars === Math.min(explain.waterfall.length, 14), `compare waterfall draws its steps (${bars})`);
  const total = await page.locator('#why-waterfall .wf-value').last().textContent();
  check(total === `${explain.difference < 0 ? '−' : '+'}${Math.abs(explain.difference).toFixed(2)}`, `compare waterfall ends at the published difference (${total})`);
  await shot('#why', 'compare-waterfall');
  await open('#/changes?from=2021&to=2025&measure=criminality&basis=raw&country=KAZ');
  await page.waitForSelector('#why-waterfall rect.total');
  const added = await page.locator('#why-waterfall rect.step.added').count();
  check(added > 0, `changes waterfall shows the added indicators apart (${added})`);
  await shot('#why', 'changes-waterfall');

  // Cluster map: every country coloured by its cluster.
  await open('#/clusters?edition=2025&on=criminality');
  const clusters = await json('editions/2025/clusters?on=criminality');
  const coloured = await page.locator('svg.map .country').evaluateAll((els) => new Set(els.map((e) => e.getAttribute('data-iso3'))).size);
  check(coloured === 193 && Object.keys(clusters.assignment).length === 193, `cluster map colours 193 countries (${coloured})`);
  check(await page.locator('#cluster-table tbody tr').count() === clusters.clusters.length, 'cluster table describes every cluster');
}
