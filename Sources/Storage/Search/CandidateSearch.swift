import Fluent
import SQLKit
import Foundation
import Portal
import TextSearch

/// What an employer searches candidates by. Every filter reads a shared section only: a
/// seeker who hid their experience is simply not found by an experience filter.
public struct CandidateCriteria: Sendable, Equatable {
    public var query: SearchQuery?
    /// A KZiS code or group prefix.
    public var occupation: String?
    public var voivodeship: String?
    public var powiat: String?
    public var minimumExperienceMonths: Int?
    /// ISO 639-1.
    public var language: String?
    public var minimumEducation: Education?
    /// Only CVs changed since then (for alerts).
    public var updatedSince: Date?
    public var page = 1
    public var perPage = 20
    public init() {}
}

/// A candidate as an employer sees one: an opaque id and the shared sections.
public struct Candidate: Sendable, Equatable {
    public let id: UUID
    public let cv: SharedCV
    public let voivodeshipCode: String?
    public let powiatCode: String?
    public let updatedAt: Date
}

extension CVStore {
    /// Candidates are counted up to `countLimit`: at a million CVs, counting every match of a
    /// broad filter (a voivodeship, a language) costs more than finding the page; past it the
    /// result says "more than" (`more`), and paging stops there.
    public static let countLimit = 1_000
    /// A common word matches tens of thousands of a million CVs. A word search lists the
    /// newest first — by the search rows' sequence, which follows the last change (rows are
    /// written anew) — and counts up to `wordCountLimit`.
    public static let wordCountLimit = 200
    /// On SQLite the matches are read from FTS5's newest end, this many at most (more than
    /// the count looks at, so "newest first" is exact).
    static let wordWindow = 2_000

    public func searchCandidates(_ c: CandidateCriteria) async throws -> (total: Int, candidates: [Candidate], more: Bool) {
        try await searchCandidates(c, newestRows: Self.newestRows)
    }

    /// `newestRows`: how many of the newest search rows a word search on PostgreSQL walks
    /// first (tests make it small to take both ways with little data); nil searches the index
    /// alone, the plain way the tests and the benchmark compare with.
    public func searchCandidates(_ c: CandidateCriteria, newestRows: Int?) async throws -> (total: Int, candidates: [Candidate], more: Bool) {
        let filters = Self.filters(c)
        if let q = c.query, let newestRows, SearchIndex.dialect(db) == .postgres {
            return try await searchCandidatesOnPostgres(words: q, filters: filters, page: c.page, perPage: c.perPage, newestRows: newestRows)
        }
        let sql = db as! any SQLDatabase
        var with: SQLQueryString = ""
        var from: SQLQueryString = "FROM cv_candidates c "
        var conditions = filters
        var order: SQLQueryString = "ORDER BY c.updated_at DESC, c.cv_id"
        if let q = c.query {
            let match = SearchIndex.cvs.textMatch(q, db: db, newest: Self.wordWindow)
            with = match.with
            from = match.from + "JOIN cv_candidates c ON c.cv_id = s.doc_id "
            if let condition = match.condition { conditions.append(condition) }
            order = "ORDER BY s.seq DESC"
        }
        let whereClause = Self.whereClause(conditions)
        let (perPage, offset) = Self.window(c.page, c.perPage)
        let limit = c.query == nil ? Self.countLimit : Self.wordCountLimit
        // Paging stops at the count: the page ends at the limit at the latest.
        let rows = offset >= limit ? [] : try await sql.raw(with + "SELECT c.cv_id, c.shared, c.voivodeship_code, c.powiat_code, c.updated_at " + from + whereClause + " "
                                     + order + " LIMIT \(unsafeRaw: String(min(perPage, limit - offset))) OFFSET \(unsafeRaw: String(offset))").all()
        let counted = try await Self.count(sql, with: with, "SELECT 1 AS x " + from + whereClause, upTo: limit)
        return (min(counted, limit), try rows.map(Self.candidate), counted > limit)
    }

    /// How many rows a query gives, counted up to one past `limit` (past it: "more than");
    /// `with`: the query's common table expressions, kept in front of the whole.
    static func count(_ sql: any SQLDatabase, with: SQLQueryString = "", _ query: SQLQueryString, upTo limit: Int) async throws -> Int {
        try await sql.raw(with + "SELECT COUNT(*) AS n FROM (" + query + " LIMIT \(unsafeRaw: String(limit + 1))) t").first()
            .map { try $0.decode(column: "n", as: Int.self) } ?? 0
    }

    /// Every condition but the words': each reads a shared section only.
    static func filters(_ c: CandidateCriteria) -> [SQLQueryString] {
        var conditions: [SQLQueryString] = [notObjecting]
        if let o = c.occupation {
            // A group as a range of codes (":" sorts right after "9"), which an index serves on
            // both databases; LIKE 'prefix%' uses one on neither by default.
            conditions.append(o.count == 6 ? "c.occupation_code = \(bind: o)" : "c.occupation_code >= \(bind: o) AND c.occupation_code < \(bind: o + ":")")
        }
        if let v = c.voivodeship { conditions.append("c.voivodeship_code = \(bind: v)") }
        if let p = c.powiat { conditions.append("c.powiat_code = \(bind: p)") }
        if let m = c.minimumExperienceMonths { conditions.append("c.experience_months >= \(bind: m)") }
        if let l = c.language { conditions.append("c.languages LIKE \(bind: "% " + l + " %")") }
        if let e = c.minimumEducation { conditions.append("c.education_rank >= \(bind: Education.allCases.firstIndex(of: e)!)") }
        if let since = c.updatedSince { conditions.append("c.updated_at > \(bind: since)") }
        return conditions
    }

