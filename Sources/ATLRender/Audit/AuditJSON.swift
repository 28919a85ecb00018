import ATLModel
import ATLEngine
import ATLPlanning

/// The gap analysis as JSON, schema `atl-audit/1` (documented in docs/audit.md). Keys are written in a fixed
/// order and percentages as fixed-decimal numbers, so output is byte-identical for the same input.
///
/// Item descriptions (title, source, who they apply to, the question) are given once in `items`; each setting
/// carries only its statuses by item key. The questions for a setting are the `items[].question` of every
/// item whose status is `missing` or `empty`.
public enum AuditJSON {
    public static let schema = "atl-audit/1"

    public static func value(_ a: GapAnalysis, stamp: ProvenanceStamp) -> JSON {
        .object([
            ("schema", .string(schema)),
            ("label", .string(a.label)),
            ("fictional", .bool(a.fictional)),
            ("synthetic", .bool(a.synthetic)),
            ("stamp", .object([
                ("engineVersion", .string(stamp.engineVersion)),
                ("catalogue", .string(stamp.catalogue ?? "")),
                ("catalogueHash", .string(stamp.catalogueHash)),
                ("date", .string(stamp.date)),
            ])),
            ("statuses", .array(AuditStatus.allCases.map { .string($0.rawValue) })),
            ("items", .array(AuditItem.all.map(item))),
            ("overall", totals(a.overall)),
            ("byLA", .array(a.byLA.map { g in
                .object([("code", .optional(g.localAuthority?.code)), ("name", .optional(g.localAuthority?.name))]
                        .merged(totals(g.totals)))
            })),
            ("byType", .array(a.byType.map { g in
                .object([("type", .string(g.type.rawValue)), ("title", .string(g.type.title))].merged(totals(g.totals)))
            })),
            ("byItem", .array(a.byItem.map { ic in
                .object([("part", .string(ic.item.part)), ("key", .string(ic.item.key))].merged(coverage(ic.counts)))
            })),
            ("settings", .array(a.settings.map(setting))),
        ])
    }

    public static func render(_ a: GapAnalysis, stamp: ProvenanceStamp) -> String {
        value(a, stamp: stamp).serialized(pretty: true) + "\n"
    }

    static func item(_ i: AuditItem) -> JSON {
        var members: [(String, JSON)] = [
            ("part", .string(i.part)), ("key", .string(i.key)), ("item", .string(i.item)),
            ("title", .string(i.title)), ("source", .string(i.source)),
        ]
        switch i {
        case .section(let s):
            members.append(("reference", .string(s.reference)))
            members.append(("requirement", .string(s.requirement)))
        case .fact(let f):
            members.append(("fields", .array(f.fields.map(JSON.string))))
        }
        members.append(("appliesTo", .string(i.appliesTo)))
        members.append(("question", .string(i.question)))
        return .object(members)
    }

    static func coverage(_ c: Coverage) -> JSON {
        .object([
            ("present", .int(c.present)), ("empty", .int(c.empty)), ("missing", .int(c.missing)),
            ("notApplicable", .int(c.notApplicable)), ("applicable", .int(c.applicable)),
            ("percent", c.percent.map(JSON.number) ?? .null),
        ])
    }

    static func totals(_ t: AuditTotals) -> JSON {
        .object([
            ("settings", .int(t.settings)),
            ("report", coverage(t.report)), ("header", coverage(t.facts)), ("combined", coverage(t.combined)),
            ("completeReports", .int(t.completeReports)), ("noReport", .int(t.noReport)),
            ("completeHeaders", .int(t.completeFacts)),
        ])
    }

    static func setting(_ s: SettingAudit) -> JSON {
        .object([
            ("urn", .int(s.urn)),
            ("name", .string(s.name)),
            ("laCode", .optional(s.localAuthority?.code)),
            ("laName", .optional(s.localAuthority?.name)),
            ("type", .string(s.type.rawValue)),
            ("report", coverage(s.reportCoverage)),
            ("header", coverage(s.factCoverage)),
            ("combined", coverage(s.combinedCoverage)),
            ("sections", .object(zip(ReportSection.allCases, s.sections).map { ($0.rawValue, .string($1.rawValue)) })),
            ("facts", .object(zip(HeaderFact.allCases, s.facts).map { ($0.rawValue, .string($1.rawValue)) })),
        ])
    }
}

extension Array where Element == (String, JSON) {
    fileprivate func merged(_ other: JSON) -> [(String, JSON)] {
        guard case .object(let b) = other else { return self }
        return self + b
    }
}
