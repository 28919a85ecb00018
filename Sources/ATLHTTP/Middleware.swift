/// Answers one request. Called synchronously on a connection's worker thread, possibly on several
/// threads at once, so it must be safe for concurrent calls (hence `@Sendable`).
public typealias HTTPHandler = @Sendable (HTTPRequest) -> HTTPResponse

/// Wraps a handler: look at or change the request, call `next` (or answer without it), look at or change
/// the response. Each middleware is a plain function, testable alone with a stub `next`.
public typealias HTTPMiddleware = @Sendable (_ request: HTTPRequest, _ next: HTTPHandler) -> HTTPResponse

/// Composes middleware around a handler; the first in the list is the outermost (sees the request first
/// and the response last).
public func chain(_ middleware: [HTTPMiddleware], to handler: @escaping HTTPHandler) -> HTTPHandler {
    middleware.reversed().reduce(handler) { next, layer in
        { request in layer(request, next) }
    }
}
