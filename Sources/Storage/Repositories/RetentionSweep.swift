import Fluent
import SQLKit
import Foundation
import Privacy

/// What a retention run did, or would do (`--dry-run`), step by step.
public struct RetentionReport: Sendable, Equatable {
    /// Client records whose last contact is past the contact centre's retention: their
    /// contacts anonymised and, without a live account, the record itself.
    public var clients = 0
    /// Contacts anonymised (those of the clients above and those made without a client record).
    public var contacts = 0
    public var recordings: [String] = []
    public var accountsWarned = 0
    public var accountsDeleted = 0
    /// Newsletter subscribers ended: unsubscribed, or never confirmed.
    public var subscribers = 0
    public var requests = 0
    public var mail = 0
    public var smsWithoutContact = 0
    public var auditEntries = 0
    public var counters = 0
    /// Copies of people's data past their week.
    public var exports = 0
    /// Fabryka CV requests finished (or their result unanswered) long enough ago.
    public var cvFactory = 0
    public var recruitmentCandidates = 0
    public var recruitmentNotes = 0
    /// Drafts of the foreigners' generator whose 30 days ran out (the application's part of the sweep).
    public var foreignerDrafts = 0
    /// Who voted in polls closed long enough ago (the counts stay).
    public var pollVoters = 0
    /// Answers to editor-built forms past their form's retention.
    public var formAnswers = 0
    /// False when another process held the retention lock: it does the work.
    public var ran = true

    public init() {}

    /// The lines `zielona privacy retention` prints.
    public var lines: [String] {
        ["clients_anonymised=\(clients)", "contacts_anonymised=\(contacts)", "recordings_deleted=\(recordings.count)",
         "accounts_warned=\(accountsWarned)", "accounts_deleted=\(accountsDeleted)", "newsletter_subscribers_ended=\(subscribers)",
         "requests_anonymised=\(requests)", "mail_deleted=\(mail)", "sms_deleted=\(smsWithoutContact)", "audit_entries_deleted=\(auditEntries)",
         "attempt_counters_deleted=\(counters)", "exports_deleted=\(exports)", "cv_factory_requests_deleted=\(cvFactory)", "recruitment_candidates_deleted=\(recruitmentCandidates)",
         "foreigner_drafts_deleted=\(foreignerDrafts)", "poll_voters_deleted=\(pollVoters)", "form_answers_deleted=\(formAnswers)"]
    }
}

/// The retention job: applies the register's retention to every table, in bounded batches (one
/// transaction each, so routing and everything else keep going between them). On PostgreSQL a
/// batch runs only under the retention advisory lock: with several processes one does the work
/// and the others find the lock taken and leave it to it.
public struct RetentionSweep: Sendable {
    let db: any Database
    let inactivity: AccountInactivity
    let batch: Int
    /// The e-mail warning an account's owner that it will be deleted on the date given.
    let warning: @Sendable (Account, Date) -> OutboxMessage

    public init(db: any Database, inactivity: AccountInactivity, batch: Int = 500, warning: @escaping @Sendable (Account, Date) -> OutboxMessage) {
        self.db = db; self.inactivity = inactivity; self.batch = max(1, batch); self.warning = warning
    }

    static let lockClass: Int32 = 7_700_020

    public func run(now: Date = Date(), dryRun: Bool = false) async throws -> RetentionReport {
        var report = RetentionReport()
        let contactCutoff = Retention.contactCentre.cutoff(now: now)
        do {
            try await clients(cutoff: contactCutoff, now: now, dryRun: dryRun, into: &report)
            try await unidentifiedContacts(cutoff: contactCutoff, now: now, dryRun: dryRun, into: &report)
            try await accounts(now: now, dryRun: dryRun, into: &report)
            try await tables(now: now, dryRun: dryRun, into: &report)
        } catch is LockTaken {
            report.ran = false
        }
        return report
    }

    struct LockTaken: Error {}

