import ATLHTTP

/// Escapes text for element content and quoted attributes. Every value that reaches a page goes through it.
@inline(__always) func e(_ s: String) -> String { HTML.escape(s) }

/// Small functions that write the GOV.UK Design System's patterns as HTML strings: each returns markup for one
/// component, with its accessible wiring (labels, hints and errors tied to fields with `aria-describedby`,
/// fieldsets and legends for groups, `scope` on table headers). Pages are built from these; nothing here knows
/// about schools or children.
enum H {
    /// One problem with a form field: the field's id (for the summary's link) and the message, worded the same in
    /// the summary and above the field.
    struct FieldError: Sendable, Hashable {
        var field: String
        var message: String
    }

    // MARK: - Page furniture

    static func backLink(_ href: String, _ text: String = "Back") -> String {
        "<a class=\"wb-back\" href=\"\(e(href))\">\(e(text))</a>\n"
    }

    /// "There is a problem" with a link to each field. It takes focus on load (`autofocus`, no script needed) and
    /// is announced (`role="alert"`).
    static func errorSummary(_ errors: [FieldError]) -> String {
        guard !errors.isEmpty else { return "" }
        var o = "<div class=\"wb-error-summary\" role=\"alert\" aria-labelledby=\"error-summary-title\" tabindex=\"-1\" autofocus id=\"error-summary\">\n"
        o += "<h2 id=\"error-summary-title\">There is a problem</h2>\n<ul>\n"
        for err in errors { o += "<li><a href=\"#\(e(err.field))\">\(e(err.message))</a></li>\n" }
        return o + "</ul>\n</div>\n"
    }

    static func errorMessage(_ message: String?, id: String) -> String {
        guard let message else { return "" }
        return "<p class=\"wb-error-message\" id=\"\(e(id))-error\"><span class=\"wb-visually-hidden\">Error:</span> \(e(message))</p>\n"
    }

    /// A notification banner: a titled region (important information, not an error).
    static func banner(title: String, _ bodyHTML: String, kind: String = "", id: String = "banner") -> String {
        let cls = kind.isEmpty ? "wb-banner" : "wb-banner wb-banner--\(kind)"
        let role = kind == "success" ? " role=\"alert\"" : " role=\"region\""
        return "<div class=\"\(cls)\"\(role) aria-labelledby=\"\(e(id))-title\">\n<h2 class=\"wb-banner__header\" id=\"\(e(id))-title\">\(e(title))</h2>\n"
            + "<div class=\"wb-banner__content\">\(bodyHTML)</div>\n</div>\n"
    }

    /// The green confirmation panel.
    static func panel(title: String, _ bodyHTML: String) -> String {
        "<div class=\"wb-panel\">\n<h1>\(e(title))</h1>\n<div class=\"wb-panel__body\">\(bodyHTML)</div>\n</div>\n"
    }

    static func inset(_ html: String) -> String { "<div class=\"wb-inset\">\(html)</div>\n" }

    static func warning(_ text: String) -> String {
        "<div class=\"wb-warning\"><span class=\"wb-warning__icon\" aria-hidden=\"true\">!</span><strong><span class=\"wb-visually-hidden\">Warning</span> \(e(text))</strong></div>\n"
    }

    static func details(_ summary: String, _ html: String, open: Bool = false) -> String {
        "<details class=\"wb-details\"\(open ? " open" : "")><summary>\(e(summary))</summary>\n<div class=\"wb-details__text\">\n\(html)</div>\n</details>\n"
    }

    static func tag(_ text: String, colour: String = "") -> String {
        "<strong class=\"wb-tag\(colour.isEmpty ? "" : " wb-tag--\(colour)")\">\(e(text))</strong>"
    }

