import Foundation
import Fluent
import SQLKit
import Reporting

/// The visit statistics' tables. Days are Polish calendar days written "2026-12-06".
public struct VisitStore: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }
    var sql: any SQLDatabase { db as! any SQLDatabase }

    /// A moment's Polish calendar day as the tables write it.
    public static func day(_ date: Date) -> String {
        let c = ReportInterval.polishCalendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    /// One day's counted views, as the application's tally hands them over.
    public struct Batch: Sendable {
        public var views = 0
        public var pages: [String: (section: String, views: Int)] = [:]
        public var referrers: [String: Int] = [:]
        /// Visitors already hashed with the day's salt.
        public var visitors: Set<String> = []
        public init() {}
    }

    /// The salt of a day: made at its first use, the same for every server of the deployment.
    public func salt(day: String, make: () -> String) async throws -> String {
        if let s = try await sql.select().column("salt").from("visit_salts").where("day", .equal, SQLBind(day)).first() {
            return try s.decode(column: "salt", as: String.self)
        }
        try await sql.raw("INSERT INTO visit_salts (day, salt) VALUES (\(bind: day), \(bind: make())) ON CONFLICT (day) DO NOTHING").run()
        return try await sql.select().column("salt").from("visit_salts").where("day", .equal, SQLBind(day)).first()!.decode(column: "salt", as: String.self)
    }

    public func add(day: String, _ b: Batch) async throws {
        try await db.transaction { tx in
            let sql = tx as! any SQLDatabase
            try await sql.raw("""
                INSERT INTO visit_days (day, views) VALUES (\(bind: day), \(bind: Int64(b.views)))
                ON CONFLICT (day) DO UPDATE SET views = visit_days.views + excluded.views
                """).run()
            for (page, v) in b.pages {
                try await sql.raw("""
                    INSERT INTO visit_pages (day, page, section, views) VALUES (\(bind: day), \(bind: page), \(bind: v.section), \(bind: Int64(v.views)))
                    ON CONFLICT (day, page) DO UPDATE SET views = visit_pages.views + excluded.views
                    """).run()
            }
            for (host, n) in b.referrers {
                try await sql.raw("""
                    INSERT INTO visit_referrers (day, host, views) VALUES (\(bind: day), \(bind: host), \(bind: Int64(n)))
                    ON CONFLICT (day, host) DO UPDATE SET views = visit_referrers.views + excluded.views
                    """).run()
            }
            for hash in b.visitors {
                try await sql.raw("INSERT INTO visit_visitors (day, hash) VALUES (\(bind: day), \(bind: hash)) ON CONFLICT (day, hash) DO NOTHING").run()
            }
        }
    }

    /// Days before `today` keep only their count of visitors: the hashes and the salt go.
    public func closeDays(before today: String) async throws {
        try await db.transaction { tx in
            let sql = tx as! any SQLDatabase
            let days = try await sql.raw("SELECT DISTINCT day FROM visit_visitors WHERE day < \(bind: today)").all()
                .map { try $0.decode(column: "day", as: String.self) }
            for day in days {
                try await sql.raw("""
                    INSERT INTO visit_days (day, views, visitors) VALUES (\(bind: day), 0, (SELECT COUNT(*) FROM visit_visitors WHERE day = \(bind: day)))
                    ON CONFLICT (day) DO UPDATE SET visitors = excluded.visitors
                    """).run()
            }
            try await sql.delete(from: "visit_visitors").where("day", .lessThan, SQLBind(today)).run()
            try await sql.delete(from: "visit_salts").where("day", .lessThan, SQLBind(today)).run()
        }
    }

    public struct Day: Sendable, Equatable { public let day: String; public let views: Int; public let visitors: Int }

    /// Views and unique visitors per day from `from` (today's visitors counted so far).
    public func days(from: String) async throws -> [Day] {
        try await sql.raw("""
            SELECT d.day, d.views, COALESCE(d.visitors, (SELECT COUNT(*) FROM visit_visitors v WHERE v.day = d.day)) AS visitors
            FROM visit_days d WHERE d.day >= \(bind: from) ORDER BY d.day
            """).all().map { r in
            Day(day: try r.decode(column: "day", as: String.self), views: Int(try r.decode(column: "views", as: Int64.self)),
                visitors: Int(try r.decode(column: "visitors", as: Int64.self)))
        }
    }

    /// The most viewed pages since `from`, of some sections only when `sections` is given.
    public func topPages(from: String, sections: Set<String>?, limit: Int = 20) async throws -> [(page: String, section: String, views: Int)] {
        var filter: SQLQueryString = ""
        if let sections { filter = " AND section IN (\(binds: sections.sorted()))" }
        if sections?.isEmpty == true { return [] }
        return try await sql.raw("""
            SELECT page, section, CAST(SUM(views) AS BIGINT) AS n FROM visit_pages WHERE day >= \(bind: from)\(filter)
            GROUP BY page, section ORDER BY n DESC, page LIMIT \(literal: limit)
            """).all().map { (try $0.decode(column: "page", as: String.self), try $0.decode(column: "section", as: String.self),
                              Int(try $0.decode(column: "n", as: Int64.self))) }
    }

    public func topReferrers(from: String, limit: Int = 20) async throws -> [(host: String, views: Int)] {
        try await sql.raw("""
            SELECT host, CAST(SUM(views) AS BIGINT) AS n FROM visit_referrers WHERE day >= \(bind: from) GROUP BY host ORDER BY n DESC, host LIMIT \(literal: limit)
            """).all().map { (try $0.decode(column: "host", as: String.self), Int(try $0.decode(column: "n", as: Int64.self))) }
    }

    /// Offer searches and those that found nothing since a day (the portal's search tally).
    public func searches(from: Date) async throws -> (searches: Int, empty: Int) {
        guard let r = try await sql.raw("""
            SELECT CAST(COALESCE(SUM(searches), 0) AS BIGINT) AS s, CAST(COALESCE(SUM(empty), 0) AS BIGINT) AS e FROM portal_search_days WHERE day >= \(bind: from)
            """).first() else { return (0, 0) }
        return (Int(try r.decode(column: "s", as: Int64.self)), Int(try r.decode(column: "e", as: Int64.self)))
    }

    /// Views per section since `from`.
    public func sections(from: String) async throws -> [(section: String, views: Int)] {
        try await sql.raw("""
            SELECT section, CAST(SUM(views) AS BIGINT) AS n FROM visit_pages WHERE day >= \(bind: from) GROUP BY section ORDER BY n DESC, section
            """).all().map { (try $0.decode(column: "section", as: String.self), Int(try $0.decode(column: "n", as: Int64.self))) }
    }
}
