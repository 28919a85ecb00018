#!/usr/bin/env python3
"""Checks every committed HTML example as a reader meets it: opened in real Chromium at 390 px (a phone) and
1280 px (a desktop), and printed to A4 PDF.

For each page and width:
  - no horizontal scroll (the document is no wider than the window);
  - no two SVG text boxes overlap inside one chart or map (measured from the rendered boxes), and no SVG text
    is drawn smaller than 12 CSS px;
  - no serious or critical accessibility violation (axe-core, through axe-playwright-python).
Printed (print media, A4, the page's own @page sizes):
  - nothing wider than the printed page (the document fits an A4 portrait column);
  - the page count is the one expected (tests/page-counts.txt), and text that must be on page 1 is there
    ("@2 text" in that file: on page 2, as the family list's table after its Easy Read page).
Screenshots (full page, per width) and PDFs are written to the artefact folder (default out/page-check/,
git-ignored), with a summary in results.json.

usage: check_pages.py [--chromium PATH] [--out DIR] [--update-counts] [--font FAMILY] [PAGE.html ...]
--font forces every SVG's text into another font (e.g. "DejaVu Sans", the widest common fallback) to show that
label boxes hold the text whichever font a reader's browser picks.
With no pages, checks every committed *.html under docs/examples/. --update-counts rewrites
tests/page-counts.txt with the counts measured now (review the diff). Exit status 1 if any check fails.
"""
import argparse, json, os, re, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COUNTS = os.path.join(ROOT, "tests", "page-counts.txt")
WIDTHS = (390, 1280)
# The A4 portrait and landscape columns at the pages' print margins (2 x 12 mm) in CSS px, for the print-width
# check: elements on pages named "landscape" (CSS `page: landscape`) get the landscape width.
A4_COLUMN_PX = int((210 - 24) / 25.4 * 96)
A4_LANDSCAPE_COLUMN_PX = int((297 - 24) / 25.4 * 96)

PRINT_WIDTH = r"""(landscape) => {
  let worst = 0, what = '';
  for (const e of document.querySelectorAll('body *')) {
    let p = e, land = false;
    while (p && p !== document.body) { if (getComputedStyle(p).page === 'landscape') { land = true; break; } p = p.parentElement; }
    if (land !== landscape) continue;
    const r = e.getBoundingClientRect();
    if (r.width > 0 && r.right > worst) { worst = r.right; what = e.tagName.toLowerCase() + (e.className && e.className.baseVal === undefined ? '.' + e.className : ''); }
  }
  return [Math.round(worst), what];
}"""

MEASURE = r"""() => {
  const out = [];
  for (const svg of document.querySelectorAll('svg')) {
    const R = svg.getBoundingClientRect();
    if (R.width === 0 || R.height === 0) continue;   // a layout hidden at this width
    const vb = svg.viewBox && svg.viewBox.baseVal;
    const k = vb && vb.width ? R.width / vb.width : 1;
    const ts = [...svg.querySelectorAll('text')].map(t => { const r = t.getBoundingClientRect();
      return {t: t.textContent, x: r.x, y: r.y, w: r.width, h: r.height,
              px: parseFloat(getComputedStyle(t).fontSize) * k}; }).filter(t => t.w > 0);
    const overlaps = [];
    for (let i = 0; i < ts.length; i++) for (let j = i + 1; j < ts.length; j++) { const a = ts[i], b = ts[j];
      if (a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5)
        overlaps.push(a.t + ' / ' + b.t); }
    const small = ts.filter(t => t.px < 11.95).map(t => t.t + ' (' + t.px.toFixed(1) + ' px)');
    out.push({id: svg.id || svg.getAttribute('class') || 'svg', texts: ts.length, overlaps, small});
  }
  return {svgs: out, scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth};
}"""


def committed_pages():
    try:
        names = subprocess.run(["git", "ls-files", "--", "docs/examples/*.html", "docs/examples/**/*.html"], cwd=ROOT,
                               capture_output=True, text=True, check=True).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        names = []
        for d, _, fs in os.walk(os.path.join(ROOT, "docs", "examples")):
            names += [os.path.relpath(os.path.join(d, f), ROOT) for f in fs if f.endswith(".html")]
    return sorted(set(names))


def read_counts():
    """path -> (pages, [texts that must be on page 1])"""
    out = {}
    if os.path.exists(COUNTS):
        for line in open(COUNTS, encoding="utf-8"):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            f = line.split("\t")
            out[f[0]] = (int(f[1]), [x for x in f[2:] if x])
    return out


def pdf_pages(path):
    try:
        info = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
        return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    except (OSError, subprocess.CalledProcessError, AttributeError):
        data = open(path, "rb").read()
        return len(re.findall(rb"/Type\s*/Page[^s]", data))


def page_text(path, page=1):
    try:
        return subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-layout", path, "-"], capture_output=True,
                              text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None


