@testable import ATLModel
import Foundation
import Testing

/// The byte-level fast path of `SettingType.normalisedGIASName` against the general (Foundation) path it skips:
/// every GIAS name the table knows, in several spellings, and thousands of random names built from the
/// characters that matter (capitals, spaces, tabs, dashes, both apostrophes, "16-19", non-ASCII letters).
@Suite struct GIASNameFastPathTests {
    static let names = [
        "Community school", "Voluntary aided school", "Voluntary controlled school", "Foundation school",
        "Academy converter", "Academy sponsor led", "Free schools", "University technical college",
        "Studio schools", "City technology college", "Community special school", "Foundation special school",
        "Academy special converter", "Academy special sponsor led", "Free schools special",
        "Non-maintained special school", "Other independent special school", "Other independent school",
        "Pupil referral unit", "Academy alternative provision converter", "Academy alternative provision sponsor led",
        "Free schools alternative provision", "Free Schools - Alternative Provision", "Further education",
        "Sixth form centres", "Academy 16-19 converter", "Academy 16 - 19 sponsor led", "Free schools 16 to 19",
        "Special post 16 institution", "Other independent special post 16 institution",
        "Local authority nursery school", "LA nursery school", "Welsh establishment", "British schools overseas",
        "Offshore schools", "Service children's education", "Service children\u{2019}s education",
        "Higher education institutions", "Secure units", "Academy secure 16-19", "Online provider",
        "Institution funded by other government department", "Miscellaneous", "Children's centre",
        "Children's centre linked site", "", " ", "  Community   school  ", "\tCommunity school\t", "Écolé spéciale",
    ]

    @Test func sameNameAndGroupForEveryKnownName() {
        for name in Self.names {
            for variant in [name, name.uppercased(), name.lowercased(), " " + name + "  ", name.replacingOccurrences(of: " ", with: "   ")] {
                #expect(SettingType.normalisedGIASName(variant) == SettingType.slowNormalisedGIASName(variant), "\(variant)")
            }
        }
    }

    @Test func sameNameForRandomNames() {
        let pieces = ["a", "B", "z", "Q", "1", "6", "9", " ", "  ", "\t", "-", " - ", "'", "\u{2019}", "16-19", "16 - 19",
                      "é", "\u{00A0}", "~", "school", "School", "\u{7F}", "\n"]
        var state: UInt64 = 0x1234_5678
        for _ in 0..<5_000 {
            var name = ""
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let count = Int(state >> 60)
            for _ in 0..<count {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                name += pieces[Int(state >> 33) % pieces.count]
            }
            #expect(SettingType.normalisedGIASName(name) == SettingType.slowNormalisedGIASName(name), "\(name.debugDescription)")
        }
    }

    @Test func fastPathTakesOnlyPlainASCII() {
        #expect(SettingType.normalisedPlainASCIIName("  Community   School ") == "community school")
        #expect(SettingType.normalisedPlainASCIIName("Non-maintained special school") == nil)
        #expect(SettingType.normalisedPlainASCIIName("Children's centre") == nil)
        #expect(SettingType.normalisedPlainASCIIName("\tCommunity school") == nil)
        #expect(SettingType.normalisedPlainASCIIName("Écolé") == nil)
    }
}
