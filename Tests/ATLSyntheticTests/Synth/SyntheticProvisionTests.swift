import ATLTestSupport
@testable import ATLModel
@testable import ATLData
@testable import ATLEngine
@testable import ATLPlanning
@testable import ATLSynthetic
import Testing

/// Skeleton settings of every type, as the example LA generator starts them.
enum SynthFixture {
    static let la = LocalAuthority(code: 999, name: "Severnvale (fictional example LA)")
    static let skeletons: [(SettingType, String, Phase, AgeRange)] = [
        (.mainstream, "Community school", .primary, AgeRange(low: 4, high: 11)),
        (.mainstream, "Academy converter", .secondary, AgeRange(low: 11, high: 18)),
        (.mainstream, "Academy converter", .allThrough, AgeRange(low: 4, high: 16)),
        (.mainstreamResourced, "Voluntary aided school", .primary, AgeRange(low: 4, high: 11)),
        (.mainstreamResourced, "Academy sponsor led", .secondary, AgeRange(low: 11, high: 16)),
        (.special, "Community special school", .allThrough, AgeRange(low: 2, high: 19)),
        (.special, "Academy special converter", .primary, AgeRange(low: 4, high: 11)),
        (.independentSpecial, "Other independent special school", .notApplicable, AgeRange(low: 8, high: 19)),
        (.nonMaintainedSpecial, "Non-maintained special school", .allThrough, AgeRange(low: 5, high: 19)),
        (.independent, "Other independent school", .allThrough, AgeRange(low: 3, high: 18)),
        (.alternativeProvision, "Pupil referral unit", .secondary, AgeRange(low: 11, high: 16)),
        (.post16, "Further education", .sixteenPlus, AgeRange(low: 16, high: 25)),
        (.post16, "Sixth form centres", .sixteenPlus, AgeRange(low: 16, high: 19)),
        (.post16, "Special post 16 institution", .sixteenPlus, AgeRange(low: 16, high: 25)),
        (.earlyYears, "Local authority nursery school", .nursery, AgeRange(low: 2, high: 5)),
    ]

    static func setting(_ i: Int, seed: UInt64, earlyYearsNeeds: [NeedCode]? = nil) -> Setting {
        let (type, gias, phase, ages) = skeletons[i % skeletons.count]
        var s = Setting(urn: 9_000_100 + i, name: "Test Setting \(i)", fictional: true, localAuthority: la, type: type,
                        giasType: gias, phase: phase, ageRange: ages, gender: .mixed, religiousCharacter: "None")
        var rng = SeededRandom(seed: seed, stream: UInt64(i))
        SyntheticProvision.assign(to: &s, needs: type == .earlyYears ? earlyYearsNeeds : nil, rng: &rng)
        s.report = SyntheticReport.sections(for: s, town: "Telford", rng: &rng)
        return s
    }

    /// Many settings: every skeleton under several seeds, nurseries with and without an enhanced resource.
    static let many: [Setting] = {
        var out: [Setting] = []
        for seed in UInt64(1)...8 {
            for i in skeletons.indices {
                out.append(setting(i, seed: seed, earlyYearsNeeds: seed % 2 == 0 ? [.SLCN, .ASD] : nil))
            }
        }
        return out
    }()
}

@Suite struct SyntheticProvisionTests {
    @Test func sameSeedGivesSameSetting() {
        for i in SynthFixture.skeletons.indices {
            let a = SynthFixture.setting(i, seed: 2026), b = SynthFixture.setting(i, seed: 2026)
            #expect(a == b)
            #expect(SettingFile.render(a) == SettingFile.render(b))
        }
        let differs = SynthFixture.skeletons.indices.contains {
            SynthFixture.setting($0, seed: 1) != SynthFixture.setting($0, seed: 2)
        }
        #expect(differs, "another seed gives other facts")
    }

