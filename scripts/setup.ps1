# Shared by start.ps1 and test.ps1: Python 3.11+ (python.org or winget), uv, locked dependencies.
$env:PYTHONUTF8 = "1"
if (-not (Get-Command uv -ErrorAction SilentlyContinue)) {
    if (-not (Get-Command py -ErrorAction SilentlyContinue)) {
        Write-Host "Cài Python 3.11…"
        winget install --silent --accept-package-agreements --accept-source-agreements Python.Python.3.11
        $env:Path = [Environment]::GetEnvironmentVariable("Path", "User") + ";" + $env:Path
    }
    py -3 -m pip install --user --quiet uv
    $scripts = py -3 -c "import sysconfig; print(sysconfig.get_path('scripts', 'nt_user'))"
    $env:Path = "$scripts;$env:Path"
}
uv sync --frozen --all-groups --quiet
# Qt's own strings in Vietnamese: resources/translations/*.ts -> .qm (built, not committed)
uv run --frozen python build_scripts/compile_translations.py | Out-Null
