import Foundation

/// RFC 4180 CSV output: fields containing a comma, quote, CR or LF are quoted with quotes doubled; records
/// end with CRLF as the RFC specifies (spreadsheet programs expect it). Cells a spreadsheet would run as a
/// formula are neutralised with a leading apostrophe.
public struct CSVWriter: Sendable {
    public private(set) var text = ""
    public init() {}

    public mutating func row(_ fields: [String]) {
        text += fields.map(CSVWriter.escape).joined(separator: ",") + "\r\n"
    }

    /// Quotes a field as RFC 4180 requires, after neutralising a formula: a cell starting with `=`, `+`, `-`, `@`,
    /// tab or CR (which a spreadsheet would run) gets a leading apostrophe, as OWASP advises for CSV injection.
    /// Plain numbers such as `-1.5` are left alone.
    public static func escape(_ cell: String) -> String {
        let field = neutralise(cell)
        // A leading byte-order mark is quoted too: unquoted at the start of a file, a reader would drop it.
        if field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) || field.hasPrefix("\u{FEFF}") {
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return field
    }

    /// `cell` with a leading apostrophe if a spreadsheet would read it as a formula; otherwise unchanged.
    public static func neutralise(_ cell: String) -> String {
        guard let first = cell.utf8.first, [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D].contains(first) else { return cell }
        if isPlainNumber(cell) { return cell }
        return "'" + cell
    }

    /// An optionally signed decimal like `-2`, `+0.5` or `-12.250`.
    static func isPlainNumber(_ s: String) -> Bool {
        var digits = 0, points = 0
        for (i, u) in s.utf8.enumerated() {
            switch u {
            case 0x30...0x39: digits += 1
            case 0x2E: points += 1
            case 0x2B where i == 0, 0x2D where i == 0: continue
            default: return false
            }
        }
        return digits > 0 && points <= 1
    }
}
