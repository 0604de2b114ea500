#!/usr/bin/env bash
# Optional: the test suite in WebKit (WebKitGTK). Needs Debian's webkit2gtk-driver and xvfb:
#   apt-get install -y webkit2gtk-driver xvfb
set -euo pipefail
cd "$(dirname "$0")/.."
command -v WebKitWebDriver >/dev/null || { echo "WebKitWebDriver fehlt: apt-get install -y webkit2gtk-driver xvfb"; exit 1; }
xvfb-run -a bash -c '
  WebKitWebDriver --port=4444 --host=127.0.0.1 >/tmp/webkitwebdriver.log 2>&1 &
  driver=$!
  trap "kill $driver" EXIT
  sleep 1
  npx web-test-runner --config web-test-runner.webkit.config.mjs
'
