#!/usr/bin/env bash
# Offline checks for k8s/: renders every overlay with kubectl kustomize, validates every
# object against strict schemas, applies the policy rules and runs the self-tests.
# CI: bash k8s/check/run.sh   (last line: "N passed, M failed"; non-zero exit on failure)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

missing=()
command -v kubectl >/dev/null || missing+=(kubectl)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if ((${#missing[@]})); then
  echo "installing ${missing[*]} with apt-get"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Reinstall only when the lockfile changed, so a second run needs no network.
lock_sum="$(sha256sum "$here/package-lock.json" | cut -d' ' -f1)"
if [[ "$(cat "$here/node_modules/.lock-sum" 2>/dev/null || true)" != "$lock_sum" ]]; then
  echo "installing the checker's npm packages (npm ci)"
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_sum" > "$here/node_modules/.lock-sum"
fi

exec node "$here/check.mjs"
