#!/usr/bin/env bash
# Checks the .deb that `mvn -Pinstallers -DskipTests package` left in installers/target/ the way a user
# without Java would meet it: unpacks it with dpkg-deb -x into a temporary directory and runs the packaged
# launcher with no java on the PATH and no JAVA_HOME:
#   - meshdeck --version
#   - meshdeck validate: exit 0 on a clean file, 1 on a file with a known error (MD0202), 2 on a missing file
#   - meshdeck ui --sandbox --select order-function --screenshot: the window (YAML view included), under Xvfb, to a first rendered frame (a PNG), exit 0,
#     and the JVM and JavaFX libraries it loaded are the package's own runtime's
# Needs: dpkg-deb, Xvfb and xauth (xvfb-run), and the GUI libraries (libgtk-3-0 libgl1 libxtst6 libxxf86vm1).
set -euo pipefail
cd "$(dirname "$0")"

fail() { echo "verify-deb: FAIL: $*" >&2; exit 1; }

deb=$(ls -t target/*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || fail "no .deb in installers/target: run mvn -Pinstallers -DskipTests package first"
echo "package: $deb ($(du -h "$deb" | cut -f1), $(stat -c %s "$deb") bytes)"
dpkg-deb --field "$deb" Package Version Architecture Installed-Size Depends | sed 's/^/  /'
[ "$(dpkg-deb --field "$deb" Package)" = meshdeck ] || fail "the package is not called meshdeck"

work=$(mktemp -d /tmp/meshdeck-deb.XXXXXX)
cleanup() { [ -n "${app_pid:-}" ] && kill "$app_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
dpkg-deb -x "$deb" "$work/root"
dpkg-deb -e "$deb" "$work/control"

app="$work/root/opt/meshdeck"
launcher="$app/bin/meshdeck"
[ -x "$launcher" ] || fail "no launcher at /opt/meshdeck/bin/meshdeck"
desktop=$(ls "$app"/lib/*.desktop 2>/dev/null | head -1)
[ -n "$desktop" ] || fail "no desktop entry in /opt/meshdeck/lib"
grep -q '^Name=MeshDeck$' "$desktop" || fail "desktop entry has no Name=MeshDeck"
grep -q '^Exec=/opt/meshdeck/bin/meshdeck' "$desktop" || fail "desktop entry does not start /opt/meshdeck/bin/meshdeck"
grep -q '^Icon=/opt/meshdeck/lib/meshdeck.png$' "$desktop" || fail "desktop entry has no icon"
[ -s "$app/lib/meshdeck.png" ] || fail "no icon at /opt/meshdeck/lib/meshdeck.png"
grep -q 'xdg-desktop-menu install' "$work/control/postinst" || fail "postinst does not install the menu entry"
grep -q '/usr/bin/meshdeck' "$work/control/postinst" || fail "postinst does not put meshdeck on the PATH"
if command -v desktop-file-validate >/dev/null; then desktop-file-validate "$desktop"; fi
echo "desktop entry: $(basename "$desktop") ($(grep '^Categories=' "$desktop"))"
[ ! -e "$app/lib/runtime/bin/java" ] || fail "the runtime still has bin/java (jlink --strip-native-commands)"
echo "runtime modules: $(tr '\n' ' ' < <(sed -n 's/^MODULES=//p' "$app/lib/runtime/release" | tr -d '"'))"

# No java anywhere on the PATH: an empty bin dir, the launcher called by its absolute path.
nojava="$work/nojava-bin"
mkdir -p "$nojava" "$work/home"
run() { env -i PATH="$nojava" HOME="$work/home" LANG=C.UTF-8 ${DISPLAY:+DISPLAY=$DISPLAY} "$launcher" "$@"; }
if env -i PATH="$nojava" /bin/sh -c 'command -v java' >/dev/null 2>&1; then fail "java is reachable on the test PATH"; fi

echo "--- meshdeck --version"
version=$(run --version)
echo "$version"
grep -q "^meshdeck $(dpkg-deb --field "$deb" Version | sed 's/-[0-9]*$//')" <<<"$version" \
  || fail "--version does not print the package's version"

cat > "$work/clean.yaml" <<'EOF'
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: orders
  namespace: shop
spec:
  hosts:
  - orders
  http:
  - route:
    - destination:
        host: orders
      weight: 90
    - destination:
        host: orders-canary
      weight: 10
EOF
sed 's/weight: 10$/weight: -10/' "$work/clean.yaml" > "$work/negative-weight.yaml"

expect_exit() { # expected-code description command...
  local want=$1 what=$2; shift 2
  set +e; out=$(run "$@" 2>&1); got=$?; set -e
  echo "--- meshdeck $* -> exit $got"
  echo "$out" | sed "s|$work/||g"
  [ "$got" = "$want" ] || fail "$what: exit $got, expected $want"
}
expect_exit 0 "validate on a clean file" validate -f "$work/clean.yaml"
expect_exit 1 "validate on a file with a negative weight" validate -f "$work/negative-weight.yaml"
grep -q 'error MD0202' <<<"$out" || fail "validate did not report MD0202 for the negative weight"
expect_exit 2 "validate on a missing file" validate -f "$work/no-such-file.yaml"

echo "--- meshdeck ui --sandbox --select order-function --screenshot (Xvfb)"
shot="$work/first-frame.png"
display=99
while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
trap 'kill $xvfb_pid 2>/dev/null; cleanup' EXIT
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$display" ] && break; sleep 0.1; done
# not through run(): $! must be the launcher itself (env execs it), whose memory maps are read below
env -i PATH="$nojava" HOME="$work/home" LANG=C.UTF-8 DISPLAY=":$display" \
  "$launcher" ui --sandbox --select order-function --screenshot "$shot" >"$work/ui.log" 2>&1 &
app_pid=$!
# which native libraries the process maps: the JVM and JavaFX's must come from the package's runtime
maps="$work/maps.txt"
: > "$maps"
for _ in $(seq 1200); do
  kill -0 "$app_pid" 2>/dev/null || break
  grep -o '/[^ ]*\.so[^ ]*$' "/proc/$app_pid/maps" 2>/dev/null >> "$maps" || true
  grep -q 'libglass' "$maps" && break
  sleep 0.1
done
for _ in $(seq 1200); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$app_pid" 2>/dev/null; then fail "the window run did not exit within 2 minutes"; fi
set +e; wait "$app_pid"; ui_exit=$?; set -e
app_pid=""
sed "s|$work/||g" "$work/ui.log"
[ "$ui_exit" = 0 ] || fail "the window run exited $ui_exit"
jvm=$(grep -m1 '/libjvm\.so$' "$maps" || true)
glass=$(grep -m1 '/libglass\.so$' "$maps" || true)
echo "JVM loaded: ${jvm#"$work/root"}"
echo "JavaFX glass loaded: ${glass#"$work/root"}"
[[ "$jvm" == "$app/lib/runtime/"* ]] || fail "the launcher did not use the package's runtime"
[[ "$glass" == "$app/lib/runtime/lib/"* ]] || fail "JavaFX's native libraries did not come from the runtime's lib/"
[ -s "$shot" ] || fail "no screenshot written"
[ "$(head -c 8 "$shot" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "the screenshot is not a PNG"
dims=$(od -An -tu1 -j16 -N8 "$shot" | awk '{print $1*16777216+$2*65536+$3*256+$4 "x" $5*16777216+$6*65536+$7*256+$8}')
echo "first frame: $dims PNG, $(stat -c %s "$shot") bytes"
if grep -q 'Unsupported JavaFX configuration' "$work/ui.log"; then fail "JavaFX runs from the unnamed module"; fi
[ -n "${MESHDECK_KEEP_SCREENSHOT:-}" ] && cp "$shot" "$MESHDECK_KEEP_SCREENSHOT"

echo "verify-deb: OK"
