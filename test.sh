#!/usr/bin/env bash
# Quick start, command 2: set up a development environment and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh --dev
if ! command -v chromium >/dev/null 2>&1; then
  # Browser tests drive Debian's chromium (never a downloaded browser).
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || echo "warning: could not install chromium; browser tests will be skipped" >&2
  fi
fi
exec .venv/bin/python -m pytest "$@"
