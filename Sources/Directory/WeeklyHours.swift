import Foundation

/// Opening hours per ISO weekday (1 = Monday), as minutes after local midnight.
/// Written as "mon-fri 08:00-18:00; sat 09:00-13:00" in data files and the office import.
public struct WeeklyHours: Hashable, Sendable, Codable {
    public struct Interval: Hashable, Sendable, Codable {
        public let open: Int
        public let close: Int
        public init(open: Int, close: Int) { self.open = open; self.close = close }
        public var text: String { Self.hhmm(open) + "-" + Self.hhmm(close) }
        static func hhmm(_ m: Int) -> String { String(format: "%02d:%02d", m / 60, m % 60) }
    }

    public let days: [Int: [Interval]]

    public init(days: [Int: [Interval]]) { self.days = days }

    static let dayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    public init?(notation: String) {
        var days: [Int: [Interval]] = [:]
        for part in notation.split(separator: ";") {
            let pieces = part.split(separator: " ", omittingEmptySubsequences: true)
            guard pieces.count >= 2 else { return nil }
            let range = pieces[0].split(separator: "-").map { String($0).lowercased() }
            guard let first = range.first.flatMap({ Self.dayNames.firstIndex(of: $0) }),
                  let last = (range.count == 2 ? range[1] : range[0]).nilIfUnknownDay.flatMap({ Self.dayNames.firstIndex(of: $0) }),
                  range.count <= 2, first <= last else { return nil }
            var intervals: [Interval] = []
            for spec in pieces.dropFirst() {
                let ends = spec.split(separator: "-")
                guard ends.count == 2, let o = Self.minutes(ends[0]), let c = Self.minutes(ends[1]), o < c else { return nil }
                intervals.append(Interval(open: o, close: c))
            }
            for d in first...last { days[d + 1, default: []] += intervals }
        }
        guard !days.isEmpty else { return nil }
        self.days = days.mapValues { $0.sorted { $0.open < $1.open } }
    }

    static func minutes(_ s: Substring) -> Int? {
        let hm = s.split(separator: ":")
        guard hm.count == 2, let h = Int(hm[0]), let m = Int(hm[1]), (0...24).contains(h), (0..<60).contains(m),
              h * 60 + m <= 1440 else { return nil }
        return h * 60 + m
    }

    /// Back to the notation, grouping consecutive days with equal hours.
    public var notation: String {
        var parts: [String] = []
        var d = 1
        while d <= 7 {
            guard let iv = days[d], !iv.isEmpty else { d += 1; continue }
            var end = d
            while end < 7, days[end + 1] == iv { end += 1 }
            let range = d == end ? Self.dayNames[d - 1] : Self.dayNames[d - 1] + "-" + Self.dayNames[end - 1]
            parts.append(range + " " + iv.map(\.text).joined(separator: " "))
            d = end + 1
        }
        return parts.joined(separator: "; ")
    }

    /// The contact centre's hours: Monday to Friday, 8:00 to 18:00.
    public static let contactCentre = WeeklyHours(notation: "mon-fri 08:00-18:00")!
}

private extension String {
    var nilIfUnknownDay: String? { isEmpty ? nil : self }
}
