@testable import ATLModel
@testable import ATLData
import Foundation
import Testing

/// Reads every record, or returns the error the reader threw.
private func readAll(_ reader: consuming CSVReader) -> Result<[CSVRecord], ATLError> {
    var r = reader
    var out: [CSVRecord] = []
    do {
        while let rec = try r.next() { out.append(rec) }
    } catch {
        return .failure(error)
    }
    return .success(out)
}

private func read(_ text: String) throws -> [CSVRecord] {
    try readAll(CSVReader(bytes: Array(text.utf8), file: "t.csv")).get()
}

private func fields(_ text: String) throws -> [[String]] { try read(text).map(\.fields) }

private func failure(_ bytes: [UInt8], encoding: CSVReader.Encoding = .utf8) -> ATLError? {
    if case .failure(let e) = readAll(CSVReader(bytes: bytes, encoding: encoding, file: "bad.csv")) { return e }
    return nil
}

private func failure(_ text: String) -> ATLError? { failure(Array(text.utf8)) }

@Suite struct CSVReaderTests {
    @Test func embeddedCommasAndDoubledQuotes() throws {
        #expect(try fields("a,\"b,c\",d\n") == [["a", "b,c", "d"]])
        #expect(try fields("\"say \"\"hi\"\"\",x\n") == [["say \"hi\"", "x"]])
        #expect(try fields("\"\"\"\",\"\",\"\"\"a\"\"\"\n") == [["\"", "", "\"a\""]])
        #expect(try fields("\"St Mary's, \"\"The Hill\"\" School\",1") == [["St Mary's, \"The Hill\" School", "1"]])
    }

    @Test func quotedLineBreaksKeepLineNumbers() throws {
        let text = "h1,h2\r\n\"a\nb\",c\r\n\"x\r\ny\r\nz\",w\r\nlast,row\r\n"
        let recs = try read(text)
        #expect(recs.map(\.fields) == [["h1", "h2"], ["a\nb", "c"], ["x\r\ny\r\nz", "w"], ["last", "row"]])
        #expect(recs.map(\.line) == [1, 2, 4, 7])
    }

    @Test func recordEndsCRLFLFMixedAndMissingFinalNewline() throws {
        #expect(try fields("a,b\r\nc,d\r\n") == [["a", "b"], ["c", "d"]])
        #expect(try fields("a,b\nc,d\n") == [["a", "b"], ["c", "d"]])
        let mixed = try read("a\r\nb\nc")
        #expect(mixed.map(\.fields) == [["a"], ["b"], ["c"]])
        #expect(mixed.map(\.line) == [1, 2, 3])
        #expect(try fields("a,\"b\"") == [["a", "b"]], "quoted last field without a line end")
        #expect(try fields("") == [])
    }

    @Test func emptyFields() throws {
        #expect(try fields("a,b,\n") == [["a", "b", ""]])
        #expect(try fields("a,b,") == [["a", "b", ""]], "empty last field at end of input")
        #expect(try fields(",,\r\n") == [["", "", ""]])
        #expect(try fields(",a\n") == [["", "a"]])
    }

    @Test func loneEmptyLineIsOneEmptyField() throws {
        let recs = try read("a,b\n\nc,d\r\n\r\ne,f\n")
        #expect(recs.map(\.fields) == [["a", "b"], [""], ["c", "d"], [""], ["e", "f"]])
        #expect(recs.map(\.line) == [1, 2, 3, 4, 5])
    }

