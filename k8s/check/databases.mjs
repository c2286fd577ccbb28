// Durability rules for the CloudNativePG clusters: in prod, synchronous quorum replication and
// continuous WAL archiving plus scheduled base backups into an ObjectStore with a retention; and
// the point-in-time restore manifests of k8s/restore/. Each rule yields [title, errors].
import { allowed } from './netpol.mjs';

export const BARMAN = 'barman-cloud.cloudnative-pg.io';
const err = (cond, msg) => (cond ? [] : [msg]);
const named = (docs, kind) => new Map(docs.filter((d) => d.kind === kind).map((d) => [d.metadata.name, d]));
// RFC 3339 with an explicit zone: without one, PostgreSQL would read the time in its own zone.
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

// Where a cluster archives its WAL and base backups: the ObjectStore and the folder (server name) in it.
export function archiveOf(cl) {
  const p = (cl.spec.plugins ?? []).find((x) => x.name === BARMAN && x.isWALArchiver === true && x.enabled !== false);
  return p && { store: p.parameters?.barmanObjectName, server: p.parameters?.serverName ?? cl.metadata.name };
}

// stores: the ObjectStores the cluster may archive to (its render's, or prod's for a restore).
export function durabilityRules(cl, docs, stores) {
  const name = cl.metadata.name;
  const sync = cl.spec.postgresql?.synchronous;
  const replicas = cl.spec.instances - 1;
  const archive = archiveOf(cl);
  const backups = docs.filter((d) => d.kind === 'ScheduledBackup' && d.spec.cluster?.name === name);
  return [
    [`Cluster/${name} acknowledges a commit only once a replica has it (quorum, durability required)`, sync ? [
      ...err(sync.method === 'any', `method ${sync.method}, expected any (a quorum of the replicas)`),
      ...err(sync.number >= 1, `number ${sync.number}, expected at least 1`),
      ...err(replicas - sync.number >= 1, `number ${sync.number} of ${replicas} replicas leaves none to spare: writes stop while one is down`),
      ...err(sync.dataDurability === 'required', `dataDurability ${sync.dataDurability}, expected required`),
      ...err(sync.failoverQuorum === true, 'failoverQuorum not true: a failover could promote a replica without the last commits'),
    ] : ['no synchronous replication (spec.postgresql.synchronous)']],
    [`Cluster/${name} archives its WAL continuously to an ObjectStore`, [
      ...err(archive, `no WAL archiver (spec.plugins: ${BARMAN} with isWALArchiver: true)`),
      ...err(!archive || stores.has(archive.store), `ObjectStore ${archive?.store} not found`),
    ]],
    [`Cluster/${name} has a ScheduledBackup through the plugin`, backups.length ? backups.flatMap((b) => [
      ...err(b.spec.method === 'plugin' && b.spec.pluginConfiguration?.name === BARMAN,
        `ScheduledBackup/${b.metadata.name} method ${b.spec.method}, expected plugin ${BARMAN}`),
      ...err(b.spec.suspend !== true, `ScheduledBackup/${b.metadata.name} is suspended`),
    ]) : ['no ScheduledBackup']],
  ];
}

export function storeRules(store) {
  const c = store.spec.configuration;
  const s3 = c.s3Credentials ?? {};
  return [[`ObjectStore/${store.metadata.name} has a bucket, credentials by reference and a retention`, [
    ...err(store.spec.retentionPolicy, 'no retentionPolicy: backups and WAL would be kept forever'),
    ...err(c.destinationPath, 'no destinationPath'),
    ...err(s3.inheritFromIAMRole || (s3.accessKeyId?.name && s3.secretAccessKey?.name),
      'no credentials: neither a Secret nor inheritFromIAMRole'),
  ]]];
}

