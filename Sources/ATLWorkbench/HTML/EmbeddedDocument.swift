import ATLModel
import ATLHTTP
import Foundation

/// A page made by one of the engine's renderers (`ListHTML`, `ScenarioHTML`), taken apart so the workbench can
/// show it inside its own page *unchanged*: the body is embedded byte for byte, and the renderer's inline
/// `<style>` blocks are kept and allowed by their SHA-256 in that response's Content-Security-Policy (the
/// policy refuses every other inline style, and all scripts). The workbench never restyles a renderer.
struct EmbeddedDocument: Sendable {
    /// The text between `<body…>` and `</body>`, exactly as rendered.
    var body: String
    /// The contents of each `<style>` element in the head.
    var styles: [String]
    var title: String

    init(html: String) {
        body = EmbeddedDocument.between(html, open: "<body", close: "</body>", skipTag: true) ?? html
        title = EmbeddedDocument.between(html, open: "<title", close: "</title>", skipTag: true) ?? ""
        var styles: [String] = []
        var rest = html[...]
        if let head = html.range(of: "</head>") { rest = html[..<head.lowerBound] }
        while let open = rest.range(of: "<style"), let tagEnd = rest[open.upperBound...].firstIndex(of: ">"),
              let close = rest[tagEnd...].range(of: "</style>") {
            styles.append(String(rest[rest.index(after: tagEnd)..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        self.styles = styles
    }

    /// The inner text of the first `open…close` element (`skipTag`: after the opening tag's `>`).
    static func between(_ html: String, open: String, close: String, skipTag: Bool) -> String? {
        guard let o = html.range(of: open) else { return nil }
        var start = o.upperBound
        if skipTag {
            guard let gt = html[start...].firstIndex(of: ">") else { return nil }
            start = html.index(after: gt)
        }
        guard let c = html.range(of: close, options: .backwards), c.lowerBound >= start else { return nil }
        return String(html[start..<c.lowerBound])
    }

    /// The CSP source for an inline style: `'sha256-<base64 of the digest>'`.
    static func hashSource(_ style: String) -> String {
        var h = SHA256()
        h.update(style.utf8)
        return "'sha256-\(Data(h.finalize()).base64EncodedString())'"
    }

    /// The workbench's policy with these styles allowed by hash.
    var contentSecurityPolicy: String {
        let hashes = styles.map(EmbeddedDocument.hashSource).joined(separator: " ")
        return SecurityHeaders.contentSecurityPolicy.replacingOccurrences(
            of: "style-src 'self'", with: "style-src 'self'" + (hashes.isEmpty ? "" : " " + hashes))
    }

    /// The `<style>` elements to put in the workbench page's head.
    var styleElements: String { styles.map { "<style>\($0)</style>\n" }.joined() }
}
