// swift-tools-version: 6.0
// The ATL engine: Advisory Tailored Lists of education settings for children with an EHCP.
// Foundation and Dispatch only; no third-party packages (see README "Design card").
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
        .library(name: "ATLCore", targets: ["ATLCore"]),
    ],
    targets: [
        // Pure model and logic: catalogue, index, travel, scoring, explanation, composition, batch,
        // allocation, scenarios. No printing; file reading is confined to Catalogue/ and IO/ helpers.
        .target(name: "ATLCore", swiftSettings: strict),
        // Renderers: Markdown, JSON, CSV, HTML (+ inline SVG). Pure functions from results to text.
        .target(name: "ATLRender", dependencies: ["ATLCore"], swiftSettings: strict),
        // The command-line interface as a library so tests can drive it end to end.
        .target(name: "ATLCLI", dependencies: ["ATLCore", "ATLRender"], swiftSettings: strict),
        .executableTarget(name: "atl", dependencies: ["ATLCLI"], swiftSettings: strict),
        .executableTarget(
            name: "atl-bench", dependencies: ["ATLCore", "ATLRender", "ATLCLI"],
            path: "Benchmarks/atl-bench", swiftSettings: strict),
        .testTarget(name: "ATLCoreTests", dependencies: ["ATLCore"], swiftSettings: strict),
        .testTarget(name: "ATLRenderTests", dependencies: ["ATLCore", "ATLRender"], exclude: ["Golden"], swiftSettings: strict),
        .testTarget(name: "ATLCLITests", dependencies: ["ATLCLI", "ATLCore"], swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
