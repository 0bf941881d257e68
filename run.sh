#!/usr/bin/env bash
# Quick start, command 1: set everything up, code the bundled sample of real reports into the
# default SQLite store and start the dashboard/API (http://127.0.0.1:8000). Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
exec .venv/bin/harmattan demo "$@"
