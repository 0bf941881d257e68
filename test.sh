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
# PostGIS tests use Debian's PostGIS for the local PostgreSQL when it can be installed; without it
# they are skipped and the plain-PostgreSQL path is tested alone.
for pg in /usr/lib/postgresql/*/; do
  version=$(basename "$pg")
  if [ -d "$pg" ] && [ ! -e "/usr/share/postgresql/$version/extension/postgis.control" ] \
     && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    (apt-get install -y -qq "postgresql-$version-postgis-3" >/dev/null 2>&1 \
      || (apt-get update -qq && apt-get install -y -qq "postgresql-$version-postgis-3" >/dev/null 2>&1)) \
      || echo "warning: could not install PostGIS for PostgreSQL $version; PostGIS tests will be skipped" >&2
  fi
done
exec .venv/bin/python -m pytest "$@"
