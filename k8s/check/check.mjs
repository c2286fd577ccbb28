// Renders every overlay, prod with each opt-in component, and every restore manifest with
// `kubectl kustomize`, validates each object against its strict schema, applies the policy
// rules, then proves the checker itself catches known mistakes by mutating a rendered copy in
// a temp dir. Last line: "N passed, M failed".
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import * as yaml from 'js-yaml';
import { createValidator } from './schema.mjs';
import { checkOverlay } from './policy.mjs';
import { restoreRules } from './databases.mjs';

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

const load = (file) => yaml.loadAll(readFileSync(file, 'utf8')).filter(Boolean);
const rendered = {};

// name: an overlay (dev, prod), prod+<component> or restore/<cluster>.
function check(name, docs) {
  const results = docs.map((d) => ({ title: `${name}: schema ${d.kind}/${d.metadata?.name}`, errors: validate(d) }));
  const policy = name.startsWith('restore/')
    ? restoreRules(docs, rendered.prod ? load(rendered.prod) : []).map(([t, e]) => ({ title: `${name}: ${t}`, errors: e }))
    : checkOverlay(name, docs);
  return [...results, ...policy];
}

function renderAndCheck(name, dir) {
  const file = join(work, `${name.replace(/\W/g, '_')}.yaml`);
  try {
    writeFileSync(file, execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
    report(`${name}: kubectl kustomize renders`, []);
  } catch (e) {
    report(`${name}: kubectl kustomize renders`, [String(e.stderr || e.message).trim()]);
    return;
  }
  rendered[name] = file;
  for (const r of check(name, load(file))) report(r.title, r.errors);
}

for (const overlay of readdirSync(join(k8sDir, 'overlays')).sort()) renderAndCheck(overlay, join(k8sDir, 'overlays', overlay));

// Opt-in components, each checked on top of prod as an operator would add them (restore
// switches last, after the network policies they patch).
const VARIANTS = {
  'prod+tracing': ['components/tracing'],
  'prod+restored': ['restore/detention-db-switch', 'restore/statement-db-switch'],
};
for (const [name, components] of Object.entries(VARIANTS)) {
  const dir = join(work, name);
  mkdirSync(dir);
  const rel = (p) => relative(dir, join(k8sDir, p));
  writeFileSync(join(dir, 'kustomization.yaml'), yaml.dump({
    apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', namespace: 'habeas',
    resources: [rel('overlays/prod')], components: components.map(rel),
  }));
  renderAndCheck(name, dir);
}

for (const cluster of readdirSync(join(k8sDir, 'restore')).filter((d) => !d.endsWith('-switch')).sort()) {
  renderAndCheck(`restore/${cluster}`, join(k8sDir, 'restore', cluster));
}

// Each self-test breaks a copy of a render (prod unless it names another); the checker must
// fail on it with the expected message, or the self-test fails.
const find = (docs, kind, name) => docs.find((d) => d.kind === kind && d.metadata.name === name);
const deployment = (docs, name) => find(docs, 'Deployment', name);
const cluster = (docs, name) => find(docs, 'Cluster', name);
const container = (docs, name) => deployment(docs, name).spec.template.spec.containers[0];
const SELF_TESTS = [
  ['a typo field (replicaz)', 'unknown field "replicaz"',
    (docs) => { deployment(docs, 'gateway').spec.replicaz = 3; }],
  ['a missing readiness probe', 'no readinessProbe',
    (docs) => { delete deployment(docs, 'detention-service').spec.template.spec.containers[0].readinessProbe; }],
  ['a :latest image', 'latest tag',
    (docs) => { deployment(docs, 'statement-service').spec.template.spec.containers[0].image = 'habeas/statement-service:latest'; }],
  ['a container without limits', 'no limits.memory',
    (docs) => { delete deployment(docs, 'gateway').spec.template.spec.containers[0].resources.limits; }],
  ['a JVM sized from the container instead of its own flags', 'gateway: JAVA_OPTS_APPEND sets no -Xmx',
    (docs) => { const cm = find(docs, 'ConfigMap', 'gateway');
      cm.data.JAVA_OPTS_APPEND = cm.data.JAVA_OPTS_APPEND.replace(/-Xmx\S+/, '-XX:MaxRAMPercentage=75.0'); }],
  ['a memory limit the JVM outgrows', 'statement-service: memory limit 256 MiB leaves less than 192 MiB',
    (docs) => { container(docs, 'statement-service').resources.limits.memory = '256Mi'; }],
  ['an app without MALLOC_ARENA_MAX', 'detention-service: MALLOC_ARENA_MAX not set',
    (docs) => { delete find(docs, 'ConfigMap', 'detention-service').data.MALLOC_ARENA_MAX; }],
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
  ['a prod cluster replicating asynchronously', 'Cluster/detention-db acknowledges a commit only once a replica has it',
    (docs) => { delete cluster(docs, 'detention-db').spec.postgresql.synchronous; }],
  ['synchronous replication falling back to one copy', 'dataDurability preferred, expected required',
    (docs) => { cluster(docs, 'statement-db').spec.postgresql.synchronous.dataDurability = 'preferred'; }],
  ['synchronous replication waiting on every replica', 'number 2 of 2 replicas leaves none to spare',
    (docs) => { cluster(docs, 'detention-db').spec.postgresql.synchronous.number = 2; }],
  ['failover without the quorum check', 'failoverQuorum not true',
    (docs) => { delete cluster(docs, 'detention-db').spec.postgresql.synchronous.failoverQuorum; }],
  ['a prod cluster without WAL archiving', 'no WAL archiver',
    (docs) => { delete cluster(docs, 'statement-db').spec.plugins; }],
  ['a prod cluster without a ScheduledBackup', 'Cluster/detention-db has a ScheduledBackup through the plugin no ScheduledBackup',
    (docs) => docs.splice(docs.indexOf(find(docs, 'ScheduledBackup', 'detention-db')), 1)],
  ['a ScheduledBackup with a five-field (CronJob) schedule', '/spec/schedule: must match pattern',
    (docs) => { find(docs, 'ScheduledBackup', 'statement-db').spec.schedule = '0 2 * * *'; }],
  ['an ObjectStore naming the server folder itself', 'unknown field "serverName"',
    (docs) => { find(docs, 'ObjectStore', 'habeas-backups').spec.configuration.serverName = 'detention-db'; }],
  ['backups kept forever', 'no retentionPolicy',
    (docs) => { delete find(docs, 'ObjectStore', 'habeas-backups').spec.retentionPolicy; }],
  ['an app without preStop', 'gateway: no preStop hook',
    (docs) => { delete container(docs, 'gateway').lifecycle; }],
  ['a grace period shorter than the shutdown', 'terminationGracePeriodSeconds 30 < 35',
    (docs) => { deployment(docs, 'detention-service').spec.template.spec.terminationGracePeriodSeconds = 30; }],
  ['a shutdown timeout in the ConfigMap longer than the grace period allows', 'terminationGracePeriodSeconds 40 < 45',
    (docs) => { find(docs, 'ConfigMap', 'statement-service').data.QUARKUS_SHUTDOWN_TIMEOUT = '30s'; }],
  ['a readiness probe slower than the shutdown delay', 'readiness probe notices DOWN only after 30 s',
    (docs) => { Object.assign(container(docs, 'gateway').readinessProbe, { periodSeconds: 10, failureThreshold: 3 }); }],
  ['text logs in prod', 'statement-service: QUARKUS_LOG_CONSOLE_JSON_ENABLED is not "true"',
    (docs) => { delete find(docs, 'ConfigMap', 'statement-service').data.QUARKUS_LOG_CONSOLE_JSON_ENABLED; }],
  ['databases fenced off from the object store', 'detentionDb -> objectStore:443/TCP allowed',
    (docs) => { find(docs, 'NetworkPolicy', 'detention-db').spec.egress.pop(); }],
  ['trace export blocked by the default deny', 'gateway -> collector:4317/TCP allowed',
    (docs) => docs.splice(docs.indexOf(find(docs, 'NetworkPolicy', 'allow-otlp-export')), 1), 'prod+tracing'],
  ['one app exporting traces elsewhere', 'statement-service: QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT',
    (docs) => { container(docs, 'statement-service').envFrom.pop(); }, 'prod+tracing'],
  ['a service pointed at its restored cluster but fenced off from it', 'detention -> detentionDb:5432/TCP allowed',
    (docs) => { find(docs, 'NetworkPolicy', 'detention-service').spec.egress[0].to[0].podSelector.matchLabels['cnpg.io/cluster'] = 'detention-db'; },
    'prod+restored'],
  ['a restore without a target time', 'no recoveryTarget.targetTime',
    (docs) => { delete cluster(docs, 'detention-db-restore').spec.bootstrap.recovery.recoveryTarget; }, 'restore/detention-db'],
  ['a target time without its zone', 'is not RFC 3339 with a zone',
    (docs) => { cluster(docs, 'statement-db-restore').spec.bootstrap.recovery.recoveryTarget.targetTime = '2026-01-01 00:00:00'; },
    'restore/statement-db'],
  ['a restored cluster archiving into the folder it restores from', 'archives into detention-db, a prod cluster',
    (docs) => { cluster(docs, 'detention-db-restore').spec.plugins[0].parameters.serverName = 'detention-db'; }, 'restore/detention-db'],
  ['a restore from an object store prod does not have', 'ObjectStore old-backups is not in the prod overlay',
    (docs) => { cluster(docs, 'detention-db-restore').spec.externalClusters[0].plugin.parameters.barmanObjectName = 'old-backups'; },
    'restore/detention-db'],
  ['a restored cluster without its own NetworkPolicy', 'no NetworkPolicy selecting its pods',
    (docs) => docs.splice(docs.indexOf(find(docs, 'NetworkPolicy', 'statement-db-restore')), 1), 'restore/statement-db'],
  ['a restored cluster cut off from the object store', 'db -> objectStore:443 allowed',
    (docs) => { find(docs, 'NetworkPolicy', 'detention-db-restore').spec.egress.pop(); }, 'restore/detention-db'],
];
for (const [what, expected, mutate, target = 'prod'] of SELF_TESTS) {
  if (!rendered[target]) {
    report(`self-test: the checker rejects ${what}`, [`no ${target} render`]);
    continue;
  }
  const docs = load(rendered[target]);
  mutate(docs);
  const file = join(work, 'mutated.yaml');
  writeFileSync(file, docs.map((d) => yaml.dump(d)).join('---\n'));
  const failures = check(target, load(file)).filter((r) => r.errors.length);
  const caught = failures.some((r) => `${r.title} ${r.errors.join(' ')}`.includes(expected));
  report(`self-test: the checker rejects ${what}`, caught ? [] : [`expected a failure mentioning "${expected}"`]);
}

rmSync(work, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
