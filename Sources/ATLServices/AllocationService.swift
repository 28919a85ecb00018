import ATLModel
import ATLData
import ATLEngine
import ATLPlanning
import Foundation

/// A capacity-aware allocation simulation over a batch of advisory lists (docs/allocation.md): deferred
/// acceptance beside a greedy nearest-setting comparison. A simulation for planning, never a decision.
public enum AllocationService {
    public struct Result: Sendable {
        public var problem: AllocationProblem
        public var report: AllocationReport
        public var stamp: ProvenanceStamp
    }

    /// Reads the `atl-batch/1` records at `lists`, checks they were made from this catalogue's kind (real,
    /// fictional or synthetic), and runs the allocation. Lists made from a different catalogue are an error
    /// when their settings are missing from it, and a warning (`notify`) otherwise.
    public static func run(lists path: String, catalogueRoot root: String, catalogue: Catalogue, seed: UInt64,
                           date: RunDate, notify: EngineLoader.Notify) throws(ATLError) -> Result {
        // Streamed: the file is never held whole (100,000 children's lists are about 2.2 GB); hashed as it is read.
        let (records, inputHash) = try BatchRecordFormat.read(path: path, what: "batch records file")
        // Lists made from another catalogue: one clear line, not one error per listed setting.
        if let c = records.listed.first(where: { $0.fictionalCatalogue != catalogue.isFictional }) {
            throw ATLError(code: "allocation.catalogue-kind-differs", file: path, line: c.line, field: "list.fictional_catalogue",
                "the lists were made from a \(c.fictionalCatalogue ? "fictional" : "real") catalogue but --catalogue \(root) is "
                + (c.fictionalCatalogue ? "real; pass the fictional catalogue the batch used"
                                        : "fictional; pass the real catalogue the batch used, e.g. --catalogue provision-catalogue/west-midlands"))
        }
        if let c = records.listed.first(where: { $0.syntheticCatalogue != catalogue.isSynthetic }) {
            throw ATLError(code: "allocation.synthetic-catalogue-differs", file: path, line: c.line, field: "list.synthetic_catalogue",
                c.syntheticCatalogue ? "the lists were made from a SYNTHETIC catalogue (real schools, invented SEN facts) but --catalogue \(root) is not synthetic; synthetic and real data are never mixed"
                                     : "the lists were made from a catalogue that is not synthetic but --catalogue \(root) is SYNTHETIC (real schools, invented SEN facts); synthetic and real data are never mixed")
        }
        let otherHashes = Set(records.listed.compactMap(\.catalogueHash)).subtracting([catalogue.contentHash]).sorted()
        let mismatched = records.listed.filter { $0.catalogueHash.map { $0 != catalogue.contentHash } ?? false }.count
        let otherHash = otherHashes.first.map { String($0.prefix(12)) } ?? "?"
        let problem: AllocationProblem
        do throws(ATLError) {
            problem = try AllocationProblem.from(children: records.listed, unlisted: records.unlisted, catalogue: catalogue, seed: seed)
        } catch {
            let notInCatalogue: DiagnosticCode = "allocation.setting-not-in-catalogue"
            let missing = error.diagnostics.filter { $0.code == notInCatalogue }
            guard mismatched > 0, missing.count > 1 else { throw error }
            let others = Set(missing.compactMap(\.subject)).count - 1
            let first = missing.min()!
            throw ATLError(error.diagnostics.filter { $0.code != notInCatalogue } + [
                Diagnostic(code: "allocation.lists-from-other-catalogue", file: first.file, line: first.line, field: first.field,
                    subject: first.subject,
                    "setting \(first.subject ?? "?") is not in the catalogue \(root)"
                    + (others > 0 ? ", nor \(others == 1 ? "is 1 other listed setting" : "are \(others) other listed settings")" : "")
                    + ": \(mismatched) of \(records.listed.count) lists were made from a different catalogue (catalogue_hash "
                    + "\(otherHash)…, not \(catalogue.contentHash.prefix(12))…); pass the catalogue the batch used")])
        }
        if mismatched > 0 {
            notify("atl allocate: warning: \(mismatched) of \(records.listed.count) lists were made from a different catalogue "
                   + "(catalogue_hash \(otherHash)…) than --catalogue \(root) (\(catalogue.contentHash.prefix(12))…); places and settings are taken from \(root)")
        }
        let stamp = ProvenanceStamp(engineVersion: EngineVersion.current, catalogue: CatalogueService.name(root),
                                    catalogueHash: catalogue.contentHash, inputs: [.init("lists", hash: inputHash)],
                                    date: date.text)
        return Result(problem: problem, report: AllocationReport(problem), stamp: stamp)
    }
}
