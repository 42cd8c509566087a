import Fluent
import SQLKit
import Foundation
import Reporting

/// The portal's side of the reports: offers posted, published after moderation and waiting for
/// it, CVs, registrations, alerts sent and offer searches (with those that found nothing), for
/// a period and, for the offers, the offices in scope.
public struct PortalFigures: Sendable, Equatable {
    public var offersPosted = 0
    public var offersPublished = 0
    /// Waiting for moderation now (not a figure of the period).
    public var offersPending = 0
    public var cvs = 0
    public var seekerRegistrations = 0
    public var employerRegistrations = 0
    public var alertsSent = 0
    public var searches = 0
    public var emptySearches = 0
    /// Page views of the portal and the days' unique visitors added up (visit statistics).
    public var pageViews = 0
    public var dailyVisitors = 0
    public init() {}
}

public struct PortalFiguresStore: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }

    /// `offices` nil: the whole portal; otherwise only the offers of these offices count (CVs,
    /// accounts, alerts and searches belong to no office and are left at zero).
    public func figures(from: Date, until: Date, offices: Set<String>?) async throws -> PortalFigures {
        let sql = db as! any SQLDatabase
        func count(_ q: SQLQueryString) async throws -> Int {
            try await sql.raw("SELECT COUNT(*) AS n FROM " + q).first()?.decode(column: "n", as: Int.self) ?? 0
        }
        var officeFilter: SQLQueryString = ""
        if let offices {
            guard !offices.isEmpty else { return PortalFigures() }
            officeFilter = " AND office_id IN (" + offices.sorted().map { "\(bind: $0)" as SQLQueryString }.joined(separator: ", ") + ")"
        }
        var f = PortalFigures()
        f.offersPosted = try await count("offers WHERE created_at >= \(bind: from) AND created_at < \(bind: until)" + officeFilter)
        f.offersPublished = try await count("offers WHERE published_at >= \(bind: from) AND published_at < \(bind: until)" + officeFilter)
        f.offersPending = try await count("offers WHERE status = 'pending'" + officeFilter)
        guard offices == nil else { return f }
        f.cvs = try await count("cvs WHERE created_at >= \(bind: from) AND created_at < \(bind: until)")
        f.seekerRegistrations = try await count("accounts WHERE kind = 'seeker' AND created_at >= \(bind: from) AND created_at < \(bind: until)")
        f.employerRegistrations = try await count("accounts WHERE kind = 'employer' AND created_at >= \(bind: from) AND created_at < \(bind: until)")
        f.alertsSent = try await count("outbox WHERE kind LIKE 'alert\\_%' ESCAPE '\\' AND status = 'sent' AND sent_at >= \(bind: from) AND sent_at < \(bind: until)")
        if let row = try await sql.raw("""
            SELECT CAST(COALESCE(SUM(searches), 0) AS BIGINT) AS s, CAST(COALESCE(SUM(empty), 0) AS BIGINT) AS e FROM portal_search_days
            WHERE day >= \(bind: from) AND day < \(bind: until)
            """).first() {
            f.searches = Int(try row.decode(column: "s", as: Int64.self)); f.emptySearches = Int(try row.decode(column: "e", as: Int64.self))
        }
        let (fromDay, untilDay) = (VisitStore.day(from), VisitStore.day(until))
        for d in try await VisitStore(db: db).days(from: fromDay) where d.day < untilDay {
            f.pageViews += d.views; f.dailyVisitors += d.visitors
        }
        return f
    }

    /// Adds counted searches to their days.
    public func addSearches(_ items: [(day: Date, searches: Int, empty: Int)]) async throws {
        guard !items.isEmpty else { return }
        try await db.transaction { tx in
            for i in items {
                try await (tx as! any SQLDatabase).raw("""
                    INSERT INTO portal_search_days (day, searches, empty) VALUES (\(bind: i.day), \(bind: Int64(i.searches)), \(bind: Int64(i.empty)))
                    ON CONFLICT (day) DO UPDATE SET searches = portal_search_days.searches + excluded.searches, empty = portal_search_days.empty + excluded.empty
                    """).run()
            }
        }
    }
}
