// atl-bench: performance of the ATL engine at national scale, on one set of inputs in one run.
//
//   swift run -c release atl-bench [--quick] [--catalogue DIR] [--seed N] [--output FILE] [--batch N]
//
// Generates (once) the SYNTHETIC national catalogue with `atl synth-national` into .build/bench/national, then
// measures: catalogue parse, index build, snapshot write/load/freshness check; full scoring throughput in
// (setting, child) pairs per second on 1 thread and all cores (pruned, counted over all pairs; and unpruned);
// the naive baseline and the ratio; explained-list latency p50/p95/p99; the national batch (top 20 per child,
// JSONL out); peak memory. Each figure: warm-up, repeated runs, median (and p95 where there are many samples).
// Results go to a JSON file (Benchmarks/results/) and a Markdown table on standard output.
import ATLModel
import ATLData
import ATLEngine
import ATLPlanning
import ATLSynthetic
import ATLCLI
import ATLRender
import Foundation

// MARK: options

struct BenchOptions {
    var quick = false
    var catalogue = ".build/bench/national"
    var seed: UInt64 = 1
    var output: String?
    var batch: Int?
    var batchOnly = false
    var explainedOnly = false
    var index = ""
    var threads = Parallel.defaultThreads

    init(_ args: [String]) {
        var i = 0
        func next() -> String {
            i += 1
            guard i < args.count else { fatalError("atl-bench: \(args[i - 1]) needs a value") }
            return args[i]
        }
        while i < args.count {
            switch args[i] {
            case "--quick": quick = true
            case "--catalogue": catalogue = next()
            case "--seed": seed = UInt64(next()) ?? 1
            case "--output": output = next()
            case "--batch": batch = Int(next())
            case "--batch-only": batchOnly = true
            case "--explained-only": explainedOnly = true
            case "--index": index = next()
            case "--table": _ = next()
            case "--help", "-h":
                print("usage: atl-bench [--quick] [--catalogue DIR] [--seed N] [--output FILE] [--batch CHILDREN] | --table RESULTS.json")
                exit(0)
            default: fatalError("atl-bench: unknown option \(args[i])")
            }
            i += 1
        }
    }
}

let opt = BenchOptions(Array(CommandLine.arguments.dropFirst()))
let threads = opt.threads
let quick = opt.quick
func log(_ s: String) { FileHandle.standardError.write(Data((s + "\n").utf8)) }

// MARK: measurement helpers

@inline(never) func blackHole<T>(_ x: T) { withExtendedLifetime(x) {} }

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let t0 = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
}

struct Stats {
    var samples: [Double]
    var sorted: [Double] { samples.sorted() }
    func pct(_ p: Double) -> Double {
        let s = sorted
        guard !s.isEmpty else { return .nan }
        let rank = Int((p / 100 * Double(s.count)).rounded(.up)) - 1
        return s[Swift.max(0, Swift.min(s.count - 1, rank))]
    }
    var median: Double { pct(50) }
    var min: Double { sorted.first ?? .nan }
    var max: Double { sorted.last ?? .nan }
}

/// Runs `body` `warmup` times unmeasured, then `runs` times measured.
func repeated(warmup: Int, runs: Int, _ body: () -> Void) -> Stats {
    for _ in 0..<warmup { body() }
    return Stats(samples: (0..<runs).map { _ in seconds(body) })
}

/// Peak resident memory of this process: VmHWM from /proc/self/status (reset by exec, unlike ru_maxrss, which
/// Linux carries across fork + exec so a child would report its parent's peak), else getrusage ru_maxrss.
func peakRSSMiB() -> Double {
    if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
       let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
       let kb = Double(line.split(separator: " ").dropFirst().first ?? "") {
        return kb / 1024
    }
    var u = rusage()
    getrusage(RUSAGE_SELF.rawValue, &u)
    return Double(u.ru_maxrss) / 1024 // Linux: KiB
}