// docs: a render of k8s/restore/<cluster>; prodDocs: the prod render it restores from.
export function restoreRules(docs, prodDocs) {
  const prodClusters = named(prodDocs, 'Cluster');
  const prodStores = named(prodDocs, 'ObjectStore');
  const restored = docs.filter((d) => d.kind === 'Cluster' && d.spec.bootstrap?.recovery);
  const results = [['a Cluster bootstrapped from a backup', err(restored.length, 'no Cluster with bootstrap.recovery')]];
  for (const cl of restored) {
    const name = cl.metadata.name;
    const recovery = cl.spec.bootstrap.recovery;
    const source = (cl.spec.externalClusters ?? []).find((e) => e.name === recovery.source);
    const from = source?.plugin?.name === BARMAN ? source.plugin.parameters ?? {} : {};
    const origin = prodClusters.get(from.serverName);
    const initdb = origin?.spec.bootstrap?.initdb ?? {};
    const time = recovery.recoveryTarget?.targetTime;
    const archive = archiveOf(cl);
    results.push(
      [`Cluster/${name} restores the backups of a prod cluster`, [
        ...err(source, `source ${recovery.source} is not one of its externalClusters`),
        ...err(!source || source.plugin?.name === BARMAN, `externalCluster ${recovery.source} is not read through ${BARMAN}`),
        ...err(!source || prodStores.has(from.barmanObjectName), `ObjectStore ${from.barmanObjectName} is not in the prod overlay`),
        ...err(!source || origin, `serverName ${from.serverName} is not a prod Cluster`),
        ...err(!origin || (recovery.database === initdb.database && recovery.owner === initdb.owner),
          `database/owner ${recovery.database}/${recovery.owner}, expected ${initdb.database}/${initdb.owner} as in ${from.serverName}`),
      ]],
      [`Cluster/${name} stops at a point in time`, time === undefined ? ['no recoveryTarget.targetTime']
        : err(RFC3339.test(time) && !Number.isNaN(Date.parse(time)), `targetTime "${time}" is not RFC 3339 with a zone, e.g. 2026-08-21T10:42:00Z`)],
      [`Cluster/${name} archives into a folder of its own`, err(!archive || !prodClusters.has(archive.server),
        `archives into ${archive?.server}, a prod cluster's folder: the archive check refuses it, or two histories mix`)],
      ...durabilityRules(cl, docs, prodStores),
      ...restoredNetworkRules(cl, docs, prodDocs, origin),
    );
  }
  return results;
}

// The restored cluster's own NetworkPolicy must let it work under the prod default deny.
function restoredNetworkRules(cl, docs, prodDocs, origin) {
  const policies = docs.filter((d) => d.kind === 'NetworkPolicy');
  const ns = cl.metadata.namespace;
  const owner = prodDocs.find((d) => d.kind === 'Deployment' && d.spec.template.spec.containers[0].env
    ?.some((e) => e.valueFrom?.secretKeyRef?.name === `${origin?.metadata.name}-app`));
  const P = {
    db: { ns, labels: { 'cnpg.io/cluster': cl.metadata.name, 'cnpg.io/podRole': 'instance' } },
    service: { ns, labels: owner?.spec.template.metadata.labels ?? {} },
    operator: { ns: 'cnpg-system', labels: { 'app.kubernetes.io/name': 'cloudnative-pg' } },
    objectStore: { ns: 'outside', labels: {} },
    stranger: { ns: 'default', labels: { app: 'stranger' } },
  };
  const isolated = policies.some((p) => p.spec.podSelector?.matchLabels?.['cnpg.io/cluster'] === cl.metadata.name
    && ['Ingress', 'Egress'].every((t) => p.spec.policyTypes?.includes(t)));
  const flows = [['service', 'db', 5432, true], ['db', 'db', 5432, true], ['operator', 'db', 8000, true],
    ['db', 'objectStore', 443, true], ['stranger', 'db', 5432, false]];
  return [
    [`Cluster/${cl.metadata.name} has its own NetworkPolicy`, err(isolated, 'no NetworkPolicy selecting its pods for ingress and egress')],
    ...flows.map(([from, to, port, want]) => [`network ${from} -> ${to}:${port} ${want ? 'allowed' : 'denied'} for Cluster/${cl.metadata.name}`,
      err(allowed(policies, P[from], P[to], port) === want, want ? 'blocked' : 'not blocked')]),
  ];
}
