/// RFC 4180 CSV output: fields containing a comma, quote, CR or LF are quoted with quotes doubled; records
/// end with CRLF as the RFC specifies (spreadsheet programs expect it).
public struct CSVWriter: Sendable {
    public private(set) var text = ""
    public init() {}

    public mutating func row(_ fields: [String]) {
        text += fields.map(CSVWriter.escape).joined(separator: ",") + "\r\n"
    }

    public static func escape(_ field: String) -> String {
        if field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return field
    }
}

import Foundation
