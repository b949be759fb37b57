#!/usr/bin/env bash
# Benchmark: `meshdeck functions -o json` against `kubectl get` of the same kinds as JSON, whole process
# against whole process, on the sandbox grown to N synthetic functions (default 10,000).
# Target: meshdeck takes at most 1.3x kubectl's time. Needs: the built jar (mvn -q -DskipTests package) and kubectl.
# Usage: bench/functions-vs-kubectl.sh [N] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
RUNS=${2:-3}
JAR=app/target/meshdeck.jar
[ -f "$JAR" ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 2; }
work=$(mktemp -d)
trap 'kill "$sandbox_pid" 2>/dev/null || true; wait "$sandbox_pid" 2>/dev/null || true; rm -rf "$work"' EXIT

java -jar "$JAR" sandbox --functions "$N" --env-out "$work/env" > "$work/sandbox.log" 2>&1 &
sandbox_pid=$!
for _ in $(seq 1 300); do [ -s "$work/env" ] && break; sleep 1; done
[ -s "$work/env" ] || { cat "$work/sandbox.log" >&2; exit 1; }
# shellcheck disable=SC1091
. "$work/env"

KINDS=ksvc,functions.openfaas.com,functions.kubeless.io,deployments,services,endpoints,pods,virtualservices.networking.istio.io,destinationrules.networking.istio.io,authorizationpolicies.security.istio.io,peerauthentications.security.istio.io,requestauthentications.security.istio.io

millis() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
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
