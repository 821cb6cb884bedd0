#!/usr/bin/env bash
# Build the Linux one-folder application into dist/thidua/ (work files in build/).
#
#   bash build_scripts/build_linux.sh            # reuse PyInstaller's cache (fast)
#   bash build_scripts/build_linux.sh --clean    # from scratch
#
# Needs the venv with the "build" group (scripts/setup.sh installs every group) and
# binutils (objdump), which scripts/setup.sh installs too.
set -euo pipefail
cd "$(dirname "$0")/.."

export LANG="${LANG:-C.UTF-8}"
export UV_PYTHON_DOWNLOADS="${UV_PYTHON_DOWNLOADS:-never}"
if [ -z "${SSL_CERT_FILE:-}" ] && [ -f /etc/ssl/certs/ca-certificates.crt ]; then
  export SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt
fi

extra=()
for arg in "$@"; do
  case "$arg" in
    --clean) extra+=(--clean) ;;
    *) echo "usage: $0 [--clean]" >&2; exit 2 ;;
  esac
done

start=$(date +%s)
uv run --frozen --group build pyinstaller --noconfirm --log-level WARN \
  --distpath dist --workpath build "${extra[@]}" build_scripts/thidua.spec
end=$(date +%s)

# Smoke test: the frozen program starts and knows its version.
version=$(dist/thidua/thidua --version)
echo "$version"
echo "Built dist/thidua/ in $((end - start)) s ($(du -sh dist/thidua | cut -f1))."
