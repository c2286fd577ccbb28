// Policy rules for one rendered overlay. Each rule yields [title, errors]; no errors = pass.
// The rules restate the deployment contract in k8s/README.md.
import { allowed, selects } from './netpol.mjs';
import { durabilityRules, storeRules } from './databases.mjs';
import { shutdownRules } from './shutdown.mjs';

const NAMESPACE = 'habeas';
const APPS = ['detention-service', 'statement-service', 'gateway'];
const GRPC_BACKENDS = ['detention-service', 'statement-service'];
const DB_OWNERS = ['detention-service', 'statement-service'];
// gRPC clients each app must configure: env prefix -> headless Service.
const GRPC_CLIENTS = {
  gateway: { DETENTION: 'detention-service', STATEMENT: 'statement-service' },
  'statement-service': { DETENTION: 'detention-service' },
};
// What SmallRye JWT verifies every bearer token with; no app starts without them (k8s/base/auth.yaml).
const JWT_SETTINGS = ['MP_JWT_VERIFY_ISSUER', 'MP_JWT_VERIFY_AUDIENCES', 'MP_JWT_VERIFY_PUBLICKEY_LOCATION'];
// A service token would see more or less than the caller; every app passes its caller's token on instead.
const OWN_TOKEN = 'HABEAS_DETENTION_TOKEN';
// One Secret holds the key every app seals its page tokens and cursors with.
const PAGE_TOKEN_KEY = { env: 'HABEAS_PAGE_TOKEN_KEY', secret: 'habeas-page-token', key: 'key' };
const PROBES = { startupProbe: '/q/health/started', livenessProbe: '/q/health/live', readinessProbe: '/q/health/ready' };
// Health, metrics and the OpenAPI document live on Quarkus's management interface, never on the API port.
const MANAGEMENT = { name: 'management', port: 9000 };
const JSON_LOGS = 'QUARKUS_LOG_CONSOLE_JSON_ENABLED';
// What a JVM holds beyond its heap, measured under load (metaspace ~90 MiB, code cache, symbols,
// threads, malloc): the container's memory limit leaves at least this above -Xmx.
const NON_HEAP_MIB = 192;
const OTLP_ENDPOINT = 'QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT';

const err = (cond, msg) => (cond ? [] : [msg]);

/** A memory quantity ("448Mi", "1Gi", "512M") in MiB; undefined for what is not one. */
export function mebibytes(quantity) {
  const m = /^(\d+)(Ki|Mi|Gi|M|G)?$/.exec(String(quantity ?? ''));
  if (!m) return undefined;
  const factor = { Ki: 1 / 1024, Mi: 1, Gi: 1024, M: 1e6 / 2 ** 20, G: 1e9 / 2 ** 20, undefined: 1 / 2 ** 20 }[m[2]];
  return Number(m[1]) * factor;
}

/** A JVM flag's size in MiB ("-Xmx160m", "-XX:MaxMetaspaceSize=160m"), or undefined when absent. */
function jvmMebibytes(options, flag) {
  const m = new RegExp(`(?:^|\\s)${flag}(\\d+)([kmg])(?=\\s|$)`, 'i').exec(options);
  if (!m) return undefined;
  return Number(m[1]) * { k: 1 / 1024, m: 1, g: 1024 }[m[2].toLowerCase()];
}

export function imageProblems(image) {
  if (!image) return ['no image'];
  if (image.includes('@sha256:')) return [];
  const tag = /:([^/:]+)$/.exec(image)?.[1];
  if (!tag) return [`${image}: no tag (would mean latest)`];
  return err(tag !== 'latest', `${image}: latest tag`);
}

