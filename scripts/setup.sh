#!/usr/bin/env bash
# Install what ThiĐua CĐS needs on Debian/Ubuntu: system libraries for Qt, fonts,
# poppler, then uv and the pinned Python dependencies (uv.lock). Safe to run again:
# it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

export LANG="${LANG:-C.UTF-8}"
export UV_PYTHON_DOWNLOADS="${UV_PYTHON_DOWNLOADS:-never}"
if [ -z "${SSL_CERT_FILE:-}" ] && [ -f /etc/ssl/certs/ca-certificates.crt ]; then
  export SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt
fi

# Qt offscreen and on screen, fonts with full Vietnamese, PDF tools.
PACKAGES=(libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0
  libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0
  libxcb-keysyms1 libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-util1 libxcb-xkb1
  xvfb xauth poppler-utils fonts-liberation2 fonts-dejavu-core binutils ca-certificates
  python3 python3-venv python3-pip)
# The tests (scripts/test.sh, CI) also need PostgreSQL: each test run starts a throw-away
# server on 127.0.0.1 (tests/pg_server.py) from the distribution's binaries.
if [ "${THIDUA_WITH_POSTGRESQL:-0}" = "1" ]; then PACKAGES+=(postgresql); fi
PACKAGES+=(${THIDUA_EXTRA_PACKAGES:-})

if command -v dpkg >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    echo "Cài các gói hệ thống còn thiếu: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
fi

if ! command -v uv >/dev/null 2>&1; then
  echo "Cài uv…"
  python3 -m pip install --quiet --user uv 2>/dev/null \
    || python3 -m pip install --quiet --user --break-system-packages uv 2>/dev/null \
    || python3 -m pip install --quiet uv
  export PATH="$HOME/.local/bin:$PATH"
fi

uv sync --frozen --all-groups --quiet
# Qt's own strings in Vietnamese: resources/translations/*.ts -> .qm (built, not committed)
uv run --frozen python build_scripts/compile_translations.py >/dev/null
