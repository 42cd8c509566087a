import Foundation
import NIOConcurrencyHelpers
import Crypto
import Reporting
import Storage

/// Page views counted in memory on the request path and written once a minute (`flush`): the
/// statistics write stays off the request path. A visitor is held as address and browser only
/// until the flush, which turns it into a hash salted with the day's salt (`VisitStore.salt`).
final class VisitTally: Sendable {
    struct Day {
        var views = 0
        var pages: [String: (section: String, views: Int)] = [:]
        var referrers: [String: Int] = [:]
        var visitors: Set<String> = []
    }

    private let days = NIOLockedValueBox([String: Day]())
    /// The most distinct visitors held between two flushes (beyond it the views still count).
    static let visitorsHeld = 200_000

    func record(page: String, referrer: String?, visitor: String, at now: Date = Date()) {
        let key = VisitStore.day(now), section = VisitRules.section(of: page)
        days.withLockedValue { d in
            var day = d[key] ?? Day()
            day.views += 1
            day.pages[page, default: (section, 0)].views += 1
            if let referrer { day.referrers[referrer, default: 0] += 1 }
            if day.visitors.count < Self.visitorsHeld { day.visitors.insert(visitor) }
            d[key] = day
        }
    }

    func drain() -> [String: Day] { days.withLockedValue { d in defer { d = [:] }; return d } }

    func restore(_ drained: [String: Day]) {
        days.withLockedValue { d in
            for (key, b) in drained {
                var day = d[key] ?? Day()
                day.views += b.views
                for (p, v) in b.pages { day.pages[p, default: (v.section, 0)].views += v.views }
                for (h, n) in b.referrers { day.referrers[h, default: 0] += n }
                day.visitors.formUnion(b.visitors)
                d[key] = day
            }
        }
    }

    /// Writes what was counted, each visitor hashed with its day's salt; closes the days that
    /// ended (their hashes and salt deleted, the count kept). Put back when the write fails.
    func flush(_ store: VisitStore, now: Date = Date()) async throws {
        let drained = drain()
        do {
            for (key, d) in drained.sorted(by: { $0.key < $1.key }) {
                let salt = try await store.salt(day: key) { Data((0..<32).map { _ in UInt8.random(in: .min ... .max) }).base64EncodedString() }
                let saltKey = SymmetricKey(data: Data(salt.utf8))
                var batch = VisitStore.Batch()
                batch.views = d.views; batch.pages = d.pages; batch.referrers = d.referrers
                // 16 bytes of the HMAC: distinct for every visitor of a day, meaningless without the salt.
                batch.visitors = Set(d.visitors.map { Data(HMAC<SHA256>.authenticationCode(for: Data($0.utf8), using: saltKey)).prefix(16).base64EncodedString() })
                try await store.add(day: key, batch)
            }
            try await store.closeDays(before: VisitStore.day(now))
        } catch {
            restore(drained)
            throw error
        }
    }
}