function containerRules(c, pod) {
  const sc = c.securityContext ?? {};
  const psc = pod.securityContext ?? {};
  const r = c.resources ?? {};
  const probes = Object.entries(PROBES).flatMap(([probe, path]) => {
    const get = c[probe]?.httpGet;
    if (!get) return [`${c.name}: no ${probe}`];
    return [
      ...err(get.path === path, `${c.name}: ${probe} path ${get.path}, expected ${path}`),
      ...err(get.port === MANAGEMENT.name || get.port === MANAGEMENT.port,
        `${c.name}: ${probe} port ${get.port}, expected ${MANAGEMENT.name}`),
    ];
  });
  return [
    [`image pinned`, imageProblems(c.image)],
    [`requests and limits`, ['requests', 'limits'].flatMap((k) => ['cpu', 'memory'].flatMap((res) =>
      err(r[k]?.[res] !== undefined, `${c.name}: no ${k}.${res}`)))],
    [`startup, liveness and readiness probes on Quarkus health, on the management port`, [
      ...probes,
      ...err(c.ports?.some((p) => p.name === 'http' && p.containerPort === 8080), `${c.name}: no port http 8080`),
      ...err(c.ports?.some((p) => p.name === MANAGEMENT.name && p.containerPort === MANAGEMENT.port),
        `${c.name}: no port ${MANAGEMENT.name} ${MANAGEMENT.port}`),
    ]],
    [`restricted security context`, [
      ...err((sc.runAsNonRoot ?? psc.runAsNonRoot) === true, `${c.name}: runAsNonRoot not true`),
      ...err((sc.runAsUser ?? psc.runAsUser) !== 0, `${c.name}: runs as uid 0`),
      ...err(sc.allowPrivilegeEscalation === false, `${c.name}: allowPrivilegeEscalation not false`),
      ...err(sc.privileged !== true, `${c.name}: privileged`),
      ...err(sc.readOnlyRootFilesystem === true, `${c.name}: readOnlyRootFilesystem not true`),
      ...err(sc.capabilities?.drop?.includes('ALL'), `${c.name}: capabilities do not drop ALL`),
      ...err(!sc.capabilities?.add?.length, `${c.name}: adds capabilities`),
      ...err((sc.seccompProfile ?? psc.seccompProfile)?.type === 'RuntimeDefault', `${c.name}: seccomp not RuntimeDefault`),
    ]],
    [`writable /tmp from an emptyDir`, err(c.volumeMounts?.some((m) => m.mountPath === '/tmp'
      && pod.volumes?.some((v) => v.name === m.name && v.emptyDir)), `${c.name}: no emptyDir at /tmp`)],
  ];
}

function env(c, name) {
  return c.env?.find((e) => e.name === name);
}

// Where a container's variable comes from: { value } (literal or ConfigMap) or { secret }; env wins over envFrom,
// and a later envFrom over an earlier one.
function envSource(c, name, configMap) {
  const e = env(c, name);
  if (e?.valueFrom?.secretKeyRef) return { secret: e.valueFrom.secretKeyRef.name };
  if (e?.valueFrom?.configMapKeyRef) return { value: configMap(e.valueFrom.configMapKeyRef.name)[e.valueFrom.configMapKeyRef.key] };
  if (e) return { value: e.value };
  const from = [...(c.envFrom ?? [])].reverse().find((f) => f.configMapRef && configMap(f.configMapRef.name)[name] !== undefined);
  return from ? { value: configMap(from.configMapRef.name)[name] } : undefined;
}

