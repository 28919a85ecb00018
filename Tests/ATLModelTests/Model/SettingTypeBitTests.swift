@testable import ATLModel
import Testing

/// `SettingType.bit` is a switch for speed; it must stay each case's place in `allCases` (the compiled index and
/// the type order depend on it).
@Suite struct SettingTypeBitTests {
    @Test func bitIsThePlaceInAllCases() {
        for (i, t) in SettingType.allCases.enumerated() { #expect(t.bit == i, "\(t)") }
        #expect(SettingType.allCases.sorted() == SettingType.allCases)
    }
}