    static func whereClause(_ conditions: [SQLQueryString]) -> SQLQueryString {
        conditions.enumerated().reduce("") { $0 + ($1.offset == 0 ? "WHERE " : " AND ") + $1.element }
    }

    /// The page size (1–100) and how many rows come before the page.
    static func window(_ page: Int, _ perPage: Int) -> (perPage: Int, offset: Int) {
        let size = max(1, min(perPage, 100))
        return (size, max(0, (page - 1) * size))
    }

    /// A candidate by id, only while its seeker shares something and has not objected.
    public func candidate(_ id: UUID) async throws -> Candidate? {
        let query: SQLQueryString = "SELECT c.cv_id, c.shared, c.voivodeship_code, c.powiat_code, c.updated_at FROM cv_candidates c "
            + "WHERE c.cv_id = \(bind: id) AND " + Self.notObjecting
        return try await (db as! any SQLDatabase).raw(query).first().map(Self.candidate)
    }

    /// Candidates by id in that order, leaving out any no longer shared, deleted, or whose
    /// seeker has since objected (what matching found is checked here before it is shown).
    public func candidates(_ ids: [UUID]) async throws -> [Candidate] {
        guard !ids.isEmpty else { return [] }
        let query: SQLQueryString = "SELECT c.cv_id, c.shared, c.voivodeship_code, c.powiat_code, c.updated_at FROM cv_candidates c "
            + "WHERE c.cv_id IN \(SQLGroupExpression(ids.map { SQLBind($0) })) AND " + Self.notObjecting
        let found = Dictionary(uniqueKeysWithValues: try await (db as! any SQLDatabase).raw(query).all().map(Self.candidate).map { ($0.id, $0) })
        return ids.compactMap { found[$0] }
    }

    /// The CVs a company already said "I am interested" in for an offer.
    public func interests(offer: UUID) async throws -> Set<UUID> {
        Set(try await (db as! any SQLDatabase).select().column("cv_id").from("cv_interests").where("offer_id", .equal, SQLBind(offer)).all()
            .map { try $0.decode(column: "cv_id", as: UUID.self) })
    }

    /// CVs of seekers who objected to being matched to employers (profiling, art. 21) or had
    /// their processing restricted (art. 18) are never shown: the few such CVs, left out. The
    /// accounts come from a partial index of exactly this condition (M047), their CVs by
    /// account, the set built once per statement: nothing reads every account or every CV
    /// (written as a join, SQLite at times chose to read all CVs).
    static let notObjecting: SQLQueryString = """
        c.cv_id NOT IN (SELECT v.id FROM cvs v WHERE v.account_id IN
                        (SELECT a.id FROM accounts a WHERE a.objects_to_matching_at IS NOT NULL OR a.restricted_at IS NOT NULL))
        """

    static func candidate(_ row: any SQLRow) throws -> Candidate {
        let shared = try JSONDecoder().decode(SharedCV.self, from: Data(try row.decode(column: "shared", as: String.self).utf8))
        return Candidate(id: try row.decode(column: "cv_id", as: UUID.self), cv: shared,
                         voivodeshipCode: try row.decodeNil(column: "voivodeship_code") ? nil : row.decode(column: "voivodeship_code", as: String.self),
                         powiatCode: try row.decodeNil(column: "powiat_code") ? nil : row.decode(column: "powiat_code", as: String.self),
                         updatedAt: try row.decode(column: "updated_at", as: Date.self))
    }

    /// Records that a company is interested in a candidate for one of its offers, once per
    /// CV and offer; returns where to tell the seeker.
    public func recordInterest(cv: UUID, offer: UUID, company: UUID, now: Date = Date()) async throws -> (email: String, language: String) {
        try await db.transaction { tx in
            let sql = tx as! any SQLDatabase
            guard let row = try await sql.raw("""
                SELECT a.email, a.language FROM cv_candidates c JOIN cvs v ON v.id = c.cv_id JOIN accounts a ON a.id = v.account_id \
                WHERE c.cv_id = \(bind: cv)
                """).first() else { throw CVStoreError.notFound }
            let existing = try await sql.select().column("id").from("cv_interests").where("cv_id", .equal, SQLBind(cv))
                .where("offer_id", .equal, SQLBind(offer)).first()
            guard existing == nil else { throw CVStoreError.alreadyInterested }
            try await sql.insert(into: "cv_interests").columns("id", "cv_id", "offer_id", "company_id", "created_at")
                .values(SQLBind(UUID()), SQLBind(cv), SQLBind(offer), SQLBind(company), SQLBind(now)).run()
            return (try row.decode(column: "email", as: String.self), try row.decode(column: "language", as: String.self))
        }
    }

    /// How many interests a company sent since a moment (to limit mass mailing).
    public func interestsSent(company: UUID, since: Date) async throws -> Int {
        try await (db as! any SQLDatabase).select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("cv_interests")
            .where("company_id", .equal, SQLBind(company)).where("created_at", .greaterThan, SQLBind(since)).first()
            .map { try $0.decode(column: "n", as: Int.self) } ?? 0
    }
}
