import ATLTestSupport
@testable import ATLModel
@testable import ATLData
import Testing

/// The precedence rule: officer > GIAS extract > newer public > older public; same age → the better-ranked
/// source, with a conflict for the officer; a source that stops publishing a fact removes only its own.
@Suite struct FactMergeTests {
    static let base = """
        ---
        format: atl-setting/2
        urn: 100001
        name: Alpha Special School                  [schools 2026-01-30]
        type: special                               [gias-2016 2016-11]
        needs: SEMH                                 [local-offer undated, confirmed 2026-11-23 by SENDO-07]
        pupils-with-ehcp: 100 of 110                [census-2019 2019-01]
        source: census-2019 | public | DfE school census | census
        source: gias-2016 | public | GIAS | types
        source: local-offer | public | example-la.gov.uk | Local Offer | https://www.example-la.gov.uk/lo
        source: schools | public | GIAS (schools file) | schools file
        ---

        ## Complaints

        Write to the head.

        """

    static func setting(_ text: String = base) throws -> Setting {
        try #require(parseSetting({ try SettingFile.parse(text: text, file: "a") }).0)
    }

    static func decl(_ key: String, _ cls: SourceClass = .public) -> SourceDeclaration {
        SourceDeclaration(key: key, sourceClass: cls, shortName: key, detail: "test source \(key)",
                          urls: SourceDeclaration.needsURL(key) ? ["https://www.example-la.gov.uk/\(key)"] : [])
    }

    static func merge(_ s: Setting, _ facts: [IncomingFact], own: Set<String>? = nil) throws -> FactMerge.Result {
        let keys = Set(facts.map(\.provenance.source))
        return try FactMerge.merge(s, incoming: facts, declarations: keys.map { decl($0, $0 == "gias-extract" ? .giasExtract : .public) },
                                   ownKeys: { (own ?? keys).contains($0) }, file: "a")
    }

    static func p(_ key: String, _ asOf: AsOfDate) -> FactProvenance { FactProvenance(source: key, asOf: asOf) }

    @Test func anOfficersFactIsKeptAndTheDisagreementListed() throws {
        let s = try Self.setting()
        let r = try Self.merge(s, [IncomingFact(.needs, "ASD", Self.p("local-offer", .month(2026, 2)))])
        #expect(r.setting.needs == NeedSet([.SEMH]))
        #expect(r.setting.provenance["needs"]?.confirmedBy == "SENDO-07")
        #expect(r.conflicts.count == 1 && r.conflicts[0].reason == .heldByOfficer && r.conflicts[0].otherValue == "ASD")
        #expect(SettingFile.renderHeader(r.setting) == SettingFile.renderHeader(s), "the header is unchanged")
    }

    @Test func theGIASExtractIsKeptAgainstNewerPublicData() throws {
        let text = Self.base.replacingOccurrences(of: "type: special                               [gias-2016 2016-11]",
                                                  with: "type: special                               [gias-extract 2020-01-01]")
            .replacingOccurrences(of: "source: gias-2016 | public | GIAS | types", with: "source: gias-extract | gias-extract | GIAS extract | extract")
        let r = try Self.merge(try Self.setting(text), [IncomingFact(.type, "alternative-provision", Self.p("special-2025", .month(2025, 1)))])
        #expect(r.setting.type == .special)
        #expect(r.setting.provenance["type"]?.source == "gias-extract")
    }

    @Test func newerPublicDataReplacesOlderAndOlderDoesNot() throws {
        let s = try Self.setting()
        let newer = try Self.merge(s, [IncomingFact(.type, "special", Self.p("special-2025", .month(2025, 1)))])
        #expect(newer.setting.provenance["type"]?.description == "special-2025 2025-01", "the same value from a newer source")
        let older = try Self.merge(newer.setting, [IncomingFact(.type, "alternative-provision", Self.p("census-2019", .month(2019, 1)))])
        #expect(older.setting.type == .special)
        #expect(older.conflicts.isEmpty, "an older fact loses quietly")
        let undated = try Self.merge(s, [IncomingFact(.type, "independent-special", Self.p("local-offer", .undated))], own: [])
        #expect(undated.setting.type == .special, "undated is older than any date")
    }

    @Test func sameAgeKeepsTheBetterRankedSourceAndListsTheConflict() throws {
        let s = try Self.setting()
        let facts = [IncomingFact(.s41Approved, "no", Self.p("not-s41-2022", .month(2022, 3))),
                     IncomingFact(.s41Approved, "yes", Self.p("s41-2022", .day(2022, 3, 22)))]
        let a = try Self.merge(s, facts)
        let b = try Self.merge(s, facts.reversed())
        #expect(a.setting.s41Approved == true, "the statutory s41 list wins the tie")
        #expect(a.setting == b.setting, "the order of the sources does not matter")
        #expect(a.conflicts.count == 1 && a.conflicts[0].reason == .sameAge)
        #expect(a.conflicts[0].otherValue == "no")
    }

    @Test func aSourceThatStopsPublishingRemovesOnlyItsOwnFact() throws {
        let s = try Self.setting()
        // census-2019 runs again with no EHC-plan count for this setting, and gias-2016 is not in this run.
        let r = try FactMerge.merge(s, incoming: [], declarations: [], ownKeys: { $0 == "census-2019" || $0 == "local-offer" }, file: "a")
        #expect(r.setting.pupilsWithEHCP == nil, "the census's own fact is removed")
        #expect(r.setting.type == .special, "another source's fact stays")
        #expect(r.setting.needs == NeedSet([.SEMH]), "an officer's fact is never removed by a re-import")
        #expect(!SettingFile.renderHeader(r.setting).contains("census-2019 |"), "its unused declaration is dropped")
    }

    @Test func v1SettingsGetDerivedProvenance() throws {
        let v1 = SENFactsFixture.v1Setting(urn: 100002, name: "Beta Primary School", la: (894, "Telford and Wrekin"), phase: "primary")
        let s = try Self.setting(v1)
        let d = LegacyProvenance.derive(s)
        #expect(d.provenance["name"]?.description == "schools 2026-01-30")
        #expect(d.provenance["ofsted"]?.description == "ofsted-mi 2026-02")
        #expect(d.provenance["type"] == nil, "type unknown is not a fact")
        let hand = try Self.setting(SettingFixture.file("needs: ASD\nsource: typed in by the LA"))
        let h = LegacyProvenance.derive(hand)
        #expect(h.provenance["needs"]?.source == "legacy")
        #expect(h.sourceClass(of: "needs") == .officer, "hand-written v1 facts are not overwritten by public imports")
        let r = try Self.merge(hand, [IncomingFact(.needs, "SEMH", Self.p("local-offer", .month(2026, 1)))])
        #expect(r.setting.needs == NeedSet([.ASD]))
    }

    @Test func anOfficersEntryOverridesAndAnEmptyValueRemoves() throws {
        let s = try Self.setting()
        let officer = FactProvenance.officer(day: "2026-11-24", by: "SENDO-08")
        let r = try FactMerge.merge(s, incoming: [IncomingFact(.needs, "ASD, SEMH", officer)], declarations: [], ownKeys: { _ in false },
                                    overriding: true, removing: [.pupilsWithEHCP], file: "a")
        #expect(r.setting.needs == NeedSet([.ASD, .SEMH]))
        #expect(r.setting.provenance["needs"]?.isOfficerEntry == true)
        #expect(r.setting.pupilsWithEHCP == nil)
    }
}