    @Test func byteOrderMarkSkipped() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let recs = try readAll(CSVReader(bytes: bom + Array("a,b\n".utf8))).get()
        #expect(recs.map(\.fields) == [["a", "b"]])
        #expect(recs.first?.line == 1)
        #expect(try readAll(CSVReader(bytes: bom)).get().isEmpty)
        // In Windows-1252, 0xEF is "ï": a first byte of 0xEF that does not start a BOM is text.
        let text = try readAll(CSVReader(chunks: [[0xEF], [0x61], [0x0A]], encoding: .windows1252)).get()
        #expect(text.map(\.fields) == [["ïa"]])
    }

    @Test func unterminatedQuoteNamesTheLineItOpened() {
        let e = failure("a,b\nc,\"open\nmore\nstuff")
        #expect(e?.line == 2)
        #expect(e?.file == "bad.csv")
        #expect(e?.message.contains("never closed") == true)
    }

    @Test func bareQuoteInUnquotedField() {
        let e = failure("a,b\r\nab\"c,d\r\n")
        #expect(e?.line == 2)
        #expect(e?.message.contains("field 1") == true)
    }

    @Test func textAfterClosingQuote() {
        let e = failure("x\n\"multi\nline\"tail,d\n")
        #expect(e?.line == 3)
        #expect(e?.message.contains("after a closing quote") == true)
        #expect(failure("\"ab\" ,c") != nil, "a space after the closing quote is text too")
    }

    @Test func invalidUTF8() {
        let e = failure([0x61, 0x0A, 0x62, 0x2C, 0xFF, 0x0A])
        #expect(e?.line == 2)
        #expect(e?.message.contains("field 2") == true)
        #expect(e?.description.hasPrefix("bad.csv:2: ") == true)
        #expect(failure([0x61, 0x2C, 0xFF, 0x0A], encoding: .windows1252) == nil, "every byte is Windows-1252")
    }

    @Test func windows1252Decoding() throws {
        #expect(Windows1252.decode([0x92, 0x80, 0xE9, 0x96]) == "\u{2019}\u{20AC}\u{E9}\u{2013}")
        #expect(Windows1252.decode(Array("plain ASCII".utf8)) == "plain ASCII")
        let recs = try readAll(CSVReader(bytes: [0x43, 0x61, 0x66, 0xE9, 0x2C, 0x92, 0x0D, 0x0A], encoding: .windows1252)).get()
        #expect(recs.map(\.fields) == [["Café", "’"]])
    }

    @Test func windows1252RoundTrip() throws {
        let all = (0...255).map(UInt8.init)
        let text = Windows1252.decode(all)
        #expect(text.unicodeScalars.count == 256)
        #expect(Windows1252.encode(text) == all)
        #expect(Windows1252.encode("St Mary’s – École €5") == [0x53, 0x74, 0x20, 0x4D, 0x61, 0x72, 0x79, 0x92, 0x73, 0x20,
                                                                0x96, 0x20, 0xC9, 0x63, 0x6F, 0x6C, 0x65, 0x20, 0x80, 0x35])
        #expect(Windows1252.encode("漢") == nil)
    }

    /// A small input with every tricky case in it: BOM, quoted CRLF and LF, doubled quotes, empty fields,
    /// Windows-1252 bytes, a lone empty line, LF and CRLF ends, and no final line end.
    private static let tricky: [UInt8] = [0xEF, 0xBB, 0xBF] + Windows1252.encode(
        "URN,Name,Street\r\n1,\"St Mary’s, \"\"The Hill\"\"\",\"1 Road\r\nTown\"\r\n\n2,Café,\n3,\"\",\"a\nb\nc\"\r\n,,"
    )!

    @Test func trickyInputInOneChunk() throws {
        let recs = try readAll(CSVReader(bytes: Self.tricky, encoding: .windows1252)).get()
        #expect(recs.map(\.fields) == [
            ["URN", "Name", "Street"], ["1", "St Mary’s, \"The Hill\"", "1 Road\r\nTown"], [""], ["2", "Café", ""],
            ["3", "", "a\nb\nc"], ["", "", ""],
        ])
        #expect(recs.map(\.line) == [1, 2, 4, 5, 6, 9])
    }

    @Test func everyChunkSplitGivesTheSameRecords() throws {
        let input = Self.tricky
        let whole = try readAll(CSVReader(bytes: input, encoding: .windows1252)).get()
        // One byte at a time, with empty chunks between.
        let single = try readAll(CSVReader(chunks: input.flatMap { [[], [$0]] } + [[]], encoding: .windows1252)).get()
        #expect(single == whole)
        // Every chunk size.
        for size in 1...input.count {
            let chunks = stride(from: 0, to: input.count, by: size).map { Array(input[$0..<min($0 + size, input.count)]) }
            let got = try readAll(CSVReader(chunks: chunks, encoding: .windows1252)).get()
            #expect(got == whole, "chunk size \(size)")
        }
        // Every position of one split, and of two splits.
        for i in 0...input.count {
            let got = try readAll(CSVReader(chunks: [Array(input[..<i]), Array(input[i...])], encoding: .windows1252)).get()
            #expect(got == whole, "split at \(i)")
            for j in i...input.count {
                let three = [Array(input[..<i]), Array(input[i..<j]), Array(input[j...])]
                let got3 = try readAll(CSVReader(chunks: three, encoding: .windows1252)).get()
                if got3 != whole { Issue.record("splits at \(i), \(j)"); return }
            }
        }
    }

    @Test func errorsAreTheSameAcrossChunkSplits() {
        let bad = Array("a,b\r\n\"x\r\ny\"z,1\r\n".utf8)
        let open = Array("a,b\r\nc,\"never\r\nclosed".utf8)
        for input in [bad, open] {
            guard case .failure(let whole) = readAll(CSVReader(bytes: input)) else {
                Issue.record("expected an error"); continue
            }
            guard case .failure(let ones) = readAll(CSVReader(chunks: input.map { [$0] })) else {
                Issue.record("expected an error with 1-byte chunks"); continue
            }
            #expect(ones.line == whole.line)
            #expect(ones.message == whole.message)
        }
    }

    @Test func streamsAFileLargerThanOneChunk() throws {
        var text = "id,note\r\n"
        for i in 0..<4000 { text += "\(i),\"line one, of \(i)\r\nline two \"\"q\"\"\"\r\n" }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("atl-csv-\(UUID().uuidString).csv").path
        try Data(Windows1252.encode(text)!).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(text.utf8.count > 2 * (1 << 16), "crosses several 64 KiB reads")
        var reader = try CSVReader.open(path: path, encoding: .windows1252)
        var n = 0
        while let rec = try reader.next() {
            if n > 0 {
                let i = n - 1
                #expect(rec.fields == ["\(i)", "line one, of \(i)\r\nline two \"q\""])
                #expect(rec.line == 2 + 2 * i)
            }
            n += 1
        }
        #expect(n == 4001)
    }

    @Test func missingFileIsADiagnostic() {
        #expect(throws: ATLError.self) { try CSVReader.open(path: "/nonexistent/atl/x.csv") }
    }
}
