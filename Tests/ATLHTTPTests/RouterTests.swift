import Testing
@testable import ATLHTTP

@Suite("Router")
struct RouterTests {
    static func request(_ method: HTTPMethod, _ target: String) -> HTTPRequest {
        // Targets in these tests are valid; a failure here is a test bug.
        try! HTTPRequest(method: method, target: target, headers: ["Host": "a"])
    }

    static var router: Router {
        var router = Router()
        router.get("/") { _ in .text("home") }
        router.get("/settings") { _ in .text("list") }
        router.get("/settings/{id}") { request in .text("setting \(request.pathParameters["id"] ?? "?")") }
        router.get("/settings/new") { _ in .text("new form") }
        router.post("/settings/new", bodyLimit: 10) { _ in .text("created") }
        router.get("/private", noStore: true) { _ in .text("secret") }
        router.delete("/settings/{id}") { request in .text("deleted \(request.pathParameters["id"] ?? "?")") }
        return router
    }

    @Test("exact and parameter routes, literal segments preferred")
    func matching() {
        let router = Self.router
        #expect(router.respond(to: Self.request(.get, "/")).body == Array("home".utf8))
        #expect(router.respond(to: Self.request(.get, "/settings")).body == Array("list".utf8))
        #expect(router.respond(to: Self.request(.get, "/settings/42")).body == Array("setting 42".utf8))
        #expect(router.respond(to: Self.request(.get, "/settings/new")).body == Array("new form".utf8))
        #expect(router.respond(to: Self.request(.get, "/settings/caf%C3%A9")).body == Array("setting café".utf8))
    }

    @Test("unknown path → 404; known path with another method → 405 with Allow")
    func notFoundAndMethodNotAllowed() {
        let router = Self.router
        #expect(router.respond(to: Self.request(.get, "/nope")).status == .notFound)
        #expect(router.respond(to: Self.request(.get, "/settings/1/2")).status == .notFound)
        #expect(router.respond(to: Self.request(.get, "/settings/")).status == .notFound)
        let wrong = router.respond(to: Self.request(.put, "/settings/7"))
        #expect(wrong.status == .methodNotAllowed)
        #expect(wrong.headers["Allow"] == "GET, DELETE, HEAD")
        let post = router.respond(to: Self.request(.post, "/settings"))
        #expect(post.headers["Allow"] == "GET, HEAD")
    }

    @Test("HEAD falls back to the GET route")
    func headFallsBackToGet() {
        let response = Self.router.respond(to: Self.request(.head, "/settings"))
        #expect(response.status == .ok)
        #expect(response.body == Array("list".utf8))
    }

    @Test("per-route body limits and no-store")
    func routeOptions() {
        let router = Self.router
        #expect(router.bodyLimit(for: Self.request(.post, "/settings/new")) == 10)
        #expect(router.bodyLimit(for: Self.request(.get, "/settings/new")) == nil)
        #expect(router.bodyLimit(for: Self.request(.post, "/unknown")) == nil)
        #expect(router.respond(to: Self.request(.get, "/private")).headers["Cache-Control"] == "no-store")
        #expect(router.respond(to: Self.request(.get, "/settings")).headers["Cache-Control"] == nil)
    }

    @Test("middleware wraps every answer, outermost first, and sees the route name")
    func middlewareOrder() {
        var router = Self.router
        let seen = Locked<[String]>([])
        router.use { request, next in
            seen.withLock { $0.append("outer \(request.route ?? "-")") }
            var response = next(request)
            response.headers.add("X-Order", "outer")
            return response
        }
        router.use { request, next in
            seen.withLock { $0.append("inner") }
            var response = next(request)
            response.headers.add("X-Order", "inner")
            return response
        }
        let found = router.respond(to: Self.request(.get, "/settings/9"))
        #expect(found.headers.values(for: "X-Order") == ["inner", "outer"])
        let missing = router.respond(to: Self.request(.get, "/missing"))
        #expect(missing.status == .notFound)
        #expect(missing.headers.values(for: "X-Order") == ["inner", "outer"])
        let notAllowed = router.respond(to: Self.request(.put, "/settings/9"))
        #expect(notAllowed.status == .methodNotAllowed)
        #expect(seen.withLock { $0 } == ["outer /settings/{id}", "inner", "outer -", "inner", "outer /settings/{id}", "inner"])
    }

    @Test("chain composes plain functions")
    func chainFunction() {
        let handler = chain([
            { request, next in var r = next(request); r.headers.add("A", "1"); return r },
            { _, _ in .text("short-circuit", status: .forbidden) },
        ], to: { _ in .text("never") })
        let response = handler(Self.request(.get, "/"))
        #expect(response.status == .forbidden)
        #expect(response.headers["A"] == "1")
    }
}
