/// One cookie sent by the client.
public struct HTTPCookie: Sendable, Hashable {
    public var name: String
    public var value: String
}

/// Reads `Cookie` request headers (RFC 6265 §5.4 syntax: `name=value` pairs separated by "; ").
public enum Cookies {
    /// Every cookie from every `Cookie` field, in order. Pairs whose name is not a token, or without "=",
    /// are skipped rather than failing the request: cookies belong to the whole site and a stray one set
    /// by another path must not lock users out. Surrounding double quotes on a value are removed.
    public static func parse(_ headers: HTTPHeaders) -> [HTTPCookie] {
        headers.values(for: "Cookie").flatMap(parse)
    }

    public static func parse(_ headerValue: String) -> [HTTPCookie] {
        headerValue.split(separator: ";").compactMap { pair in
            guard let equals = pair.firstIndex(of: "=") else { return nil }
            let name = trimmingWhitespace(pair[..<equals])
            var value = trimmingWhitespace(pair[pair.index(after: equals)...])
            guard isToken(name) else { return nil }
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast())
            }
            return HTTPCookie(name: name, value: value)
        }
    }

    /// The first cookie called `name`.
    public static func value(named name: String, in headers: HTTPHeaders) -> String? {
        parse(headers).first { $0.name == name }?.value
    }
}

/// A `Set-Cookie` response field. Defaults are the safe ones: `HttpOnly`, `SameSite=Strict`, `Path=/`.
public struct SetCookie: Sendable, Hashable {
    public enum SameSite: String, Sendable { case strict = "Strict", lax = "Lax" }

    public var name: String
    public var value: String
    public var path: String = "/"
    public var httpOnly: Bool = true
    /// Set when the browser reaches the server over HTTPS (e.g. a TLS-terminating proxy).
    public var secure: Bool = false
    public var sameSite: SameSite = .strict
    /// Seconds; nil makes a session cookie (gone when the browser closes), 0 deletes the cookie.
    public var maxAge: Int?

    public init(name: String, value: String, path: String = "/", httpOnly: Bool = true, secure: Bool = false,
                sameSite: SameSite = .strict, maxAge: Int? = nil) {
        self.name = name
        self.value = value
        self.path = path
        self.httpOnly = httpOnly
        self.secure = secure
        self.sameSite = sameSite
        self.maxAge = maxAge
    }

    /// A cookie that tells the browser to forget `name` at once.
    public static func expired(name: String, path: String = "/", secure: Bool = false) -> SetCookie {
        SetCookie(name: name, value: "", path: path, secure: secure, maxAge: 0)
    }

    /// The field value. Characters outside the RFC 6265 cookie-octet set are removed from the value,
    /// so a cookie can never split the header.
    public var headerValue: String {
        let safeValue = String(value.unicodeScalars.filter { scalar in
            scalar.value == 0x21 || (0x23...0x2B).contains(scalar.value) || (0x2D...0x3A).contains(scalar.value)
                || (0x3C...0x5B).contains(scalar.value) || (0x5D...0x7E).contains(scalar.value)
        }.map(Character.init))
        var parts = ["\(name)=\(safeValue)", "Path=\(path)"]
        if let maxAge { parts.append("Max-Age=\(maxAge)") }
        if httpOnly { parts.append("HttpOnly") }
        if secure { parts.append("Secure") }
        parts.append("SameSite=\(sameSite.rawValue)")
        return parts.joined(separator: "; ")
    }
}
