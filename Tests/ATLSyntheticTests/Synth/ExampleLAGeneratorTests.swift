import ATLTestSupport
@testable import ATLModel
@testable import ATLData
@testable import ATLEngine
@testable import ATLPlanning
@testable import ATLSynthetic
import Foundation
import Testing

/// A made-up postcode lookup for tests: a grid of postcodes in Telford and Wrekin and Shropshire outcodes,
/// plus some in another district that must never be used. (The shipped lookup is not read by tests.)
enum SynthPostcodes {
    static let text: String = {
        var out = "# test lookup\n"
        let letters = Array("ABDEFGHJLNPQRSTUWXYZ")
        let outcodes: [(String, String, Int, Int)] = [
            ("SY1", "E06000051", 349_000, 313_000), ("SY8", "E06000051", 351_000, 275_000),
            ("SY99", "E06000051", 350_000, 312_000), ("TF1", "E06000020", 365_000, 311_000),
            ("TF3", "E06000020", 370_000, 307_000), ("WS1", "E08000030", 401_000, 298_000),
        ]
        for (oc, district, e, n) in outcodes {
            out += "@\(oc) \(district)\n"
            for i in 0..<60 {
                let inward = "\(1 + i / 400)\(letters[(i / 20) % 20])\(letters[i % 20])"
                out += "\(inward) \(e + (i % 8) * 700) \(n + (i / 8) * 700)\n"
            }
        }
        return out
    }()

    static let lookup: PostcodeLookup = try! PostcodeLookup.parse(Array(text.utf8), file: "test.txt")
}

@Suite struct ExampleLAGeneratorTests {
    static let reserved: Set<String> = ["Quillfield Community Primary School", "Kestrel Brook Church of England Primary School"]
    static let settings = ExampleLAGenerator.generate(seed: 2026, count: 60, postcodes: SynthPostcodes.lookup,
                                                      reservedNames: reserved)

    @Test func sameSeedGivesSameFiles() {
        let again = ExampleLAGenerator.generate(seed: 2026, count: 60, postcodes: SynthPostcodes.lookup,
                                                reservedNames: Self.reserved)
        #expect(again.map(SettingFile.render) == Self.settings.map(SettingFile.render))
        let other = ExampleLAGenerator.generate(seed: 7, count: 60, postcodes: SynthPostcodes.lookup,
                                                reservedNames: Self.reserved)
        #expect(other.map(SettingFile.render) != Self.settings.map(SettingFile.render))
    }