    @Test func placesAndNeedsAreConsistent() {
        for s in SynthFixture.many {
            if let m = s.placesByNeed {
                let needs = s.needs ?? []
                #expect(m.keys.allSatisfy { needs.contains($0) }, "\(s.type) places-by-need within needs")
                #expect(m.values.reduce(0, +) <= s.specialistPlaces ?? 0)
                #expect(m.values.allSatisfy { $0 > 0 })
            }
            if let p = s.specialistPlaces {
                #expect(p > 0)
                #expect((0...p).contains(s.specialistOnRoll ?? -1))
            }
            if s.type.isSpecialist || s.type == .mainstreamResourced {
                #expect(!(s.needs ?? []).codes.isEmpty, "\(s.type) has designated needs")
            }
            if s.type == .mainstream || s.type == .independent { #expect(s.needs == nil) }
            #expect((s.onRoll ?? 0) <= (s.capacity ?? 0))
            #expect(s.facilities != nil)
        }
    }

    @Test func facilitiesFollowTheRules() {
        for s in SynthFixture.many {
            let f = s.facilities ?? []
            if f.contains(.changingPlaces) { #expect(f.contains(.hoist)) }
            if f.contains(.hydrotherapy) { #expect(s.type == .special || s.type == .nonMaintainedSpecial) }
            if s.type == .nonMaintainedSpecial { #expect(f.contains(.residential)) }
            if s.needs?.contains(.PMLD) == true { #expect(f.contains(.hoist)) }
            if s.type == .independentSpecial || s.type == .nonMaintainedSpecial { #expect(s.costBand != nil) }
        }
    }

    @Test func renderedFilesParseBackCleanly() throws {
        for s in SynthFixture.many {
            let text = SettingFile.render(s)
            let (parsed, diags) = parseSetting({ try SettingFile.parse(text: text, file: "x.setting.md") })
            #expect(diags.isEmpty, "\(diags)")
            let p = try #require(parsed)
            #expect(p == s)
        }
    }
}

@Suite struct SyntheticReportTests {
    @Test func everySectionPresentAndNonEmpty() {
        for s in SynthFixture.many {
            for section in ReportSection.allCases {
                let text = s.report[section] ?? ""
                #expect(text.count >= 40, "\(s.type) \(section) has text")
            }
            let total = s.report.values.reduce(0) { $0 + $1.count }
            #expect((5_000...20_000).contains(total), "realistic length, got \(total)")
        }
    }

    @Test func neverNamesAFacilityTheHeaderLacks() {
        for s in SynthFixture.many {
            let all = ReportSection.allCases.map { s.report[$0] ?? "" }.joined(separator: "\n").lowercased()
            let f = s.facilities ?? []
            for fac in Facility.allCases where !f.contains(fac) {
                let claims = all.contains(fac.title.lowercased())
                #expect(!claims, "\(s.urn) \(s.type) claims absent \(fac)")
                for w in SyntheticReport.facilityWords[fac] ?? [] {
                    let mentions = all.contains(w.lowercased())
                    #expect(!mentions, "\(s.urn) \(s.type) mentions absent \(fac) ('\(w)')")
                }
            }
            let equipment = (s.report[.equipmentFacilities] ?? "").lowercased()
            for fac in f.facilities {
                let listed = equipment.replacingOccurrences(of: "\n", with: " ").contains(fac.title.lowercased())
                #expect(listed, "\(s.urn) \(s.type) lists present \(fac)")
            }
        }
    }

    @Test func neverNamesANeedTheHeaderLacks() {
        for s in SynthFixture.many {
            let all = ReportSection.allCases.map { s.report[$0] ?? "" }.joined(separator: " ")
                .replacingOccurrences(of: "\n", with: " ").lowercased()
            let needs = s.needs ?? []
            for n in NeedCode.allCases where !needs.contains(n) {
                let named = all.contains(n.title.lowercased())
                #expect(!named, "\(s.urn) \(s.type) names undesignated \(n)")
            }
            for n in needs.codes {
                let named = all.contains(n.title.lowercased())
                #expect(named, "\(s.urn) \(s.type) names \(n)")
            }
        }
    }

    @Test func numbersMatchTheHeader() {
        for s in SynthFixture.many {
            let kinds = (s.report[.kindsOfSEN] ?? "").replacingOccurrences(of: "\n", with: " ")
            if let p = s.specialistPlaces, s.needs != nil {
                let states = kinds.contains("\(p) places") || kinds.contains("\(p)-place")
                #expect(states, "\(s.urn) \(s.type) states its places")
                if let v = s.specialistVacancies, v > 0 {
                    let filled = kinds.contains("\(s.specialistOnRoll!) of the \(p) places are filled")
                    #expect(filled, "\(s.urn) states places filled")
                }
            }
            if let m = s.placesByNeed, m.count > 1 {
                for (n, k) in m {
                    let stated = kinds.contains("\(k) for \(n.title)")
                    #expect(stated, "\(s.urn) states places for \(n)")
                }
            }
        }
    }

    @Test func phrasingVaries() {
        let texts = Set(UInt64(1)...8).map { SynthFixture.setting(0, seed: $0).report[.emotionalSocial] ?? "" }
        #expect(Set(texts).count > 2)
    }

    @Test func contactsAreFictional() {
        for s in SynthFixture.many {
            let senco = s.report[.senco] ?? ""
            let fictional = senco.contains("01632 960") && senco.contains(".example")
            #expect(fictional, "\(s.urn) contact is fictional")
        }
    }
}
