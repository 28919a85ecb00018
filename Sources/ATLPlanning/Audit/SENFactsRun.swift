import ATLModel
import ATLData

/// `atl import-sen-facts` as one call: the import (``SENFactsImport``) and the fact coverage before and after
/// it (``FactAudit``), so a shell only parses arguments, calls this and renders.
public enum SENFactsRun {
    public struct Outcome: Sendable {
        public var result: SENFactsImportResult
        public var before: FactAudit
        public var after: FactAudit
    }

    public static func run(catalogue: String, sources: String, runDate: String, checkAfterMonths: Int,
                           write: Bool) throws(ATLError) -> Outcome {
        let r = try SENFactsImport.run(catalogue: catalogue, sources: sources, write: write)
        return Outcome(result: r,
                       before: FactAudit(settings: r.before, runDate: runDate, checkAfterMonths: checkAfterMonths),
                       after: FactAudit(settings: r.after, runDate: runDate, checkAfterMonths: checkAfterMonths))
    }
}
