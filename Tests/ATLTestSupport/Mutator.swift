import ATLModel
import Foundation

/// Seeded, deterministic mutations of valid inputs for the parsers' fuzz tests: every case is reproducible
/// from the run's seed and its number alone (each case draws from its own random stream).
///
/// The mutations are the ways real files go wrong: cut short, bytes flipped, a byte-order mark, CRLF or
/// CR-only line ends, NUL bytes, very long fields and lines, Windows-1252 bytes, duplicated or deleted
/// chunks, numbers replaced by edge values (NaN, 1e308, -0, huge integers), stray quotes, commas and colons,
/// lines swapped or repeated, and unusual Unicode.
public struct Mutator {
    public private(set) var rng: SeededRandom
    /// What was done to the input, for the failure message of a case.
    public private(set) var trail: [String] = []

    public init(seed: UInt64, case n: Int) {
        rng = SeededRandom(seed: seed, stream: UInt64(n))
    }

    public static let edgeNumbers = ["NaN", "nan", "inf", "-inf", "1e308", "-1e308", "1e-320", "4.9e-324", "-0", "0", "-1",
                                     "99999999999999999999999", "9223372036854775807", "9223372036854775808",
                                     "-9223372036854775809", "18446744073709551615", "0x10", "1_000", "1.5e3", "+7", " 12 "]
    static let structural: [String] = ["\"", ",", ":", "\n", "\r", "#", "---", "## ", "{", "}", "[", "]", "\\", "\"\"", ",,", "\t", " ", "@"]
    static let unicode: [String] = ["\u{FEFF}", "\u{200F}", "\u{202E}", "é", "\u{0301}", "😀", "\u{FFFD}", "\u{0085}", "\u{2028}", "𝟘"]
    static let windows1252: [UInt8] = [0x80, 0x92, 0x93, 0x96, 0xA3, 0xE9, 0xFF, 0x81, 0x9D]

    /// A number below `n`, from the case's stream (to choose which seed input to mutate).
    public mutating func choose(below n: Int) -> Int { rng.below(n) }

    /// One to three mutations of `input`.
    public mutating func mutate(_ input: [UInt8]) -> [UInt8] {
        var b = input
        for _ in 0..<rng.int(in: 1...3) { b = once(b) }
        return b
    }

    private mutating func position(_ b: [UInt8]) -> Int { b.isEmpty ? 0 : rng.below(b.count + 1) }

