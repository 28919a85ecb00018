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

    /// Splits the page on its UTF-8 bytes (Foundation's string search is slow on Linux for pages this size).
    init(html: String) {
        let u = Array(html.utf8)
        func text(_ r: Range<Int>) -> String { String(decoding: u[r], as: UTF8.self) }
        let headEnd = EmbeddedDocument.find(Array("</head>".utf8), in: u, from: 0) ?? u.count
        body = EmbeddedDocument.inner(u, open: "<body", close: "</body>").map(text) ?? html
        title = EmbeddedDocument.inner(Array(u[0..<headEnd]), open: "<title", close: "</title>").map { r in
            String(decoding: u[r], as: UTF8.self)
        } ?? ""
        var styles: [String] = []
        var from = 0
        let open = Array("<style".utf8), close = Array("</style>".utf8)
        while let o = EmbeddedDocument.find(open, in: u, from: from), o < headEnd,
              let gt = u[o...].firstIndex(of: UInt8(ascii: ">")), let c = EmbeddedDocument.find(close, in: u, from: gt) {
            styles.append(text((gt + 1)..<c))
            from = c + close.count
        }
        self.styles = styles
    }

    /// The bytes inside the first `open…` tag's element, up to the last `close`.
    static func inner(_ u: [UInt8], open: String, close: String) -> Range<Int>? {
        guard let o = find(Array(open.utf8), in: u, from: 0), let gt = u[o...].firstIndex(of: UInt8(ascii: ">")),
              let c = findLast(Array(close.utf8), in: u), c > gt else { return nil }
        return (gt + 1)..<c
    }

    static func find(_ pattern: [UInt8], in u: [UInt8], from: Int) -> Int? {
        guard let first = pattern.first, u.count >= pattern.count, from <= u.count - pattern.count else { return nil }
        var i = from
        while i <= u.count - pattern.count {
            if u[i] == first && u[i..<(i + pattern.count)].elementsEqual(pattern) { return i }
            i += 1
        }
        return nil
    }

    static func findLast(_ pattern: [UInt8], in u: [UInt8]) -> Int? {
        guard let first = pattern.first, u.count >= pattern.count else { return nil }
        var i = u.count - pattern.count
        while i >= 0 {
            if u[i] == first && u[i..<(i + pattern.count)].elementsEqual(pattern) { return i }
            i -= 1
        }
        return nil
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
