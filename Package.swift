// swift-tools-version: 6.0
// The ATL engine: Advisory Tailored Lists of education settings for children with an EHCP.
// Foundation and Dispatch only; no third-party packages (see README "Design card").
//
// Modules follow the flow of data (docs/architecture.md): each imports only modules to its left.
//   ATLModel → ATLData → ATLEngine → ATLPlanning → ATLServices → ATLCLI (and the web workbench)
//   ATLSynthetic (invented data for examples and benchmarks) sits beside the flow: nothing in the engine uses it.
//   ATLRender turns results into Markdown, JSON, CSV and HTML for the shells; ATLMaps draws its maps.
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "atl-engine",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "atl", targets: ["atl"]),
        .executable(name: "atl-bench", targets: ["atl-bench"]),
        .executable(name: "atl-load", targets: ["atl-load"]),
    ],
    targets: [
        // Settings, needs, types, profiles, diagnostics, dates, hashing and text-line support. No file formats.
        .target(name: "ATLModel", swiftSettings: strict),
        // Data in: the catalogue format, loader and writer, importers, profiles, postcodes and travel.
        .target(name: "ATLData", dependencies: ["ATLModel"], swiftSettings: strict),
        // The engine: compiled index and snapshot, text evidence, scoring, list composition, explanation.
        .target(name: "ATLEngine", dependencies: ["ATLModel", "ATLData"], swiftSettings: strict),
        // Planning over many children or settings: cohorts, batch runs, allocation, scenarios, the audit.
        .target(name: "ATLPlanning", dependencies: ["ATLModel", "ATLData", "ATLEngine"], swiftSettings: strict),
        // Services: what each command does, with typed requests and results, shared by the CLI and the web workbench.
        .target(name: "ATLServices", dependencies: ["ATLModel", "ATLData", "ATLEngine", "ATLPlanning", "ATLSynthetic", "ATLMaps"],
                swiftSettings: strict),
        // Invented data, always marked: the fictional example LA, synthetic cohorts, national benchmark data.
        .target(name: "ATLSynthetic", dependencies: ["ATLModel", "ATLData", "ATLPlanning"], swiftSettings: strict),
        // Maps: National Grid coordinates, LA boundaries and towns (their two shipped text formats), label placement
        // and SVG drawing. Knows nothing of schools or children, so it stands apart and is tested alone.
        .target(name: "ATLMaps", dependencies: ["ATLModel"], swiftSettings: strict),
        // Renderers: Markdown, JSON, CSV, HTML (+ inline SVG). Pure functions from results to text.
        .target(name: "ATLRender", dependencies: ["ATLModel", "ATLData", "ATLEngine", "ATLPlanning", "ATLMaps"], swiftSettings: strict),
        // A small, strict HTTP/1.1 server on POSIX sockets for the web workbench; knows nothing of schools.
        .target(name: "ATLHTTP", swiftSettings: strict),
        // The web workbench (`atl serve`): pages, forms, the register of issued lists, report drafts, jobs.
        .target(name: "ATLWorkbench", dependencies: ["ATLModel", "ATLData", "ATLEngine", "ATLPlanning", "ATLSynthetic", "ATLServices", "ATLMaps", "ATLRender", "ATLHTTP"],
                swiftSettings: strict),
        // The command-line shell as a library so tests can drive it end to end.
        .target(name: "ATLCLI", dependencies: ["ATLModel", "ATLData", "ATLEngine", "ATLPlanning", "ATLSynthetic", "ATLServices", "ATLRender", "ATLWorkbench"],
                swiftSettings: strict),
        .executableTarget(name: "atl", dependencies: ["ATLCLI"], swiftSettings: strict),
        .executableTarget(
            name: "atl-bench", dependencies: ["ATLModel", "ATLData", "ATLEngine", "ATLPlanning", "ATLSynthetic", "ATLRender", "ATLCLI"],
            path: "Benchmarks/atl-bench", swiftSettings: strict),
        // A bounded load check of the workbench on loopback (Benchmarks/results/workbench-load.md).
        .executableTarget(
            name: "atl-load", dependencies: ["ATLModel", "ATLData", "ATLEngine", "ATLServices", "ATLWorkbench"],
            path: "Benchmarks/atl-load", swiftSettings: strict),
        // The committed examples (docs/examples, the README's blocks of real output) with the commands that make
        // them, run in process; `swift run atl-examples` rewrites them, ExampleTests checks them.
        .target(name: "ATLExamples", dependencies: ["ATLCLI", "ATLTestSupport"], swiftSettings: strict),
        .executableTarget(name: "atl-examples", dependencies: ["ATLExamples"], swiftSettings: strict),
        // Tests: one target per module, each depending on the module it tests, the modules that module uses,
        // and ATLTestSupport; folders inside a test target mirror the module's source folders.
        // ATLTestSupport: fixtures shared by several suites, temporary folders, golden-file checks.
        .target(name: "ATLTestSupport", dependencies: ["ATLModel", "ATLData", "ATLEngine"], path: "Tests/ATLTestSupport",
                swiftSettings: strict),
        .testTarget(name: "ATLModelTests", dependencies: ["ATLTestSupport", "ATLModel"], swiftSettings: strict),
        .testTarget(name: "ATLDataTests", dependencies: ["ATLTestSupport", "ATLModel", "ATLData"], swiftSettings: strict),
        .testTarget(name: "ATLEngineTests", dependencies: ["ATLTestSupport", "ATLModel", "ATLData", "ATLEngine"],
                    exclude: ["Panel/cases", "Panel/repro"], swiftSettings: strict),
        .testTarget(name: "ATLPlanningTests", dependencies: ["ATLTestSupport", "ATLModel", "ATLData", "ATLEngine", "ATLPlanning"],
                    swiftSettings: strict),
        .testTarget(name: "ATLSyntheticTests", dependencies: ["ATLTestSupport", "ATLModel", "ATLData", "ATLEngine", "ATLPlanning", "ATLSynthetic"],
                    swiftSettings: strict),
        .testTarget(name: "ATLMapsTests", dependencies: ["ATLTestSupport", "ATLModel", "ATLMaps"], exclude: ["Golden"],
                    swiftSettings: strict),
        .testTarget(name: "ATLRenderTests", dependencies: ["ATLTestSupport", "ATLModel", "ATLData", "ATLEngine", "ATLPlanning", "ATLMaps", "ATLRender"],
                    exclude: ["Golden"], swiftSettings: strict),
        .testTarget(name: "ATLServicesTests", dependencies: ["ATLTestSupport", "ATLServices", "ATLModel", "ATLData", "ATLEngine", "ATLPlanning"],
                    swiftSettings: strict),
        .testTarget(name: "ATLCLITests", dependencies: ["ATLTestSupport", "ATLCLI", "ATLServices", "ATLModel", "ATLData", "ATLEngine", "ATLPlanning", "ATLSynthetic", "ATLMaps", "ATLRender"],
                    swiftSettings: strict),
        .testTarget(name: "ExampleTests", dependencies: ["ATLExamples", "ATLTestSupport", "ATLCLI"], swiftSettings: strict),
        .testTarget(name: "ATLHTTPTests", dependencies: ["ATLHTTP"], swiftSettings: strict),
        .testTarget(name: "ATLWorkbenchTests", dependencies: ["ATLTestSupport", "ATLWorkbench", "ATLHTTP", "ATLServices", "ATLModel", "ATLData", "ATLEngine", "ATLRender", "ATLCLI"],
                    swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)

// Debug builds compile the engine's modules optimized (-O) too. Unoptimized, SHA-256 of every catalogue file,
// parsing the 142,528-postcode lookup and tokenizing report text make each in-process `atl` run 1–3 s, and
// `swift test` runs every committed example (ExampleTests): about 85 s of CPU unoptimized against 9 s optimized.
// Testability (@testable) and debug info are kept; to step through these modules unoptimized in a debugger,
// comment out this loop.
for target in package.targets where ["ATLModel", "ATLData", "ATLEngine", "ATLPlanning"].contains(target.name) {
    target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(["-O"], .when(configuration: .debug))]
}
