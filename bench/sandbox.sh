# Sourced by the bench scripts: the built jar, a work directory, and the sandbox grown to $N functions running
# in the background (stopped, and the work directory removed, when the script exits), its environment sourced.
# Also the timing helpers they share.
JAR=${JAR:-app/target/meshdeck.jar}   # JAR=other.jar compares another build on the same sandbox
[ -f "$JAR" ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 2; }
work=$(mktemp -d)
# The jar's launcher keeps one class archive per build in the user's cache and drops other builds' archives: on a
# machine shared with other builds each run could find its archive gone and record it again. Its own cache here.
export XDG_CACHE_HOME="$work/cache"
trap 'kill "$sandbox_pid" 2>/dev/null || true; wait "$sandbox_pid" 2>/dev/null || true; rm -rf "$work"' EXIT

java -jar "$JAR" sandbox --functions "$N" --env-out "$work/env" > "$work/sandbox.log" 2>&1 &
sandbox_pid=$!
for _ in $(seq 1 300); do [ -s "$work/env" ] && break; sleep 1; done
[ -s "$work/env" ] || { cat "$work/sandbox.log" >&2; exit 1; }
# shellcheck disable=SC1091
. "$work/env"

millis() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
