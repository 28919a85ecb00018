@testable import ATLModel
import Testing

@Suite struct SHA256Tests {
    @Test func knownVectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func millionAs() {
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func incrementalUpdatesEqualOneShot() {
        let text = String(repeating: "Advisory Tailored Lists ", count: 37)
        for split in [0, 1, 63, 64, 65, 200, text.utf8.count] {
            var h = SHA256()
            let bytes = Array(text.utf8)
            h.update(bytes[..<split])
            h.update(bytes[split...])
            #expect(h.hexDigest() == SHA256.hex(text), "split at \(split)")
        }
    }

    @Test func twoBlockVector() {
        // FIPS 180-4 example, 896-bit message.
        #expect(SHA256.hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu")
                == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
    }

    @Test func everyLengthAndSplitAgree() {
        // Lengths across block and padding boundaries, fed whole and in uneven pieces.
        var rng = SeededRandom(seed: 256)
        for length in 0..<300 {
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            let whole = SHA256.hex(bytes)
            var h = SHA256()
            var i = 0
            while i < length {
                let n = min(length - i, Int(rng.next() % 97) + 1)
                h.update(bytes[i..<(i + n)])
                i += n
            }
            #expect(h.hexDigest() == whole, "length \(length)")
        }
    }
}