nonisolated(unsafe) var results: [(String, Any)] = []
func record(_ key: String, _ value: Any) { results.append((key, value)) }
func r3(_ v: Double) -> Double { (v * 1000).rounded() / 1000 }
func statsJSON(_ s: Stats, scale: Double = 1) -> [String: Any] {
    ["median": r3(s.median * scale), "p95": r3(s.pct(95) * scale), "min": r3(s.min * scale), "max": r3(s.max * scale), "runs": s.samples.count]
}

// MARK: machine

/// The first line of `/proc/loadavg` (1, 5 and 15-minute load averages), recorded before and after the run so
/// a reader can tell a quiet machine from a busy one.
func loadAverage() -> String {
    ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "unknown").split(separator: " ").prefix(3).joined(separator: " ")
}

/// `swift --version`'s first line: the toolchain found on PATH when the bench runs (the one that built it, in
/// the documented workflow).
func toolchain() -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["swift", "--version"]
    let pipe = Pipe()
    p.standardOutput = pipe
    p.standardError = pipe
    guard (try? p.run()) != nil else { return "unknown" }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return String(decoding: data, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? "unknown"
}

/// Machine facts, read by the bench itself (never typed by hand).
func machine() -> [String: Any] {
    let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
    let cpu = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }?
        .split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown"
    let mem = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8))?
        .split(separator: "\n").first { $0.hasPrefix("MemTotal") }.map(String.init) ?? ""
    let kernel = ((try? String(contentsOfFile: "/proc/sys/kernel/osrelease", encoding: .utf8)) ?? "unknown")
        .trimmingCharacters(in: .whitespacesAndNewlines)
    return ["cpu": cpu, "cores": ProcessInfo.processInfo.activeProcessorCount, "threads_used": threads,
            "memory": mem.replacingOccurrences(of: "MemTotal:", with: "").trimmingCharacters(in: .whitespaces),
            "os": ProcessInfo.processInfo.operatingSystemVersionString, "kernel": kernel, "toolchain": toolchain(),
            "load_average_before": loadAverage(), "started_utc": utcNow()]
}

func utcNow() -> String {
    let f = DateFormatter()
    f.locale = Locale(identifier: "en_GB_POSIX")
    f.timeZone = TimeZone(identifier: "UTC")
    f.dateFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'"
    return f.string(from: Date())
}

nonisolated(unsafe) var identityFailed = false

// MARK: the results table (also run alone: --table FILE)

