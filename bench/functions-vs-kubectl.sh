#!/usr/bin/env bash
# Benchmark: `meshdeck functions -o json` against `kubectl get` of the same kinds as JSON, whole process
# against whole process, on the sandbox grown to N synthetic functions (default 10,000).
# Target: meshdeck takes at most 1.3x kubectl's time. Needs: the built jar (mvn -q -DskipTests package) and kubectl.
# Usage: bench/functions-vs-kubectl.sh [N] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
RUNS=${2:-3}
# shellcheck source=bench/sandbox.sh
. bench/sandbox.sh

KINDS=ksvc,functions.openfaas.com,functions.kubeless.io,deployments,services,endpoints,pods,virtualservices.networking.istio.io,destinationrules.networking.istio.io,authorizationpolicies.security.istio.io,peerauthentications.security.istio.io,requestauthentications.security.istio.io

time_runs() {
  for _ in $(seq 1 "$RUNS"); do
    local start; start=$(millis)
    "$@" > "$work/out.json"
    echo $(( $(millis) - start ))
  done | median
}

meshdeck_ms=$(time_runs java -jar "$JAR" functions -o json)
rows=$(grep -c '"platform"' "$work/out.json")
kubectl_ms=$(time_runs kubectl get "$KINDS" -A -o json)
objects=$(grep -c '"kind"' "$work/out.json" || true)

echo "sandbox: $N synthetic functions (+ the default estate), $RUNS runs each, median wall time"
echo "meshdeck functions -o json : ${meshdeck_ms} ms  ($rows functions, Kubernetes and Lambda)"
echo "kubectl get <same kinds>   : ${kubectl_ms} ms  (~$objects JSON objects, Kubernetes only)"
awk -v m="$meshdeck_ms" -v k="$kubectl_ms" 'BEGIN { printf "ratio meshdeck/kubectl      : %.2f (target <= 1.30)\n", m / k }'
