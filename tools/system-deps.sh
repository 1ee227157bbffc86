#!/usr/bin/env bash
# Install the system packages the tests use, if they are missing and we may install them.
#   xvfb      – a virtual display, so the pygame front-end is tested in a real window
#   chromium  – a headless browser, to test the self-contained HTML graph and reports
#   graphviz  – 'dot', to check that the DOT export of a scenario graph really renders
#   espeak-ng – the read-aloud voice (with Danish), to test reading aloud in the window
# On a machine where apt-get is not available (or we are not root), print what is missing;
# the tests that need a missing tool are skipped with that reason.
set -u
need=()
command -v xvfb-run >/dev/null 2>&1 || need+=(xvfb xauth)
command -v chromium >/dev/null 2>&1 || need+=(chromium fonts-dejavu-core)
command -v dot >/dev/null 2>&1 || need+=(graphviz)
command -v espeak-ng >/dev/null 2>&1 || need+=(espeak-ng)
[ ${#need[@]} -eq 0 ] && exit 0
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "Installing system packages: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null 2>&1 || true
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null 2>&1 \
    || echo "Could not install ${need[*]}; the tests that need them will be skipped."
else
  echo "Missing system packages: ${need[*]} (install them to run every test; those tests are skipped otherwise)."
fi
exit 0
