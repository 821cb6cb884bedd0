# Install what is needed and run the whole test suite (Windows).
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
. (Join-Path $PSScriptRoot "setup.ps1")
$env:QT_QPA_PLATFORM = "offscreen"
uv run --frozen pytest @args
exit $LASTEXITCODE
