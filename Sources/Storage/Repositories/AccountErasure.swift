import Fluent
import SQLKit
import Foundation
import Privacy
import Identity

/// Erasure (art. 17) and restriction (art. 18) of a portal account. Erasure deletes what rests
/// on the account (CVs, files, photo, alerts, tokens, sessions, consents, newsletter, SMS
/// settings, invitations) and the account; the contacts with the centre a legal obligation keeps
/// (art. 6(1)(c), five years from the last one) stay, restricted, until retention anonymises
/// them. Restriction keeps everything but stops its use: no alerts, no candidate search, no
/// staff look-up but the data protection officer's.
public struct AccountErasure: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }

    /// What erasing the account would keep, for the page that asks to confirm.
    public func preview(account id: UUID) async throws -> ErasureOutcome {
        guard let account = try await AccountStore(db: db).find(id: id) else { return ErasureOutcome() }
        return ErasureOutcome(kept: try await kept(account, on: db))
    }

    /// Erases the account in one transaction; the outcome says what went and what is kept.
    /// `answering`: the request the data protection officer erases the account for, which does
    /// not hold it up as another open one would.
    public func erase(account id: UUID, answering: String? = nil, now: Date = Date()) async throws -> ErasureOutcome {
        try await db.transaction { tx in try await AccountErasure(db: tx).eraseInTransaction(id, answering: answering, now: now) }
    }

    func eraseInTransaction(_ id: UUID, answering: String? = nil, now: Date) async throws -> ErasureOutcome {
        let tx = db
        guard let account = try await AccountStore(db: tx).find(id: id) else { return ErasureOutcome() }
        guard account.kind != .staff else { throw ErasureRefusal.staffAccount }
        if let open = try await Self.openRequest(email: account.email, except: answering, on: tx) { throw open }
        let sql = tx as! any SQLDatabase
        let kept = try await kept(account, on: tx)
        let phone = try await AccountStore(db: tx).profile(id)?.phone.flatMap { try? PhoneNumber($0).value }
        var erased: [ErasureOutcome.Erased] = []
        func count(_ name: String, _ table: String, _ column: String = "account_id", _ value: any SQLExpression) async throws -> Int {
            let n = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table)
                .where(SQLIdentifier(column), .equal, value).first()?.decode(column: "n", as: Int.self) ?? 0
            if n > 0 { erased.append(.init(name: name, count: n)) }
            return n
        }
        // Contacts kept on a legal obligation: restricted and cut loose from the account.
        try await Self.restrictContacts(of: account, phone: phone, at: now, on: sql)
        try await sql.update("clients").set("account_id", to: SQLLiteral.null).where("account_id", .equal, SQLBind(id)).run()

        let cvs = try await sql.select().column("id").from("cvs").where("account_id", .equal, SQLBind(id)).all()
            .map { try $0.decode(column: "id", as: UUID.self) }
        if !cvs.isEmpty { erased.append(.init(name: "cvs", count: cvs.count)) }
        for cv in cvs { try await SearchIndex.cvs.remove(cv, on: tx) }
        try await sql.delete(from: "cvs").where("account_id", .equal, SQLBind(id)).run()
        // Fabryka CV requests with their files (what was sent and what the centre made).
        if try await count("cv_factory", "cv_factory_requests", "account_id", SQLBind(id)) > 0 {
            try await sql.delete(from: "cv_factory_files")
                .where(SQLQueryString("request_id IN (SELECT id FROM cv_factory_requests WHERE account_id = \(bind: id))")).run()
            try await sql.delete(from: "cv_factory_requests").where("account_id", .equal, SQLBind(id)).run()
        }
        // Recruitments: what the centre noted, then the participations; an employer's orders stay
        // with the company, without who ordered them.
        try await sql.delete(from: "recruitment_notes")
            .where(SQLQueryString("candidate_id IN (SELECT id FROM recruitment_candidates WHERE account_id = \(bind: id))")).run()
        try await sql.update("recruitment_orders").set("ordered_by", to: SQLLiteral.null).where("ordered_by", .equal, SQLBind(id)).run()
        for (name, table) in [("recruitments", "recruitment_candidates"), ("files", "cv_files"), ("photo", "account_photos"), ("searches", "saved_searches"), ("tokens", "account_tokens"),
                              ("link_requests", "client_link_requests"), ("consents", "consents"), ("exports", "privacy_exports"),
                              ("devices", "app_tokens"), ("push_devices", "push_subscriptions"), ("push_messages", "push_outbox"),
                              ("foreigner_drafts", "foreigner_drafts")] {
            if try await count(name, table, "account_id", SQLBind(id)) > 0 {
                try await sql.delete(from: table).where("account_id", .equal, SQLBind(id)).run()
            }
        }
        try await Self.eraseForumPosts(of: id, count: count, on: tx)
        if try await count("invitations", "company_invitations", "email", SQLBind(account.email)) > 0 {
            try await sql.delete(from: "company_invitations").where("email", .equal, SQLBind(account.email)).run()
        }
        if try await count("newsletter", "newsletter_subscribers", "email", SQLBind(account.email)) > 0 {
            try await sql.delete(from: "newsletter_subscribers").where("email", .equal, SQLBind(account.email)).run()
        }
        if let phone {
            _ = try await count("sms_settings", "sms_preferences", "phone", SQLBind(phone))
            try await sql.delete(from: "sms_preferences").where("phone", .equal, SQLBind(phone)).run()
            try await sql.delete(from: "sms_opt_outs").where("phone", .equal, SQLBind(phone)).run()
        }
        // Mail waiting or sent to the account (its copies of replies to contacts are kept with the contacts).
        if try await count("mail", "outbox", "recipient", SQLBind(account.email)) > 0 {
            try await sql.delete(from: "outbox").where("recipient", .equal, SQLBind(account.email)).run()
        }
        if account.kind == .employer { try await Self.leaveCompanies(id, now: now, on: tx) }
        try await Self.deleteSessions(of: id, on: sql)
        try await sql.delete(from: "seeker_profiles").where("account_id", .equal, SQLBind(id)).run()
        try await sql.delete(from: "employer_users").where("account_id", .equal, SQLBind(id)).run()
        try await sql.delete(from: "accounts").where("id", .equal, SQLBind(id)).run()
        erased.insert(.init(name: "account", count: 1), at: 0)
        return ErasureOutcome(erased: erased, kept: kept)
    }

    /// Restricts the account's processing (nil lifts it): its contacts with it.
    public func restrict(account id: UUID, at: Date?) async throws {
        try await db.transaction { tx in
            let sql = tx as! any SQLDatabase
            guard let account = try await AccountStore(db: tx).find(id: id) else { return }
            try await sql.update("accounts").set("restricted_at", to: at.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null)
                .where("id", .equal, SQLBind(id)).run()
            let phone = try await AccountStore(db: tx).profile(id)?.phone.flatMap { try? PhoneNumber($0).value }
            if let at { try await Self.restrictContacts(of: account, phone: phone, at: at, on: sql) } else {
                try await sql.update("clients").set("restricted_at", to: SQLLiteral.null).where("account_id", .equal, SQLBind(id)).run()
                try await sql.update("cc_interactions").set("restricted_at", to: SQLLiteral.null)
                    .where(SQLQueryString("client_id IN (SELECT id FROM clients WHERE account_id = \(bind: id))")).run()
            }
        }
    }

    /// When the account's processing was restricted (nil: it is not).
    public func restriction(account id: UUID) async throws -> Date? {
        let row = try await (db as! any SQLDatabase).select().column("restricted_at").from("accounts").where("id", .equal, SQLBind(id)).first()
        guard let row, !(try row.decodeNil(column: "restricted_at")) else { return nil }
        return try row.decode(column: "restricted_at", as: Date.self)
    }

    /// Whether the employer is the only user of one of their companies (its offers close with them).
    public func isLastCompanyUser(_ account: UUID) async throws -> Bool {
        let row = try await (db as! any SQLDatabase).raw("""
            SELECT 1 AS one FROM employer_users u WHERE u.account_id = \(bind: account)
            AND NOT EXISTS (SELECT 1 FROM employer_users o WHERE o.company_id = u.company_id AND o.account_id <> \(bind: account))
            """).first()
        return row != nil
    }

    // MARK: parts

    /// The person's contacts: through their client record, or, with none, by the e-mail or phone
    /// the contact was made with.
    static func contactsCondition(_ account: Account, phone: String?) -> SQLQueryString {
        var q: SQLQueryString = "(client_id IN (SELECT id FROM clients WHERE account_id = \(bind: account.id))"
        q = q + " OR (client_id IS NULL AND (context LIKE \(bind: "%\"email\":\"\(account.email)\"%")"
        if let phone { q = q + " OR context LIKE \(bind: "%\"phone\":\"\(phone)\"%") OR context LIKE \(bind: "%\"caller\":\"\(phone)\"%")" }
        return q + ")))"
    }

    static func restrictContacts(of account: Account, phone: String?, at: Date, on sql: any SQLDatabase) async throws {
        try await sql.update("clients").set("restricted_at", to: SQLBind(at)).where("account_id", .equal, SQLBind(account.id)).run()
        try await sql.update("cc_interactions").set("restricted_at", to: SQLBind(at))
            .where(contactsCondition(account, phone: phone)).where("anonymised_at", .is, SQLLiteral.null).run()
    }

    /// What a legal obligation keeps: the contacts (until five years after the last) and the
    /// person's requests and complaints (five years after each answer).
    func kept(_ account: Account, on db: any Database) async throws -> [ErasureOutcome.Kept] {
        let sql = db as! any SQLDatabase
        let phone = try await AccountStore(db: db).profile(account.id)?.phone.flatMap { try? PhoneNumber($0).value }
        var kept: [ErasureOutcome.Kept] = []
        let contacts = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .column(SQLFunction("MAX", args: SQLIdentifier("arrived_at")), as: "last").from("cc_interactions")
            .where(Self.contactsCondition(account, phone: phone)).where("anonymised_at", .is, SQLLiteral.null).first()
        if let contacts, let n = try? contacts.decode(column: "n", as: Int.self), n > 0, let last = try? contacts.decode(column: "last", as: Date?.self) {
            kept.append(.init(purpose: "phone_line", what: "contacts", count: n, until: Retention.contactCentre.keptUntil(last)))
        }
        let requests = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .column(SQLFunction("MAX", args: SQLIdentifier("received_at")), as: "last").from("privacy_requests")
            .where("email", .equal, SQLBind(account.email)).where("anonymised_at", .is, SQLLiteral.null).first()
        if let requests, let n = try? requests.decode(column: "n", as: Int.self), n > 0, let last = try? requests.decode(column: "last", as: Date?.self) {
            // The answer is due within three months of receipt at most; five years run from it.
            kept.append(.init(purpose: "complaints", what: "requests", count: n,
                              until: Retention.complaints.keptUntil(last.addingTimeInterval(92 * 86_400))))
        }
        return kept
    }

    static func openRequest(email: String, except reference: String?, on db: any Database) async throws -> ErasureRefusal? {
        var q = (db as! any SQLDatabase).select().column("reference").column("received_at").column("extended_by").from("privacy_requests")
            .where("email", .equal, SQLBind(email)).where("status", .notEqual, SQLBind(DataRequestStatus.answered.rawValue))
        if let reference { q = q.where("reference", .notEqual, SQLBind(reference)) }
        let row = try await q.orderBy("received_at").first()
        guard let row else { return nil }
        let received = try row.decode(column: "received_at", as: Date.self), extended = try row.decode(column: "extended_by", as: Int.self)
        return .openRequest(reference: try row.decode(column: "reference", as: String.self),
                            due: DataRequestDeadline(receivedAt: received, extendedBy: extended, calendar: Retention.calendar).due)
    }

    /// An employer user leaving: a company left without users has its offers closed (nobody
    /// could answer the applicants); the company record stays with the office that verified it.
    static func leaveCompanies(_ account: UUID, now: Date, on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        for row in try await sql.select().column("company_id").from("employer_users").where("account_id", .equal, SQLBind(account)).all() {
            let company = try row.decode(column: "company_id", as: UUID.self)
            let others = try await sql.select().column("account_id").from("employer_users").where("company_id", .equal, SQLBind(company))
                .where("account_id", .notEqual, SQLBind(account)).first()
            guard others == nil else { continue }
            for offer in try await sql.select().column("id").from("offers").where("company_id", .equal, SQLBind(company))
                .where("status", .notEqual, SQLBind("closed")).all() {
                try await OfferStore(db: db).close(try offer.decode(column: "id", as: UUID.self), now: now)
            }
        }
    }

    /// Sessions keep the account's id and e-mail in their data; a signed-in browser's session goes.
    /// Forum posts lose their text and their author (threads started stay for the replies of
    /// others, without who started them); reports, notifications and the nickname go.
    static func eraseForumPosts(of id: UUID, count: (String, String, String, any SQLExpression) async throws -> Int, on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        let posts = try await sql.select().column("id").from("forum_posts").where("author_id", .equal, SQLBind(id)).all()
            .map { try $0.decode(column: "id", as: UUID.self) }
        if !posts.isEmpty {
            _ = try await count("forum_posts", "forum_posts", "author_id", SQLBind(id))
            let store = ForumStore(db: db)
            for post in posts {
                guard let p = try await store.post(post) else { continue }
                try await store.withdraw(p, to: .erased, reason: nil)
            }
            try await sql.update("forum_posts").set("body", to: SQLBind("")).set("author_id", to: SQLLiteral.null)
                .where("author_id", .equal, SQLBind(id)).run()
        }
        try await sql.update("forum_threads").set("author_id", to: SQLLiteral.null).where("author_id", .equal, SQLBind(id)).run()
        for (name, table, column) in [("forum_reports", "forum_reports", "reporter_id"), ("forum_notifications", "forum_subscriptions", "account_id"),
                                      ("forum_nickname", "forum_members", "account_id")] {
            if try await count(name, table, column, SQLBind(id)) > 0 { try await sql.delete(from: table).where(SQLIdentifier(column), .equal, SQLBind(id)).run() }
        }
    }

    static func deleteSessions(of account: UUID, on sql: any SQLDatabase) async throws {
        let data: SQLQueryString = sql.dialect.name == "postgresql" ? "CAST(data AS TEXT)" : "data"
        try await sql.delete(from: "_fluent_sessions").where(data + " LIKE \(bind: "%\(account.uuidString)%")").run()
    }
}