    static func p(_ text: String, cls: String = "") -> String {
        "<p\(cls.isEmpty ? "" : " class=\"\(cls)\"")>\(e(text))</p>\n"
    }

    // MARK: - Summary list and table

    /// A summary list (`<dl>`): a key and its value (value is HTML), each row optionally with a source line.
    static func summaryList(_ rows: [(key: String, valueHTML: String)]) -> String {
        var o = "<dl class=\"wb-summary\">\n"
        for r in rows { o += "<div class=\"wb-summary__row\"><dt>\(e(r.key))</dt><dd>\(r.valueHTML)</dd></div>\n" }
        return o + "</dl>\n"
    }

    /// A table with a caption and `scope`d headers. Cells are HTML; `numeric` columns align right.
    static func table(caption: String, head: [String], rows: [[String]], numeric: Set<Int> = [], rowHeader: Bool = true,
                      captionHidden: Bool = false) -> String {
        // The wrapper scrolls sideways on a narrow screen, so it is a named region keyboard users can focus.
        var o = "<div class=\"wb-table-wrap\" role=\"region\" aria-label=\"\(e(caption))\" tabindex=\"0\">\n<table class=\"wb-table\">\n<caption\(captionHidden ? " class=\"wb-visually-hidden\"" : "")>\(e(caption))</caption>\n<thead><tr>"
        for (i, h) in head.enumerated() { o += "<th scope=\"col\"\(numeric.contains(i) ? " class=\"wb-num\"" : "")>\(e(h))</th>" }
        o += "</tr></thead>\n<tbody>\n"
        for r in rows {
            o += "<tr>"
            for (i, cell) in r.enumerated() {
                let num = numeric.contains(i) ? " class=\"wb-num\"" : ""
                o += i == 0 && rowHeader ? "<th scope=\"row\"\(num)>\(cell)</th>" : "<td\(num)>\(cell)</td>"
            }
            o += "</tr>\n"
        }
        return o + "</tbody>\n</table>\n</div>\n"
    }

    // MARK: - Form controls

    /// `aria-describedby` for a field with an optional hint and error.
    static func describedBy(_ id: String, hint: Bool, error: Bool) -> String {
        let ids = (hint ? ["\(id)-hint"] : []) + (error ? ["\(id)-error"] : [])
        return ids.isEmpty ? "" : " aria-describedby=\"\(ids.joined(separator: " "))\""
    }

    static func hint(_ text: String?, id: String) -> String {
        guard let text else { return "" }
        return "<div class=\"wb-hint\" id=\"\(e(id))-hint\">\(e(text))</div>\n"
    }

    static func group(_ inner: String, error: Bool) -> String {
        "<div class=\"wb-form-group\(error ? " wb-form-group--error" : "")\">\n\(inner)</div>\n"
    }

    /// A labelled text input. `attributes` adds e.g. `autocomplete="off" inputmode="numeric"`.
    static func textInput(id: String, name: String? = nil, label: String, hint: String? = nil, value: String = "",
                          error: String? = nil, width: String = "", attributes: String = "", labelIsHeading: Bool = false) -> String {
        let cls = "wb-input" + (width.isEmpty ? "" : " wb-input--\(width)") + (error == nil ? "" : " wb-input--error")
        let labelHTML = labelIsHeading
            ? "<h1 class=\"wb-h1\"><label class=\"wb-label\" for=\"\(e(id))\">\(e(label))</label></h1>\n"
            : "<label class=\"wb-label\" for=\"\(e(id))\">\(e(label))</label>\n"
        let inner = labelHTML + H.hint(hint, id: id) + errorMessage(error, id: id)
            + "<input class=\"\(cls)\" id=\"\(e(id))\" name=\"\(e(name ?? id))\" type=\"text\" value=\"\(e(value))\"\(describedBy(id, hint: hint != nil, error: error != nil)) \(attributes)>\n"
        return group(inner, error: error != nil)
    }

    static func textarea(id: String, name: String? = nil, label: String, hint: String? = nil, value: String = "", error: String? = nil,
                         rows: Int = 8, labelIsHeading: Bool = false) -> String {
        let labelHTML = labelIsHeading
            ? "<h1 class=\"wb-h1\"><label class=\"wb-label\" for=\"\(e(id))\">\(e(label))</label></h1>\n"
            : "<label class=\"wb-label\" for=\"\(e(id))\">\(e(label))</label>\n"
        let inner = labelHTML + H.hint(hint, id: id) + errorMessage(error, id: id)
            + "<textarea class=\"wb-textarea\(error == nil ? "" : " wb-textarea--error")\" id=\"\(e(id))\" name=\"\(e(name ?? id))\" rows=\"\(rows)\" spellcheck=\"true\"\(describedBy(id, hint: hint != nil, error: error != nil))>\(e(value))</textarea>\n"
        return group(inner, error: error != nil)
    }

    /// A `<select>`; `options` are (value, text).
    static func select(id: String, name: String? = nil, label: String, hint: String? = nil, options: [(String, String)], selected: String,
                       error: String? = nil, bare: Bool = false) -> String {
        var control = "<select class=\"wb-select\(error == nil ? "" : " wb-select--error")\" id=\"\(e(id))\" name=\"\(e(name ?? id))\"\(describedBy(id, hint: hint != nil, error: error != nil))>"
        for (v, t) in options { control += "<option value=\"\(e(v))\"\(v == selected ? " selected" : "")>\(e(t))</option>" }
        control += "</select>\n"
        if bare { return "<label class=\"wb-label\" for=\"\(e(id))\">\(e(label))</label>\n" + control }
        let inner = "<label class=\"wb-label\" for=\"\(e(id))\">\(e(label))</label>\n" + H.hint(hint, id: id) + errorMessage(error, id: id) + control
        return group(inner, error: error != nil)
    }

    struct Choice {
        var value: String
        var label: String
        var hint: String?
        init(_ value: String, _ label: String, hint: String? = nil) {
            self.value = value
            self.label = label
            self.hint = hint
        }
    }

    /// Radios or checkboxes in a fieldset whose legend asks the question. The first choice's id is `idPrefix`
    /// (what an error summary links to); the others `idPrefix-2`, `-3`…
    static func choices(type: String, name: String, idPrefix: String, legend: String, legendClass: String = "wb-legend-m",
                        hint: String? = nil, choices: [Choice], selected: Set<String>, error: String? = nil, inline: Bool = false,
                        legendIsHeading: Bool = false) -> String {
        var o = "<fieldset\(describedBy(idPrefix, hint: hint != nil, error: error != nil))>\n"
        o += legendIsHeading ? "<legend class=\"wb-legend-l\"><h1 class=\"wb-h1\">\(e(legend))</h1></legend>\n"
                             : "<legend class=\"\(legendClass)\">\(e(legend))</legend>\n"
        o += H.hint(hint, id: idPrefix) + errorMessage(error, id: idPrefix)
        o += "<div class=\"wb-choices\(inline ? " wb-choices--inline" : "")\">\n"
        for (i, c) in choices.enumerated() {
            let id = i == 0 ? idPrefix : "\(idPrefix)-\(i + 1)"
            let hintAttr = c.hint == nil ? "" : " aria-describedby=\"\(e(id))-item-hint\""
            o += "<div class=\"wb-choice\"><input id=\"\(e(id))\" name=\"\(e(name))\" type=\"\(type)\" value=\"\(e(c.value))\"\(selected.contains(c.value) ? " checked" : "")\(hintAttr)>"
            o += "<div><label for=\"\(e(id))\">\(e(c.label))</label>"
            if let h = c.hint { o += "<div class=\"wb-hint\" id=\"\(e(id))-item-hint\">\(e(h))</div>" }
            o += "</div></div>\n"
        }
        o += "</div>\n</fieldset>\n"
        return group(o, error: error != nil)
    }

    static func radios(name: String, idPrefix: String? = nil, legend: String, legendClass: String = "wb-legend-m", hint: String? = nil,
                       choices: [Choice], selected: String, error: String? = nil, inline: Bool = false, legendIsHeading: Bool = false) -> String {
        H.choices(type: "radio", name: name, idPrefix: idPrefix ?? name, legend: legend, legendClass: legendClass, hint: hint, choices: choices,
                  selected: [selected], error: error, inline: inline, legendIsHeading: legendIsHeading)
    }

    static func checkboxes(name: String, idPrefix: String? = nil, legend: String, legendClass: String = "wb-legend-m", hint: String? = nil,
                           choices: [Choice], selected: Set<String>, error: String? = nil) -> String {
        H.choices(type: "checkbox", name: name, idPrefix: idPrefix ?? name, legend: legend, legendClass: legendClass, hint: hint,
                  choices: choices, selected: selected, error: error)
    }

    static func button(_ text: String, name: String? = nil, value: String? = nil, kind: String = "") -> String {
        let cls = "wb-button" + (kind.isEmpty ? "" : kind.split(separator: " ").map { " wb-button--\($0)" }.joined())
        let nv = name.map { " name=\"\(e($0))\" value=\"\(e(value ?? ""))\"" } ?? ""
        return "<button class=\"\(cls)\" type=\"submit\"\(nv)>\(e(text))</button>\n"
    }

    static func hidden(_ name: String, _ value: String) -> String {
        "<input type=\"hidden\" name=\"\(e(name))\" value=\"\(e(value))\">\n"
    }
}
