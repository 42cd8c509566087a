import Vapor
import Fluent
import SQLKit
import Storage
import Access
import Localization
import Privacy

/// Every morning each data protection officer gets one e-mail listing the open requests of
/// their offices due within a week or overdue (none: no e-mail). Sent once a day for the whole
/// deployment: the day is claimed in `app_meta` under a lock, so two servers do not both send.
struct DataRequestDigest: Sendable {
    let db: any Database
    let publicURL: String
    static let window = 7
    static let key = "privacy_digest_day"
    /// Not before this hour (Polish time): the mail waits for the working day.
    static let hour = 7

    /// Sends today's digests unless already sent; how many e-mails were queued (nil: not due yet or sent).
    @discardableResult
    func sendIfDue(now: Date = Date()) async throws -> Int? {
        let calendar = DataRequestsController.calendar
        guard calendar.component(.hour, from: now) >= Self.hour else { return nil }
        let c = calendar.dateComponents([.year, .month, .day], from: now)
        let day = String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
        let composer = MailComposer(publicURL: publicURL)
        return try await db.transaction { tx -> Int? in
            let sql = tx as! any SQLDatabase
            if sql.dialect.name == "postgresql" { try await sql.raw("SELECT pg_advisory_xact_lock(7700021, hashtext(current_schema()))").run() }
            let meta = AppMeta(db: tx)
            guard try await meta.get(Self.key) != day else { return nil }
            try await meta.set(Self.key, day)
            let open = try await DataRequestStore(db: tx).list(offices: nil, calendar: calendar, answeredLimit: 0).filter {
                $0.status == .received && $0.deadline(calendar).daysLeft(now: now) <= Self.window
            }
            guard !open.isEmpty else { return 0 }
            var sent = 0
            for member in try await StaffStore(db: tx).all() where member.active && AuthorizationMatrix.allows(member.roles, .handleDataRequests) {
                let theirs = open.filter { r in r.officeID.map(member.scope.covers) ?? (member.scope == .national) }
                guard !theirs.isEmpty else { continue }
                let language = Language(rawValue: try await AccountStore(db: tx).find(id: member.id)?.language ?? "pl") ?? .pl
                let t = Catalogues.bundled[language]
                let lines = theirs.map { r -> String in
                    let d = r.deadline(calendar), left = d.daysLeft(now: now)
                    return t.text("staff.due_request", ["reference": r.reference, "kind": t.text("privacy_requests.kind." + r.kind.rawValue),
                                                        "due": DateText.date(d.due, language),
                                                        "left": left < 0 ? t.text("privacy_requests.overdue", ["days": "\(-left)"])
                                                            : t.text("privacy_requests.days_left", ["days": "\(left)"])])
                }
                try await Outbox(db: tx).enqueue(composer.requestDigest(to: member.email, count: theirs.count, lines: lines, language: language), now: now)
                sent += 1
            }
            return sent
        }
    }
}

extension DataRequestDigest {
    static var job: RepeatingJob {
        RepeatingJob("privacy request digest", every: .seconds(900)) { app in
            let digest = DataRequestDigest(db: app.db, publicURL: app.services.config.publicURL)
            return { try await digest.sendIfDue() }
        }
    }
}
