#!/usr/bin/env bash
# Install what is needed and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
export THIDUA_WITH_POSTGRESQL=1   # the store, actions and CLI tests run on PostgreSQL too
source scripts/setup.sh
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
if [ $# -eq 0 ]; then   # the whole suite: lint, strict types of the core, forms up to date
  uv run --frozen ruff check --quiet .
  uv run --frozen mypy
  uv run --frozen python build_scripts/compile_forms.py --check
fi
exec uv run --frozen pytest "$@"
