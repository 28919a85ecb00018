import ATLHTTP

/// Pages for the answers the router and the security middleware give as bare text (404, 405, 403), so a
/// person who meets one knows what happened and what to do. The status and other header fields are kept.
enum ErrorPages {
    static func middleware(_ app: WorkbenchApp) -> HTTPMiddleware {
        { request, next in
            let response = next(request)
            let plain = response.headers["Content-Type"]?.hasPrefix("text/plain") ?? false
            guard plain, [403, 404, 405].contains(response.status.code), request.method != .head else { return response }
            let page: Page
            switch response.status.code {
            case 404:
                page = Page(title: "Page not found", body: "<h1>Page not found</h1>\n"
                    + H.p("If you typed the web address, check it is correct. If you pasted it, check you copied the whole address.")
                    + "<p><a href=\"/\">Go to the workbench’s home page</a></p>\n", status: .notFound)
            case 405:
                page = Page(title: "This page cannot be used that way", body: "<h1>This page cannot be used that way</h1>\n"
                    + H.p("The page exists but does not accept this kind of request. Go back and use the page’s own buttons.")
                    + "<p><a href=\"/\">Go to the workbench’s home page</a></p>\n", status: .methodNotAllowed)
            default:
                page = Page(title: "Your form could not be sent", body: "<h1>Your form could not be sent</h1>\n"
                    + H.p("For your security, forms only work from this workbench’s own pages and for a limited time.")
                    + H.p("Go back, reload the page and try again. If you have been away for a while, you may need to sign in again.")
                    + "<p><a href=\"/\">Go to the workbench’s home page</a></p>\n", status: .forbidden)
            }
            var replaced = app.page(page, request)
            var headers = response.headers        // Allow, Set-Cookie (possibly several), Retry-After…
            headers.remove("Content-Type")
            headers.add("Content-Type", replaced.headers["Content-Type"] ?? "text/html; charset=utf-8")
            replaced.headers = headers
            return replaced
        }
    }
}

/// The sign-in page when the workbench runs with a token (`--token-file`): one question, one button, the
/// generic message from `BearerLogin` on failure.
enum LoginPage {
    static func render(_ form: LoginForm, frame: Frame) -> HTTPResponse {
        let error = form.errorMessage.map { H.FieldError(field: "token", message: $0) }
        var body = "<form method=\"post\" action=\"\(e(form.action))\" novalidate>\n"
        body += "<input type=\"hidden\" name=\"\(e(form.csrfFieldName))\" value=\"\(e(form.csrfToken))\">\n"
        let described = H.describedBy("token", hint: true, error: error != nil)
        body += H.group("<h1 class=\"wb-h1\"><label class=\"wb-label\" for=\"token\">Sign in to the ATL workbench</label></h1>\n"
            + H.hint("Enter the access token your local authority’s administrator gave you.", id: "token")
            + H.errorMessage(error?.message, id: "token")
            + "<input class=\"wb-input\(error == nil ? "" : " wb-input--error")\" id=\"token\" name=\"\(e(form.tokenFieldName))\" type=\"password\" autocomplete=\"current-password\" spellcheck=\"false\"\(described)>\n",
            error: error != nil)
        body += H.button("Sign in") + "</form>\n"
        var f = frame
        f.signInRequired = false
        let request = (try? HTTPRequest(target: "/login")) ?? (try! HTTPRequest())
        return f.render(Page(title: "Sign in", body: body, errors: error.map { [$0] } ?? [], noStore: true), request: request)
    }
}
