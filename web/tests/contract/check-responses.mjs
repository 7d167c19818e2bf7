// The API contract test: every response the API tests recorded (tests/support/http_client.h,
// one JSONL file per test process in RECORDS_DIR) must match its schema in the OpenAPI
// document that `OCINDEX openapi` prints. Usage: node check-responses.mjs OCINDEX RECORDS_DIR
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeChecker } from './contract.mjs';

const [ocindex, dir] = process.argv.slice(2);
const document = JSON.parse(execFileSync(ocindex, ['openapi'], { encoding: 'utf8' }));
const check = makeChecker(document);
const counts = { valid: 0, invalid: 0, unchecked: 0 };
const answered = new Set();  // documented routes with a valid success (2xx) body of their first media type (JSON, or a file's)
const firstType = (route) => Object.keys(document.paths[route]?.get?.responses?.['200']?.content ?? { 'application/json': 0 })[0];
for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
  const lines = readFileSync(join(dir, file), 'utf8').split('\n').filter(Boolean);
  for (const line of lines) {
    const record = JSON.parse(line);
    const { outcome, route, errors } = check(record);
    counts[outcome] += 1;
    const success = record.status >= 200 && record.status < 300;
    if (outcome === 'valid' && success && record.content_type.split(';')[0] === firstType(route)) answered.add(route);
    if (outcome !== 'invalid') continue;
    console.error(`FAIL ${record.method} ${record.target} -> ${record.status} (route ${route}, ${file}):`);
    for (const error of errors.slice(0, 10)) console.error(`  ${error}`);
    if (errors.length > 10) console.error(`  ... ${errors.length - 10} more`);
  }
}
console.log(`${counts.valid + counts.invalid} responses checked ` +
  `(${counts.unchecked} without a body to check: HEAD, 304, pages outside the API)`);
// Every documented route must have been seen succeeding (its example at least: api_test;
// the workspace's in workspace_api_test).
const unseen = Object.keys(document.paths).filter((route) => !answered.has(route));
for (const route of unseen) console.error(`FAIL ${route}: no valid successful response recorded`);
counts.invalid += unseen.length;
console.log(`${counts.valid} passed, ${counts.invalid} failed`);
process.exit(counts.invalid === 0 ? 0 : 1);
