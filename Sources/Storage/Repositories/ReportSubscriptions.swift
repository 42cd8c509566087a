import Fluent
import SQLKit
import Foundation

/// Who gets the weekly report summary by e-mail, and which week each was last sent: claiming
/// a week and queuing its message happen in one transaction, so every subscriber gets each
/// week once, however many servers run the job.
public struct ReportSubscriptions: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }

    public func set(staff: UUID, weekly: Bool, now: Date = Date()) async throws {
        try await (db as! any SQLDatabase).raw("""
            INSERT INTO report_subscriptions (staff_id, weekly, last_sent_week, updated_at) VALUES (\(bind: staff), \(bind: weekly), NULL, \(bind: now))
            ON CONFLICT (staff_id) DO UPDATE SET weekly = excluded.weekly, updated_at = excluded.updated_at
            """).run()
    }

    public func isWeekly(staff: UUID) async throws -> Bool {
        try await (db as! any SQLDatabase).select().column("weekly").from("report_subscriptions").where("staff_id", .equal, SQLBind(staff)).first()?
            .decode(column: "weekly", as: Bool.self) ?? false
    }

    /// Subscribers not yet sent `week`.
    public func due(week: String) async throws -> [UUID] {
        try await (db as! any SQLDatabase).raw("""
            SELECT staff_id FROM report_subscriptions WHERE weekly = \(bind: true) AND (last_sent_week IS NULL OR last_sent_week <> \(bind: week))
            """).all().map { try $0.decode(column: "staff_id", as: UUID.self) }
    }

    /// Marks `week` sent to `staff`; false when it already was (another server was first).
    public func claim(staff: UUID, week: String) async throws -> Bool {
        try await (db as! any SQLDatabase).raw("""
            UPDATE report_subscriptions SET last_sent_week = \(bind: week)
            WHERE staff_id = \(bind: staff) AND weekly = \(bind: true) AND (last_sent_week IS NULL OR last_sent_week <> \(bind: week)) RETURNING staff_id
            """).all().count == 1
    }
}
