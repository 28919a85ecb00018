import ATLModel
import ATLData
import ATLEngine
import ATLPlanning
import ATLSynthetic
import Foundation
import Testing
@testable import ATLCLI

@Suite struct SynthExampleLACommandTests {
    /// A small lookup file in Telford and Wrekin outcodes, written for the test.
    static let lookupText: String = {
        var out = "@TF1 E06000020\n"
        let letters = Array("ABDEFGHJLNPQRSTUWXYZ")
        for i in 0..<120 {
            out += "\(1 + i / 400)\(letters[(i / 20) % 20])\(letters[i % 20]) \(365_000 + (i % 12) * 600) \(311_000 + (i / 12) * 600)\n"
        }
        return out
    }()


    func contents(_ dir: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for f in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
            out[f] = FileManager.default.contents(atPath: dir.appendingPathComponent(f).path)
        }
        return out
    }

    @Test func generatesIdempotentlyAndLeavesHandWrittenFilesAlone() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("atl-synth-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let dir = base.appendingPathComponent("999-severnvale")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let lookup = base.appendingPathComponent("pc.txt")
        try Data(Self.lookupText.utf8).write(to: lookup)
        let hand = Setting(urn: 9_000_001, name: "Quillfield Community Primary School", fictional: true,
                           localAuthority: ExampleLAGenerator.localAuthority, type: .mainstream,
                           report: [.kindsOfSEN: "Hand-written."])
        let handFile = dir.appendingPathComponent(SettingFile.fileName(for: hand))
        let handBytes = Data((SettingFile.render(hand) + "\n").utf8)
        try handBytes.write(to: handFile)

        let args = ["synth-example-la", "--seed", "2026", "--count", "24", "--output", dir.path, "--postcodes", lookup.path]
        let first = atl(args)
        #expect(first.code == 0, "\(first.err)")
        #expect(first.out.contains("24 created"))
        let afterFirst = try contents(dir)
        #expect(afterFirst.count == 25)
        let second = atl(args)
        #expect(second.code == 0)
        #expect(second.out.contains("24 unchanged"))
        #expect(try contents(dir) == afterFirst, "same seed, byte-identical files")
        #expect(FileManager.default.contents(atPath: handFile.path) == handBytes)

        let fewer = atl(["synth-example-la", "--count", "20", "--output", dir.path, "--postcodes", lookup.path])
        #expect(fewer.code == 0)
        #expect(fewer.out.contains(" removed"), "files of the earlier, larger run are removed")
        #expect(try contents(dir).count == 21)
        #expect(FileManager.default.contents(atPath: handFile.path) == handBytes)

        let validate = atl(["validate", "--catalogue", base.path])
        #expect(validate.code == 0, "\(validate.err)")
        #expect(validate.out.contains("21 settings (fictional example)"))
    }

    @Test func aMalformedHandWrittenFileStopsTheRunBeforeAnythingIsWritten() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("atl-synth-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        let lookup = base.appendingPathComponent("pc.txt")
        try Data(Self.lookupText.utf8).write(to: lookup)
        let bad = "---\nformat: atl-setting/1\nurn: 9000002\nname: Broken\nfictional: yes\ntype: mainstream\ncapacity: lots\n---\n"
        try Data(bad.utf8).write(to: base.appendingPathComponent("9000002-broken.setting.md"))
        try Data([0xFF, 0xFE, 0x00]).write(to: base.appendingPathComponent("9000003-binary.setting.md"))
        let r = atl(["synth-example-la", "--count", "3", "--output", base.path, "--postcodes", lookup.path])
        #expect(r.code == 2)
        #expect(r.err.contains("9000002-broken.setting.md:7: field 'capacity'"), "\(r.err)")
        #expect(r.err.contains("9000003-binary.setting.md"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.path).count == 3, "nothing written")
    }

    @Test func badOptionsAreUsageErrors() {
        #expect(atl(["synth-example-la", "--seed", "abc"]).code == 1)
        #expect(atl(["synth-example-la", "--seed", "99999999999999999999999"]).code == 1)
        #expect(atl(["synth-example-la", "--count", "many"]).code == 1)
        #expect(atl(["synth-example-la", "--seed", "-3"]).code == 1)
        #expect(atl(["synth-example-la", "--count", "0"]).code == 1)
        #expect(atl(["synth-example-la", "--postcodes", "/nonexistent/pc.txt", "--output", "/tmp/atl-never"]).code == 2)
    }

    @Test func refusesAHandWrittenSettingInTheGeneratedRange() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("atl-synth-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        let lookup = base.appendingPathComponent("pc.txt")
        try Data(Self.lookupText.utf8).write(to: lookup)
        let hand = Setting(urn: 9_000_101, name: "Hand Made School", fictional: true, type: .mainstream,
                           sources: ["Hand-written fictional report (example LA)"])
        let file = base.appendingPathComponent(SettingFile.fileName(for: hand))
        let bytes = Data(SettingFile.render(hand).utf8)
        try bytes.write(to: file)
        let r = atl(["synth-example-la", "--count", "3", "--output", base.path, "--postcodes", lookup.path])
        #expect(r.code == 2)
        #expect(r.err.contains("field 'urn'"))
        #expect(FileManager.default.contents(atPath: file.path) == bytes, "left untouched")
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.path).count == 2, "nothing written")
    }

    @Test func refusesToMixWithARealSetting() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("atl-synth-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        let lookup = base.appendingPathComponent("pc.txt")
        try Data(Self.lookupText.utf8).write(to: lookup)
        let real = Setting(urn: 123456, name: "Real School", type: .mainstream)
        try Data(SettingFile.render(real).utf8).write(to: base.appendingPathComponent(SettingFile.fileName(for: real)))
        let r = atl(["synth-example-la", "--count", "3", "--output", base.path, "--postcodes", lookup.path])
        #expect(r.code == 2)
        #expect(r.err.contains("field 'fictional'"))
    }
}
