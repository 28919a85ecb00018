/// Size limits on a request, with nginx-like defaults. Each breach has a fixed status (see `HTTPParseError`).
public struct HTTPLimits: Sendable, Hashable {
    /// Request line including its CRLF. nginx: one `large_client_header_buffers` buffer (8 KiB).
    /// Breach → 414 once the target has started, 400 while still in the method.
    public var maxRequestLineBytes: Int = 8 * 1024
    /// Whole header section (field lines with their CRLFs, and any chunked trailer). Breach → 431.
    public var maxHeaderBytes: Int = 16 * 1024
    /// Number of field lines (trailers included). Breach → 431.
    public var maxHeaderCount: Int = 100
    /// Body after transfer decoding, unless a route sets its own (see `Router`). nginx
    /// `client_max_body_size` 1m. Breach → 413 and the connection closes.
    public var maxBodyBytes: Int = 1024 * 1024
    /// A chunk-size line with any extensions. Breach → 400.
    public var maxChunkLineBytes: Int = 1024
    /// Empty lines tolerated before a request line (RFC 9112 §2.2 asks servers to skip at least one).
    public var maxLeadingEmptyLines: Int = 8

    public init() {}

    public init(maxRequestLineBytes: Int = 8 * 1024, maxHeaderBytes: Int = 16 * 1024, maxHeaderCount: Int = 100,
                maxBodyBytes: Int = 1024 * 1024) {
        self.maxRequestLineBytes = maxRequestLineBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderCount = maxHeaderCount
        self.maxBodyBytes = maxBodyBytes
    }
}