    @Test func everyTypeIsPresent() {
        let types = Set(Self.settings.map(\.type))
        for t in SettingType.allCases where t != .unknown { #expect(types.contains(t), "\(t) present") }
        let full = ExampleLAGenerator.allocation(count: 180)
        #expect(full.reduce(0, +) == 180)
        #expect(full.allSatisfy { $0 >= 1 })
        #expect(ExampleLAGenerator.allocation(count: 16).reduce(0, +) == 16)
    }

    @Test func urnsAreUniqueFromTheFirstGeneratedURN() {
        let urns = Self.settings.map(\.urn)
        #expect(urns == Array(ExampleLAGenerator.firstURN..<(ExampleLAGenerator.firstURN + 60)))
    }

    @Test func namesAreUniqueAndNeverReserved() {
        let names = Self.settings.map { $0.name.lowercased() }
        #expect(Set(names).count == names.count)
        for r in Self.reserved { #expect(!names.contains(r.lowercased())) }
        #expect(!names.contains { $0.contains("quillfield") || $0.contains("kestrel brook") })
        let files = Self.settings.map(SettingFile.fileName)
        #expect(Set(files).count == files.count)
    }

    @Test func everySettingIsFictionalAndInTheExampleLA() {
        for s in Self.settings {
            #expect(s.fictional)
            #expect(s.localAuthority == ExampleLAGenerator.localAuthority)
            #expect(s.sources.allSatisfy { $0.contains("fictional") })
            let text = SettingFile.render(s)
            #expect(text.hasPrefix("---\n# FICTIONAL:"))
            #expect(text.contains("\nfictional: yes\n"))
        }
    }

    @Test func settingsStandAtRealPostcodesOfTheTwoDistricts() throws {
        for s in Self.settings {
            let pc = try #require(s.postcode)
            let m = try #require(SynthPostcodes.lookup.locate(pc))
            #expect(ExampleLAGenerator.districts.contains(m.districtCode))
            #expect(m.point == s.location)
            #expect(!pc.hasPrefix("SY99"))
        }
        let points = Self.settings.compactMap(\.location)
        #expect(Set(points).count == points.count, "one setting per postcode")
    }

    @Test func allSettingsValidateAndLoadAsACatalogue() {
        var diagnostics: [Diagnostic] = []
        var parsed: [Setting] = []
        for s in Self.settings {
            let (p, d) = parseSetting({ try SettingFile.parse(text: SettingFile.render(s), file: SettingFile.fileName(for: s)) })
            diagnostics += d
            if let p { parsed.append(p) }
        }
        #expect(diagnostics.isEmpty, "\(diagnostics.prefix(3))")
        #expect(parsed == Self.settings)
    }

    @Test func reportsAreCompleteAndConsistentWithHeaders() {
        for s in Self.settings {
            #expect(ReportSection.allCases.allSatisfy { !(s.report[$0] ?? "").isEmpty })
            let all = s.report.values.joined(separator: " ").replacingOccurrences(of: "\n", with: " ").lowercased()
            let f = s.facilities ?? []
            for fac in Facility.allCases where !f.contains(fac) {
                let claims = all.contains(fac.title.lowercased())
                #expect(!claims, "\(s.urn) claims absent \(fac)")
            }
            for n in NeedCode.allCases where !(s.needs ?? []).contains(n) {
                let named = all.contains(n.title.lowercased())
                #expect(!named, "\(s.urn) names undesignated \(n)")
            }
        }
    }

    // The facts the matching policy reads (fictional, like every generated fact): a dated judgement for every
    // inspected setting, s41 status for every independent special school, single-storey primaries.
    @Test func policyFactsAreGenerated() {
        for s in Self.settings {
            #expect((s.ofsted == nil) == (s.ofstedDate == nil), "\(s.urn)")
            if let d = s.ofstedDate { #expect(d >= "2016-01-01" && d <= "2024-07-19", "single-word grades ended in summer 2024") }
            #expect((s.s41Approved != nil) == s.isS41Eligible, "\(s.urn)")
            if s.facilities?.contains(.singleStorey) == true {
                #expect(s.facilities!.contains(.stepFree) && (s.ageRange?.high ?? 99) <= 11)
                #expect(s.report.values.contains { $0.contains(Facility.singleStorey.title) }, "the report says so")
            }
        }
    }

    @Test func designationsCoverTheSpecialKinds() {
        let special = Self.settings.filter { $0.type == .special }.compactMap(\.needs)
        #expect(Set(special).count == special.count, "special schools of different designations")
    }

    @Test func emptyLookupGivesNothing() {
        #expect(ExampleLAGenerator.generate(seed: 1, count: 10, postcodes: PostcodeLookup(), reservedNames: []).isEmpty)
    }

    @Test func postTownsOfTheTwoDistricts() {
        #expect(ExampleLAGenerator.town(outcode: "SY11") == "Oswestry")
        #expect(ExampleLAGenerator.town(outcode: "TF3") == "Telford")
        #expect(ExampleLAGenerator.town(outcode: "B1") == nil)
    }
}

/// The committed example LA is the generator's output: regenerating with seed 2026 changes no byte. (Acts as
/// the golden file for generated settings; after changing the generator or report templates, run
/// `atl synth-example-la --seed 2026` and commit the files.)
@Suite struct CommittedExampleLATests {
    static let repo = Repository.root
    static let folder = repo.appendingPathComponent("provision-catalogue/example-la/999-severnvale")

    @Test func committedFilesEqualTheGeneratorsOutput() throws {
        let lookup = try PostcodeLookup.load(path: Self.repo.appendingPathComponent(
            "provision-catalogue/geography/postcodes-west-midlands.txt").path)
        var committed: [String: Data] = [:]
        var reserved = Set<String>()
        for file in try FileManager.default.contentsOfDirectory(atPath: Self.folder.path) where file.hasSuffix(".setting.md") {
            let data = try #require(FileManager.default.contents(atPath: Self.folder.appendingPathComponent(file).path))
            let (s, d) = parseSetting({ try SettingFile.parse([UInt8](data), file: file) })
            #expect(d.isEmpty, "\(d.prefix(2))")
            let setting = try #require(s)
            if setting.sources.contains(where: { $0.hasPrefix(ExampleLAGenerator.sourcePrefix) }) {
                committed[file] = data
            } else {
                reserved.insert(setting.name)
                #expect(setting.urn < ExampleLAGenerator.firstURN)
            }
        }
        #expect(reserved.count == 14, "the hand-written settings")
        let generated = ExampleLAGenerator.generate(seed: 2026, count: 180, postcodes: lookup, reservedNames: reserved)
        #expect(generated.count == 180)
        #expect(Set(committed.keys) == Set(generated.map(SettingFile.fileName)), "file names; run atl synth-example-la --seed 2026")
        var differing: [String] = []
        for s in generated where committed[SettingFile.fileName(for: s)] != Data(SettingFile.render(s).utf8) {
            differing.append(SettingFile.fileName(for: s))
        }
        #expect(differing.isEmpty, "\(differing.count) files differ (first \(differing.first ?? "")); run atl synth-example-la --seed 2026")
    }
}
