# Install what is needed and run the whole test suite (Windows).
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
. (Join-Path $PSScriptRoot "setup.ps1")
$env:QT_QPA_PLATFORM = "offscreen"
if ($args.Count -eq 0) {
    uv run --frozen ruff check --quiet .; if ($LASTEXITCODE) { exit $LASTEXITCODE }
    uv run --frozen mypy; if ($LASTEXITCODE) { exit $LASTEXITCODE }
    uv run --frozen python build_scripts/compile_forms.py --check; if ($LASTEXITCODE) { exit $LASTEXITCODE }
}
uv run --frozen pytest @args
exit $LASTEXITCODE