/// The Markdown table docs/performance.md and the README quote, generated from a results JSON file so no figure
/// is typed by hand.
func resultsTable(_ d: [String: Any]) -> String {
    func at(_ path: String) -> Any? {
        var v: Any? = d
        for k in path.split(separator: ".") { v = (v as? [String: Any])?[String(k)] }
        return v
    }
    func num(_ path: String, _ scale: Double = 1, _ places: Int = 0) -> String {
        guard let v = at(path) as? Double ?? (at(path) as? Int).map(Double.init) else { return "—" }
        return String(format: "%.\(places)f", v * scale)
    }
    let m = d["machine"] as? [String: Any] ?? [:]
    let settings = num("catalogue.settings")
    var t = "| measure | result | target |\n|---|---:|---|\n"
    t += "| catalogue parse, \(settings) text files (median) | \(num("catalogue_parse_seconds.median", 1, 2)) s | < 2 s |\n"
    t += "| index build (median) | \(num("index_build_seconds.median", 1, 2)) s | — |\n"
    t += "| snapshot load (median) | \(num("snapshot.load_seconds.median", 1, 3)) s | < 0.15 s |\n"
    t += "| scoring, pruned, pairs/s counted over all pairs, 1 thread / all cores | \(num("scoring.pruned_1_thread.pairs_per_second_median", 1e-6)) M / \(num("scoring.pruned_all_cores.pairs_per_second_median", 1e-6)) M | — |\n"
    t += "| scoring, every pair evaluated, 1 thread / all cores | \(num("scoring.unpruned_1_thread.pairs_per_second_median", 1e-6)) M / \(num("scoring.unpruned_all_cores.pairs_per_second_median", 1e-6)) M | ≥ 250 M (all cores) |\n"
    t += "| bare-loop limit probe, same run, 1 thread / all cores | \(num("scoring.bare_loop_1_thread.pairs_per_second_median", 1e-6)) M / \(num("scoring.bare_loop_all_cores.pairs_per_second_median", 1e-6)) M | — |\n"
    t += "| every pair evaluated as a share of the bare loop, 1 thread / all cores | \(num("scoring.bare_loop_1_thread.engine_unpruned_share", 100))% / \(num("scoring.bare_loop_all_cores.engine_unpruned_share", 100))% | — |\n"
    t += "| naive baseline (no shared scoring code), 1 thread | \(num("naive_baseline.pairs_per_second_median", 1e-6, 2)) M | — |\n"
    t += "| naive top 20 identical to the engine's (enforced) | \(num("naive_baseline.top20_identical_children")) of \(num("naive_baseline.top20_compared_children")) children | all |\n"
    t += "| speed-up over naive, 1 thread (pruned / every pair) | \(num("naive_baseline.ratio_pruned_1_thread"))× / \(num("naive_baseline.ratio_unpruned_1_thread"))× | — |\n"
    t += "| one explained list, p50 / p99 | \(num("explained_list_ms.p50", 1, 2)) / \(num("explained_list_ms.p99", 1, 2)) ms | < 2 / < 10 ms |\n"
    t += "| explained lists + atl-list/1 JSON, all cores | \(num("batch.explained_lists_sample.children_per_second")) children/s | ≥ 5,000 children/s |\n"
    t += "| batch of \(num("batch.children")) children, top 20, JSONL (+ snapshot load) | \(num("batch.seconds", 1, 1)) s (+ \(num("batch.snapshot_load_seconds", 1, 2)) s) | — |\n"
    t += "| batch process peak memory | \(num("batch.peak_rss_mib", 1.0 / 1024, 2)) GiB | — |\n"
    t += "\nMachine: \(m["cpu"] ?? "?"), \(m["cores"] ?? "?") cores, \(m["toolchain"] ?? "?"); load average "
        + "\(m["load_average_before"] ?? "?") before, \(m["load_average_after"] ?? "?") after; \(d["mode"] ?? "?") run started \(m["started_utc"] ?? "?").\n"
    return t
}

if let i = CommandLine.arguments.firstIndex(of: "--table"), i + 1 < CommandLine.arguments.count {
    let path = CommandLine.arguments[i + 1]
    guard let data = FileManager.default.contents(atPath: path),
          let d = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
        FileHandle.standardError.write(Data("atl-bench: cannot read results JSON \(path)\n".utf8))
        exit(2)
    }
    print(resultsTable(d), terminator: "")
    exit(0)
}

record("machine", machine())
record("mode", quick ? "quick" : "full")
record("engine_version", ATL.version)
if !opt.batchOnly && !opt.explainedOnly { log("atl-bench (\(quick ? "quick" : "full")), \(threads) threads") }

// MARK: national batch (also run alone: --batch-only)

/// One compact JSONL record: the child's top 20 settings. Keys in a fixed order; integers only.
@Sendable func batchLine(_ p: NeedsProfile, _ r: ScoringResult) -> String {
    var s = "{\"schema\":\"atl-bench-batch/1\",\"reference\":\"\(p.reference)\",\"synthetic\":true,\"eligible\":\(r.eligible),\"top\":["
    for (k, c) in r.top.enumerated() {
        if k > 0 { s += "," }
        s += "{\"urn\":\(c.urn),\"milli\":\(c.total)}"
    }
    return s + "]}\n"
}