    /// One batch in its own transaction, under the lock on PostgreSQL.
    func locked<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await db.transaction { tx in
            let sql = tx as! any SQLDatabase
            if sql.dialect.name == "postgresql" {
                let row = try await sql.raw("SELECT pg_try_advisory_xact_lock(\(bind: Self.lockClass), hashtext(current_schema())) AS locked").first()
                guard try row?.decode(column: "locked", as: Bool.self) == true else { throw LockTaken() }
            }
            return try await body(tx)
        }
    }

    var sql: any SQLDatabase { db as! any SQLDatabase }

    /// Every client record, a page at a time by id: those whose last contact (or, with none,
    /// creation) is before the cut-off lose their contacts' identity and words, and the record
    /// its identity unless a portal account still uses it.
    func clients(cutoff: Date, now: Date, dryRun: Bool, into report: inout RetentionReport) async throws {
        var after: UUID? = nil
        while true {
            var q = sql.select().column("id").column("account_id").column("created_at")
                .column(SQLRaw("(SELECT MAX(i.arrived_at) FROM cc_interactions i WHERE i.client_id = clients.id)"), as: "last")
                .from("clients").where("anonymised_at", .is, SQLLiteral.null)
            if let after { q = q.where("id", .greaterThan, SQLBind(after)) }
            let rows = try await q.orderBy("id").limit(batch).all()
            guard let lastRow = rows.last else { return }
            after = try lastRow.decode(column: "id", as: UUID.self)
            let due: [(id: UUID, linked: Bool)] = try rows.compactMap { r in
                let last = try r.decode(column: "last", as: Date?.self) ?? r.decode(column: "created_at", as: Date.self)
                return last < cutoff ? (try r.decode(column: "id", as: UUID.self), !(try r.decodeNil(column: "account_id"))) : nil
            }
            guard !due.isEmpty else { continue }
            if dryRun {
                report.clients += due.count
                report.contacts += try await count("cc_interactions", SQLQueryString("anonymised_at IS NULL AND client_id IN \(SQLBind.group(due.map(\.id)))"))
                continue
            }
            let done = try await locked { tx -> (Int, [String]) in
                let anonymiser = ContactAnonymiser(tx), sql = tx as! any SQLDatabase
                let ids = try await sql.select().column("id").from("cc_interactions").where("anonymised_at", .is, SQLLiteral.null)
                    .where("client_id", .in, SQLBind.group(due.map(\.id))).all().map { try $0.decode(column: "id", as: UUID.self) }
                let recordings = try await anonymiser.anonymise(interactions: ids, now: now)
                for c in due where !c.linked { try await anonymiser.anonymise(client: c.id, now: now) }
                return (ids.count, recordings)
            }
            report.clients += due.filter { !$0.linked }.count
            report.contacts += done.0
            report.recordings += done.1
        }
    }

    /// Contacts made without a client record (a form, a chat, a mail, a call nobody identified):
    /// each is its own last contact.
    func unidentifiedContacts(cutoff: Date, now: Date, dryRun: Bool, into report: inout RetentionReport) async throws {
        let due = SQLQueryString("anonymised_at IS NULL AND client_id IS NULL AND (arrived_at < \(bind: cutoff) OR (arrived_at IS NULL AND created_at < \(bind: cutoff)))")
        if dryRun { report.contacts += try await count("cc_interactions", due); return }
        while true {
            let done = try await locked { tx -> (Int, [String]) in
                let ids = try await (tx as! any SQLDatabase).select().column("id").from("cc_interactions").where(due).limit(batch).all()
                    .map { try $0.decode(column: "id", as: UUID.self) }
                return (ids.count, try await ContactAnonymiser(tx).anonymise(interactions: ids, now: now))
            }
            report.contacts += done.0
            report.recordings += done.1
            if done.0 < batch { return }
        }
    }

    /// Accounts nobody signed in to: warned `warningDays` before, then erased.
    func accounts(now: Date, dryRun: Bool, into report: inout RetentionReport) async throws {
        let warn = SQLQueryString("kind IN ('seeker', 'employer') AND deletion_warned_at IS NULL AND COALESCE(last_seen_at, created_at) < \(bind: inactivity.warnBefore(now: now))")
        let deletes = SQLQueryString("""
            kind IN ('seeker', 'employer') AND deletion_warned_at <= \(bind: now.addingTimeInterval(-Double(inactivity.warningDays) * 86_400))
            AND COALESCE(last_seen_at, created_at) < \(bind: now.addingTimeInterval(-Double(inactivity.inactiveDays) * 86_400))
            """)
        if dryRun {
            report.accountsWarned = try await count("accounts", warn)
            report.accountsDeleted = try await count("accounts", deletes)
            return
        }
        let inactivity = inactivity, warning = warning, batch = batch
        while true {
            let warned = try await locked { tx -> Int in
                let sql = tx as! any SQLDatabase
                let ids = try await sql.select().column("id").from("accounts").where(warn).limit(batch).all().map { try $0.decode(column: "id", as: UUID.self) }
                for id in ids {
                    guard let account = try await AccountStore(db: tx).find(id: id),
                          let lastUse = try await sql.select().column(SQLRaw("COALESCE(last_seen_at, created_at)"), as: "last").from("accounts")
                            .where("id", .equal, SQLBind(id)).first()?.decode(column: "last", as: Date.self) else { continue }
                    // At least the full notice from today, however long the account was unused.
                    let deletion = max(inactivity.deletion(lastUse: lastUse), now.addingTimeInterval(Double(inactivity.warningDays) * 86_400))
                    try await Outbox(db: tx).enqueue(warning(account, deletion), now: now)
                    try await sql.update("accounts").set("deletion_warned_at", to: SQLBind(now)).where("id", .equal, SQLBind(id)).run()
                }
                return ids.count
            }
            report.accountsWarned += warned
            if warned < batch { break }
        }
        var skipped = Set<UUID>()
        while true {
            let ids = try await sql.select().column("id").from("accounts").where(deletes).limit(batch + skipped.count).all()
                .map { try $0.decode(column: "id", as: UUID.self) }.filter { !skipped.contains($0) }
            for id in ids {
                do {
                    _ = try await locked { tx in try await AccountErasure(db: tx).eraseInTransaction(id, now: now) }
                    report.accountsDeleted += 1
                } catch is ErasureRefusal {
                    // An open request waits for its answer; the next run tries again.
                    skipped.insert(id)
                }
            }
            if ids.count < batch { return }
        }
    }

    /// The tables whose rows go whole at their time.
    func tables(now: Date, dryRun: Bool, into report: inout RetentionReport) async throws {
        let unconfirmed = Retention.unconfirmedSignUp.cutoff(now: now)
        var steps: [(WritableKeyPath<RetentionReport, Int>, String, String, SQLQueryString)] = [
            (\.subscribers, "newsletter_subscribers", "id", "unsubscribed_at IS NOT NULL OR (confirmed_at IS NULL AND requested_at < \(bind: unconfirmed))"),
            (\.mail, "outbox", "id", "created_at < \(bind: Retention.sentMail.cutoff(now: now))"),
            (\.smsWithoutContact, "sms_messages", "id", "interaction_id IS NULL AND created_at < \(bind: Retention.contactCentre.cutoff(now: now))"),
            (\.auditEntries, "audit_log", "id", "\(ident: "at") < \(bind: Retention.securityLog.cutoff(now: now))"),
            (\.exports, "privacy_exports", "id", "expires_at < \(bind: now)"),
            (\.pollVoters, "poll_voters", "id", "poll_id IN (SELECT id FROM polls WHERE closes_at < \(bind: Retention.pollVotes.cutoff(now: now)))"),
            (\.formAnswers, "site_form_answers", "id", "delete_after < \(bind: now)"),
            (\.counters, "rate_limits", "key", "window_start < \(bind: Retention.attemptCounters.cutoff(now: now))"),
            // A result nobody accepted or sent back counts as ended when it was delivered.
            (\.cvFactory, "cv_factory_requests", "id",
             "finished_at < \(bind: Retention.cvFactory.cutoff(now: now)) OR (status = 'delivered' AND updated_at < \(bind: Retention.cvFactory.cutoff(now: now)))"),
        ]
        // A recruitment's candidates leave it 30 days after it ended, except those who agreed
        // to future ones (the centre's pool) while that consent lasts; their notes go first.
        let ended: SQLQueryString = """
            order_id IN (SELECT o.id FROM recruitment_orders o WHERE o.closed_at < \(bind: Retention.recruitment.cutoff(now: now))) \
            AND (consent IS NULL OR consent <> 'given' OR account_id NOT IN \
                 (SELECT k.account_id FROM consents k WHERE k.kind = 'future_recruitments' AND k.withdrawn_at IS NULL AND k.account_id IS NOT NULL))
            """
        steps.append((\.recruitmentNotes, "recruitment_notes", "id", "candidate_id IN (SELECT id FROM recruitment_candidates WHERE " + ended + ")"))
        steps.append((\.recruitmentCandidates, "recruitment_candidates", "id", ended))
        for (field, table, key, condition) in steps {
            if dryRun { report[keyPath: field] += try await count(table, condition); continue }
            report[keyPath: field] += try await deleteInBatches(table, key: key, condition)
        }
        let requests = SQLQueryString("anonymised_at IS NULL AND answered_at < \(bind: Retention.complaints.cutoff(now: now))")
        if dryRun { report.requests = try await count("privacy_requests", requests); return }
        report.requests = try await locked { tx in
            let sql = tx as! any SQLDatabase
            let n = try await DataCount(sql).rows("privacy_requests", requests)
            try await sql.update("privacy_requests").set("name", to: SQLBind("")).set("email", to: SQLBind("")).set("text", to: SQLBind(""))
                .set("answer", to: SQLLiteral.null).set("extension_reason", to: SQLLiteral.null).set("anonymised_at", to: SQLBind(now))
                .where(requests).run()
            return n
        }
    }

    func deleteInBatches(_ table: String, key: String, _ condition: SQLQueryString) async throws -> Int {
        var total = 0
        let batch = batch
        while true {
            let n = try await locked { tx -> Int in
                let sql = tx as! any SQLDatabase
                // Counted within the batch only: the count stays bounded however big the table.
                let n = try await sql.raw("SELECT COUNT(*) AS n FROM (SELECT 1 FROM \(ident: table) WHERE \(condition) LIMIT \(literal: batch)) x").first()?
                    .decode(column: "n", as: Int.self) ?? 0
                guard n > 0 else { return 0 }
                let q: SQLQueryString = "\(ident: key) IN (SELECT \(ident: key) FROM \(ident: table) WHERE \(condition) LIMIT \(literal: batch))"
                try await sql.delete(from: table).where(q).run()
                return n
            }
            total += n
            if n < batch { return total }
        }
    }

    func count(_ table: String, _ condition: SQLQueryString) async throws -> Int { try await DataCount(sql).rows(table, condition) }
}

/// Counting rows of a table under a condition, the one query every step of retention asks.
struct DataCount {
    let sql: any SQLDatabase
    init(_ sql: any SQLDatabase) { self.sql = sql }
    func rows(_ table: String, _ condition: SQLQueryString) async throws -> Int {
        try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table).where(condition).first()?
            .decode(column: "n", as: Int.self) ?? 0
    }
}
