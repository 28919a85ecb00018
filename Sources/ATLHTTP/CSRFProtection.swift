/// Settings for `CSRFProtection`.
public struct CSRFOptions: Sendable, Hashable {
    /// The hidden form field that carries the token.
    public var fieldName: String = "_csrf"
    /// A header that may carry the token instead (for scripted clients).
    public var headerName: String = "X-CSRF-Token"
    /// The scheme browsers use to reach this server: "http", or "https" behind a TLS-terminating proxy.
    /// The server's own origin is `scheme://Host`.
    public var scheme: String = "http"
    /// When true, a state-changing request must also name this origin in `Origin` or `Referer`.
    /// Off by default: with `Referrer-Policy: no-referrer` browsers send `Origin: null` and no Referer on
    /// same-origin form posts (Fetch standard, "append a request Origin header"), so requiring one
    /// would refuse every form. The token, SameSite=Strict and Sec-Fetch-Site still apply.
    public var requireOriginOrReferer: Bool = false

    public init(fieldName: String = "_csrf", headerName: String = "X-CSRF-Token", scheme: String = "http",
                requireOriginOrReferer: Bool = false) {
        self.fieldName = fieldName
        self.headerName = headerName
        self.scheme = scheme
        self.requireOriginOrReferer = requireOriginOrReferer
    }
}

/// Cross-site request forgery defence (OWASP ASVS V4.2.2, V3.4.3) for every method that is not safe
/// (POST, PUT, PATCH, DELETE). In order, a request is refused with 403 when:
/// 1. it has no session (see `Sessions`);
/// 2. `Sec-Fetch-Site` says it came from another site (`cross-site` or `same-site`);
/// 3. `Origin` names another origin (`null` counts as not saying), or, without a usable Origin, `Referer`
///    names another origin;
/// 4. its token (hidden field or header) is missing or differs from the session's (constant-time compare).
/// GET, HEAD and OPTIONS are never checked: they must never change anything.
public enum CSRFProtection {
    public enum Rejection: Sendable, Hashable {
        case noSession
        case crossSiteFetch
        case foreignOrigin
        case foreignReferer
        case noOrigin
        case missingToken
        case wrongToken
    }

    public static func middleware(_ options: CSRFOptions = CSRFOptions()) -> HTTPMiddleware {
        { request, next in
            if check(request, options: options) != nil { return .status(.forbidden) }
            return next(request)
        }
    }

    /// Why `request` would be refused, or nil if it passes.
    public static func check(_ request: HTTPRequest, options: CSRFOptions = CSRFOptions()) -> Rejection? {
        if request.method.isSafe { return nil }
        guard let session = request.session else { return .noSession }

        if let site = request.headers["Sec-Fetch-Site"]?.lowercased(), site != "same-origin" && site != "none" {
            return .crossSiteFetch
        }
        let ownOrigin = "\(options.scheme)://\(request.host ?? "")".lowercased()
        if let origin = request.headers["Origin"], origin != "null" {
            if origin.lowercased() != ownOrigin { return .foreignOrigin }
        } else if let referer = request.headers["Referer"] {
            let lower = referer.lowercased()
            if lower != ownOrigin && !lower.hasPrefix(ownOrigin + "/") && !lower.hasPrefix(ownOrigin + "?") {
                return .foreignReferer
            }
        } else if options.requireOriginOrReferer {
            return .noOrigin
        }

        guard let submitted = token(in: request, options: options) else { return .missingToken }
        return ConstantTime.equals(submitted, session.csrfToken) ? nil : .wrongToken
    }

    /// `<input type="hidden" name="_csrf" value="…">` for the request's session ("" without one).
    public static func hiddenField(for request: HTTPRequest, options: CSRFOptions = CSRFOptions()) -> String {
        guard let session = request.session else { return "" }
        return "<input type=\"hidden\" name=\"\(HTML.escape(options.fieldName))\" value=\"\(HTML.escape(session.csrfToken))\">"
    }

    static func token(in request: HTTPRequest, options: CSRFOptions) -> String? {
        if let header = request.headers[options.headerName] { return header }
        switch request.mediaType {
        case "application/x-www-form-urlencoded":
            return (try? request.formFields())?[options.fieldName]
        case "multipart/form-data":
            guard let parts = try? request.multipartParts() else { return nil }
            return MultipartFormData.formFields(of: parts)[options.fieldName]
        default:
            return nil
        }
    }
}
