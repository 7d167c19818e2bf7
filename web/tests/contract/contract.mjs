// Checks recorded API responses against the OpenAPI document with Ajv (OpenAPI 3.0's
// `nullable` is an Ajv keyword). A record is what a test's HTTP client received:
// {method, target, status, content_type, body}. docs/API.md: "How the contract is tested".
import Ajv from 'ajv';

const DOC_ID = 'openapi.json';

/** Path patterns as regular expressions; the one with most literal segments wins. */
function routeMatcher(paths) {
  const routes = Object.keys(paths).map((pattern) => {
    const parts = pattern.split('/');
    const source = parts.map((p) => (p.startsWith('{') ? '[^/]+' : p.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))).join('/');
    return { pattern, regex: new RegExp(`^${source}$`), literals: parts.filter((p) => !p.startsWith('{')).length };
  });
  routes.sort((a, b) => b.literals - a.literals);
  return (path) => routes.find((r) => r.regex.test(path))?.pattern;
}

const pointer = (key) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * A checker for one document: check(record) answers {outcome, route, errors}, where
 * outcome is 'valid', 'invalid' or 'unchecked' (no body, or a non-API page), and
 * errors name the JSON pointer, the schema rule and what it wanted.
 */
export function makeChecker(document) {
  const ajv = new Ajv({ allErrors: true, strict: true });
  // The schemas stay where the document has them, so its own $refs resolve unchanged.
  ajv.addKeyword('components');
  ajv.addSchema({ $id: DOC_ID, components: document.components });
  const findRoute = routeMatcher(document.paths);
  const validators = new Map();
  const validator = (ref) => {
    if (!validators.has(ref)) validators.set(ref, ajv.compile({ $ref: `${DOC_ID}${ref}` }));
    return validators.get(ref);
  };
  // Compiling every referenced schema up front makes a dangling $ref fail at once.
  for (const name of Object.keys(document.components.schemas)) validator(`#/components/schemas/${pointer(name)}`);

  return function check(record) {
    const path = record.target.split('?')[0];
    // HEAD is GET without a body; other methods have their own operations (the workspace's writes).
    const method = record.method === 'HEAD' ? 'get' : record.method.toLowerCase();
    const found = findRoute(path);
    const route = found && document.paths[found][method] ? found : undefined;
    const result = (outcome, errors = []) => ({ outcome, route: route ?? path, errors });
    if (record.method === 'HEAD' || record.status === 304) return result('unchecked');
    const operation = route && document.paths[route][method];
    const type = (record.content_type ?? '').split(';')[0].trim();
    if (operation) {
      const response = operation.responses[String(record.status)];
      const what = `${record.method} ${route}`;
      if (!response) return result('invalid', [`status ${record.status} is not documented for ${what}`]);
      if (!response.content?.[type]) return result('invalid', [`${type || 'no content type'} is not documented for ${what} ${record.status}`]);
      if (type !== 'application/json') return result('valid');
      return validate(response.content[type].schema.$ref, record, result);
    }
    // Outside the documented routes (unknown paths, other methods) only errors are API answers.
    if (record.status >= 400 && type === 'application/json') return validate('#/components/schemas/Error', record, result);
    return result('unchecked');
  };

  function validate(ref, record, result) {
    let body;
    try {
      body = JSON.parse(record.body);
    } catch (error) {
      return result('invalid', [`the body is not JSON: ${error.message}`]);
    }
    const validate = validator(ref);
    if (validate(body)) return result('valid');
    return result('invalid', validate.errors.map((e) =>
      `at ${e.instancePath || '/'}: ${e.message} (rule ${e.schemaPath}${e.params ? ` ${JSON.stringify(e.params)}` : ''}; schema ${ref})`));
  }
}
