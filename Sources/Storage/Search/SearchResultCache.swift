import Foundation
import NIOConcurrencyHelpers

/// The page of ids and the count a search found, kept for a short while: the same searches come
/// again and again (the plain list, "magazyn", a voivodeship), and at 100 000 offers counting the
/// matches was most of a search's cost. Any change to offers made by this process starts every
/// search afresh; a change made by another server shows within `lifetime`. The offers
/// themselves are always read fresh, so one closed meanwhile is not shown.
public final class SearchResultCache: Sendable {
    public struct Entry: Sendable {
        public let total: Int
        public let ids: [UUID]
        let at: ContinuousClock.Instant
        let generation: Int
    }

    /// Raised by every write to offers in this process (see `OfferStore`).
    static let generation = NIOLockedValueBox(0)
    public static var currentGeneration: Int { generation.withLockedValue { $0 } }
    public static func offersChanged() { generation.withLockedValue { $0 += 1 } }

    public let lifetime: Duration
    let limit: Int
    private let entries = NIOLockedValueBox([String: Entry]())

    public init(lifetime: Duration = .seconds(30), limit: Int = 10_000) { self.lifetime = lifetime; self.limit = limit }

    public func get(_ key: String) -> Entry? {
        let now = ContinuousClock.now, generation = Self.currentGeneration
        return entries.withLockedValue { e in
            guard let found = e[key] else { return nil }
            guard now - found.at < lifetime, found.generation == generation else { e[key] = nil; return nil }
            return found
        }
    }

    /// `generation`: the one read before the search ran, so a result read before a change
    /// committed is never taken for one read after it.
    public func put(_ key: String, total: Int, ids: [UUID], generation: Int) {
        entries.withLockedValue { e in
            // Bounded: when full, start again (the popular searches come back within seconds).
            if e.count >= limit { e.removeAll(keepingCapacity: true) }
            e[key] = Entry(total: total, ids: ids, at: ContinuousClock.now, generation: generation)
        }
    }
}
