// A small NetworkPolicy evaluator (networking.k8s.io/v1 semantics): is a TCP/UDP
// connection from one pod to another allowed by the rendered policies?
// Pods are { ns, labels, ports: { name: number } }; namespaces carry only the
// kubernetes.io/metadata.name label, as the API server sets it.

export function selects(selector, labels = {}) {
  if (!selector) return true;
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, e.key);
    const ok = {
      In: has && e.values.includes(labels[e.key]),
      NotIn: !has || !e.values.includes(labels[e.key]),
      Exists: has,
      DoesNotExist: !has,
    }[e.operator];
    if (!ok) return false;
  }
  return true;
}

const nsLabels = (ns) => ({ 'kubernetes.io/metadata.name': ns });

function peerMatches(peer, policyNs, pod) {
  if (peer.ipBlock) return true; // over-approximate: an IP block may contain pod IPs
  const nsOk = peer.namespaceSelector ? selects(peer.namespaceSelector, nsLabels(pod.ns)) : pod.ns === policyNs;
  return nsOk && selects(peer.podSelector, pod.labels);
}

function portMatches(ports, dst, port, protocol) {
  if (!ports?.length) return true;
  return ports.some((p) => {
    if ((p.protocol ?? 'TCP') !== protocol) return false;
    if (p.port === undefined) return true;
    const n = typeof p.port === 'string' ? dst.ports?.[p.port] : p.port;
    return n === port || (p.endPort !== undefined && port >= n && port <= p.endPort);
  });
}

function policyTypes(p) {
  return p.spec.policyTypes ?? ['Ingress', ...(p.spec.egress ? ['Egress'] : [])];
}

export function allowed(policies, src, dst, port, protocol = 'TCP') {
  return evalSide(policies, 'Egress', src, dst, dst, port, protocol)
    && evalSide(policies, 'Ingress', dst, src, dst, port, protocol);
}

// One direction: if any policy isolates `pod` for `type`, one of their rules must admit
// the other end on this port.
function evalSide(policies, type, pod, other, dst, port, protocol) {
  const isolating = policies.filter((p) =>
    (p.metadata.namespace ?? 'default') === pod.ns && selects(p.spec.podSelector, pod.labels) && policyTypes(p).includes(type));
  if (!isolating.length) return true;
  const [rulesKey, peersKey] = type === 'Ingress' ? ['ingress', 'from'] : ['egress', 'to'];
  return isolating.some((p) => (p.spec[rulesKey] ?? []).some((r) =>
    (!r[peersKey]?.length || r[peersKey].some((peer) => peerMatches(peer, p.metadata.namespace, other)))
    && portMatches(r.ports, dst, port, protocol)));
}
