import ATLMaps

/// The style sheet every report page shares (scenario, audit, and the pages for families): readable on a
/// 390 px phone without sideways scrolling, and printed on A4 with every table whole, every section open and
/// maps on landscape pages. Pages include it once, in a `<style>` element (no external files).
public enum PageStyle {
    public static let screen = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Liberation Sans",Arial,sans-serif;margin:0 auto;max-width:1180px;padding:16px;color:#1b1b1b;line-height:1.45;overflow-wrap:break-word}
        @media (min-width:700px){body{padding:16px 24px}}
        h1{font-size:1.6em;line-height:1.2}h2{border-bottom:2px solid #0072B2;padding-bottom:2px;margin-top:1.8em}
        .lede{font-size:1.1em}
        .banner{background:#fff4ce;border-left:6px solid #d59f00;padding:8px 12px;margin:6px 0;font-weight:600}
        table{border-collapse:collapse;margin:8px 0 16px;font-size:.9em}caption{text-align:left;font-weight:600;padding:4px 0}
        th,td{border:1px solid #bbb;padding:3px 8px;vertical-align:top;text-align:left}thead th{background:#e8eef5}tbody th{font-weight:normal}
        td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}.tw{overflow-x:auto;max-width:100%;position:relative}
        .stamp{font-family:ui-monospace,Menlo,"DejaVu Sans Mono",monospace;font-size:.85em;background:#f3f3f3;padding:8px 12px;display:grid;grid-template-columns:minmax(8em,16em) minmax(0,1fr);gap:2px 12px}
        .stamp dt{font-weight:700}.stamp dd{margin:0;overflow-wrap:anywhere}
        figure{margin:1rem 0}figcaption{font-size:.9em;color:#3d3d3d;margin-top:.25rem}
        .chart{max-width:640px}.chart svg{display:block;width:100%;height:auto}.chart-wide svg{max-width:640px}.chart-narrow svg{max-width:340px}
        .chart-narrow{display:none}@media (max-width:699px){.chart-wide{display:none}.chart-narrow{display:block}}
        .real{color:#a00;font-weight:600}
        """

    /// Print: A4 portrait, A4 landscape for elements given `page:landscape`, closed `<details>` printed open,
    /// tables at full width with long words broken instead of clipped, and no figure split across pages.
    public static let print = """
        @media print{
        @page{size:A4;margin:14mm 12mm}@page landscape{size:A4 landscape;margin:10mm 12mm}
        body{max-width:none;padding:0;font-size:10.5pt}
        .tw{overflow:visible}table{width:100%;font-size:9pt}th,td{overflow-wrap:break-word}
        thead{display:table-header-group}tr,figure,.chart{break-inside:avoid}h2,h3{break-after:avoid}
        .chart-wide{display:block!important}.chart-narrow{display:none!important}
        details::details-content{content-visibility:visible;display:block}details>summary{list-style:none;font-weight:600}
        a{color:inherit}
        }
        """

    /// The whole sheet for a page; `maps` adds the map figures' rules and prints each map on its own
    /// landscape page, scaled to the page height so nothing is cut off.
    public static func css(maps: Bool = false) -> String {
        var s = screen + "\n"
        if maps {
            s += MapFigure.css + "\n"
            // On paper: the map on the left of a landscape page at the page's height, its key, caption and text
            // alternative in a column beside it.
            s += "@media print{.atl-map{page:landscape;break-before:page;max-width:none;display:grid;grid-template-columns:auto minmax(0,1fr);gap:0 6mm;align-items:start;font-size:8.5pt}"
                + ".atl-map-wide{display:contents!important}.atl-map-wide svg{grid-column:1;grid-row:1/span 4;width:auto;max-width:165mm;height:180mm}"
                + ".atl-map>:not(.atl-map-wide),.atl-map-key{grid-column:2}.atl-map table{width:100%;font-size:8pt;margin:0 0 3mm}.atl-map figcaption{font-size:8pt}}\n"
        }
        return s + print
    }
}
