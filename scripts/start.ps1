# Install what is needed and open ThiĐua CĐS on the demo database (Windows).
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
. (Join-Path $PSScriptRoot "setup.ps1")
$demo = uv run --frozen python -c "from desktop.paths import data_dir; print(data_dir() / 'demo.db')"
if (-not (Test-Path $demo)) { uv run --frozen thidua --db $demo demo }
uv run --frozen thidua --db $demo
