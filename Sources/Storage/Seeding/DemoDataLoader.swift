import Fluent
import Foundation
import Directory

/// The small demo data set `serve` loads in development: fictional, marked as demo, and
/// loaded once (a later start changes nothing). Later features add their demo records here.
public struct DemoDataLoader: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }

    static let version = "demo-1"
    /// Opening hours for a few offices so the directory can show "open now"; the note says
    /// they are demo values, not the offices' real hours.
    static let demoHours: [String: String] = [
        "pup-2002": "mon-fri 07:30-15:30",
        "pup-2001": "mon-fri 07:30-15:30",
        "pup-1465": "mon-fri 08:00-16:00",
        "wup-20": "mon-fri 07:30-15:30",
    ]
    public static let demoNote = "DEMO: opening hours are sample values for the demo, not the office's real hours"

    /// Returns true when it loaded something.
    @discardableResult
    public func load() async throws -> Bool {
        try await db.transaction { tx in
            let meta = AppMeta(db: tx)
            guard try await meta.get("demo.version") != Self.version else { return false }
            for (id, hours) in Self.demoHours.sorted(by: { $0.key < $1.key }) {
                guard let office = try await OfficeRecord.find(id, on: tx), office.hours == nil else { continue }
                office.hours = WeeklyHours(notation: hours)?.notation
                office.note = Self.demoNote
                try await office.update(on: tx)
            }
            try await meta.set("demo.version", Self.version)
            return true
        }
    }
}
