/// A request-target decoded once and normalised, so handlers and the router never see escapes,
/// dot-segments or encoded separators (RFC 9112 §3.2, RFC 3986 §5.2.4).
struct RequestTarget: Sendable, Hashable {
    /// Decoded path: starts with "/", no empty or "." segments, never ".." , never an encoded "/".
    var path: String
    var queryItems: HTTPFormFields
    /// The authority of an absolute-form target (`http://host:port/path`), which overrides Host.
    var authority: String?

    /// Accepts origin-form (`/path?query`) and absolute-form (`http://authority/path?query`, which
    /// RFC 9112 §3.2.2 says servers MUST accept). Authority-form (CONNECT) and asterisk-form
    /// (`OPTIONS *`) are refused with 400: this server is neither a proxy nor needs server-wide OPTIONS.
    static func parse(_ raw: ArraySlice<UInt8>) throws(HTTPParseError) -> RequestTarget {
        guard !raw.isEmpty else { throw .malformedTarget }
        var rest = raw
        var authority: String?
        if raw.first != .slash {
            let afterScheme = try dropAbsoluteFormScheme(raw)
            let end = afterScheme.firstIndex { $0 == .slash || $0 == .question } ?? afterScheme.endIndex
            let authorityBytes = afterScheme[afterScheme.startIndex..<end]
            // The authority has its own grammar (IP literals use brackets); no userinfo is accepted.
            guard isValidHost(authorityBytes) else { throw .malformedTarget }
            authority = String(decoding: authorityBytes, as: UTF8.self)
            rest = afterScheme[end...]
        }
        guard rest.allSatisfy({ ByteClass.target[Int($0)] }) else { throw .malformedTarget }
        let questionMark = rest.firstIndex(of: .question)
        let rawPath = questionMark.map { rest[rest.startIndex..<$0] } ?? rest
        let rawQuery = questionMark.map { rest[($0 + 1)...] }
        let path = try decodePath(rawPath.isEmpty ? [.slash] : rawPath)
        let queryItems: HTTPFormFields
        do {
            queryItems = try rawQuery.map { try FormURLEncoded.parse($0) } ?? HTTPFormFields()
        } catch {
            throw .invalidQuery
        }
        return RequestTarget(path: path, queryItems: queryItems, authority: authority)
    }

    /// Strips "http://" or "https://" (scheme compared without case, RFC 3986 §3.1).
    private static func dropAbsoluteFormScheme(_ raw: ArraySlice<UInt8>) throws(HTTPParseError) -> ArraySlice<UInt8> {
        for scheme in ["http://", "https://"] {
            let prefix = Array(scheme.utf8)
            if raw.count > prefix.count,
               zip(raw.prefix(prefix.count), prefix).allSatisfy({ asciiLowercased($0) == $1 }) {
                return raw.dropFirst(prefix.count)
            }
        }
        throw .malformedTarget
    }

    /// Decodes a path once and normalises it. Refused (400): a bad escape, an encoded "/" or "\"
    /// (%2F, %5C: they would let one segment pose as two), a decoded control character or NUL,
    /// invalid UTF-8, and any ".." segment (written or encoded as %2e%2e): no path ever climbs.
    static func decodePath(_ raw: ArraySlice<UInt8>) throws(HTTPParseError) -> String {
        guard raw.first == .slash else { throw .malformedTarget }
        var segments: [String] = []
        let rawSegments = raw.split(separator: .slash, omittingEmptySubsequences: false).dropFirst()
        let endsWithSlash = raw.count > 1 && raw.last == .slash
        for rawSegment in rawSegments where !rawSegment.isEmpty {
            guard let bytes = percentDecode(rawSegment, plusAsSpace: false) else { throw .invalidPath }
            for byte in bytes where byte == .slash || byte == UInt8(ascii: "\\") || byte.isControl {
                throw .invalidPath
            }
            guard let segment = String(validating: bytes, as: UTF8.self) else { throw .invalidPath }
            if segment == "." { continue }
            if segment == ".." { throw .invalidPath }
            segments.append(segment)
        }
        let joined = "/" + segments.joined(separator: "/")
        return endsWithSlash && !segments.isEmpty ? joined + "/" : joined
    }

    /// `uri-host [ ":" port ]` (RFC 9110 §7.2): a reg-name (unreserved, sub-delims, escapes) or an
    /// IP-literal in brackets, then an optional all-digit port. Empty hosts are refused.
    static func isValidHost(_ bytes: some Collection<UInt8>) -> Bool {
        let host = Array(bytes)
        guard !host.isEmpty else { return false }
        var index = 0
        if host[0] == UInt8(ascii: "[") {
            guard let close = host.firstIndex(of: UInt8(ascii: "]")), close > 1 else { return false }
            let literal = host[1..<close]
            let allowed = literal.allSatisfy { byte in
                ByteClass.hexValue[Int(byte)] >= 0 || byte == .colon || byte == UInt8(ascii: ".")
            }
            guard allowed else { return false }
            index = close + 1
        } else {
            while index < host.count, host[index] != .colon {
                let byte = host[index]
                let isRegName = ByteClass.target[Int(byte)] && byte != .slash && byte != .question
                    && byte != UInt8(ascii: "@")
                guard isRegName else { return false }
                index += 1
            }
            guard index > 0 else { return false }
        }
        if index == host.count { return true }
        guard host[index] == .colon else { return false }
        let port = host[(index + 1)...]
        return port.count <= 5 && port.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}
