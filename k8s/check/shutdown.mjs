// Graceful shutdown of an app container (k8s/README.md, "Shutdown"): the preStop hook holds it
// while Kubernetes takes the pod out of Services and DNS; then SIGTERM, after which Quarkus
// answers readiness DOWN for the shutdown delay while still serving, and gives calls in flight
// the shutdown timeout. The grace period must cover all three, plus a margin for the JVM to exit.
const DELAY = 'QUARKUS_SHUTDOWN_DELAY';
const TIMEOUT = 'QUARKUS_SHUTDOWN_TIMEOUT';
const MARGIN_SECONDS = 5;
const err = (cond, msg) => (cond ? [] : [msg]);

// Quarkus durations: a number of seconds, a number with ms/s/m/h/d, or ISO 8601 (PT20S). Seconds, or NaN.
export function durationSeconds(text) {
  const v = String(text ?? '').trim();
  let m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/i.exec(v);
  if (m) return Number(m[1]) * { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 }[(m[2] ?? 's').toLowerCase()];
  m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/i.exec(v);
  if (m && v.length > 2) return (Number(m[1] ?? 0) * 3600) + (Number(m[2] ?? 0) * 60) + Number(m[3] ?? 0);
  return NaN;
}

// setting(name): where the container's variable comes from ({ value } read from its ConfigMaps).
export function shutdownRules(c, pod, setting) {
  // The native sleep action (Kubernetes 1.30+): no shell or sleep binary needed in the image.
  const preStop = c.lifecycle?.preStop?.sleep?.seconds;
  const delay = durationSeconds(setting(DELAY)?.value);
  const timeout = durationSeconds(setting(TIMEOUT)?.value);
  const grace = pod.terminationGracePeriodSeconds ?? 30;
  const needed = preStop + delay + timeout + MARGIN_SECONDS;
  const ready = c.readinessProbe ?? {};
  const noticed = (ready.periodSeconds ?? 10) * (ready.failureThreshold ?? 3);
  return [
    [`stops gracefully: grace period >= preStop + shutdown delay + timeout + ${MARGIN_SECONDS} s`, [
      ...err(preStop > 0, `${c.name}: no preStop hook holding it before SIGTERM`),
      ...[DELAY, TIMEOUT].flatMap((n) => err(durationSeconds(setting(n)?.value) > 0,
        `${c.name}: ${n} not set to a duration (${setting(n)?.value})`)),
      ...err(!(grace < needed),
        `terminationGracePeriodSeconds ${grace} < ${needed} (preStop ${preStop} s + delay ${delay} s + timeout ${timeout} s + ${MARGIN_SECONDS} s)`),
    ]],
    [`readiness probe drops the pod within the shutdown delay`, err(!(noticed > delay),
      `${c.name}: readiness probe notices DOWN only after ${noticed} s (periodSeconds x failureThreshold), delay ${delay} s`)],
  ];
}
