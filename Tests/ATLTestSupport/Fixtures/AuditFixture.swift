import ATLModel

/// Five real-looking settings whose SEN information audit counts are worked out by hand in the comments below
/// (GapAnalysisTests), also the input of the audit renderers' golden files.
public enum AuditFixture {
    public static let shropshire = LocalAuthority(code: 893, name: "Shropshire")
    public static let telford = LocalAuthority(code: 894, name: "Telford and Wrekin")

    /// Mainstream with every section and every fact. Report 30 present; facts 10 present, 2 n.a.
    /// (no specialist offer, so needs and specialist places do not apply).
    public static let mainstream = Setting(
        urn: 100001, name: "Alder Primary School", localAuthority: shropshire, type: .mainstream,
        giasType: "Community school", phase: .primary, ageRange: AgeRange(low: 4, high: 11), gender: .mixed,
        religiousCharacter: "None", ofsted: .good, location: GridPoint(easting: 350000, northing: 310000),
        postcode: "SY1 1AA", capacity: 210, onRoll: 200, specialistProvision: SpecialistProvisionKind.none,
        facilities: FacilitySet([.stepFree, .quietSpace]), sources: ["Test fixture"],
        report: Dictionary(uniqueKeysWithValues: ReportSection.allCases.map { ($0, "What we do: \($0.title).") }))

    /// Unknown type, like the real catalogue: no report; phase, location and Ofsted known.
    /// Report 30 missing; facts 3 present, 9 missing (unknown type: everything applies).
    public static let unknown = Setting(
        urn: 100002, name: "Birch Academy", localAuthority: telford, type: .unknown, phase: .primary,
        ofsted: .good, location: GridPoint(easting: 368000, northing: 304000), nearestPostcode: "TF7 5HX",
        sources: ["Schools file test.csv"])

    /// Special school. Report: 5 present, 2 empty, 21 missing, 2 n.a. (items 2 and 4, even though the SENCO
    /// section has text). Facts: 9 present, 3 missing (on roll, specialist places, Ofsted).
    public static let special = Setting(
        urn: 100003, name: "Cedar Special School", localAuthority: telford, type: .special,
        giasType: "Community special school", phase: .allThrough, ageRange: AgeRange(low: 2, high: 19),
        gender: .mixed, religiousCharacter: "None", location: GridPoint(easting: 370000, northing: 312000),
        postcode: "TF2 7AA", capacity: 100, needs: NeedSet([.SLD, .PMLD]),
        facilities: FacilitySet([.hoist, .hydrotherapy]), sources: ["Test fixture", "LA SEND team"],
        report: [.kindsOfSEN: "Severe and profound learning difficulties.", .approachToTeaching: "Small classes.",
                 .complaints: "Speak to the head.", .localOffer: "See the LA website.", .transport: "LA buses.",
                 .evaluatingEffectiveness: "", .assessingProgress: "  \n", .senco: "Ms Example."])

    /// Mainstream with resourced provision and no LA recorded. Report: 1 present (SENCO), 1 empty (item 1),
    /// 28 missing. Facts: 3 present (type, needs, specialist places), 9 missing.
    public static let resourced = Setting(
        urn: 100004, name: "Damson Academy", type: .mainstreamResourced, needs: NeedSet([.ASD]),
        specialistPlaces: 10, sources: ["Test fixture"],
        report: [.senco: "Mr Example, via the school office.", .kindsOfSEN: ""])

    /// Maintained nursery school. Report: 2 present (items 1 and 2), 28 missing (SENCO included: item 4 covers maintained nursery schools). Facts: 3 present
    /// (type, phase, age range), 7 missing, 2 n.a. (no specialist offer).
    public static let nursery = Setting(
        urn: 100005, name: "Elm Nursery School", localAuthority: shropshire, type: .earlyYears, phase: .nursery,
        ageRange: AgeRange(low: 2, high: 5), sources: ["Test fixture"],
        report: [.kindsOfSEN: "Speech and language.", .identifyingNeeds: "Observation and the two-year check."])

    public static let all = [mainstream, unknown, special, resourced, nursery]
}
