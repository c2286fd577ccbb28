// Strict JSON schemas for the rendered objects, validated with Ajv.
// Built-in kinds: derived from the model metadata that the official Kubernetes JavaScript
// client generates from the Kubernetes OpenAPI spec (field names, types, required fields),
// with additionalProperties: false everywhere, so an unknown field such as `replicaz` fails
// the way `kubectl apply --validate=strict` would. Custom resources: ./schemas/*.json.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';

const here = dirname(new URL(import.meta.url).pathname);
const require = createRequire(import.meta.url);
const modelsDir = join(dirname(require.resolve('@kubernetes/client-node/package.json')), 'dist/gen/models');

// API groups whose kinds map to the client's V<version><Kind> classes without ambiguity.
const BUILTIN_GROUPS = new Set(['', 'apps', 'policy', 'autoscaling', 'networking.k8s.io', 'batch']);
const CUSTOM = {
  'postgresql.cnpg.io/v1/Cluster': 'cnpg-cluster.json',
  'monitoring.coreos.com/v1/PodMonitor': 'podmonitor.json',
  'postgresql.cnpg.io/v1/ScheduledBackup': 'cnpg-scheduledbackup.json',
  'barmancloud.cnpg.io/v1/ObjectStore': 'barman-objectstore.json',
};

function typeSchema(type, format) {
  let m;
  if (type === 'string' || type === 'Date') return { type: 'string' };
  if (type === 'boolean') return { type: 'boolean' };
  if (type === 'number') return { type: /^int/.test(format) ? 'integer' : 'number' };
  if (type === 'any') return {};
  if (type === 'IntOrString') return { type: ['integer', 'string'] };
  if ((m = /^Array<(.+)>$/.exec(type))) return { type: 'array', items: typeSchema(m[1], format) };
  if ((m = /^\{ \[key: string\]: (.+); \}$/.exec(type))) {
    return { type: 'object', additionalProperties: typeSchema(m[1], format) };
  }
  return { $ref: `k8s#/definitions/${type}` };
}

// Required fields are the ones the generated .d.ts declares without `?`.
function requiredFields(name) {
  const dts = readFileSync(join(modelsDir, `${name}.d.ts`), 'utf8');
  return [...dts.matchAll(/^ {4}'([^']+)':/gm)].map((m) => m[1]);
}

async function k8sDefinitions() {
  const models = await import(pathToFileURL(join(modelsDir, 'all.js')).href);
  const definitions = {};
  for (const [name, cls] of Object.entries(models)) {
    if (!Array.isArray(cls?.attributeTypeMap)) continue;
    const properties = {};
    for (const a of cls.attributeTypeMap) properties[a.baseName] = typeSchema(a.type, a.format);
    definitions[name] = { type: 'object', properties, required: requiredFields(name), additionalProperties: false };
  }
  // Quantities are strings in the OpenAPI spec, but the API server also takes plain numbers.
  for (const f of ['limits', 'requests']) {
    definitions.V1ResourceRequirements.properties[f].additionalProperties = { type: ['string', 'number'] };
  }
  return definitions;
}

export async function createValidator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addSchema({ $id: 'k8s', definitions: await k8sDefinitions() });
  for (const file of readdirSync(join(here, 'schemas'))) {
    ajv.addSchema(JSON.parse(readFileSync(join(here, 'schemas', file), 'utf8')), file);
  }
  const cache = new Map();

  function validatorFor(apiVersion = '', kind = '') {
    const key = `${apiVersion}/${kind}`;
    if (!cache.has(key)) {
      const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
      let v = null;
      if (CUSTOM[key]) v = ajv.getSchema(CUSTOM[key]);
      else if (BUILTIN_GROUPS.has(group)) {
        const cls = `V${version.slice(1)}${kind}`;
        if (ajv.getSchema(`k8s#/definitions/${cls}`)) v = ajv.getSchema(`k8s#/definitions/${cls}`);
      }
      cache.set(key, v);
    }
    return cache.get(key);
  }

  // Returns a list of human-readable errors; empty when the object is valid.
  return function validate(obj) {
    const v = validatorFor(obj?.apiVersion, obj?.kind);
    if (!v) return [`no schema for ${obj?.apiVersion} ${obj?.kind}`];
    if (v(obj)) return [];
    return v.errors.map((e) =>
      e.keyword === 'additionalProperties'
        ? `${e.instancePath || '/'}: unknown field "${e.params.additionalProperty}"`
        : `${e.instancePath || '/'}: ${e.message}`);
  };
}