def must_show(text):
    """'@2 The list:' must be on page 2; anything else on page 1."""
    m = re.match(r"@(\d+) (.*)", text)
    return (int(m.group(1)), m.group(2)) if m else (1, text)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pages", nargs="*")
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    ap.add_argument("--out", default=os.path.join(ROOT, "out", "page-check"))
    ap.add_argument("--update-counts", action="store_true")
    ap.add_argument("--font")
    a = ap.parse_args()
    from playwright.sync_api import sync_playwright
    from axe_playwright_python.sync_playwright import Axe

    pages = a.pages or committed_pages()
    os.makedirs(a.out, exist_ok=True)
    counts = read_counts()
    measured = {}
    failures = []
    summary = {}
    axe = Axe()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=a.chromium, args=["--no-sandbox"])
        for rel in pages:
            path = os.path.join(ROOT, rel) if not os.path.isabs(rel) else rel
            rel = os.path.relpath(path, ROOT)
            name = rel.replace("docs/examples/", "").replace("/", "-")[:-5]
            url = "file://" + path
            s = summary[rel] = {}
            for width in WIDTHS:
                pg = browser.new_page(viewport={"width": width, "height": 900})
                pg.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:"))
                         else (failures.append(f"{rel}: external request {route.request.url}"), route.abort()))
                pg.goto(url)
                if a.font:
                    pg.add_style_tag(content=f"svg, svg * {{font-family: '{a.font}' !important}}")
                r = pg.evaluate(MEASURE)
                res = axe.run(pg).response
                bad = [v for v in res["violations"] if v.get("impact") in ("serious", "critical")]
                minor = [v for v in res["violations"] if v.get("impact") not in ("serious", "critical")]
                overlaps = sum(len(x["overlaps"]) for x in r["svgs"])
                small = sum(len(x["small"]) for x in r["svgs"])
                s[str(width)] = {"scrollWidth": r["scrollWidth"], "clientWidth": r["clientWidth"], "svgs": len(r["svgs"]),
                                 "overlaps": overlaps, "smallText": small,
                                 "axeSerious": [f"{v['id']} ({v['impact']}, {len(v['nodes'])})" for v in bad],
                                 "axeOther": [f"{v['id']} ({v['impact']}, {len(v['nodes'])})" for v in minor]}
                if r["scrollWidth"] > r["clientWidth"]:
                    failures.append(f"{rel} at {width} px: horizontal scroll ({r['scrollWidth']} > {r['clientWidth']})")
                for x in r["svgs"]:
                    if x["overlaps"]:
                        failures.append(f"{rel} at {width} px: {x['id']}: overlapping text: " + "; ".join(x["overlaps"][:5]))
                    if x["small"]:
                        failures.append(f"{rel} at {width} px: {x['id']}: text under 12 px: " + "; ".join(x["small"][:5]))
                for v in bad:
                    targets = ", ".join(str(n["target"]) for n in v["nodes"][:3])
                    failures.append(f"{rel} at {width} px: axe {v['impact']}: {v['id']}: {v['help']} ({targets})")
                pg.screenshot(path=os.path.join(a.out, f"{name}-{width}.png"), full_page=True)
                pg.close()
            # Print: every element must fit its A4 column (portrait, or landscape where the page says so).
            w = [0, ""]
            for landscape, column in ((False, A4_COLUMN_PX), (True, A4_LANDSCAPE_COLUMN_PX)):
                pg = browser.new_page(viewport={"width": column, "height": 1000})
                pg.goto(url)
                pg.emulate_media(media="print")
                widest = pg.evaluate(PRINT_WIDTH, landscape)
                pg.close()
                if widest[0] > column + 1:
                    failures.append(f"{rel} printed: {widest[1]} is wider than an A4 {'landscape' if landscape else 'portrait'} page "
                                    f"({widest[0]} > {column} px): it would be clipped")
                w = max(w, widest)
            pg = browser.new_page(viewport={"width": A4_COLUMN_PX, "height": 1000})
            pg.goto(url)
            pg.emulate_media(media="print")
            pdf = os.path.join(a.out, f"{name}.pdf")
            pg.pdf(path=pdf, format="A4", prefer_css_page_size=True, print_background=True)
            pg.close()
            n = pdf_pages(pdf)
            measured[rel] = n
            s["print"] = {"pages": n, "widestElement": w}
            want = counts.get(rel)
            if want and not a.update_counts:
                if n != want[0]:
                    failures.append(f"{rel} printed: {n} A4 pages, expected {want[0]} (tests/page-counts.txt)")
                texts = {}
                for must in want[1]:
                    page, must = must_show(must)
                    if page not in texts:
                        texts[page] = page_text(pdf, page)
                    if texts[page] is None:
                        failures.append(f"{rel} printed: cannot read page {page} (pdftotext missing)")
                        break
                    if must not in " ".join(texts[page].split()):
                        failures.append(f"{rel} printed: page {page} does not show \"{must}\"")
            elif not want and not a.update_counts:
                failures.append(f"{rel} printed: {n} pages, no expected count in tests/page-counts.txt")
            sw = {k: v for k, v in s.items() if k != "print"}
            print(f"{rel}: " + "; ".join(
                f"{k} px: scroll {v['scrollWidth']}/{v['clientWidth']}, {v['svgs']} svg, {v['overlaps']} overlaps, "
                f"{v['smallText']} small, axe serious/critical {len(v['axeSerious'])}, other {len(v['axeOther'])}"
                for k, v in sw.items()) + f"; print {n} pages")
        browser.close()
    if a.update_counts:
        old = read_counts()
        lines = ["# Expected A4 page counts of the committed HTML examples, checked by tests/check-pages.sh.",
                 "# path<TAB>pages[<TAB>text that must be on page 1 (\"@2 text\": on page 2) ...]; rewrite with --update-counts, review the diff."]
        for rel in sorted(set(old) | set(measured)):
            n = measured.get(rel, old.get(rel, (0, []))[0])
            lines.append("\t".join([rel, str(n)] + old.get(rel, (0, []))[1]))
        open(COUNTS, "w", encoding="utf-8").write("\n".join(lines) + "\n")
    json.dump(summary, open(os.path.join(a.out, "results.json"), "w"), indent=1, sort_keys=True)
    for f in failures:
        print("FAIL " + f)
    failed = {rel for rel in summary if any(f.startswith(rel + " ") or f.startswith(rel + ":") for f in failures)}
    print(f"screenshots, PDFs and results.json in {a.out}")
    print(f"pages: {len(summary) - len(failed)} passed, {len(failed)} failed")
    sys.exit(1 if failures else 0)


main()
