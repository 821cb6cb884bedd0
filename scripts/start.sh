#!/usr/bin/env bash
# Install what is needed and open ThiĐua CĐS on the demo database.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
DEMO="${THIDUA_DEMO_DB:-$(uv run --frozen python -c 'from desktop.paths import data_dir; print(data_dir() / "demo.db")')}"
if [ ! -s "$DEMO" ]; then
  uv run --frozen thidua --db "$DEMO" demo
fi
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "Không có màn hình: chạy trong Xvfb."
  exec xvfb-run -a uv run --frozen thidua --db "$DEMO" "$@"
fi
exec uv run --frozen thidua --db "$DEMO" "$@"
