/// Where a report's contacts come from. The stored sums are kept for each office and added up
/// for each voivodeship and the whole country, so a report over a whole voivodeship or the
/// country reads a few rows per step instead of one per office.
public enum ReportArea: Sendable, Equatable {
    case country
    case voivodeships(Set<String>)
    case offices(Set<String>)

    /// The coarsest area that holds exactly `offices` (nil: every office): the country when
    /// no office is left out, the voivodeships when each one touched is there whole, else the
    /// offices themselves. An office missing from `voivodeshipOf` keeps the offices.
    public static func covering(_ offices: Set<String>?, voivodeshipOf: [String: String]) -> ReportArea {
        guard let offices else { return .country }
        guard !offices.isEmpty, !voivodeshipOf.isEmpty else { return .offices(offices) }
        if offices.count == voivodeshipOf.count && voivodeshipOf.keys.allSatisfy(offices.contains) { return .country }
        var touched = Set<String>()
        for office in offices {
            guard let v = voivodeshipOf[office] else { return .offices(offices) }
            touched.insert(v)
        }
        let whole = voivodeshipOf.allSatisfy { office, v in !touched.contains(v) || offices.contains(office) }
        return whole ? .voivodeships(touched) : .offices(offices)
    }
}
