import ATLModel
import ATLData
import ATLSynthetic
import ATLServices

/// `atl synth-cohort`: writes a SYNTHETIC cohort CSV (invented children at real postcodes of an LA).
enum SynthCohortCommand {
    static let spec = CommandSpec(
        name: "synth-cohort",
        abstract: "Write a SYNTHETIC cohort CSV (invented children, for testing and planning) for an LA.",
        discussion: """
            Every row is an invented child: synthetic = yes, reference SYN-<la>-000001…, primary needs in the
            national mix of EHC plans (DfE SEN2, January 2025), plausible secondary needs and facilities, a home at
            a real postcode of the LA from the postcode lookup (999, the fictional example LA: Telford and Wrekin
            and Shropshire postcodes). The same --seed gives the same cohort. --year takes a placement year
            (R, 1-14) or a comma-separated mix such as R,7,12. See docs/cohort-format.md.
            """,
        options: [
            .value("la", "code", "DfE LA code (999 = the fictional example LA)", required: true),
            .value("size", "n", "Number of children", default: "100"),
            .value("seed", "n", "Random seed", default: "1"),
            .value("year", "R|n|list", "Placement year(s), e.g. 7 or R,7,12", default: "7"),
            .value("output", "file.csv", "Where to write the cohort", required: true),
            .value("postcodes", "file", "Postcode lookup", default: EngineSetup.defaultPostcodes),
        ]
    ) { args, console in
        guard let la = try args.int("la", min: 100, max: 999) else { throw CLIError.usage("missing --la") }
        let size = try args.int("size", min: 1, max: 10_000_000)!
        let seedText = args.value("seed")!
        guard let seed = UInt64(seedText) else { throw CLIError.usage("--seed expects a whole number ≥ 0, got \"\(seedText)\"") }
        var years: [Int] = []
        for item in args.value("year")!.split(separator: ",", omittingEmptySubsequences: false) {
            let t = item.trimmedSpaces.uppercased()
            guard let y = t == "R" ? 0 : Int(t), (0...14).contains(y) else {
                throw CLIError.usage("--year expects R or 1-14, or a list like R,7,12; got \"\(args.value("year")!.prefix(80))\"")
            }
            if !years.contains(y) { years.append(y) }
        }
        let postcodes = try PostcodeLookup.load(path: args.value("postcodes")!)
        let districts = try EngineLoader.loadDistricts(notify: console.notify)
        let cohort: SyntheticCohort
        do {
            cohort = try SyntheticCohort(laCode: la, seed: seed, placementYears: years, postcodes: postcodes, districts: districts)
        } catch let e as ATLError { throw CLIError.usage(e.diagnostics.map(\.message).joined(separator: "; ")) }
        let output = try args.required("output")
        try SyntheticDataService.cohort(cohort, size: size, output: output)
        console.errLine("atl synth-cohort: wrote \(size) SYNTHETIC children for LA \(la) (seed \(seed)) to \(output)")
        return 0
    }
}
