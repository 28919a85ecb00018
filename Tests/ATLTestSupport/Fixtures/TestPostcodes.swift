import ATLData

/// A small postcode lookup: real postcodes copied from the shipped
/// `provision-catalogue/geography/postcodes-west-midlands.txt`, so tests that need a lookup stay fast (loading the
/// whole shipped file takes about a second in a debug build).
public enum TestPostcodes {
    public static let text = """
        # test lookup: real postcodes copied from provision-catalogue/geography/postcodes-west-midlands.txt
        @B1 E08000025
        1BA 406875 286393
        @SY1 E06000051
        1AN 349490 313096
        1DA 349398 312722
        @SY11 E06000051
        1AA 328999 329610
        @TF1 E06000020
        1AE 364959 311845
        1AP 365110 311764
        @TF2 E06000020
        0AB 369402 310504
        @TF3 E06000020
        1AB 370242 307020
        1AY 369432 306221
        @TF7 E06000020
        4AH 370394 303836

        """

    /// The lookup parsed (file name `test-postcodes.txt` in messages).
    public static var lookup: PostcodeLookup { try! PostcodeLookup.parse(Array(text.utf8), file: "test-postcodes.txt") }
}

extension TestPostcodes {
    /// Three invented postcodes in two areas, with a source line, for loader and message tests.
    public static let tiny = """
        # test lookup
        # Source: a test fixture
        @B1 E08000025
        1BA 406875 286393
        @TF3 E06000020
        1AB 370100 307100
        1LA 370000 307000

        """
}
