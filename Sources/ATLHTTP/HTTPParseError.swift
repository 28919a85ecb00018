/// Why a request was refused before reaching a handler. Each case maps to one status code, and none
/// carries request bytes: errors are logged, and request data must never reach a log.
///
/// Every parse error ends the connection: after one, the framing of whatever follows cannot be trusted.
public enum HTTPParseError: Error, Sendable, Hashable, CustomStringConvertible {
    // 400 Bad Request
    case malformedRequestLine
    case malformedVersion
    case malformedTarget
    case invalidPath
    case invalidQuery
    case malformedHeaderField
    case whitespaceBeforeColon
    case obsoleteLineFolding
    case bareLineFeed
    case missingHost
    case duplicateHost
    case malformedHost
    case contentLengthWithTransferEncoding
    case malformedContentLength
    case malformedTransferEncoding
    case transferEncodingInHTTP10
    case malformedChunk
    case tooManyEmptyLines
    // 411, 413, 414, 417, 431
    case lengthRequired
    case bodyTooLarge
    case targetTooLong
    case expectationNotSupported
    case headerSectionTooLarge
    case tooManyHeaderFields
    // 501, 505
    case methodNotImplemented
    case transferCodingNotImplemented
    case versionNotSupported

    public var status: HTTPStatus {
        switch self {
        case .lengthRequired: .lengthRequired
        case .bodyTooLarge: .contentTooLarge
        case .targetTooLong: .uriTooLong
        case .expectationNotSupported: .expectationFailed
        case .headerSectionTooLarge, .tooManyHeaderFields: .requestHeaderFieldsTooLarge
        case .methodNotImplemented, .transferCodingNotImplemented: .notImplemented
        case .versionNotSupported: .httpVersionNotSupported
        default: .badRequest
        }
    }

    public var description: String { "\(status.code) (\(reasonName))" }

    /// A short, fixed name for logs and tests.
    var reasonName: String {
        switch self {
        case .malformedRequestLine: "malformed request line"
        case .malformedVersion: "malformed version"
        case .malformedTarget: "malformed request target"
        case .invalidPath: "invalid path"
        case .invalidQuery: "invalid query"
        case .malformedHeaderField: "malformed header field"
        case .whitespaceBeforeColon: "whitespace before colon"
        case .obsoleteLineFolding: "obsolete line folding"
        case .bareLineFeed: "bare line feed"
        case .missingHost: "missing Host"
        case .duplicateHost: "duplicate Host"
        case .malformedHost: "malformed Host"
        case .contentLengthWithTransferEncoding: "Content-Length with Transfer-Encoding"
        case .malformedContentLength: "malformed Content-Length"
        case .malformedTransferEncoding: "malformed Transfer-Encoding"
        case .transferEncodingInHTTP10: "Transfer-Encoding in HTTP/1.0"
        case .malformedChunk: "malformed chunk"
        case .tooManyEmptyLines: "too many empty lines"
        case .lengthRequired: "length required"
        case .bodyTooLarge: "body too large"
        case .targetTooLong: "target too long"
        case .expectationNotSupported: "expectation not supported"
        case .headerSectionTooLarge: "header section too large"
        case .tooManyHeaderFields: "too many header fields"
        case .methodNotImplemented: "method not implemented"
        case .transferCodingNotImplemented: "transfer coding not implemented"
        case .versionNotSupported: "version not supported"
        }
    }
}
