#!/usr/bin/env bash
# Benchmark: `meshdeck functions -o json` against the wire: the same 11 LIST responses MeshDeck's discovery reads
# (KubeKind.ALL, all namespaces), fetched raw and in parallel with curl, on the sandbox grown to N synthetic
# functions (default 10,000). Runs alternate (wire, meshdeck, wire, ...); medians are compared.
# The ratio is taken with Lambda not configured, as the wire fetches no Lambda: the sandbox's Lambda control plane
# holds N/10 functions that MeshDeck lists too, with one ListAliases call per function, which the LISTs do not
# include. That full run (Kubernetes and Lambda) is printed apart. Target: meshdeck <= 2.5x the wire (#22).
# Needs: the built jar (mvn -q -DskipTests package; JAR=other.jar for another build) and curl.
# Usage: bench/functions-vs-wire.sh [N] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
RUNS=${2:-5}
# shellcheck source=bench/sandbox.sh
. bench/sandbox.sh
server=$(sed -n 's/^ *server: *"\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' "$KUBECONFIG" | head -1)
token=$(sed -n 's/^ *token: *"\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' "$KUBECONFIG" | head -1)

# the lists KubeKind.ALL reads (connectors/.../kube/KubeKind.java)
PATHS=(
  /apis/serving.knative.dev/v1/services /apis/openfaas.com/v1/functions /apis/kubeless.io/v1beta1/functions
  /apis/apps/v1/deployments /api/v1/endpoints /api/v1/pods
  /apis/networking.istio.io/v1/virtualservices /apis/networking.istio.io/v1/destinationrules
  /apis/security.istio.io/v1/authorizationpolicies /apis/security.istio.io/v1/peerauthentications
  /apis/security.istio.io/v1/requestauthentications
)

wire() {
  local i=0 pids=()
  for p in "${PATHS[@]}"; do
    curl -sf -H "Authorization: Bearer $token" -o "$work/list.$i.json" "$server$p" &
    pids+=($!)
    i=$((i + 1))
  done
  wait "${pids[@]}"   # not a bare wait: the sandbox is a child too
}
timed() { local start; start=$(millis); "$@"; echo $(( $(millis) - start )); }
# Kubernetes only: the AWS variables unset, so Lambda is "not configured" (AwsDetection) and never asked
kube_only() {
  env -u AWS_ACCESS_KEY_ID -u AWS_SECRET_ACCESS_KEY -u AWS_ENDPOINT_URL_LAMBDA -u AWS_ENDPOINT_URL_CLOUDWATCH \
    -u AWS_REGION -u AWS_PROFILE java "$@" -jar "$JAR" functions -o json > "$work/out.json" 2> "$work/err.txt"
}
# C2, HotSpot's optimising compiler, spends more than it saves in a run of seconds: C1 alone, as a launcher
# for short CLI runs could ask (printed for information, not in the ratio)
c1_only() { kube_only -XX:TieredStopAtLevel=1; }
with_lambda() { java -jar "$JAR" functions -o json > "$work/all.json" 2> "$work/err.txt"; }

wire; kube_only   # warm the server and the page cache
: > "$work/wire.ms"; : > "$work/meshdeck.ms"; : > "$work/c1.ms"; : > "$work/lambda.ms"
for _ in $(seq 1 "$RUNS"); do
  timed wire >> "$work/wire.ms"
  timed kube_only >> "$work/meshdeck.ms"
  timed c1_only >> "$work/c1.ms"
done
for _ in $(seq 1 "$(( (RUNS + 1) / 2 ))"); do timed with_lambda >> "$work/lambda.ms"; done
wire_ms=$(median < "$work/wire.ms")
meshdeck_ms=$(median < "$work/meshdeck.ms")
lambda_ms=$(median < "$work/lambda.ms")
c1_ms=$(median < "$work/c1.ms")
bytes=$(cat "$work"/list.*.json | wc -c)
rows=$(grep -c '"platform"' "$work/out.json")
all_rows=$(grep -c '"platform"' "$work/all.json")

echo "sandbox: $N synthetic functions (+ the default estate), $RUNS alternated runs each, median wall time; $(uptime | sed 's/.*load/load/')"
echo "wire: ${#PATHS[@]} LISTs in parallel (curl)          : ${wire_ms} ms  ($((bytes / 1048576)) MB of JSON)"
echo "meshdeck functions -o json (Kubernetes) : ${meshdeck_ms} ms  ($rows functions; JVM start included)"
awk -v m="$meshdeck_ms" -v w="$wire_ms" 'BEGIN { printf "ratio meshdeck/wire                     : %.2f (target <= 2.50)\n", m / w }'
echo "with -XX:TieredStopAtLevel=1 (C1 only)  : ${c1_ms} ms  (not in the ratio)"
echo "with Lambda as well (not in the ratio)  : ${lambda_ms} ms  ($all_rows functions; ListFunctions + ListAliases per function)"
