// The document is valid OpenAPI 3.0.3, and the contract checker rejects what does not
// match: wrong types, missing and unknown keys, null where a figure cannot be missing,
// undocumented statuses.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { makeChecker } from './contract.mjs';

const document = JSON.parse(execFileSync(process.env.OCINDEX, ['openapi'], { encoding: 'utf8' }));
const check = makeChecker(document);

// Redocly's `struct` rule: the document's shape against the OpenAPI 3.0 specification.
async function structProblems(doc) {
  const config = await createConfig({ rules: { struct: 'error' } });
  const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: '/openapi.json', config });
  return problems.map((p) => `${p.message} at ${p.location[0].pointer}`);
}

test('the document is valid OpenAPI 3.0.3', async () => {
  assert.equal(document.openapi, '3.0.3');
  assert.deepEqual(await structProblems(document), []);
  const broken = structuredClone(document);
  broken.components.schemas.Health.nullable = 'yes';
  assert.match((await structProblems(broken)).join('\n'), /nullable/);
});
const json = 'application/json';
const country = { iso3: 'KAZ', name: 'Kazakhstan', continent: 'Asia', region: 'Central Asia and the Caucasus' };
const rank = { position: 133, of: 193, tied: false };
const ranksBody = (row) => JSON.stringify({ edition: 2021, measure: 'criminality', rows: [row] });
const rankRow = { ...country, value: 4.26, ranks: { world: rank, continent: rank, region: null } };
const get = (target, body, status = 200, content_type = json) => check({ method: 'GET', target, status, content_type, body });

test('a real-shaped body is valid, nullable figures may be null', () => {
  assert.equal(get('/api/v1/editions/2021/ranks?measure=criminality', ranksBody(rankRow)).outcome, 'valid');
  assert.equal(get('/api/v1/editions/2021/ranks', ranksBody({ ...rankRow, value: null })).outcome, 'valid');
});

test('a wrong type names the route, the JSON pointer and the rule', () => {
  const result = get('/api/v1/editions/2021/ranks', ranksBody({ ...rankRow, value: '4.26' }));
  assert.equal(result.outcome, 'invalid');
  assert.equal(result.route, '/api/v1/editions/{edition}/ranks');
  assert.match(result.errors.join('\n'), /at \/rows\/0\/value: must be number.*type/);
});

test('missing and unknown keys are invalid', () => {
  const { ranks, ...missing } = rankRow;
  assert.match(get('/api/v1/editions/2021/ranks', ranksBody(missing)).errors.join('\n'), /required.*ranks/);
  assert.match(get('/api/v1/editions/2021/ranks', ranksBody({ ...rankRow, extra: 1 })).errors.join('\n'),
    /additionalProperties.*extra/);
});

test('null where the schema does not allow it is invalid', () => {
  const result = get('/api/v1/editions', JSON.stringify({ editions: [{ edition: null, framework: 'goci-2021', name: 'x', countries: 1, latest: true }] }));
  assert.equal(result.outcome, 'invalid');
  assert.match(result.errors.join('\n'), /at \/editions\/0\/edition: must be integer/);
});

test('errors must be Error bodies, statuses must be documented', () => {
  assert.equal(get('/api/v1/nothing', JSON.stringify({ error: { code: 'not_found', message: 'no' } }), 404).outcome, 'valid');
  assert.equal(get('/api/v1/nothing', JSON.stringify({ message: 'no' }), 404).outcome, 'invalid');
  assert.match(get('/api/v1/editions', JSON.stringify({ error: { code: 'x', message: 'y' } }), 418).errors[0],
    /status 418 is not documented for GET \/api\/v1\/editions/);
  assert.equal(get('/api/v1/editions', 'not json').outcome, 'invalid');
});

test('CSV only where documented; no body to check for HEAD and 304', () => {
  assert.equal(get('/api/v1/editions/2021/ranks', 'iso3\n', 200, 'text/csv; charset=utf-8').outcome, 'valid');
  assert.equal(get('/api/v1/editions', 'edition\n', 200, 'text/csv; charset=utf-8').outcome, 'invalid');
  assert.equal(get('/api/v1/editions', '', 304, '').outcome, 'unchecked');
  assert.equal(check({ method: 'HEAD', target: '/api/v1/editions', status: 200, content_type: json, body: '' }).outcome, 'unchecked');
});
