#!/usr/bin/env bash
# Checks every committed HTML example in real Chromium as a reader meets it (tests/check_pages.py): at 390 and
# 1280 px, no horizontal scroll, no overlapping or too-small SVG text, no serious or critical axe violation;
# printed to A4, nothing clipped and the expected page count. Installs what it needs when missing: Debian
# chromium, poppler-utils (pdfinfo, pdftotext) and fonts; PyPI playwright and axe-playwright-python. Playwright
# never downloads a browser of its own: it drives the Debian chromium.
#   tests/check-pages.sh [--update-counts] [PAGE.html ...]
# Artefacts (screenshots, PDFs, results.json): out/page-check/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."

apt_missing=()
command -v chromium >/dev/null 2>&1 || apt_missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || apt_missing+=(poppler-utils)
fonts=$(fc-list : family 2>/dev/null || true)
case "$fonts" in *"Liberation Sans"*) ;; *) apt_missing+=(fonts-liberation) ;; esac
case "$fonts" in *"DejaVu Sans"*) ;; *) apt_missing+=(fonts-dejavu-core) ;; esac
command -v python3 >/dev/null 2>&1 || apt_missing+=(python3)
python3 -m pip --version >/dev/null 2>&1 || apt_missing+=(python3-pip)
if [ ${#apt_missing[@]} -gt 0 ]; then
    echo "check-pages: installing ${apt_missing[*]} (Debian)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${apt_missing[@]}" >/dev/null
fi

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
pip_install() {
    # A Debian python refuses pip outside a virtual environment (PEP 668) unless told otherwise.
    python3 -m pip install -q "$@" 2>/dev/null || python3 -m pip install -q --break-system-packages "$@"
}
python3 -c "import playwright" 2>/dev/null || { echo "check-pages: installing playwright (PyPI)"; pip_install playwright; }
python3 -c "import axe_playwright_python" 2>/dev/null || { echo "check-pages: installing axe-playwright-python (PyPI)"; pip_install axe-playwright-python; }

exec python3 tests/check_pages.py --chromium "$(command -v chromium)" "$@"
