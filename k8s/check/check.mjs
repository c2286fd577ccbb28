// Renders every overlay with `kubectl kustomize`, validates each object against its strict
// schema, applies the policy rules, then proves the checker itself catches known mistakes
// by mutating a rendered copy in a temp dir. Last line: "N passed, M failed".
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as yaml from 'js-yaml';
import { createValidator } from './schema.mjs';
import { checkOverlay } from './policy.mjs';

const k8sDir = join(dirname(new URL(import.meta.url).pathname), '..');
const work = mkdtempSync(join(tmpdir(), 'habeas-k8s-'));
const validate = await createValidator();
let passed = 0;
let failed = 0;

function report(title, errors) {
  if (errors.length) {
    failed++;
    console.log(`FAIL ${title}`);
    for (const e of errors) console.log(`       ${e}`);
  } else {
    passed++;
    console.log(`ok   ${title}`);
  }
}

function check(overlay, docs) {
  const results = docs.map((d) => ({
    title: `${overlay}: schema ${d.kind}/${d.metadata?.name}`,
    errors: validate(d),
  }));
  return [...results, ...checkOverlay(overlay, docs)];
}

const load = (file) => yaml.loadAll(readFileSync(file, 'utf8')).filter(Boolean);
const rendered = {};
for (const overlay of readdirSync(join(k8sDir, 'overlays')).sort()) {
  const file = join(work, `${overlay}.yaml`);
  try {
    writeFileSync(file, execFileSync('kubectl', ['kustomize', join(k8sDir, 'overlays', overlay)],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
    report(`${overlay}: kubectl kustomize renders`, []);
  } catch (e) {
    report(`${overlay}: kubectl kustomize renders`, [String(e.stderr || e.message).trim()]);
    continue;
  }
  rendered[overlay] = file;
  for (const r of check(overlay, load(file))) report(r.title, r.errors);
}

// Each self-test breaks a copy of the prod render; the checker must fail on it with the
// expected message, or the self-test fails.
const deployment = (docs, name) => docs.find((d) => d.kind === 'Deployment' && d.metadata.name === name);
const SELF_TESTS = [
  ['a typo field (replicaz)', 'unknown field "replicaz"',
    (docs) => { deployment(docs, 'gateway').spec.replicaz = 3; }],
  ['a missing readiness probe', 'no readinessProbe',
    (docs) => { delete deployment(docs, 'detention-service').spec.template.spec.containers[0].readinessProbe; }],
  ['a :latest image', 'latest tag',
    (docs) => { deployment(docs, 'statement-service').spec.template.spec.containers[0].image = 'habeas/statement-service:latest'; }],
  ['a container without limits', 'no limits.memory',
    (docs) => { delete deployment(docs, 'gateway').spec.template.spec.containers[0].resources.limits; }],
  ['NetworkPolicies opened to every pod in the namespace', 'detention -> statement:8080/TCP denied',
    (docs) => {
      const policy = (name) => docs.find((d) => d.kind === 'NetworkPolicy' && d.metadata.name === name).spec;
      policy('detention-service').egress.push({ to: [{ podSelector: {} }] });
      policy('statement-service').ingress.push({ from: [{ podSelector: {} }] });
    }],
  ['a prod gateway without the JWT settings', 'gateway: MP_JWT_VERIFY_ISSUER not set',
    (docs) => {
      const c = deployment(docs, 'gateway').spec.template.spec.containers[0];
      c.envFrom = c.envFrom.filter((f) => f.configMapRef?.name !== 'habeas-auth');
    }],
  ['a prod service whose token key is not mounted', 'detention-service: the token key /etc/habeas/jwt/public.pem is not mounted',
    (docs) => {
      const c = deployment(docs, 'detention-service').spec.template.spec.containers[0];
      c.volumeMounts = c.volumeMounts.filter((m) => m.name !== 'jwt-key');
    }],
  ['statement-service with a token of its own for detention-service', 'HABEAS_DETENTION_TOKEN is set',
    (docs) => {
      deployment(docs, 'statement-service').spec.template.spec.containers[0].env
        .push({ name: 'HABEAS_DETENTION_TOKEN', valueFrom: { secretKeyRef: { name: 'statement-service-token', key: 'token' } } });
    }],
  ['a readiness probe on the API port', 'readinessProbe port http, expected management',
    (docs) => { deployment(docs, 'gateway').spec.template.spec.containers[0].readinessProbe.httpGet.port = 'http'; }],
  ['Prometheus let in to the API port', 'prometheus -> detention:8080/TCP denied',
    (docs) => { docs.find((d) => d.kind === 'NetworkPolicy' && d.metadata.name === 'allow-prometheus')
      .spec.ingress[0].ports.push({ port: 8080 }); }],
  ['metrics scraped from the API port', 'scrapes /q/metrics of every app on the management port',
    (docs) => { docs.find((d) => d.kind === 'PodMonitor' && d.metadata.name === 'habeas').spec.podMetricsEndpoints[0].port = 'http'; }],
  ['the OpenAPI document published by the Ingress', 'public path /q/openapi',
    (docs) => { docs.find((d) => d.kind === 'Ingress').spec.rules[0].http.paths
      .push({ path: '/q/openapi', pathType: 'Exact', backend: { service: { name: 'gateway', port: { name: 'http' } } } }); }],
  ['an app without the page token key', 'gateway page token key from Secret habeas-page-token',
    (docs) => { delete deployment(docs, 'gateway').spec.template.spec.containers[0].env; }],
  ['a page token key from another Secret', 'expected habeas-page-token/key',
    (docs) => { deployment(docs, 'statement-service').spec.template.spec.containers[0].env
      .find((e) => e.name === 'HABEAS_PAGE_TOKEN_KEY').valueFrom.secretKeyRef.name = 'statement-token'; }],
  ['a prod Deployment without its PodDisruptionBudget', 'detention-service has a PodDisruptionBudget',
    (docs) => docs.splice(docs.findIndex((d) => d.kind === 'PodDisruptionBudget'
      && d.metadata.name === 'detention-service'), 1)],
];
if (rendered.prod) {
  for (const [what, expected, mutate] of SELF_TESTS) {
    const docs = load(rendered.prod);
    mutate(docs);
    const file = join(work, 'mutated.yaml');
    writeFileSync(file, docs.map((d) => yaml.dump(d)).join('---\n'));
    const failures = check('prod', load(file)).filter((r) => r.errors.length);
    const caught = failures.some((r) => `${r.title} ${r.errors.join(' ')}`.includes(expected));
    report(`self-test: the checker rejects ${what}`, caught ? [] : [`expected a failure mentioning "${expected}"`]);
  }
} else {
  report('self-tests', ['no prod overlay rendered']);
}

rmSync(work, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
