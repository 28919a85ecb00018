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
            case "--index": index = next()
            case "--help", "-h":
                print("usage: atl-bench [--quick] [--catalogue DIR] [--seed N] [--output FILE] [--batch CHILDREN]")
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

func machine() -> [String: Any] {
    let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
        .split(separator: "\n").first { $0.hasPrefix("model name") }?
        .split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown"
    let mem = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8))?
        .split(separator: "\n").first { $0.hasPrefix("MemTotal") }.map(String.init) ?? ""
    return ["cpu": cpu, "cores": ProcessInfo.processInfo.activeProcessorCount, "threads_used": threads,
            "memory": mem.replacingOccurrences(of: "MemTotal:", with: "").trimmingCharacters(in: .whitespaces),
            "os": ProcessInfo.processInfo.operatingSystemVersionString]
}
record("machine", machine())
record("mode", quick ? "quick" : "full")
record("engine_version", ATL.version)
log("atl-bench (\(quick ? "quick" : "full")), \(threads) threads")

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
    let load = repeated(warmup: 1, runs: quick ? 3 : 7) { loaded = try! IndexSnapshot.load(path: snapPath, engineVersion: ATL.version) }
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
    let unprunedChildren = quick ? 100 : 1_000
    for (label, t) in [("1_thread", 1), ("all_cores", threads)] {
        var check = 0
        let s = repeated(warmup: 1, runs: quick ? 3 : 5) { check = scoreAll(queries.prefix(unprunedChildren), threads: t, prune: false) }
        blackHole(check)
        let pairs = Double(unprunedChildren) * Double(n)
        scoring["unpruned_\(label)"] = ["children": unprunedChildren, "settings": n, "seconds": statsJSON(s),
                                        "pairs_per_second_median": (pairs / s.median).rounded()]
        log("scoring (every pair evaluated) \(label): \(Int(pairs / s.median / 1e6)) M pairs/s")
    }
    var scanned = 0
    for q in queries.prefix(2000) { scanned += Scorer.score(q, index: index, keepPerType: pool).scanned }
    scoring["mean_settings_scanned_after_pruning"] = scanned / min(2000, queries.count)
    record("scoring", scoring)

    // MARK: 6. naive baseline

    let naiveSettings = Naive.settings(catalogue, index)
    var medianByKey: [String: Double] = [:]
    for (ci, c) in Vocabulary.Concept.all.enumerated() { medianByKey[c.key] = Double(index.evidence.medians[ci]) }
    let naiveChildren = quick ? 10 : 40
    let naiveKids = (0..<naiveChildren).map { Naive.child(profiles[$0], queries[$0]) }
    var naiveTops: [[(Int, Int, Int)]] = []
    let naive = repeated(warmup: 1, runs: quick ? 1 : 3) {
        naiveTops = naiveKids.map { Naive.top($0, naiveSettings, medians: medianByKey, w: engine.weights, k: pool) }
    }
    var agree = 0
    for i in 0..<naiveChildren {
        let fast = Scorer.score(queries[i], index: index, keepPerType: pool).top.map { (Int($0.order), Int($0.total), Int($0.urn)) }
        if fast.count == naiveTops[i].count && zip(fast, naiveTops[i]).allSatisfy({ $0.0 == $1.0 && $0.1 == $1.1 && $0.2 == $1.2 }) { agree += 1 }
    }
    let naivePairsPerSecond = Double(naiveChildren) * Double(n) / naive.median
    func pps(_ key: String) -> Double { (scoring[key] as! [String: Any])["pairs_per_second_median"] as! Double }
    record("naive_baseline", [
        "children": naiveChildren, "seconds": statsJSON(naive), "pairs_per_second_median": naivePairsPerSecond.rounded(),
        "top20_identical_to_engine": "\(agree)/\(naiveChildren)",
        "ratio_pruned_1_thread": r3(pps("pruned_1_thread") / naivePairsPerSecond),
        "ratio_pruned_all_cores": r3(pps("pruned_all_cores") / naivePairsPerSecond),
        "ratio_unpruned_1_thread": r3(pps("unpruned_1_thread") / naivePairsPerSecond),
    ])
    log("naive: \(Int(naivePairsPerSecond / 1e3)) k pairs/s, top-20 identical for \(agree)/\(naiveChildren); ratio (pruned, 1 thread) \(Int(pps("pruned_1_thread") / naivePairsPerSecond))x, unpruned \(Int(pps("unpruned_1_thread") / naivePairsPerSecond))x")

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

    func jsonObject(_ pairs: [(String, Any)]) -> [String: Any] { Dictionary(uniqueKeysWithValues: pairs) }
    let data = try JSONSerialization.data(withJSONObject: jsonObject(results), options: [.prettyPrinted, .sortedKeys])
    let resultPath = opt.output ?? "Benchmarks/results/bench-\(quick ? "quick" : "full").json"
    try FileManager.default.createDirectory(atPath: (resultPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try data.write(to: URL(fileURLWithPath: resultPath))
    log("results written to \(resultPath)")

    // Markdown table.
    let dict = jsonObject(results)
    func num(_ v: Double, _ places: Int = 1) -> String { String(format: "%.\(places)f", v) }
    var table = "| measure | result | target |\n|---|---:|---|\n"
    table += "| catalogue parse, \(n) text files (median) | \(num(parse.median, 2)) s | < 2 s |\n"
    table += "| index build (median) | \(num(build.median, 2)) s | — |\n"
    table += "| snapshot load (median) | \(num(load.median, 3)) s | < 0.5 s |\n"
    table += "| snapshot freshness check (median) | \(num(fresh.median, 3)) s | — |\n"
    table += "| scoring, pruned, pairs/s counted over all pairs, 1 thread | \(num(pps("pruned_1_thread") / 1e6, 0)) M | — |\n"
    table += "| scoring, pruned, pairs/s counted over all pairs, \(threads) threads | \(num(pps("pruned_all_cores") / 1e6, 0)) M | ≥ 300 M |\n"
    table += "| scoring, every pair evaluated, 1 thread | \(num(pps("unpruned_1_thread") / 1e6, 0)) M | — |\n"
    table += "| scoring, every pair evaluated, \(threads) threads | \(num(pps("unpruned_all_cores") / 1e6, 0)) M | — |\n"
    table += "| naive baseline, 1 thread | \(num(naivePairsPerSecond / 1e6, 2)) M | — |\n"
    table += "| speed-up over naive (pruned / unpruned, 1 thread) | \(num(pps("pruned_1_thread") / naivePairsPerSecond, 0))× / \(num(pps("unpruned_1_thread") / naivePairsPerSecond, 0))× | ≥ 20× |\n"
    table += "| one explained list over \(n) settings, p50 / p99 | \(num(lat.median * 1000, 2)) / \(num(lat.pct(99) * 1000, 2)) ms | < 2 / < 10 ms |\n"
    table += "| national batch \(batchChildren) children × \(n) settings, top 20, JSONL (+ snapshot load) | \(num(batchTime, 1)) s (+ \(num(batchLoad, 1)) s) | < 180 s |\n"
    table += "| explained lists + atl-list/1 JSON (sample of \(explainedSample)) | \(num(Double(explainedSample) / explainedTime, 0)) children/s | — |\n"
    table += "| national batch process: peak memory (VmHWM) | \(num(batchRSS / 1024, 2)) GiB | < 4 GiB |\n"
    table += "| whole bench process (text catalogue, index, snapshot, naive copy, lists): peak memory | \(num(peakRSSMiB() / 1024, 2)) GiB | — |\n"
    print(table)
    _ = dict

}

try bench()
