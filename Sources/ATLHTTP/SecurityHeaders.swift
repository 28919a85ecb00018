/// Response headers that make a browser refuse the usual attacks on a server-rendered application
/// (OWASP ASVS V14.4): no scripts at all, styles and images only from this origin, forms post only here,
/// never framed, no MIME sniffing, no Referer leaking paths to other sites.
public enum SecurityHeaders {
    /// No `script-src` (the default is 'none'): pages work without JavaScript. Inline styles are refused
    /// too, so serve a stylesheet from a route (or add a hash on that route's response).
    public static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    public static let standard: HTTPHeaders = [
        "Content-Security-Policy": contentSecurityPolicy,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "X-Frame-Options": "DENY",
        "Cross-Origin-Opener-Policy": "same-origin",
    ]

    /// Adds each header unless the response already has it, so a route can tighten or adjust one
    /// (e.g. a CSP hash for one page) while every other response gets the defaults.
    public static func middleware(_ headers: HTTPHeaders = standard) -> HTTPMiddleware {
        { request, next in
            var response = next(request)
            for field in headers { response.headers.setIfAbsent(field.name, field.value) }
            return response
        }
    }
}
