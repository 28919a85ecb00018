#!/usr/bin/env bash
# Checks the workbench (atl serve) in real Chromium with JavaScript off (tests/check_workbench.py): an officer's
# list from a blank form to an issued list, a why-not, a review change, the EHCP page, a SENCo's report section,
# a commissioner's scenario; every page with no serious or critical axe violation at 1280 and 390 px.
# Installs what it needs when missing: Debian chromium and fonts; PyPI playwright and axe-playwright-python.
# Playwright never downloads a browser of its own: it drives the Debian chromium (same install as
# tests/check-pages.sh).
#   tests/check-workbench.sh [--atl PATH]        (default: a fresh debug build, .build/debug/atl; CI passes the
#                                                 release build it has just made)
# Artefacts (screenshots, results.json): out/workbench-check/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."

apt_missing=()
command -v chromium >/dev/null 2>&1 || apt_missing+=(chromium)
fc-list 2>/dev/null | grep -c "Liberation Sans" >/dev/null || apt_missing+=(fonts-liberation)
fc-list 2>/dev/null | grep -c "DejaVu Sans" >/dev/null || apt_missing+=(fonts-dejavu-core)
command -v python3 >/dev/null 2>&1 || apt_missing+=(python3)
python3 -m pip --version >/dev/null 2>&1 || apt_missing+=(python3-pip)
if [ ${#apt_missing[@]} -gt 0 ]; then
    echo "check-workbench: installing ${apt_missing[*]} (Debian)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${apt_missing[@]}" >/dev/null
fi

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
pip_install() {
    # A Debian python refuses pip outside a virtual environment (PEP 668) unless told otherwise.
    python3 -m pip install -q "$@" 2>/dev/null || python3 -m pip install -q --break-system-packages "$@"
}
python3 -c "import playwright" 2>/dev/null || { echo "check-workbench: installing playwright (PyPI)"; pip_install playwright; }
python3 -c "import axe_playwright_python" 2>/dev/null || { echo "check-workbench: installing axe-playwright-python (PyPI)"; pip_install axe-playwright-python; }

atl=""
if [ "${1:-}" = "--atl" ]; then atl="$2"; shift 2; fi
if [ -z "$atl" ]; then
    # Never an older release binary left lying about: the check must see the code as it is now.
    swift build --product atl >/dev/null
    atl=.build/debug/atl
fi
exec python3 -u tests/check_workbench.py --atl "$atl" --chromium "$(command -v chromium)" "$@"
