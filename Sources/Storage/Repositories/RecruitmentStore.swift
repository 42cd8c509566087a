import Foundation
import Fluent
import SQLKit
import Portal
import Privacy

public enum RecruitmentStoreError: Error, Equatable, Sendable {
    case notFound
    /// The offer has an open order already.
    case alreadyOrdered
    /// The seeker takes part in this order already.
    case alreadyCandidate
}

/// An order with what its list shows: the offer's title and how many candidates are where.
public struct RecruitmentOrderSummary: Sendable {
    public let order: RecruitmentOrder
    public let offerTitle: String
    public let candidates: Int
    public let consenting: Int
    public let presented: Int
}

/// Recruitment run by the centre: orders, their candidates and the notes on them.
public struct RecruitmentStore: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }
    var sql: any SQLDatabase { db as! any SQLDatabase }

    // MARK: Orders

    /// A new order; one open order per offer (checked under the offer's lock on PostgreSQL,
    /// and again by the check inside one transaction on SQLite, which writes one at a time).
    public func create(_ o: RecruitmentOrder) async throws {
        try await db.transaction { tx in
            let sql = tx as! any SQLDatabase
            if SearchIndex.dialect(tx) == .postgres {
                try await sql.raw("SELECT id FROM offers WHERE id = \(bind: o.offerID) FOR UPDATE").run()
            }
            let open = try await sql.select().column("id").from("recruitment_orders").where("offer_id", .equal, SQLBind(o.offerID))
                .where("status", .equal, SQLBind(RecruitmentOrderStatus.open.rawValue)).first()
            guard open == nil else { throw RecruitmentStoreError.alreadyOrdered }
            try await sql.insert(into: "recruitment_orders")
                .columns("id", "offer_id", "company_id", "office_id", "ordered_by", "requirements", "status", "created_at", "closed_at")
                .values(SQLBind(o.id), SQLBind(o.offerID), SQLBind(o.companyID), SQLBind(o.officeID), SQLBind(o.orderedBy), SQLBind(o.requirements),
                        SQLBind(o.status.rawValue), SQLBind(o.createdAt), SQLBind(o.closedAt)).run()
        }
    }

    static let orderColumns = ["id", "offer_id", "company_id", "office_id", "ordered_by", "requirements", "status", "created_at", "closed_at"]

    static func order(_ row: any SQLRow) throws -> RecruitmentOrder {
        RecruitmentOrder(id: try row.decode(column: "id", as: UUID.self), offerID: try row.decode(column: "offer_id", as: UUID.self),
                         companyID: try row.decode(column: "company_id", as: UUID.self), officeID: try row.decode(column: "office_id", as: String.self),
                         orderedBy: try row.decode(column: "ordered_by", as: UUID?.self), requirements: try row.decode(column: "requirements", as: String.self),
                         status: RecruitmentOrderStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .closed,
                         createdAt: try row.decode(column: "created_at", as: Date.self), closedAt: try row.decode(column: "closed_at", as: Date?.self))
    }

    public func order(_ id: UUID) async throws -> RecruitmentOrder? {
        try await sql.select().columns(Self.orderColumns).from("recruitment_orders").where("id", .equal, SQLBind(id)).first().map(Self.order)
    }

    public func openOrder(offer: UUID) async throws -> RecruitmentOrder? {
        try await sql.select().columns(Self.orderColumns).from("recruitment_orders").where("offer_id", .equal, SQLBind(offer))
            .where("status", .equal, SQLBind(RecruitmentOrderStatus.open.rawValue)).first().map(Self.order)
    }

    public func openOrders(company: UUID) async throws -> Int {
        try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("recruitment_orders")
            .where("company_id", .equal, SQLBind(company)).where("status", .equal, SQLBind(RecruitmentOrderStatus.open.rawValue))
            .first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Orders of a company, or of offices (nil: every office), the open ones first, newest first.
    public func summaries(company: UUID? = nil, offices: Set<String>? = nil, limit: Int = 200) async throws -> [RecruitmentOrderSummary] {
        var q = sql.select().columns(Self.orderColumns.map { SQLColumn($0, table: "o") })
            .column(SQLColumn("title", table: "f"), as: "offer_title")
            .column(SQLRaw("(SELECT COUNT(*) FROM recruitment_candidates c WHERE c.order_id = o.id)"), as: "n_all")
            .column(SQLRaw("(SELECT COUNT(*) FROM recruitment_candidates c WHERE c.order_id = o.id AND c.consent = 'given')"), as: "n_given")
            .column(SQLRaw("(SELECT COUNT(*) FROM recruitment_candidates c WHERE c.order_id = o.id AND c.consent = 'given' AND c.stage IN ('presented', 'hired'))"),
                    as: "n_presented")
            .from(SQLAlias(SQLIdentifier("recruitment_orders"), as: SQLIdentifier("o")))
            .join(SQLAlias(SQLIdentifier("offers"), as: SQLIdentifier("f")), on: SQLColumn("offer_id", table: "o"), .equal, SQLColumn("id", table: "f"))
        if let company { q = q.where(SQLColumn("company_id", table: "o"), .equal, SQLBind(company)) }
        if let offices { q = q.where(SQLColumn("office_id", table: "o"), .in, SQLBind.group(Array(offices))) }
        return try await q.orderBy(SQLOrderBy(expression: SQLColumn("status", table: "o"), direction: SQLDirection.descending))
            .orderBy(SQLOrderBy(expression: SQLColumn("created_at", table: "o"), direction: SQLDirection.descending)).limit(limit).all().map { row in
                RecruitmentOrderSummary(order: try Self.order(row), offerTitle: try row.decode(column: "offer_title", as: String.self),
                                        candidates: try row.decode(column: "n_all", as: Int.self), consenting: try row.decode(column: "n_given", as: Int.self),
                                        presented: try row.decode(column: "n_presented", as: Int.self))
            }
    }

    // MARK: Candidates

    static let candidateColumns = ["id", "order_id", "cv_id", "account_id", "source", "stage", "consent", "consent_at", "outcome_sent_at",
                                   "created_at", "updated_at"]

    static func candidate(_ row: any SQLRow) throws -> RecruitmentCandidate {
        RecruitmentCandidate(id: try row.decode(column: "id", as: UUID.self), orderID: try row.decode(column: "order_id", as: UUID.self),
                             cvID: try row.decode(column: "cv_id", as: UUID.self), accountID: try row.decode(column: "account_id", as: UUID.self),
                             source: RecruitmentSource(rawValue: try row.decode(column: "source", as: String.self)) ?? .search,
                             stage: RecruitmentStage(rawValue: try row.decode(column: "stage", as: String.self)) ?? .found,
                             consent: try row.decode(column: "consent", as: String?.self).flatMap(RecruitmentConsent.init(rawValue:)),
                             consentAt: try row.decode(column: "consent_at", as: Date?.self),
                             outcomeSentAt: try row.decode(column: "outcome_sent_at", as: Date?.self),
                             createdAt: try row.decode(column: "created_at", as: Date.self), updatedAt: try row.decode(column: "updated_at", as: Date.self))
    }

    /// Adds a seeker's CV to an order (once per seeker and order).
    public func add(_ c: RecruitmentCandidate) async throws {
        let rows = try await sql.insert(into: "recruitment_candidates").columns(Self.candidateColumns)
            .values(SQLBind(c.id), SQLBind(c.orderID), SQLBind(c.cvID), SQLBind(c.accountID), SQLBind(c.source.rawValue), SQLBind(c.stage.rawValue),
                    SQLBind(c.consent?.rawValue), SQLBind(c.consentAt), SQLBind(c.outcomeSentAt), SQLBind(c.createdAt), SQLBind(c.updatedAt))
            .ignoringConflicts(with: ["order_id", "account_id"]).returning("id").all()
        guard !rows.isEmpty else { throw RecruitmentStoreError.alreadyCandidate }
        for n in c.notes { try await insert(n, candidate: c.id) }
    }

    func insert(_ n: RecruitmentNote, candidate: UUID) async throws {
        try await sql.insert(into: "recruitment_notes").columns("id", "candidate_id", "staff_id", "stage", "text", "at")
            .values(SQLBind(UUID()), SQLBind(candidate), SQLBind(n.staffID), SQLBind(n.stage.rawValue), SQLBind(n.text), SQLBind(n.at)).run()
    }

    func withNotes(_ list: [RecruitmentCandidate]) async throws -> [RecruitmentCandidate] {
        guard !list.isEmpty else { return [] }
        var notes: [UUID: [RecruitmentNote]] = [:]
        for row in try await sql.select().columns("candidate_id", "staff_id", "stage", "text", "at").from("recruitment_notes")
            .where("candidate_id", .in, SQLBind.group(list.map(\.id))).orderBy("at").all() {
            notes[try row.decode(column: "candidate_id", as: UUID.self), default: []].append(RecruitmentNote(
                at: try row.decode(column: "at", as: Date.self), staffID: try row.decode(column: "staff_id", as: UUID?.self),
                stage: RecruitmentStage(rawValue: try row.decode(column: "stage", as: String.self)) ?? .found, text: try row.decode(column: "text", as: String.self)))
        }
        return list.map { var c = $0; c.notes = notes[c.id] ?? []; return c }
    }

    public func candidate(_ id: UUID) async throws -> RecruitmentCandidate? {
        guard let c = try await sql.select().columns(Self.candidateColumns).from("recruitment_candidates").where("id", .equal, SQLBind(id)).first()
            .map(Self.candidate) else { return nil }
        return try await withNotes([c]).first
    }

    /// An order's candidates with their notes, by stage then by when they came.
    public func candidates(order: UUID) async throws -> [RecruitmentCandidate] {
        try await withNotes(try await sql.select().columns(Self.candidateColumns).from("recruitment_candidates").where("order_id", .equal, SQLBind(order))
            .orderBy("created_at").all().map(Self.candidate)).sorted { ($0.stage, $0.createdAt) < ($1.stage, $1.createdAt) }
    }

    /// Where a seeker takes part (or was asked to), each with its order, newest first.
    public func participations(account: UUID) async throws -> [(candidate: RecruitmentCandidate, order: RecruitmentOrder)] {
        try await sql.select().columns(Self.candidateColumns.map { SQLColumn($0, table: "c") })
            .column(SQLColumn("offer_id", table: "o")).column(SQLColumn("company_id", table: "o")).column(SQLColumn("office_id", table: "o"))
            .column(SQLColumn("ordered_by", table: "o")).column(SQLColumn("requirements", table: "o")).column(SQLColumn("status", table: "o"))
            .column(SQLColumn("created_at", table: "o"), as: "order_created_at").column(SQLColumn("closed_at", table: "o"))
            .from(SQLAlias(SQLIdentifier("recruitment_candidates"), as: SQLIdentifier("c")))
            .join(SQLAlias(SQLIdentifier("recruitment_orders"), as: SQLIdentifier("o")), on: SQLColumn("order_id", table: "c"), .equal, SQLColumn("id", table: "o"))
            .where(SQLColumn("account_id", table: "c"), .equal, SQLBind(account))
            .orderBy(SQLOrderBy(expression: SQLColumn("created_at", table: "c"), direction: SQLDirection.descending)).all().map { row in
                let c = try Self.candidate(row)
                let o = RecruitmentOrder(id: c.orderID, offerID: try row.decode(column: "offer_id", as: UUID.self),
                                         companyID: try row.decode(column: "company_id", as: UUID.self), officeID: try row.decode(column: "office_id", as: String.self),
                                         orderedBy: try row.decode(column: "ordered_by", as: UUID?.self),
                                         requirements: try row.decode(column: "requirements", as: String.self),
                                         status: RecruitmentOrderStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .closed,
                                         createdAt: try row.decode(column: "order_created_at", as: Date.self),
                                         closedAt: try row.decode(column: "closed_at", as: Date?.self))
                return (c, o)
            }
    }

    /// One change of a candidate in a transaction that reads the candidate and its order again
    /// under a lock first, so two people acting at once cannot both move the same candidate;
    /// `change` checks and changes (throwing leaves everything as it was), new notes are added,
    /// `within` writes what goes with it (an e-mail) in the same transaction.
    @discardableResult
    public func change(_ id: UUID, now: Date, _ change: @escaping @Sendable (inout RecruitmentCandidate, RecruitmentOrder) throws -> Void,
                       within: @escaping @Sendable (any Database, RecruitmentCandidate, RecruitmentOrder) async throws -> Void = { _, _, _ in })
    async throws -> RecruitmentCandidate {
        try await db.transaction { tx in
            let store = RecruitmentStore(db: tx), sql = tx as! any SQLDatabase
            if SearchIndex.dialect(tx) == .postgres {
                try await sql.raw("SELECT id FROM recruitment_candidates WHERE id = \(bind: id) FOR UPDATE").run()
            }
            guard var c = try await store.candidate(id), let order = try await store.order(c.orderID) else { throw RecruitmentStoreError.notFound }
            let before = c.notes.count
            try change(&c, order)
            c.updatedAt = now
            try await sql.update("recruitment_candidates").set("stage", to: SQLBind(c.stage.rawValue)).set("consent", to: SQLBind(c.consent?.rawValue))
                .set("consent_at", to: SQLBind(c.consentAt)).set("outcome_sent_at", to: SQLBind(c.outcomeSentAt)).set("updated_at", to: SQLBind(now))
                .where("id", .equal, SQLBind(id)).run()
            if c.consent == .declined || c.consent == .withdrawn {
                // Out of the recruitment: what the centre noted about them goes at once.
                try await sql.delete(from: "recruitment_notes").where("candidate_id", .equal, SQLBind(id)).run()
                c.notes = []
            } else {
                for n in c.notes.dropFirst(before) { try await store.insert(n, candidate: id) }
            }
            try await within(tx, c, order)
            return c
        }
    }

    /// Ends an order: every candidate still in it who consented and was not hired is rejected,
    /// and each consenting candidate is marked told (the mails go in `within`, in the same
    /// transaction). Returns the candidates to tell.
    public func close(_ orderID: UUID, now: Date,
                      within: @escaping @Sendable (any Database, RecruitmentOrder, [RecruitmentCandidate]) async throws -> Void) async throws -> [RecruitmentCandidate] {
        try await db.transaction { tx in
            let store = RecruitmentStore(db: tx), sql = tx as! any SQLDatabase
            if SearchIndex.dialect(tx) == .postgres {
                try await sql.raw("SELECT id FROM recruitment_orders WHERE id = \(bind: orderID) FOR UPDATE").run()
            }
            guard var order = try await store.order(orderID) else { throw RecruitmentStoreError.notFound }
            guard order.status == .open else { throw RecruitmentRefusal.orderClosed }
            var told: [RecruitmentCandidate] = []
            for var c in try await store.candidates(order: orderID) {
                guard RecruitmentPolicy.outcome(c) != nil else { continue }
                if !c.stage.isFinal { c.stage = .rejected }
                c.outcomeSentAt = now
                try await sql.update("recruitment_candidates").set("stage", to: SQLBind(c.stage.rawValue)).set("outcome_sent_at", to: SQLBind(now))
                    .set("updated_at", to: SQLBind(now)).where("id", .equal, SQLBind(c.id)).run()
                told.append(c)
            }
            order.status = .closed
            order.closedAt = now
            try await sql.update("recruitment_orders").set("status", to: SQLBind(order.status.rawValue)).set("closed_at", to: SQLBind(now))
                .where("id", .equal, SQLBind(orderID)).run()
            try await within(tx, order, told)
            return told
        }
    }

    /// The recruitment consent withdrawn as a whole (the privacy page): the seeker leaves
    /// every order at once; returns how many they left.
    public func withdrawAll(account: UUID, now: Date) async throws -> Int {
        let ids = try await sql.select().column("id").from("recruitment_candidates").where("account_id", .equal, SQLBind(account))
            .where("consent", .in, SQLBind.group([RecruitmentConsent.given, .asked].map(\.rawValue))).all().map { try $0.decode(column: "id", as: UUID.self) }
        guard !ids.isEmpty else { return 0 }
        try await sql.delete(from: "recruitment_notes").where("candidate_id", .in, SQLBind.group(ids)).run()
        try await sql.update("recruitment_candidates").set("consent", to: SQLBind(RecruitmentConsent.withdrawn.rawValue))
            .set("consent_at", to: SQLBind(now)).set("updated_at", to: SQLBind(now)).where("id", .in, SQLBind.group(ids)).run()
        return ids.count
    }

    /// Seekers of earlier, ended orders of an office who agreed to be considered for future
    /// recruitments (their consent active now) and are not in this order: the centre's pool.
    public func pool(office: String, excluding order: UUID, limit: Int = 50) async throws -> [RecruitmentCandidate] {
        try await sql.raw("""
            SELECT c.id, c.order_id, c.cv_id, c.account_id, c.source, c.stage, c.consent, c.consent_at, c.outcome_sent_at, c.created_at, c.updated_at
            FROM recruitment_candidates c JOIN recruitment_orders o ON o.id = c.order_id
            WHERE o.office_id = \(bind: office) AND o.status = 'closed' AND c.consent = 'given'
              AND c.account_id IN (SELECT k.account_id FROM consents k WHERE k.kind = \(bind: ConsentKind.futureRecruitments.rawValue) AND k.withdrawn_at IS NULL)
              AND c.account_id NOT IN (SELECT x.account_id FROM recruitment_candidates x WHERE x.order_id = \(bind: order))
            ORDER BY c.updated_at DESC LIMIT \(literal: limit * 3)
            """).all().map(Self.candidate).reduce(into: [RecruitmentCandidate]()) { list, c in
                if list.count < limit, !list.contains(where: { $0.accountID == c.accountID }) { list.append(c) }
            }
    }
}

extension RecruitmentStore {
    /// Whose CV this is (nil: no such CV).
    public func owner(cv: UUID) async throws -> UUID? {
        try await sql.select().column("account_id").from("cvs").where("id", .equal, SQLBind(cv)).first()?.decode(column: "account_id", as: UUID.self)
    }
}
