/// A section of a setting's SEN information report.
///
/// The SEND Regulations 2014, Schedule 1, set what every school's report must cover (items 1–13, item 3
/// split into its lettered parts); the Children and Families Act 2014 s.69(3)(b) adds four accessibility
/// items; parent carers in the West Midlands ATL survey named further criteria. Each is a section of the
/// catalogue format and a column of the gap analysis (`atl audit`).
public enum ReportSection: String, CaseIterable, Sendable, Comparable, Hashable, Codable {
    // Schedule 1
    case kindsOfSEN = "kinds-of-sen"
    case identifyingNeeds = "identifying-needs"
    case evaluatingEffectiveness = "evaluating-effectiveness"
    case assessingProgress = "assessing-progress"
    case approachToTeaching = "approach-to-teaching"
    case adaptingCurriculum = "adapting-curriculum"
    case additionalSupport = "additional-support"
    case inclusiveActivities = "inclusive-activities"
    case emotionalSocial = "emotional-social-development"
    case senco = "senco"
    case staffExpertise = "staff-expertise"
    case equipmentFacilities = "equipment-facilities"
    case consultingParents = "consulting-parents"
    case consultingPupils = "consulting-pupils"
    case complaints = "complaints"
    case partnerAgencies = "partner-agencies"
    case parentSupportServices = "parent-support-services"
    case transitions = "transitions"
    case localOffer = "local-offer"
    // Children and Families Act 2014 s.69(3)(b)
    case accessAdmissions = "access-admissions"
    case accessEqualTreatment = "access-equal-treatment"
    case accessFacilities = "access-facilities"
    case accessibilityPlan = "accessibility-plan"
    // Parent-carer criteria (ATL survey; "to confirm" in the primer)
    case therapies = "therapies"
    case classSizes = "class-sizes-staffing"
    case sensorySpaces = "sensory-spaces"
    case physicalAccess = "physical-access"
    case transport = "transport"
    case inclusion = "inclusion-with-peers"
    case transitionSupport = "transition-support"

    /// Where the requirement comes from.
    public enum Source: String, Sendable, CaseIterable {
        case schedule1 = "SEND Regulations 2014, Schedule 1"
        case accessibility = "Children and Families Act 2014 s.69(3)(b)"
        case parentCriteria = "Parent-carer criteria"
    }

    public var source: Source {
        switch self {
        case .accessAdmissions, .accessEqualTreatment, .accessFacilities, .accessibilityPlan: .accessibility
        case .therapies, .classSizes, .sensorySpaces, .physicalAccess, .transport, .inclusion, .transitionSupport:
            .parentCriteria
        default: .schedule1
        }
    }

    /// Item reference within its source ("1", "3(a)", "s.69(3)(b)(i)", "P1").
    public var item: String {
        switch self {
        case .kindsOfSEN: "1"
        case .identifyingNeeds: "2"
        case .evaluatingEffectiveness: "3(a)"
        case .assessingProgress: "3(b)"
        case .approachToTeaching: "3(c)"
        case .adaptingCurriculum: "3(d)"
        case .additionalSupport: "3(e)"
        case .inclusiveActivities: "3(f)"
        case .emotionalSocial: "3(g)"
        case .senco: "4"
        case .staffExpertise: "5"
        case .equipmentFacilities: "6"
        case .consultingParents: "7"
        case .consultingPupils: "8"
        case .complaints: "9"
        case .partnerAgencies: "10"
        case .parentSupportServices: "11"
        case .transitions: "12"
        case .localOffer: "13"
        case .accessAdmissions: "A1"
        case .accessEqualTreatment: "A2"
        case .accessFacilities: "A3"
        case .accessibilityPlan: "A4"
        case .therapies: "P1"
        case .classSizes: "P2"
        case .sensorySpaces: "P3"
        case .physicalAccess: "P4"
        case .transport: "P5"
        case .inclusion: "P6"
        case .transitionSupport: "P7"
        }
    }

    /// The heading used in catalogue files (matching is case- and punctuation-insensitive; the key works too).
    public var title: String {
        switch self {
        case .kindsOfSEN: "Kinds of special educational needs provided for"
        case .identifyingNeeds: "Identifying and assessing special educational needs"
        case .evaluatingEffectiveness: "Evaluating the effectiveness of provision"
        case .assessingProgress: "Assessing and reviewing progress"
        case .approachToTeaching: "Approach to teaching"
        case .adaptingCurriculum: "Adapting the curriculum and learning environment"
        case .additionalSupport: "Additional support for learning"
        case .inclusiveActivities: "Activities with pupils who do not have SEN"
        case .emotionalSocial: "Emotional and social development"
        case .senco: "SENCO name and contact details"
        case .staffExpertise: "Staff expertise and training"
        case .equipmentFacilities: "Equipment and facilities"
        case .consultingParents: "Consulting and involving parents"
        case .consultingPupils: "Consulting and involving pupils"
        case .complaints: "Complaints"
        case .partnerAgencies: "Involving health, social care and other services"
        case .parentSupportServices: "Support services for parents"
        case .transitions: "Transitions and preparing for adulthood"
        case .localOffer: "The Local Offer"
        case .accessAdmissions: "Admission arrangements for disabled pupils"
        case .accessEqualTreatment: "Preventing less favourable treatment of disabled pupils"
        case .accessFacilities: "Facilities to help disabled pupils access the school"
        case .accessibilityPlan: "Accessibility plan"
        case .therapies: "Therapies on site"
        case .classSizes: "Class sizes and staffing ratios"
        case .sensorySpaces: "Sensory and quiet spaces"
        case .physicalAccess: "Physical accessibility"
        case .transport: "Transport"
        case .inclusion: "Inclusion with mainstream peers"
        case .transitionSupport: "Transition support"
        }
    }

    /// Whether the requirement applies to a setting of this type. Schedule 1 items 2 (identifying needs) and 4
    /// (the SENCO's name and contact details) apply to mainstream schools and maintained nursery schools.
    /// Unknown types are treated as if every item applies, so nothing is hidden from the gap analysis.
    public func applies(to type: SettingType) -> Bool {
        switch self {
        case .identifyingNeeds:
            return type.isMainstream || type == .earlyYears || type == .unknown
        case .senco:
            return type.isMainstream || type == .earlyYears || type == .unknown
        default:
            return true
        }
    }

    public static func < (a: ReportSection, b: ReportSection) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// Lookup by heading or key, case- and punctuation-insensitive.
    public init?(heading: String) {
        let k = ReportSection.normalise(heading)
        guard let s = ReportSection.byNormalisedHeading[k] else { return nil }
        self = s
    }

    static func normalise(_ s: String) -> String {
        // CharacterSet.alphanumerics (letters, marks, numbers), without Foundation's bridging on Linux.
        String(String.UnicodeScalarView(s.lowercased().unicodeScalars.filter { c in
            if c.isASCII { return (c.value >= 0x30 && c.value <= 0x39) || (c.value >= 0x61 && c.value <= 0x7A) || (c.value >= 0x41 && c.value <= 0x5A) }
            switch c.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber: return true
            default: return false
            }
        }))
    }

    private static let byNormalisedHeading: [String: ReportSection] = {
        var m: [String: ReportSection] = [:]
        for s in allCases {
            m[normalise(s.title)] = s
            m[normalise(s.rawValue)] = s
        }
        return m
    }()
}

import Foundation
