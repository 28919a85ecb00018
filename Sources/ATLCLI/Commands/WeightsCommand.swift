import ATLEngine
import ATLServices

/// `atl weights`: the scoring weights in use.
enum WeightsCommand {
    static let spec = CommandSpec(
        name: "weights",
        abstract: "Print the scoring weights in use (defaults, or a weights file checked and completed).",
        options: [.value("weights", "file", "A weights file to check and print in full"), CommonOptions.output]
    ) { args, console in
        let w = try args.value("weights").map { path throws in try Weights.load(path: path) } ?? .defaults
        try CommandSupport.emit(w.render(), to: args.value("output"), console: console)
        console.errLine("weights hash \(w.hash)")
        return 0
    }
}