// overlay: dev, prod, or prod+<components> (prod with opt-in components, rendered by check.mjs).
export function checkOverlay(overlay, docs) {
  const prod = overlay === 'prod' || overlay.startsWith('prod+');
  const results = [];
  const add = (title, errors) => results.push({ title: `${overlay}: ${title}`, errors });
  const all = (kind) => docs.filter((d) => d.kind === kind);
  const one = (kind, name) => docs.find((d) => d.kind === kind && d.metadata?.name === name);
  const configMap = (name) => one('ConfigMap', name)?.data ?? {};

  const ns = one('Namespace', NAMESPACE);
  add('namespace enforces Pod Security "restricted"', [
    ...err(ns, `no Namespace ${NAMESPACE}`),
    ...err(ns?.metadata.labels?.['pod-security.kubernetes.io/enforce'] === 'restricted', 'enforce label is not restricted'),
  ]);
  add(`every object lives in namespace ${NAMESPACE}`, docs.filter((d) => d.kind !== 'Namespace'
    && d.metadata?.namespace !== NAMESPACE).map((d) => `${d.kind}/${d.metadata?.name}`));
  add('no Secret committed (database credentials from the operator, the others made by hand)', all('Secret').map((d) => `Secret/${d.metadata.name}`));

  for (const app of APPS) {
    const dep = one('Deployment', app);
    if (!dep) { add(`Deployment/${app} exists`, ['missing']); continue; }
    const pod = dep.spec.template.spec;
    const labels = dep.spec.template.metadata?.labels ?? {};
    const cs = [...(pod.initContainers ?? []), ...pod.containers];
    const merged = new Map();
    for (const c of cs) for (const [t, e] of containerRules(c, pod)) merged.set(t, [...(merged.get(t) ?? []), ...e]);
    for (const [t, e] of merged) add(`Deployment/${app} ${t}`, e);

    add(`Deployment/${app} pod-level hardening`, [
      ...err(pod.securityContext?.runAsNonRoot === true, 'pod runAsNonRoot not true'),
      ...err(pod.securityContext?.seccompProfile?.type === 'RuntimeDefault', 'pod seccomp not RuntimeDefault'),
      ...err(!pod.hostNetwork && !pod.hostPID && !pod.hostIPC, 'uses host namespaces'),
      ...err(!pod.volumes?.some((v) => v.hostPath), 'mounts a hostPath'),
      ...err(selects(dep.spec.selector, labels), 'selector does not match the pod template'),
    ]);
    const sa = one('ServiceAccount', pod.serviceAccountName);
    add(`Deployment/${app} own ServiceAccount without token`, [
      ...err(pod.serviceAccountName === app, `serviceAccountName is ${pod.serviceAccountName}`),
      ...err(sa?.automountServiceAccountToken === false, 'ServiceAccount automounts its token'),
      ...err(pod.automountServiceAccountToken === false, 'pod automounts a token'),
    ]);
    add(`Deployment/${app} config only from ConfigMap/Secret refs`, cs.flatMap((c) => [
      ...(c.env ?? []).filter((e) => !e.valueFrom?.configMapKeyRef && !e.valueFrom?.secretKeyRef)
        .map((e) => `${c.name}: env ${e.name} is a literal`),
      ...(c.envFrom ?? []).filter((f) => f.configMapRef && !one('ConfigMap', f.configMapRef.name))
        .map((f) => `${c.name}: ConfigMap ${f.configMapRef.name} not rendered`),
      ...err(c.envFrom?.some((f) => f.configMapRef), `${c.name}: no envFrom ConfigMap`),
    ]));
    const main = pod.containers[0];
    const setting = (n) => envSource(main, n, configMap);
    const keyFile = setting('MP_JWT_VERIFY_PUBLICKEY_LOCATION')?.value ?? '';
    const keyMount = (main.volumeMounts ?? []).find((m) => keyFile.startsWith(`${m.mountPath.replace(/\/$/, '')}/`));
    const keyVolume = pod.volumes?.find((v) => v.name === keyMount?.name);
    add(`Deployment/${app} verifies bearer tokens`, [
      ...JWT_SETTINGS.flatMap((n) => err(setting(n)?.value || setting(n)?.secret, `${main.name}: ${n} not set`)),
      ...err(keyVolume?.configMap || keyVolume?.secret,
        `${main.name}: the token key ${keyFile || '(none)'} is not mounted from a ConfigMap or Secret`),
    ]);
    add(`Deployment/${app} calls the services with its caller's token, none of its own`,
      err(!setting(OWN_TOKEN), `${main.name}: ${OWN_TOKEN} is set`));
    add(`Deployment/${app} keeps the management interface on`,
      err(setting('QUARKUS_MANAGEMENT_ENABLED')?.value !== 'false' && !setting('QUARKUS_MANAGEMENT_PORT'),
        `${main.name}: management interface disabled or moved off ${MANAGEMENT.port}`));
    const tokenKey = env(main, PAGE_TOKEN_KEY.env)?.valueFrom?.secretKeyRef;
    add(`Deployment/${app} page token key from Secret ${PAGE_TOKEN_KEY.secret}`, [
      ...err(tokenKey, `no ${PAGE_TOKEN_KEY.env} from a Secret`),
      ...err(!tokenKey || (tokenKey.name === PAGE_TOKEN_KEY.secret && tokenKey.key === PAGE_TOKEN_KEY.key),
        `${PAGE_TOKEN_KEY.env} from ${tokenKey?.name}/${tokenKey?.key}, expected ${PAGE_TOKEN_KEY.secret}/${PAGE_TOKEN_KEY.key}`),
      ...err(!tokenKey?.optional, `${PAGE_TOKEN_KEY.env} is optional: the pod would start without it`),
    ]);
    for (const [t, e] of shutdownRules(main, pod, setting)) add(`Deployment/${app} ${t}`, e);
    if (prod) {
      add(`Deployment/${app} logs JSON`, err(setting(JSON_LOGS)?.value === 'true', `${main.name}: ${JSON_LOGS} is not "true"`));
      add(`Deployment/${app} at least 3 replicas`, err(dep.spec.replicas >= 3, `replicas ${dep.spec.replicas}`));
      const pdbs = all('PodDisruptionBudget').filter((p) => selects(p.spec.selector, labels));
      add(`Deployment/${app} has a PodDisruptionBudget`, [
        ...err(pdbs.length === 1, `${pdbs.length} PodDisruptionBudgets select it`),
        ...pdbs.flatMap((p) => err(p.spec.maxUnavailable !== 0 && p.spec.minAvailable !== '100%',
          `PodDisruptionBudget/${p.metadata.name} blocks every eviction`)),
      ]);
      const hpa = all('HorizontalPodAutoscaler').find((h) => h.spec.scaleTargetRef.kind === 'Deployment'
        && h.spec.scaleTargetRef.name === app);
      add(`Deployment/${app} has a HorizontalPodAutoscaler from 3`, [
        ...err(hpa, 'no HorizontalPodAutoscaler'),
        ...err(!hpa || hpa.spec.minReplicas >= 3, `minReplicas ${hpa?.spec.minReplicas}`),
        ...err(!hpa || hpa.spec.maxReplicas > hpa.spec.minReplicas, 'maxReplicas not above minReplicas'),
      ]);
      const spread = pod.topologySpreadConstraints ?? [];
      add(`Deployment/${app} spreads over nodes and zones`, ['kubernetes.io/hostname', 'topology.kubernetes.io/zone']
        .flatMap((key) => err(spread.some((t) => t.topologyKey === key && selects(t.labelSelector, labels)),
          `no topology spread on ${key} selecting its pods`)));
    } else if (overlay === 'dev') {
      add(`Deployment/${app} one replica`, err(dep.spec.replicas === 1, `replicas ${dep.spec.replicas}`));
    }
  }

  // Databases: one CloudNativePG cluster per owning service, credentials from <cluster>-app.
  const owned = new Map();
  for (const app of DB_OWNERS) {
    const c = one('Deployment', app)?.spec.template.spec.containers[0] ?? {};
    const refs = ['QUARKUS_DATASOURCE_JDBC_URL', 'QUARKUS_DATASOURCE_USERNAME', 'QUARKUS_DATASOURCE_PASSWORD']
      .map((n) => [n, env(c, n)?.valueFrom?.secretKeyRef]);
    const secret = refs[0][1]?.name ?? '';
    const cluster = one('Cluster', secret.replace(/-app$/, ''));
    owned.set(app, cluster?.metadata.name);
    add(`${app} owns a CloudNativePG database`, [
      ...err(cluster && cluster.apiVersion === 'postgresql.cnpg.io/v1', `no Cluster behind Secret ${secret}`),
      ...refs.flatMap(([n, ref], i) => err(ref?.name === secret && secret.endsWith('-app')
        && ref?.key === ['jdbc-uri', 'username', 'password'][i], `${n} not from ${secret}`)),
      ...err(configMap(app).QUARKUS_FLYWAY_MIGRATE_AT_START === 'true', 'Flyway does not migrate at start'),
    ]);
  }
  add('each service has its own database cluster', err(new Set(owned.values()).size === DB_OWNERS.length,
    `clusters: ${[...owned.values()].join(', ')}`));
  for (const cl of all('Cluster')) {
    const r = cl.spec.resources ?? {};
    add(`Cluster/${cl.metadata.name} pinned image, requests and limits`, [
      ...imageProblems(cl.spec.imageName),
      ...['requests', 'limits'].flatMap((k) => ['cpu', 'memory'].flatMap((res) => err(r[k]?.[res], `no ${k}.${res}`))),
      ...(prod ? err(cl.spec.instances >= 3, `instances ${cl.spec.instances}`) : []),
    ]);
    // Dev runs one instance without backups; prod must not lose an acknowledged write or a volume's data.
    if (prod) for (const [t, e] of durabilityRules(cl, docs, new Map(all('ObjectStore').map((o) => [o.metadata.name, o])))) add(t, e);
  }
  if (prod) for (const store of all('ObjectStore')) for (const [t, e] of storeRules(store)) add(t, e);

  // Traces: opt-in (components/tracing), but then from every app to the same collector.
  const endpoints = APPS.map((app) => {
    const c = one('Deployment', app)?.spec.template.spec.containers[0];
    return c && envSource(c, OTLP_ENDPOINT, configMap)?.value;
  });
  const collector = endpoints.find(Boolean);
  const collectorUrl = /^https?:\/\/[^/:]+:\d+\/?$/.test(collector ?? '') ? new URL(collector) : undefined;
  if (collector) {
    add('every app exports traces to the same collector', [
      ...APPS.flatMap((app, i) => err(endpoints[i] === collector, `${app}: ${OTLP_ENDPOINT} ${endpoints[i]}, expected ${collector}`)),
      ...err(collectorUrl, `${OTLP_ENDPOINT} ${collector} is not http(s)://host:port`),
    ]);
  }

  // gRPC: headless backends, round_robin over the dns resolver, connection age on servers.
  for (const app of GRPC_BACKENDS) {
    const svc = one('Service', app);
    add(`Service/${app} is headless with a grpc port`, [
      ...err(svc?.spec.clusterIP === 'None', 'not headless'),
      ...err(svc?.spec.ports?.some((p) => p.name === 'grpc' && [8080, 'http'].includes(p.targetPort ?? p.port)),
        'no port named grpc to 8080'),
    ]);
    if (prod) {
      add(`${app} serves no gRPC reflection in prod`, err(configMap(app).QUARKUS_GRPC_SERVER_ENABLE_REFLECTION_SERVICE === 'false',
        'QUARKUS_GRPC_SERVER_ENABLE_REFLECTION_SERVICE is not "false"'));
    }
    add(`${app} limits gRPC connection age`, err(configMap(app).HABEAS_GRPC_SERVER_MAX_CONNECTION_AGE,
      'HABEAS_GRPC_SERVER_MAX_CONNECTION_AGE not set'));
  }
  // Memory (k8s/README.md, "Memory"): the JVM bounds itself, and the container's limit sits above.
  for (const app of APPS) {
    const cm = configMap(app);
    const options = cm.JAVA_OPTS_APPEND ?? '';
    const heap = jvmMebibytes(options, '-Xmx');
    const limit = mebibytes(one('Deployment', app)?.spec.template.spec.containers[0].resources?.limits?.memory);
    add(`${app} bounds its JVM's memory below the container's limit`, [
      ...err(heap !== undefined, `${app}: JAVA_OPTS_APPEND sets no -Xmx`),
      ...err(jvmMebibytes(options, '-XX:MaxMetaspaceSize=') !== undefined, `${app}: no -XX:MaxMetaspaceSize`),
      ...err(jvmMebibytes(options, '-XX:ReservedCodeCacheSize=') !== undefined, `${app}: no -XX:ReservedCodeCacheSize`),
      ...err(!/MaxRAMPercentage/.test(options), `${app}: -XX:MaxRAMPercentage sizes the heap from the limit`),
      ...err(cm.MALLOC_ARENA_MAX !== undefined, `${app}: MALLOC_ARENA_MAX not set`),
      ...err(heap === undefined || (limit !== undefined && limit >= heap + NON_HEAP_MIB),
        `${app}: memory limit ${limit ?? 'none'} MiB leaves less than ${NON_HEAP_MIB} MiB above the heap's ${heap} MiB`),
    ]);
  }
  add('Service/gateway has an http port', err(one('Service', 'gateway')?.spec.ports?.some((p) => p.name === 'http'),
    'no port named http'));
  for (const [app, clients] of Object.entries(GRPC_CLIENTS)) {
    const cm = configMap(app);
    add(`${app} gRPC clients balance per request`, Object.entries(clients).flatMap(([c, svc]) => {
      const v = (k) => cm[`QUARKUS_GRPC_CLIENTS_${c}_${k}`];
      return [
        ...err(v('HOST') === svc || v('HOST')?.startsWith(`${svc}.`), `${c} host ${v('HOST')}, expected ${svc}`),
        ...err(v('PORT') === '8080', `${c} port ${v('PORT')}`),
        ...err(v('LOAD_BALANCING_POLICY') === 'round_robin', `${c} policy ${v('LOAD_BALANCING_POLICY')}`),
        ...err(v('NAME_RESOLVER') === 'dns', `${c} resolver ${v('NAME_RESOLVER')}`),
      ];
    }));
  }

  results.push(...networkRules(overlay, docs, owned, collectorUrl));

  if (prod) {
    const ing = all('Ingress').find((i) => i.spec.rules?.some((r) => r.http?.paths?.some((p) =>
      p.backend.service?.name === 'gateway')));
    const hosts = ing?.spec.rules.map((r) => r.host) ?? [];
    add('Ingress routes to the gateway over TLS', [
      ...err(ing, 'no Ingress to Service gateway'),
      ...err(ing?.spec.tls?.length && hosts.every((h) => ing.spec.tls.some((t) => t.secretName && t.hosts?.includes(h))),
        'a host without TLS'),
    ]);
    const exposed = all('Ingress').flatMap((i) => i.spec.rules.flatMap((r) => r.http?.paths ?? []))
      .map((p) => p.path ?? '/');
    add('Ingress publishes only the API', exposed.flatMap((path) =>
      err(path.startsWith('/api/'), `public path ${path}`)));
    add('no Service exposes the management port', all('Service').flatMap((s) => (s.spec.ports ?? [])
      .filter((p) => [MANAGEMENT.name, MANAGEMENT.port].includes(p.targetPort ?? p.port))
      .map((p) => `Service/${s.metadata.name} port ${p.name}`)));
    const monitors = all('PodMonitor').flatMap((m) => m.spec.podMetricsEndpoints
      .filter((e) => e.path === '/q/metrics' && e.port === MANAGEMENT.name).map(() => m));
    add('Prometheus scrapes /q/metrics of every app on the management port', APPS.flatMap((app) => {
      const labels = one('Deployment', app)?.spec.template.metadata.labels;
      return err(monitors.some((m) => selects(m.spec.selector, labels)), `${app} not scraped`);
    }));
  }
  return results;
}

