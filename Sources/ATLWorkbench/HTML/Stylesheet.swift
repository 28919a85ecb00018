/// The workbench's one stylesheet, served from `/assets/workbench.css` (the Content-Security-Policy refuses
/// inline styles). It follows the GOV.UK Design System's conventions — one column of readable width, large
/// labels, hints under labels, thick focus outlines, error colouring with a left border, green confirmation
/// panel, blue notification banner, task-list tags — in its own small set of rules, not GOV.UK Frontend.
///
/// Colours meet WCAG 2.2 AA (text at least 4.5:1; the focus colour is yellow with a black underline, visible on
/// every background); no information is given by colour alone (tags have words, errors have "Error:" text);
/// targets are at least 24 px; the layout reflows to one column at 320 px and survives 200% text size.
/// Class names start with `wb-` so they never meet the embedded list and report pages' own styles.
enum Stylesheet {
    static let css = """
    :root { color-scheme: light; --text: #0b0c0c; --secondary: #484949; --link: #1d4f91; --focus: #ffdd00;
      --error: #b0190d; --success: #00703c; --border: #b1b4b6; --brand: #1d4f91; --panel: #f3f2f1; }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { margin: 0 auto; max-width: 60rem; padding: 0 1.25rem 2rem; font: 1.0625rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--text); background: #fff; }
    a { color: var(--link); text-decoration-thickness: max(1px, .0625rem); text-underline-offset: .15em; }
    a:hover { text-decoration-thickness: 3px; }
    a:focus, button:focus, input:focus, select:focus, textarea:focus, summary:focus, [tabindex]:focus {
      outline: 3px solid transparent; background-color: var(--focus); box-shadow: 0 -2px var(--focus), 0 4px var(--text); color: var(--text); text-decoration: none; }
    input:focus, select:focus, textarea:focus { background-color: #fff; outline: 3px solid var(--focus); outline-offset: 0; box-shadow: inset 0 0 0 2px var(--text); }
    .wb-skip { position: absolute; left: -9999px; top: 0; padding: .5rem 1rem; }
    .wb-skip:focus { left: 1rem; z-index: 10; }
    .wb-header { border-bottom: .5rem solid var(--brand); margin: 0 -1.25rem 1.5rem; padding: .75rem 1.25rem .5rem; background: var(--text); color: #fff; }
    .wb-with-embedded .wb-header { margin-left: 0; margin-right: 0; }
    .wb-header a { color: #fff; }
    .wb-header a:focus { color: var(--text); }
    .wb-service { font-weight: 700; font-size: 1.25rem; text-decoration: none; display: inline-block; padding: .25rem 0; }
    .wb-nav ul { list-style: none; margin: .25rem 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; }
    .wb-nav li a { display: inline-block; padding: .3rem 0; min-height: 24px; }
    .wb-nav a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
    .wb-tagline { margin: .25rem 0 0; font-size: .9375rem; color: #fff; }
    .wb-data-tag { display: inline-block; margin-left: .5rem; padding: 0 .4rem; background: #ffdd00; color: #0b0c0c; font-weight: 700; font-size: .875rem; }
    .wb-signout { float: right; }
    .wb-signout button { background: none; border: 0; color: #fff; text-decoration: underline; font: inherit; cursor: pointer; padding: .25rem 0; min-height: 24px; }
    main { display: block; padding-bottom: 1rem; }
    h1, .wb-h1 { font-size: 2.25rem; line-height: 1.15; margin: .5rem 0 1.25rem; }
    h2 { font-size: 1.5rem; line-height: 1.25; margin: 2rem 0 .75rem; }
    h3 { font-size: 1.1875rem; margin: 1.5rem 0 .5rem; }
    .wb-caption { display: block; color: var(--secondary); font-size: 1.1875rem; margin-bottom: .25rem; }
    .wb-lede { font-size: 1.1875rem; }
    .wb-hint { display: block; color: var(--secondary); margin: 0 0 .5rem; }
    .wb-back { display: inline-block; margin: .5rem 0 1rem; padding-left: .9rem; position: relative; }
    .wb-back::before { content: ""; position: absolute; left: .1rem; top: .55em; width: .45em; height: .45em; border: solid currentColor; border-width: 2px 0 0 2px; transform: rotate(-45deg); }
    .wb-form-group { margin-bottom: 1.75rem; }
    .wb-form-group--error { border-left: 5px solid var(--error); padding-left: .9rem; }
    .wb-label, legend { display: block; font-weight: 700; margin-bottom: .3rem; }
    legend.wb-legend-m { font-size: 1.25rem; }
    legend.wb-legend-l { font-size: 1.5rem; }
    fieldset { border: 0; margin: 0 0 1.25rem; padding: 0; min-width: 0; }
    .wb-input, .wb-select, .wb-textarea { font: inherit; color: var(--text); border: 2px solid var(--text); border-radius: 0; padding: .35rem .5rem; min-height: 2.5rem; max-width: 100%; background: #fff; }
    .wb-input { width: 100%; max-width: 30rem; }
    .wb-input--short { width: 8rem; }
    .wb-input--2 { width: 4.5rem; }
    .wb-input--4 { width: 6rem; }
    .wb-textarea { width: 100%; min-height: 8rem; }
    .wb-input--error, .wb-select--error, .wb-textarea--error { border-color: var(--error); }
    .wb-error-message { display: block; color: var(--error); font-weight: 700; margin: 0 0 .4rem; }
    .wb-visually-hidden { position: absolute !important; width: 1px !important; height: 1px !important; margin: 0 !important; padding: 0 !important; overflow: hidden !important; clip: rect(0 0 0 0) !important; white-space: nowrap !important; border: 0 !important; }
    .wb-date { display: flex; gap: 1rem; flex-wrap: wrap; }
    .wb-date label { font-weight: 400; }
    .wb-choices { margin: 0; }
    .wb-choice { display: flex; align-items: flex-start; gap: .6rem; margin: 0 0 .5rem; }
    .wb-choice input { width: 1.5rem; height: 1.5rem; margin: .1rem 0 0; flex: none; accent-color: var(--text); }
    .wb-choice label { font-weight: 400; margin: 0; padding-top: .05rem; }
    .wb-choice .wb-hint { margin: 0; }
    .wb-choices--inline { display: flex; flex-wrap: wrap; gap: 0 1.5rem; }
    .wb-grid { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0; }
    .wb-row { display: grid; grid-template-columns: minmax(12rem, 1fr) minmax(10rem, 14rem); gap: .25rem 1rem; align-items: center; padding: .5rem 0; border-bottom: 1px solid var(--border); }
    .wb-row label, .wb-row legend { font-weight: 400; margin: 0; }
    .wb-facility { border-bottom: 1px solid var(--border); padding: .5rem 0 .25rem; margin: 0; }
    .wb-facility legend { font-weight: 400; float: left; width: 100%; margin-bottom: .25rem; }
    .wb-facility .wb-choices { clear: both; }
    .wb-button { display: inline-block; font: inherit; font-weight: 400; line-height: 1.2; padding: .55rem .8rem .45rem; margin: 0 .75rem .75rem 0; border: 2px solid transparent; border-radius: 0; color: #fff; background: var(--success); box-shadow: 0 2px 0 #002d18; cursor: pointer; text-decoration: none; min-height: 2.5rem; }
    .wb-button:hover { background: #005a30; }
    .wb-button:focus { background: var(--focus); color: var(--text); box-shadow: inset 0 0 0 1px var(--focus), 0 2px 0 var(--text); }
    .wb-button--secondary { background: #f3f2f1; color: var(--text); box-shadow: 0 2px 0 #929191; }
    .wb-button--secondary:hover { background: #dbdad9; }
    .wb-button--warning { background: var(--error); box-shadow: 0 2px 0 #55150e; }
    .wb-button--small { padding: .3rem .6rem .25rem; font-size: .9375rem; min-height: 2rem; margin-bottom: .5rem; }
    .wb-button-group { display: flex; flex-wrap: wrap; align-items: center; gap: 0 .25rem; }
    .wb-link-button { background: none; border: 0; padding: 0; font: inherit; color: var(--link); text-decoration: underline; cursor: pointer; min-height: 24px; }
    .wb-link-button.wb-back { padding-left: .9rem; }   /* a back link drawn as a button keeps room for its chevron */
    .wb-error-summary { border: 5px solid var(--error); padding: 1rem 1.25rem; margin: 0 0 2rem; }
    .wb-error-summary:focus { background: #fff; outline: 3px solid var(--focus); outline-offset: 0; box-shadow: none; }
    #main-content:focus { background: none; box-shadow: none; outline: none; }
    .wb-error-summary h2 { margin-top: 0; font-size: 1.5rem; }
    .wb-error-summary ul { margin: 0; padding-left: 0; list-style: none; }
    .wb-error-summary li { margin-bottom: .3rem; }
    .wb-error-summary a { color: var(--error); font-weight: 700; }
    .wb-banner { border: 5px solid var(--brand); margin: 0 0 1.5rem; }
    .wb-banner__header { background: var(--brand); color: #fff; padding: .15rem .9rem .3rem; margin: 0; font-size: 1rem; font-weight: 700; }
    .wb-banner__content { padding: .6rem .9rem; }
    .wb-banner__content p { margin: .25rem 0; }
    .wb-banner--warning { border-color: #8a4b08; }
    .wb-banner--warning .wb-banner__header { background: #8a4b08; }
    .wb-banner--success { border-color: var(--success); }
    .wb-banner--success .wb-banner__header { background: var(--success); }
    .wb-panel { background: var(--success); color: #fff; padding: 1.75rem 1.25rem; margin: 0 0 1.5rem; text-align: center; }
    .wb-panel h1 { margin: 0 0 .75rem; font-size: 2.25rem; }
    .wb-panel__body { font-size: 1.5rem; }
    .wb-panel strong { display: block; font-size: 1.75rem; overflow-wrap: anywhere; }
    .wb-inset { border-left: 10px solid var(--border); padding: .5rem 1rem; margin: 1rem 0 1.5rem; }
    .wb-warning { font-weight: 700; display: flex; gap: .75rem; align-items: flex-start; margin: 1rem 0 1.5rem; }
    .wb-warning__icon { flex: none; width: 2rem; height: 2rem; border-radius: 50%; background: var(--text); color: #fff; text-align: center; font-weight: 700; line-height: 2rem; }
    .wb-summary { margin: 0 0 1.75rem; }
    .wb-summary__row { display: grid; grid-template-columns: minmax(8rem, 30%) 1fr; gap: .25rem 1.25rem; padding: .6rem 0; border-bottom: 1px solid var(--border); }
    .wb-summary__row--actions { grid-template-columns: minmax(8rem, 30%) 1fr auto; }
    .wb-summary dt { font-weight: 700; margin: 0; }
    .wb-summary dd { margin: 0; overflow-wrap: anywhere; }
    .wb-summary .wb-source { display: block; color: var(--secondary); font-size: .9375rem; }
    .wb-table-wrap { overflow-x: auto; margin-bottom: 1.5rem; position: relative; }
    .wb-table { border-collapse: collapse; width: 100%; }
    .wb-table caption { text-align: left; font-weight: 700; font-size: 1.1875rem; padding-bottom: .5rem; }
    .wb-table th, .wb-table td { text-align: left; vertical-align: top; padding: .55rem 1rem .55rem 0; border-bottom: 1px solid var(--border); }
    .wb-table thead th { border-bottom-width: 2px; border-bottom-color: var(--text); }
    .wb-table .wb-num { text-align: right; font-variant-numeric: tabular-nums; }
    .wb-tag { display: inline-block; padding: .1rem .45rem; font-weight: 700; font-size: .9375rem; background: #d2e2f1; color: #0c2d4a; }
    .wb-tag--grey { background: #e5e6e7; color: #282d30; }
    .wb-tag--green { background: #cce2d8; color: #005a30; }
    .wb-tag--yellow { background: #fff7bf; color: #594d00; }
    .wb-tag--red { background: #f4cdc6; color: #2a0b06; }
    .wb-task-list { list-style: none; margin: 0 0 2rem; padding: 0; border-top: 1px solid var(--border); }
    .wb-task-list li { display: flex; justify-content: space-between; flex-wrap: wrap; gap: .25rem 1rem; padding: .65rem 0; border-bottom: 1px solid var(--border); }
    .wb-task-list .wb-hint { width: 100%; margin: 0; font-size: .9375rem; }
    .wb-details { margin: 0 0 1.5rem; }
    .wb-details summary { color: var(--link); cursor: pointer; text-decoration: underline; display: inline-block; padding: .15rem 0; min-height: 24px; }
    .wb-details__text { border-left: 5px solid var(--border); padding: .75rem 1rem; margin-top: .5rem; }
    .wb-group { margin: 0; border-bottom: 1px solid var(--border); }
    .wb-group:first-of-type { border-top: 1px solid var(--border); }
    .wb-group > summary { display: block; padding: .6rem 0 .6rem 1.5rem; position: relative; font-size: 1.1875rem; font-weight: 700; text-decoration: none; }
    .wb-group > summary::-webkit-details-marker { display: none; }
    .wb-group > summary::before { content: ""; position: absolute; left: .2rem; top: 1.05rem; border-style: solid; border-color: transparent; border-width: .4rem 0 .4rem .6rem; border-left-color: currentColor; }
    .wb-group[open] > summary::before { border-width: .6rem .4rem 0; border-color: transparent; border-top-color: currentColor; top: 1.15rem; }
    .wb-group__title { text-decoration: underline; text-underline-offset: .15em; }
    .wb-group__answered { font-weight: 400; font-size: 1rem; color: var(--secondary); }
    .wb-group > summary:focus .wb-group__answered { color: var(--text); }
    .wb-group .wb-details__text { margin: 0 0 .75rem; }
    .wb-results { list-style: none; padding: 0; margin: 0 0 1.5rem; }
    .wb-results li { padding: .5rem 0; border-bottom: 1px solid var(--border); }
    .wb-tools { background: var(--panel); padding: .75rem 1rem .5rem; margin: 0 0 1.5rem; }
    .wb-tools h2 { margin: .25rem 0 .75rem; font-size: 1.3rem; }
    .wb-tools .wb-button--secondary { background: #fff; box-shadow: 0 2px 0 #6f777b; border: 1px solid #6f777b; }
    .wb-tools .wb-button--secondary:hover { background: #dbdad9; }
    .wb-tools form { margin: 0; }
    .wb-tools .wb-details { margin-bottom: .75rem; }
    .wb-quote { border-left: 5px solid var(--border); margin: .25rem 0 .5rem; padding: .25rem .75rem; font-style: italic; overflow-wrap: anywhere; }
    .wb-progress { width: 100%; max-width: 30rem; height: 1.5rem; }
    .wb-pre { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--panel); padding: .75rem 1rem; font-size: .9375rem; }
    .wb-footer { margin: 3rem -1.25rem 0; padding: 1.25rem; border-top: 1px solid var(--border); background: var(--panel); font-size: .9375rem; color: var(--secondary); }
    .wb-footer p { margin: .25rem 0; }
    .wb-cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 1rem 1.5rem; }
    .wb-card { border-top: 5px solid var(--brand); padding-top: .5rem; }
    .wb-card h2 { margin-top: .25rem; font-size: 1.3rem; }
    .wb-card ul { padding-left: 1.25rem; margin: 0; }
    .wb-card li { margin-bottom: .4rem; }
    @media (max-width: 40rem) {
      h1, .wb-h1, .wb-panel h1 { font-size: 1.75rem; }
      .wb-row, .wb-summary__row, .wb-summary__row--actions { grid-template-columns: 1fr; }
      .wb-table th, .wb-table td { padding-right: .6rem; }
      .wb-signout { float: none; }
    }
    @media print {
      .wb-header, .wb-tools, .wb-skip, .wb-footer, .wb-no-print { display: none !important; }
      body { max-width: none; padding: 0; }
    }

    """
}
