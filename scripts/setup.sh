#!/usr/bin/env bash
# Create .venv (if needed) and install Harmattan into it. Usage: scripts/setup.sh [--dev]
# Idempotent: re-running only installs what changed. Everything comes from PyPI by name.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
if [ "${1:-}" = "--dev" ]; then
  .venv/bin/python -m pip install --quiet -e '.[dev]'
else
  .venv/bin/python -m pip install --quiet -e .
fi
