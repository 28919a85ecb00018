import ATLTestSupport
@testable import ATLModel
import Testing

/// Diagnostics never grow without bound: a message, field or echoed key is cut, whatever the input.
@Suite struct DiagnosticLimitTests {
    @Test func anyMessageIsCut() {
        let d = Diagnostic(code: "test.long", file: "f", line: 1, field: String(repeating: "k", count: 500), String(repeating: "m", count: 1_000_000))
        #expect(d.message.count == Diagnostic.messageLimit)
        #expect(d.description.count < 1200)
    }

    @Test func aHugeBadKeyIsCut() {
        do {
            _ = try KeyValueLine.parse(Substring(String(repeating: "é", count: 100_000) + ": 1"), line: 1, file: "f")
            Issue.record("accepted")
        } catch {
            #expect(error.message.count < 200)
        }
    }
}