    private mutating func once(_ input: [UInt8]) -> [UInt8] {
        var b = input
        let op = rng.below(20)
        switch op {
        case 0:
            let n = position(b); b = Array(b.prefix(n)); trail.append("truncate to \(n)")
        case 1 where !b.isEmpty:
            let i = rng.below(b.count), x = UInt8(rng.int(in: 1...255)); b[i] ^= x; trail.append("xor byte \(i) with \(x)")
        case 2 where !b.isEmpty:
            let i = rng.below(b.count), bit = rng.below(8); b[i] ^= 1 << bit; trail.append("flip bit \(bit) of byte \(i)")
        case 3:
            let i = rng.chance(0.7) ? 0 : position(b); b.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: i); trail.append("BOM at \(i)")
        case 4:
            b = replace(b, [0x0A], [0x0D, 0x0A]); trail.append("LF to CRLF")
        case 5:
            b = replace(replace(b, [0x0D, 0x0A], [0x0A]), [0x0A], [0x0D]); trail.append("line ends to CR only")
        case 6:
            let i = position(b), n = rng.int(in: 1...4); b.insert(contentsOf: [UInt8](repeating: 0, count: n), at: i); trail.append("\(n) NUL at \(i)")
        case 7:
            let i = position(b), n = rng.pick([300, 5_000, 70_000]), c = rng.pick([UInt8(ascii: "x"), UInt8(ascii: "9"), UInt8(ascii: " "), UInt8(ascii: ",")])
            b.insert(contentsOf: [UInt8](repeating: c, count: n), at: i); trail.append("\(n) × \(c) at \(i)")
        case 8:
            let n = rng.pick([10_000, 80_000]); b += [0x0A] + [UInt8](repeating: UInt8(ascii: "a"), count: n) + [0x0A]; trail.append("line of \(n)")
        case 9:
            let i = position(b), x = rng.pick(Self.windows1252); b.insert(x, at: i); trail.append("byte \(x) at \(i)")
        case 10 where b.count > 1:
            let s = rng.below(b.count), e = min(b.count, s + rng.int(in: 1...max(1, b.count / 4))), i = position(b)
            b.insert(contentsOf: Array(b[s..<e]), at: i); trail.append("copy \(s)..<\(e) to \(i)")
        case 11 where b.count > 1:
            let s = rng.below(b.count), e = min(b.count, s + rng.int(in: 1...max(1, b.count / 8)))
            b.removeSubrange(s..<e); trail.append("delete \(s)..<\(e)")
        case 12, 13:
            b = edgeNumber(b)
        case 14, 15:
            let i = position(b), s = rng.pick(Self.structural); b.insert(contentsOf: Array(s.utf8), at: i); trail.append("insert \(s.debugDescription) at \(i)")
        case 16:
            var lines = b.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
            if lines.count > 1 {
                let i = rng.below(lines.count), j = rng.below(lines.count); lines.swapAt(i, j); trail.append("swap lines \(i + 1), \(j + 1)")
                b = Array(lines.joined(separator: [0x0A]))
            }
        case 17:
            var lines = b.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
            if !lines.isEmpty {
                let i = rng.below(lines.count), j = rng.below(lines.count + 1); lines.insert(lines[i], at: j); trail.append("repeat line \(i + 1) at \(j + 1)")
                b = Array(lines.joined(separator: [0x0A]))
            }
        case 18:
            let i = position(b), u = rng.pick(Self.unicode); b.insert(contentsOf: Array(u.utf8), at: i); trail.append("insert \(u.debugDescription) at \(i)")
        default:
            if rng.chance(0.5) { b = []; trail.append("empty") } else { b += b; trail.append("twice over") }
        }
        return b
    }

    /// Replaces one run of digits (with its sign and decimals) by an edge value.
    private mutating func edgeNumber(_ b: [UInt8]) -> [UInt8] {
        var runs: [Range<Int>] = []
        var i = 0
        while i < b.count {
            if (0x30...0x39).contains(b[i]) {
                var j = i
                while j < b.count, (0x30...0x39).contains(b[j]) || b[j] == UInt8(ascii: ".") { j += 1 }
                runs.append((i > 0 && b[i - 1] == UInt8(ascii: "-") ? i - 1 : i)..<j)
                i = j
            } else {
                i += 1
            }
        }
        guard !runs.isEmpty else { return b }
        let r = rng.pick(runs), v = rng.pick(Self.edgeNumbers)
        trail.append("number at \(r.lowerBound) to \(v.debugDescription)")
        var out = b
        out.replaceSubrange(r, with: Array(v.utf8))
        return out
    }

    private func replace(_ b: [UInt8], _ from: [UInt8], _ to: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count + b.count / 16)
        var i = 0
        while i < b.count {
            if i + from.count <= b.count, b[i..<(i + from.count)].elementsEqual(from) {
                out += to
                i += from.count
            } else {
                out.append(b[i])
                i += 1
            }
        }
        return out
    }
}

/// What one parse of a fuzz case gave.
public struct FuzzOutcome: Sendable {
    /// The parse succeeded (a value, possibly with warnings).
    public var accepted: Bool
    /// Every diagnostic (warnings of a success, problems of a failure).
    public var diagnostics: [Diagnostic]
    /// For an accepted input: why parse → write → parse was not the identity, if it was not.
    public var roundTripProblem: String?

    public init(accepted: Bool, diagnostics: [Diagnostic] = [], roundTripProblem: String? = nil) {
        self.accepted = accepted
        self.diagnostics = diagnostics
        self.roundTripProblem = roundTripProblem
    }

    /// The outcome of a throwing parse, with a round-trip check for its value.
    public static func of<T>(_ parse: () throws(ATLError) -> T, roundTrip: (T) -> String? = { _ in nil }) -> FuzzOutcome {
        do throws(ATLError) {
            let v = try parse()
            return FuzzOutcome(accepted: true, roundTripProblem: roundTrip(v))
        } catch {
            return FuzzOutcome(accepted: false, diagnostics: error.diagnostics)
        }
    }
}

/// Runs a parser over seeded mutations of valid inputs and checks the fuzz properties: no crash (a crash ends
/// the test run), no hang (each parse must end within ``caseTimeLimit``), a failure always explains itself with
/// diagnostics (each naming a line, for formats with lines), and every accepted input survives parse → write →
/// parse unchanged.
public enum Fuzz {
    /// Cases per parser: `ATL_FUZZ_CASES` when set (the long mode: `ATL_FUZZ_CASES=1000000 swift test --filter Fuzz`),
    /// else the CI default.
    public static func cases(_ ciDefault: Int) -> Int {
        ProcessInfo.processInfo.environment["ATL_FUZZ_CASES"].flatMap(Int.init) ?? ciDefault
    }

