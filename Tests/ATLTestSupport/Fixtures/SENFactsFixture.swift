import ATLModel
import ATLData
import Foundation

/// A small real-shaped catalogue (five invented schools with real-range URNs, never shipped) and a `sen-facts`
/// folder with one or two rows per file, written to a temporary folder for the importer tests. Each row is
/// chosen to exercise one match rule; `rows` can replace a file's rows.
public final class SENFactsFixture: @unchecked Sendable {
    public let folder: TemporaryFolder
    public var catalogue: String { folder.path("cat") }
    public var sources: String { folder.path("sources") }

    /// The first school's report text: a re-import must never touch it.
    public static let report = "## Complaints\n\nWrite to the head teacher, then the governors.\n\n## Transport\n\nMost pupils come by LA minibus.\n"

    public static let schoolsSource = "source: Schools file schools-test.csv (GIAS extract 2026-01-30, open establishments; Ofsted MI Feb 2026)"

    public static func v1Setting(urn: Int, name: String, la: (Int, String), phase: String, body: String = "") -> String {
        """
        ---
        format: atl-setting/1
        urn: \(urn)
        name: \(name)
        la-code: \(la.0)
        la-name: \(la.1)
        type: unknown
        phase: \(phase)
        ofsted: Good
        easting: 370556
        northing: 304352
        \(schoolsSource)
        ---
        \(body)
        """
    }

    public static let settings: [(rel: String, text: String)] = [
        ("894-telford-and-wrekin/100001-alpha-special-school.setting.md",
         v1Setting(urn: 100001, name: "Alpha Special School", la: (894, "Telford and Wrekin"), phase: "not-applicable", body: "\n" + report)),
        ("894-telford-and-wrekin/100002-beta-primary-school.setting.md",
         v1Setting(urn: 100002, name: "Beta Primary School", la: (894, "Telford and Wrekin"), phase: "primary")),
        ("894-telford-and-wrekin/100003-gamma-academy.setting.md",
         v1Setting(urn: 100003, name: "Gamma Academy", la: (894, "Telford and Wrekin"), phase: "secondary")),
        ("894-telford-and-wrekin/100004-delta-house-school.setting.md",
         v1Setting(urn: 100004, name: "Delta House School", la: (894, "Telford and Wrekin"), phase: "not-applicable")),
        ("335-walsall/100005-epsilon-junior-school.setting.md",
         v1Setting(urn: 100005, name: "Epsilon Junior School", la: (335, "Walsall"), phase: "primary")),
    ]

    public static let files: [String: String] = [
        SENFactsReader.File.gias2016: """
            urn,establishment_type,establishment_type_group
            100001,Community Special School,Special schools
            100002,Community School,LA maintained schools
            """,
        SENFactsReader.File.census2019: """
            URN,LA,ESTAB,SCHOOLTYPE,NOR,TSENELSE,TSENELK
            100002,894,2001,State-funded primary,210,4,30
            100003,894,4001,State-funded secondary,900,20,100
            100004,894,6001,Independent school,40,38,2
            100009,894,2009,State-funded primary,100,1,1
            """,
        SENFactsReader.File.sen2023: """
            la_name,school_name,Total pupils,SEN support,EHC plan,Total Sen,matched_urn_in_schools_west_midlands (derived),match_method (derived)
            Telford and Wrekin,Beta Primary School,220,28,6,34,100002,exact_name_same_LA
            Telford and Wrekin,Gamma School,880,90,25,115,,
            """,
        SENFactsReader.File.s41England: """
            GIAS_reference,local_authority,institution_trading_name,legal_name,institution_type,date_approved_s41_excel_serial,date_approved_s41_iso (derived)
            894/6001,Telford & Wrekin,Delta House School,Delta Ltd,Independent special school,43313,2018-08-01
            999/6002,Elsewhere,Far Away College,Far Ltd,Special post-16 institution,42095,2015-04-01
            """,
        SENFactsReader.File.s41: """
            GIAS_reference,local_authority,institution_trading_name,legal_name,institution_type,date_approved_s41_excel_serial,date_approved_s41_iso (derived),la_code (derived),urn_via_laestab_2019 (derived),matched_urn_in_schools_west_midlands (derived),match_method (derived)
            894/6001,Telford & Wrekin,Delta House School,Delta Ltd,Independent special school,43313,2018-08-01,894,100004,100004,laestab_via_england_census_2019
            """,
        SENFactsReader.File.notS41England: """
            GIAS_reference_la_code,establishment_number,local_authority,school_name,proprietor_name,independent_or_non_maintained_special_school,section41_approval
            203,6040,Greenwich,Somewhere School,Someone,Other independent special school,No
            """,
        SENFactsReader.File.notS41: """
            GIAS_reference_la_code,establishment_number,local_authority,school_name,proprietor_name,independent_or_non_maintained_special_school,section41_approval,urn_via_laestab_2019 (derived),matched_urn_in_schools_west_midlands (derived),match_method (derived)
            860,6050,Staffordshire,Epsilon Junior School,Someone,Other independent special school,No,,100005,exact_name_other_LA_in_list
            """,
        SENFactsReader.File.special2025: """
            urn,school_name,school_postcode,la_name,type_of_establishment,total_pupils,ehc_plan,sen_support,sen_unit_flag,rp_unit_flag,urn_in_schools_west_midlands
            100001,Alpha Special School,TF7 4DS,Telford and Wrekin,Community special school,120,120,0,0,0,1
            """,
        SENFactsReader.File.localOffer: """
            la,setting_name_as_published,urn_in_schools_west_midlands (derived),urn_match,provision_kind,age_range,need_served_as_published,places_or_size_as_published,date_context,source_url,notes
            Telford and Wrekin,Alpha Special School,100001,exact_name,special school,5-16,SEMH,50 places,undated local offer page,https://www.example-la.gov.uk/local-offer/special ; https://alpha.example.sch.uk/about,
            Walsall,Epsilon Junior,100005,probable,specialist resourced provision (SRP),Junior (Year 3-6),ASD,,undated local offer page,https://send.example-la.gov.uk/srp,
            """,
        SENFactsReader.File.reportLinks: """
            la,school_name,urn_in_schools_west_midlands (derived),document_kind,source_url,facts_recorded (paraphrased from stored page excerpt; text NOT copied verbatim)
            Telford and Wrekin,Alpha Special School,100001,SEN information report,https://alpha.example.sch.uk/sen-report,a summary
            Telford and Wrekin,Beta Primary School and Nursery,100002,SEND page,https://beta.example.sch.uk/send,a summary
            """,
    ]

    /// Writes the catalogue and the sources (with `replacing` files swapped in).
    public init(replacing: [String: String] = [:]) throws {
        folder = try TemporaryFolder("sen-facts")
        for (rel, text) in Self.settings { try folder.write("cat/" + rel, text) }
        for (name, text) in Self.files.merging(replacing, uniquingKeysWith: { $1 }) {
            try folder.write("sources/" + name, text + "\n")
        }
    }

    /// The text of a setting file of the catalogue.
    public func text(_ urn: Int) -> String {
        let rel = Self.settings.first { $0.rel.contains("/\(urn)-") }!.rel
        return folder.read("cat/" + rel)
    }

    /// The whole catalogue's bytes, by file (to check idempotence).
    public func snapshot() -> [String: String] {
        Dictionary(uniqueKeysWithValues: Self.settings.map { ($0.rel, folder.read("cat/" + $0.rel)) })
    }
}