/// Scores `children` synthetic children (top 20 each) and writes one JSONL line per child, in child order,
/// blocks of children in parallel. Returns the seconds taken and bytes written.
func nationalBatch(engine: MatchingEngine, cohort: NationalCohort, children: Int, path: String, threads: Int) throws -> (Double, Int) {
    FileManager.default.createFile(atPath: path, contents: nil)
    let out = FileHandle(forWritingAtPath: path)!
    var bytes = 0
    let blockSize = 8192
    let t = seconds {
        var start = 0
        while start < children {
            let count = min(blockSize, children - start)
            let base = start
            let lines = Parallel.map(count, threads: threads) { j -> String in
                let p = cohort.child(base + j)
                let q = engine.query(p, home: try! engine.resolveHome(p, file: p.reference))
                return batchLine(p, Scorer.score(q, index: engine.index, keepPerType: 10, threads: 1))
            }
            var data = Data()
            data.reserveCapacity(lines.count * 700)
            for l in lines { data.append(contentsOf: l.utf8) }
            bytes += data.count
            out.write(data)
            start += count
        }
    }
    try out.close()
    return (t, bytes)
}

// Explained lists alone, from the snapshot (for profiling with perf): --explained-only --index FILE [--batch N].
if opt.explainedOnly {
    let snapshot = try IndexSnapshot.load(path: opt.index, engineVersion: ATL.version)
    let engine = MatchingEngine(catalogue: snapshot.catalogue, index: snapshot.index, engineVersion: ATL.version)
    let cohort = NationalCohort(seed: opt.seed, catalogue: snapshot.catalogue)
    let children = opt.batch ?? 2_000
    var bytes = 0
    let t = seconds {
        bytes = Parallel.map(children, threads: opt.threads) { j -> Int in
            let p = cohort.child(j)
            let l = try! engine.advisoryList(for: p, file: p.reference, profileHash: "bench", date: "2026-11-23", threads: 1)
            return ListJSON.render(l).utf8.count + 1
        }.reduce(0, +)
    }
    log("explained lists + atl-list/1 JSON: \(children) children in \(r3(t)) s = \(Int(Double(children) / t)) children/s, \(bytes) bytes")
    exit(0)
}

if opt.batchOnly {
    let o = opt, index = opt.index
    var snapshot: IndexSnapshot!
    let load = try seconds {
        snapshot = try IndexSnapshot.load(path: index, engineVersion: ATL.version)
        try snapshot.checkFresh(catalogueRoot: o.catalogue, file: index)
    }
    let engine = MatchingEngine(catalogue: snapshot.catalogue, index: snapshot.index, engineVersion: ATL.version)
    let cohort = NationalCohort(seed: o.seed, catalogue: snapshot.catalogue)
    snapshot = nil
    let (t, bytes) = try nationalBatch(engine: engine, cohort: cohort, children: o.batch ?? 640_000,
                                       path: o.catalogue + "-batch.jsonl", threads: o.threads)
    let result: [String: Any] = ["snapshot_load_seconds": r3(load), "batch_seconds": r3(t), "jsonl_bytes": bytes,
                                 "children": o.batch ?? 640_000, "peak_rss_mib": r3(peakRSSMiB())]
    try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys]).write(to: URL(fileURLWithPath: o.output!))
    exit(0)
}

