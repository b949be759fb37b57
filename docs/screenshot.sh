#!/usr/bin/env bash
# Regenerates docs/screenshot.png: the window on the sandbox, under a virtual X display.
# Needs: the built jar (mvn -q -DskipTests package) and xvfb (apt-get install xvfb).
set -euo pipefail
cd "$(dirname "$0")/.."
env -u KUBECONFIG xvfb-run -a -s "-screen 0 1280x800x24" \
  java -jar app/target/meshdeck.jar ui --sandbox --select order-function --screenshot docs/screenshot.png
