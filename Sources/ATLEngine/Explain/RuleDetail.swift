import ATLModel
import ATLData
/// The fact behind a broken eligibility rule, as `atl why` and the list's "named settings not listed" state it.
extension EligibilityRule {
    /// ": about 18.2 miles by road", ": it admits ages 11-16", …; empty when there is nothing to add.
    public func detail(for setting: Setting, distanceKm: Double) -> String {
        switch self {
        case .journey:
            return distanceKm.isNaN ? "" : ": about \(Fixed.format(distanceKm / 1.609344, places: 1)) miles by road"
        case .phase:
            if let ar = setting.ageRange { return ": it admits ages \(ar.low)-\(ar.high)" }
            return setting.phase.map { ": its phase is \($0.title.lowercased())" } ?? ""
        case .needNotProvided:
            return setting.needs.map { ": it is designated for \($0.codes.map(\.plainLabel).joined(separator: ", "))" } ?? ""
        case .mustHaveMissing:
            let listed = setting.facilities?.facilities.map(\.title) ?? []
            return listed.isEmpty ? ": it lists none of the provision asked for" : ": what it lists is \(listed.joined(separator: ", "))"
        case .notPlaced:
            return setting.giasType.map { ": its type of establishment is \($0)" } ?? ""
        case .typeNotAllowed:
            return ": it is \(setting.type.title.lowercased())"
        default:
            return ""
        }
    }
}