// owned: service -> its database cluster; collector: the OTLP endpoint URL, if traces are exported.
function networkRules(overlay, docs, owned, collector) {
  const policies = docs.filter((d) => d.kind === 'NetworkPolicy');
  const pod = (ns, labels) => ({ ns, labels, ports: { http: 8080, [MANAGEMENT.name]: MANAGEMENT.port } });
  const app = (name) => pod(NAMESPACE, docs.find((d) => d.kind === 'Deployment' && d.metadata.name === name)
    ?.spec.template.metadata.labels ?? {});
  const db = (cluster) => pod(NAMESPACE, { 'cnpg.io/cluster': cluster, 'cnpg.io/podRole': 'instance' });
  const P = {
    gateway: app('gateway'), detention: app('detention-service'), statement: app('statement-service'),
    detentionDb: db(owned.get('detention-service') ?? 'detention-db'),
    statementDb: db(owned.get('statement-service') ?? 'statement-db'),
    objectStore: pod('outside', {}),
    ingress: pod('ingress-nginx', { 'app.kubernetes.io/name': 'ingress-nginx' }),
    dns: pod('kube-system', { 'k8s-app': 'kube-dns' }),
    operator: pod('cnpg-system', { 'app.kubernetes.io/name': 'cloudnative-pg' }),
    stranger: pod('default', { app: 'stranger' }),
    prometheus: pod('monitoring', { 'app.kubernetes.io/name': 'prometheus' }),
  };
  const monitored = docs.some((d) => d.kind === 'PodMonitor');
  const defaultDeny = policies.some((p) => Object.keys(p.spec.podSelector ?? {}).length === 0
    && ['Ingress', 'Egress'].every((t) => p.spec.policyTypes?.includes(t)) && !p.spec.ingress && !p.spec.egress);
  const results = [{ title: `${overlay}: NetworkPolicy default deny (ingress and egress)`, errors: err(defaultDeny, 'missing') }];
  const expect = (from, to, port, want, protocol = 'TCP') => results.push({
    title: `${overlay}: network ${from} -> ${to}:${port}/${protocol} ${want ? 'allowed' : 'denied'}`,
    errors: err(allowed(policies, P[from], P[to], port, protocol) === want, want ? 'blocked' : 'not blocked'),
  });
  for (const a of ['gateway', 'detention', 'statement']) expect(a, 'dns', 53, true, 'UDP');
  expect('ingress', 'gateway', 8080, true);
  expect('gateway', 'detention', 8080, true);
  expect('gateway', 'statement', 8080, true);
  expect('statement', 'detention', 8080, true);
  expect('detention', 'detentionDb', 5432, true);
  expect('statement', 'statementDb', 5432, true);
  expect('operator', 'detentionDb', 8000, true);
  expect('operator', 'statementDb', 8000, true);
  expect('stranger', 'gateway', 8080, false);
  expect('stranger', 'detention', 8080, false);
  expect('stranger', 'detentionDb', 5432, false);
  expect('ingress', 'detention', 8080, false);
  expect('ingress', 'statement', 8080, false);
  expect('detention', 'statement', 8080, false);
  expect('detention', 'gateway', 8080, false);
  expect('statement', 'gateway', 8080, false);
  expect('gateway', 'detentionDb', 5432, false);
  expect('gateway', 'statementDb', 5432, false);
  expect('detention', 'statementDb', 5432, false);
  expect('statement', 'detentionDb', 5432, false);
  expect('detentionDb', 'statementDb', 5432, false);
  expect('gateway', 'stranger', 443, false);
  expect('detention', 'stranger', 443, false);
  // Prometheus reaches the management port only, and only where the monitoring component is on.
  for (const a of ['gateway', 'detention', 'statement']) {
    expect('prometheus', a, MANAGEMENT.port, monitored);
    expect('prometheus', a, 8080, false);
    expect('gateway', a, MANAGEMENT.port, false);
  }
  expect('ingress', 'gateway', MANAGEMENT.port, false);
  expect('stranger', 'gateway', MANAGEMENT.port, false);
  expect('prometheus', 'detentionDb', 9187, monitored);
  expect('prometheus', 'detentionDb', 5432, false);
  // Backups: the databases reach the object store over HTTPS.
  if (docs.some((d) => d.kind === 'ObjectStore')) {
    expect('detentionDb', 'objectStore', 443, true);
    expect('statementDb', 'objectStore', 443, true);
  }
  // Traces: every app reaches the collector's port, and that port nowhere else. The collector's
  // namespace is the second label of its host name (otel-collector.observability.svc).
  if (collector) {
    P.collector = pod(collector.hostname.split('.')[1] ?? NAMESPACE, {});
    for (const a of ['gateway', 'detention', 'statement']) {
      expect(a, 'collector', Number(collector.port), true);
      expect(a, 'stranger', Number(collector.port), false);
    }
  }
  return results;
}
