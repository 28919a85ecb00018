import ATLModel
import ATLData

/// Runs a throwing engine call and keeps its outcome as a value, so a test can look at the diagnostics of a
/// failure (`guard case .failure(let e) = attempt({ try ProfileParser.parse(...) })`) or unwrap a success
/// (`try attempt { ... }.get()`).
public func attempt<T>(_ body: () throws -> T) -> Result<T, ATLError> {
    do { return .success(try body()) } catch let e as ATLError { return .failure(e) } catch {
        fatalError("the engine threw something other than ATLError: \(error)")
    }
}

/// A setting file's parse as a pair: the setting (nil when there were errors) and every diagnostic found
/// (warnings on success; errors and warnings on failure).
public func parseSetting(_ body: () throws -> Parsed<Setting>) -> (Setting?, [Diagnostic]) {
    switch attempt(body) {
    case .success(let p): return (p.value, p.warnings)
    case .failure(let e): return (nil, e.diagnostics)
    }
}

/// A catalogue load as one value: the catalogue when it loaded, and every diagnostic found.
public struct CatalogueLoad: Sendable {
    public var catalogue: Catalogue?
    public var diagnostics: [Diagnostic]
    public var errors: [Diagnostic] { diagnostics.filter { $0.level == .error } }
}

public func loadCatalogue(root: String, threads: Int = Parallel.defaultThreads) -> CatalogueLoad {
    do throws(ATLError) {
        let l = try CatalogueLoader.load(root: root, threads: threads)
        return CatalogueLoad(catalogue: l.catalogue, diagnostics: l.warnings)
    } catch {
        return CatalogueLoad(catalogue: nil, diagnostics: error.diagnostics)
    }
}

/// The first problem of an error, for tests of loaders that stop at one problem.
extension ATLError {
    public var first: Diagnostic { diagnostics[0] }
    public var file: String { first.file }
    public var line: Int? { first.line }
    public var field: String? { first.field }
    public var message: String { first.message }
}
