import ATLModel
import ATLData
import ATLEngine
import Foundation

/// The batch output format, JSON Lines with schema `atl-batch/1` (`docs/batch.md`), owned here: written by the
/// batch run and read back by a resumed run (``outcome(ofRecord:)``) and by allocation
/// (``read(_:file:)``). One compact record per cohort row, in input order, keys in a fixed order:
///
///     {"schema":"atl-batch/1","row":N,"source":"file:line","reference":"...","status":"listed","list":{atl-list/1}}
///     {"schema":"atl-batch/1","row":N,"source":"file:line","reference":"..."|null,"status":"error",
///      "errors":[{"line":L,"field":"f"|null,"message":"..."}]}
public enum BatchRecordFormat {
    public static let schema = "atl-batch/1"

    public static func value(_ item: BatchItem) -> JSON {
        var members: [(String, JSON)] = [
            ("schema", .string(schema)),
            ("row", .int(item.row.row)),
            ("source", .string(item.row.source)),
            ("reference", .optional(item.row.reference)),
        ]
        if let list = item.list {
            members.append(("status", .string("listed")))
            members.append(("list", ListJSON.value(list)))
        } else {
            members.append(("status", .string("error")))
            members.append(("errors", .array(item.errors.map { d in
                .object([("line", .optional(d.line)), ("field", .optional(d.field)), ("message", .string(d.message))])
            })))
        }
        return .object(members)
    }

    /// One record line, ending in a line feed: ``value(_:)`` serialised compactly, written straight to bytes
    /// (``ListJSON/write(_:to:)``) rather than through the value tree; the same bytes (tests compare the two).
    public static func record(_ item: BatchItem) -> String {
        var w = JSONWriter(pretty: false, capacity: 8192 + 10_240 * (item.list?.entries.count ?? 0))
        w.beginObject()
        w.key("schema"); w.string(schema)
        w.key("row"); w.int(item.row.row)
        w.key("source"); w.string(item.row.source)
        w.key("reference"); w.optional(item.row.reference)
        if let list = item.list {
            w.key("status"); w.string("listed")
            w.key("list"); ListJSON.write(list, to: &w)
        } else {
            w.key("status"); w.string("error")
            w.key("errors"); w.beginArray()
            for d in item.errors {
                w.beginObject(); w.key("line"); w.optional(d.line); w.key("field"); w.optional(d.field)
                w.key("message"); w.string(d.message); w.endObject()
            }
            w.endArray()
        }
        w.endObject()
        var bytes = w.bytes
        bytes.append(0x0A)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Reads back what the cohort summary needs from a record line (used when a run is resumed, to count the
    /// children already written). Nil when the line is not a complete `atl-batch/1` record.
    public static func outcome(ofRecord line: some Collection<UInt8>) -> CohortSummary.Outcome? {
        guard let obj = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
              obj["schema"] as? String == schema, let status = obj["status"] as? String else { return nil }
        if status == "error" { return .error }
        guard status == "listed", let list = obj["list"] as? [String: Any],
              let profile = list["profile"] as? [String: Any], let summary = list["summary"] as? [String: Any],
              let entries = list["entries"] as? [[String: Any]] else { return nil }
        let need = (profile["primary_need"] as? [String: Any])?["code"] as? String
        let considered = (summary["settings_considered"] as? NSNumber)?.intValue ?? 0
        let excluded = summary["excluded"] as? [[String: Any]] ?? []
        let beyond = excluded.first { $0["rule"] as? String == "journey" }.flatMap { ($0["count"] as? NSNumber)?.intValue } ?? 0
        return CohortSummary.Outcome(
            listed: true, synthetic: list["synthetic_child"] as? Bool ?? false, primaryNeed: need,
            homeDistrict: profile["home_postcode_district"] as? String,
            eligible: (summary["eligible"] as? NSNumber)?.intValue ?? 0, withinJourney: considered - beyond,
            listedURNs: entries.compactMap { ($0["urn"] as? NSNumber)?.intValue })
    }
}
