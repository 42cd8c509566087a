import Foundation
import NIOConcurrencyHelpers

/// Offer searches and those that found nothing, per Polish day, counted in memory on the
/// request path and written to the database once a minute (`drain`): the reports' "searches
/// without results" without a write per search.
final class SearchTally: Sendable {
    private let counts = NIOLockedValueBox([Date: (searches: Int, empty: Int)]())
    let calendar: Calendar

    init(calendar: Calendar) { self.calendar = calendar }

    func record(found: Int, at now: Date = Date()) {
        let day = calendar.startOfDay(for: now)
        counts.withLockedValue { c in
            var v = c[day] ?? (0, 0)
            v.searches += 1
            if found == 0 { v.empty += 1 }
            c[day] = v
        }
    }

    /// What was counted since the last drain, emptied.
    func drain() -> [(day: Date, searches: Int, empty: Int)] {
        counts.withLockedValue { c in
            defer { c = [:] }
            return c.map { ($0.key, $0.value.searches, $0.value.empty) }.sorted { $0.day < $1.day }
        }
    }

    /// Puts drained counts back after a failed write, so none are lost.
    func restore(_ items: [(day: Date, searches: Int, empty: Int)]) {
        counts.withLockedValue { c in
            for i in items { var v = c[i.day] ?? (0, 0); v.searches += i.searches; v.empty += i.empty; c[i.day] = v }
        }
    }
}