    /// The run's seed: `ATL_FUZZ_SEED` when set (to explore new cases in long runs), else 1.
    public static var seed: UInt64 { ProcessInfo.processInfo.environment["ATL_FUZZ_SEED"].flatMap(UInt64.init) ?? 1 }

    /// Longest one parse may take before it counts as a hang (generous: the machine may be busy).
    public static let caseTimeLimit: Double = 20

    public struct Report: Sendable, CustomStringConvertible {
        public var parser: String
        public var cases = 0
        public var accepted = 0
        public var rejected = 0
        public var slowestSeconds = 0.0
        public var slowestCase = ""
        public var totalSeconds = 0.0
        public var failures: [String] = []
        public var description: String {
            "fuzz \(parser): \(cases) cases (\(accepted) accepted, \(rejected) rejected) in \(String(format: "%.1f", totalSeconds)) s, "
                + "slowest \(String(format: "%.3f", slowestSeconds)) s (\(slowestCase)), \(failures.count) failures"
        }
    }

    /// Runs `cases` mutated cases of `seeds` through `parse`. `needsLines`: every diagnostic of a rejected case
    /// must name a line (formats made of lines); `allowedWithoutLine` lists codes that are about the file as a
    /// whole (an empty file, a missing header).
    public static func run(_ parser: String, seeds: [[UInt8]], cases: Int, needsLines: Bool,
                           allowedWithoutLine: Set<DiagnosticCode> = [],
                           parse: @escaping @Sendable ([UInt8]) -> FuzzOutcome) -> Report {
        var report = Report(parser: parser)
        // The seeds themselves must be accepted and round-trip.
        for (i, s) in seeds.enumerated() {
            let o = parse(s)
            if !o.accepted { report.failures.append("seed \(i) is rejected: \(o.diagnostics.map(\.description))") }
            if let p = o.roundTripProblem { report.failures.append("seed \(i) does not round-trip: \(p)") }
        }
        let runSeed = seed
        for n in 0..<cases {
            var m = Mutator(seed: runSeed, case: n)
            let input = m.mutate(seeds[m.choose(below: seeds.count)])
            let started = Date()
            guard let o = withTimeLimit(caseTimeLimit, { parse(input) }) else {
                report.failures.append("case \(n) (ATL_FUZZ_SEED=\(runSeed)) did not end within \(caseTimeLimit) s: \(m.trail)")
                break
            }
            let took = Date().timeIntervalSince(started)
            report.totalSeconds += took
            if took > report.slowestSeconds { report.slowestSeconds = took; report.slowestCase = "case \(n): \(m.trail.joined(separator: "; "))" }
            report.cases += 1
            if o.accepted {
                report.accepted += 1
                if let p = o.roundTripProblem { report.failures.append("case \(n) (ATL_FUZZ_SEED=\(runSeed)) \(m.trail): parse → write → parse: \(p)") }
            } else {
                report.rejected += 1
                if o.diagnostics.isEmpty { report.failures.append("case \(n) \(m.trail): rejected without a diagnostic") }
                if needsLines, let d = o.diagnostics.first(where: { $0.line == nil && !allowedWithoutLine.contains($0.code) }) {
                    report.failures.append("case \(n) (ATL_FUZZ_SEED=\(runSeed)) \(m.trail): a diagnostic without a line: [\(d.code)] \(d)")
                }
            }
            if report.failures.count >= 10 { break }
        }
        print(report)
        return report
    }

    /// Runs `body` on another thread and waits at most `seconds`; nil when it did not finish (the thread is left
    /// running: the test fails and the run ends).
    static func withTimeLimit<T: Sendable>(_ seconds: Double, _ body: @escaping @Sendable () -> T) -> T? {
        let box = TimedBox<T>()
        Thread.detachNewThread {
            box.value = body()
            box.done.signal()
        }
        return box.done.wait(timeout: .now() + seconds) == .success ? box.value : nil
    }
}

/// The result of a body run on another thread, handed back under a semaphore.
final class TimedBox<T>: @unchecked Sendable {
    var value: T?
    let done = DispatchSemaphore(value: 0)
}