@MainActor func bench() throws {
    let threads = opt.threads, quick = opt.quick
    // MARK: 1. catalogue

    let console = Console.standard()
    if !FileManager.default.fileExists(atPath: opt.catalogue) {
        log("generating the SYNTHETIC national catalogue into \(opt.catalogue) …")
        let t = seconds {
            let rc = ATL.run(["synth-national", "--output", opt.catalogue, "--seed", String(opt.seed)], console: console)
            if rc != 0 { fatalError("synth-national failed (\(rc))") }
        }
        record("synth_national_seconds", r3(t))
    }

    var catalogue: Catalogue!
    let parse = repeated(warmup: 0, runs: quick ? 1 : 3) {
        do throws(ATLError) { catalogue = try CatalogueLoader.load(root: opt.catalogue, threads: threads).catalogue } catch {
            fatalError("catalogue errors: \(error.errors.prefix(3))")
        }
    }
    let n = catalogue.settings.count
    let bytesOnDisk = catalogue.settings.count > 0 ? (try? FileManager.default.subpathsOfDirectory(atPath: opt.catalogue))?
        .reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: opt.catalogue + "/" + $1)[.size] as? Int) ?? 0) } ?? 0 : 0
    log("catalogue: \(n) settings, \(bytesOnDisk / 1_000_000) MB, parse median \(r3(parse.median)) s")
    record("catalogue", ["settings": n, "bytes": bytesOnDisk, "synthetic": catalogue.settings.allSatisfy(NationalSynthesis.isSynthetic),
                         "content_hash": catalogue.contentHash])
    record("catalogue_parse_seconds", statsJSON(parse))

    // MARK: 2. index build

    var built: CompiledIndex!
    let build = repeated(warmup: 0, runs: quick ? 1 : 3) { built = CompiledIndex(catalogue, threads: threads) }
    let index: CompiledIndex = built
    built = nil
    log("index build median \(r3(build.median)) s")
    record("index_build_seconds", statsJSON(build))

    // MARK: 3. snapshot

    let snapPath = opt.catalogue + ".atlidx"
    let fingerprint = try CatalogueFingerprint.scan(root: opt.catalogue, hashing: true)
    let snapshot = IndexSnapshot(catalogue: catalogue, index: index, engineVersion: ATL.version, fingerprint: fingerprint)
    var encoded: [UInt8] = []
    let encodeTime = repeated(warmup: 0, runs: quick ? 1 : 3) { encoded = snapshot.encode() }
    try snapshot.write(to: snapPath)
    var loaded: IndexSnapshot!
    let load = repeated(warmup: quick ? 0 : 1, runs: quick ? 3 : 7) { loaded = try! IndexSnapshot.load(path: snapPath, engineVersion: ATL.version) }
    precondition(loaded.catalogue.settings.count == n && loaded.catalogue.contentHash == catalogue.contentHash)
    precondition(loaded.index.urn == index.urn && loaded.index.evidence.scores == index.evidence.scores)
    let fresh = repeated(warmup: 1, runs: quick ? 3 : 5) { try! loaded.checkFresh(catalogueRoot: opt.catalogue, file: snapPath) }
    log("snapshot \(encoded.count / 1_000_000) MB: encode \(r3(encodeTime.median)) s, load median \(r3(load.median)) s, freshness check \(r3(fresh.median)) s")
    record("snapshot", ["bytes": encoded.count, "encode_seconds": statsJSON(encodeTime), "load_seconds": statsJSON(load),
                        "freshness_check_seconds": statsJSON(fresh)])
    encoded = []
    loaded = nil

    // MARK: 4. cohort and queries

    let engine = MatchingEngine(catalogue: catalogue, index: index, engineVersion: ATL.version)
    let cohort = NationalCohort(seed: opt.seed, catalogue: catalogue)
    let scoringChildren = quick ? 2_000 : 20_000
    let profiles = (0..<scoringChildren).map(cohort.child)
    let queries = profiles.map { p in engine.query(p, home: try! engine.resolveHome(p, file: p.reference)) }
    let pool = 20

    // MARK: 5. full scoring throughput

    /// Scores `qs` with each child on one thread, children spread over `threads` workers; returns a checksum.
    func scoreAll(_ qs: ArraySlice<CompiledQuery>, threads: Int, prune: Bool) -> Int {
        let qs = Array(qs)
        let sums = Parallel.map(threads, threads: threads) { t -> Int in
            var s = 0
            for i in stride(from: t, to: qs.count, by: threads) {
                let r = Scorer.score(qs[i], index: index, keepPerType: pool, threads: 1, prune: prune)
                s &+= Int(r.top.first?.total ?? 0) &+ r.eligible
            }
            return s
        }
        return sums.reduce(0, &+)
    }

    var scoring: [String: Any] = [:]
    for (label, t) in [("1_thread", 1), ("all_cores", threads)] {
        var check = 0
        let s = repeated(warmup: 1, runs: quick ? 3 : 5) { check = scoreAll(queries[...], threads: t, prune: true) }
        blackHole(check)
        let pairs = Double(scoringChildren) * Double(n)
        scoring["pruned_\(label)"] = ["children": scoringChildren, "settings": n, "seconds": statsJSON(s),
                                      "pairs_per_second_median": (pairs / s.median).rounded(),
                                      "children_per_second_median": (Double(scoringChildren) / s.median).rounded()]
        log("scoring (pruned, counted over all pairs) \(label): \(Int(pairs / s.median / 1e6)) M pairs/s")
    }
    let unprunedChildren = quick ? 300 : 1_000
    // Every pair evaluated, and the limit probe (a bare loop over the same columns, same children), run in
    // turn — engine, probe, engine, probe … — so a burst of load from elsewhere falls on both; the share is the
    // median of each pair's ratio.
    let unprunedQueries = Array(queries.prefix(unprunedChildren))
    func bareAll(threads t: Int) -> Int {
        Parallel.map(t, threads: t) { w -> Int in
            var sum = 0
            for i in stride(from: w, to: unprunedQueries.count, by: t) { sum &+= BareLoop.pass(unprunedQueries[i], index) }
            return sum
        }.reduce(0, &+)
    }
    for (label, t) in [("1_thread", 1), ("all_cores", threads)] {
        var check = 0
        check &+= scoreAll(unprunedQueries[...], threads: t, prune: false)
        check &+= bareAll(threads: t)
        var engineTimes: [Double] = [], bareTimes: [Double] = [], shares: [Double] = []
        for _ in 0..<(quick ? 5 : 7) {
            let e = seconds { check &+= scoreAll(unprunedQueries[...], threads: t, prune: false) }
            let b = seconds { check &+= bareAll(threads: t) }
            engineTimes.append(e)
            bareTimes.append(b)
            shares.append(b / e)
        }
        blackHole(check)
        let pairs = Double(unprunedChildren) * Double(n)
        let es = Stats(samples: engineTimes), bs = Stats(samples: bareTimes), share = Stats(samples: shares)
        scoring["unpruned_\(label)"] = ["children": unprunedChildren, "settings": n, "seconds": statsJSON(es),
                                        "pairs_per_second_median": (pairs / es.median).rounded()]
        scoring["bare_loop_\(label)"] = ["children": unprunedChildren, "settings": n, "seconds": statsJSON(bs),
                                         "pairs_per_second_median": (pairs / bs.median).rounded(),
                                         "engine_unpruned_share": r3(share.median),
                                         "engine_unpruned_share_min": r3(share.min), "engine_unpruned_share_max": r3(share.max)]
        log("scoring (every pair evaluated) \(label): \(Int(pairs / es.median / 1e6)) M pairs/s; bare-loop probe \(Int(pairs / bs.median / 1e6)) M; "
            + "engine = \(Int(100 * share.median))% of the probe (pairwise \(Int(100 * share.min))–\(Int(100 * share.max))%)")
    }
    var scanned = 0
    for q in queries.prefix(2000) { scanned += Scorer.score(q, index: index, keepPerType: pool).scanned }
    scoring["mean_settings_scanned_after_pruning"] = scanned / min(2000, queries.count)
    record("scoring", scoring)

    // MARK: 6. naive baseline

    var naiveSettings: [NaiveSetting] = []
    let naivePrep = seconds { naiveSettings = Naive.settings(catalogue) }
    let naiveModel = Naive.model(naiveSettings, w: engine.weights)
    let naiveChildren = quick ? 10 : 40
    let naiveKids = (0..<naiveChildren).map { Naive.child(profiles[$0], w: engine.weights) }
    var naiveTops: [[(Int, Int, Int)]] = []
    let naive = repeated(warmup: 1, runs: quick ? 1 : 3) {
        naiveTops = naiveKids.map { Naive.top($0, naiveSettings, naiveModel, k: pool) }
    }
    var agree = 0
    var firstDifference: String?
    for i in 0..<naiveChildren {
        let fast: [(Int, Int, Int)] = Scorer.score(queries[i], index: index, keepPerType: pool).top.map { (Int($0.order), Int($0.total), Int($0.urn)) }
        let slow = naiveTops[i]
        let length = min(fast.count, slow.count)
        var k = 0
        while k < length && fast[k] == slow[k] { k += 1 }
        if k == length && fast.count == slow.count {
            agree += 1
        } else if firstDifference == nil {
            let engineEntry: String = k < fast.count ? String(describing: fast[k]) : "none"
            let naiveEntry: String = k < slow.count ? String(describing: slow[k]) : "none"
            firstDifference = "child \(i): engine \(fast.count) entries, naive \(slow.count); first difference at \(k): engine \(engineEntry), naive \(naiveEntry)"
        }
    }
    let naivePairsPerSecond = Double(naiveChildren) * Double(n) / naive.median
    func pps(_ key: String) -> Double { (scoring[key] as! [String: Any])["pairs_per_second_median"] as! Double }
    record("naive_baseline", [
        "children": naiveChildren, "seconds": statsJSON(naive), "pairs_per_second_median": naivePairsPerSecond.rounded(),
        "preparation_seconds": r3(naivePrep),
        "top20_identical_children": agree, "top20_compared_children": naiveChildren,
        "shares_scoring_code_with_engine": false,
        "ratio_pruned_1_thread": r3(pps("pruned_1_thread") / naivePairsPerSecond),
        "ratio_pruned_all_cores": r3(pps("pruned_all_cores") / naivePairsPerSecond),
        "ratio_unpruned_1_thread": r3(pps("unpruned_1_thread") / naivePairsPerSecond),
    ])
    log("naive: \(Int(naivePairsPerSecond / 1e3)) k pairs/s, top-20 identical for \(agree)/\(naiveChildren); ratio (pruned, 1 thread) \(Int(pps("pruned_1_thread") / naivePairsPerSecond))x, unpruned \(Int(pps("unpruned_1_thread") / naivePairsPerSecond))x")
    if agree != naiveChildren {
        log("FAIL: the naive baseline's top 20 differs from the engine's (\(firstDifference ?? "")).")
        identityFailed = true
    }
    naiveSettings = []

    // MARK: 7. one explained list

    let listChildren = quick ? 60 : 400
    var latency: [Double] = []
    var renderLatency: [Double] = []
    for i in 0..<(listChildren + 20) {
        let p = profiles[i % profiles.count]
        var list: AdvisoryList!
        let t = seconds { list = try! engine.advisoryList(for: p, file: p.reference, profileHash: "bench", date: "2026-11-23", threads: threads) }
        var text = ""
        let r = seconds { text = ListJSON.render(list) }
        blackHole(text)
        if i >= 20 { latency.append(t); renderLatency.append(t + r) }
    }
    let lat = Stats(samples: latency), latR = Stats(samples: renderLatency)
    record("explained_list_ms", ["children": listChildren, "warmup": 20, "threads": threads,
                                 "p50": r3(lat.median * 1000), "p95": r3(lat.pct(95) * 1000), "p99": r3(lat.pct(99) * 1000),
                                 "max": r3(lat.max * 1000),
                                 "with_json_render_p50": r3(latR.median * 1000), "with_json_render_p99": r3(latR.pct(99) * 1000)])
    log("explained list: p50 \(r3(lat.median * 1000)) ms, p99 \(r3(lat.pct(99) * 1000)) ms")

    // MARK: 8. national batch

    let batchChildren = opt.batch ?? (quick ? 20_000 : 640_000)
    let batchPath = opt.catalogue + "-batch.jsonl"
    // Run in a child process that starts from the snapshot, as a batch job would, so its peak memory is its own.
    let child = Process()
    child.executableURL = URL(fileURLWithPath: "/proc/self/exe")
    let batchJSON = opt.catalogue + "-batch.json"
    child.arguments = ["--batch-only", "--catalogue", opt.catalogue, "--index", snapPath, "--batch", String(batchChildren),
                       "--seed", String(opt.seed), "--output", batchJSON]
    try child.run()
    child.waitUntilExit()
    guard child.terminationStatus == 0, let bj = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: batchJSON))) as? [String: Any]
    else { fatalError("batch child failed") }
    let batchTime = bj["batch_seconds"] as! Double, batchBytes = bj["jsonl_bytes"] as! Int
    let batchLoad = bj["snapshot_load_seconds"] as! Double, batchRSS = bj["peak_rss_mib"] as! Double
    log("batch: \(batchChildren) children in \(r3(batchTime)) s (\(Int(Double(batchChildren) / batchTime)) children/s) after a \(r3(batchLoad)) s snapshot load, \(batchBytes / 1_000_000) MB JSONL, peak RSS \(Int(batchRSS)) MiB")

    // Explained lists (atl-list/1 JSON per child), on a sample, to extrapolate a full explained national batch.
    let explainedSample = quick ? 500 : 2_000
    var explainedBytes = 0
    let explainedTime = seconds {
        let sizes = Parallel.map(explainedSample, threads: threads) { j -> Int in
            let p = cohort.child(j)
            let l = try! engine.advisoryList(for: p, file: p.reference, profileHash: "bench", date: "2026-11-23", threads: 1)
            return ListJSON.render(l).utf8.count + 1
        }
        explainedBytes = sizes.reduce(0, +)
    }
    record("batch", ["children": batchChildren, "settings": n, "top": pool, "seconds": r3(batchTime),
                     "process": "separate, starting from the snapshot", "snapshot_load_seconds": batchLoad,
                     "peak_rss_mib": batchRSS, "end_to_end_seconds": r3(batchLoad + batchTime),
                     "children_per_second": (Double(batchChildren) / batchTime).rounded(),
                     "pairs_per_second_counted": (Double(batchChildren) * Double(n) / batchTime).rounded(),
                     "jsonl_bytes": batchBytes, "output": batchPath,
                     "explained_lists_sample": ["children": explainedSample, "seconds": r3(explainedTime),
                                                "children_per_second": (Double(explainedSample) / explainedTime).rounded(),
                                                "json_bytes": explainedBytes,
                                                "extrapolated_seconds_for_batch": r3(explainedTime * Double(batchChildren) / Double(explainedSample))]])
    log("explained lists + atl-list/1 JSON: \(Int(Double(explainedSample) / explainedTime)) children/s")

    // MARK: 9. memory and results

    record("peak_rss_mib", r3(peakRSSMiB()))
    log("peak RSS \(Int(peakRSSMiB())) MiB")

    var machineFacts = results.first { $0.0 == "machine" }!.1 as! [String: Any]
    machineFacts["load_average_after"] = loadAverage()
    results = results.map { $0.0 == "machine" ? ($0.0, machineFacts) : $0 }
    let dict = Dictionary(uniqueKeysWithValues: results.map { ($0.0, $0.1) })
    let data = try JSONSerialization.data(withJSONObject: dict, options: [.prettyPrinted, .sortedKeys])
    let resultPath = opt.output ?? "Benchmarks/results/bench-\(quick ? "quick" : "full").json"
    try FileManager.default.createDirectory(atPath: (resultPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try data.write(to: URL(fileURLWithPath: resultPath))
    log("results written to \(resultPath)")
    print(resultsTable(dict), terminator: "")
}

try bench()
if identityFailed { exit(1) }
