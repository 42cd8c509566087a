import Fluent
import SQLKit
import Foundation
import Portal
import TextSearch
import NIOConcurrencyHelpers

public struct StoredCV: Sendable, Equatable {
    public let id: UUID
    public let accountID: UUID
    public let draft: CVDraft
    public let updatedAt: Date
}

/// Where a CV's seeker wants to work, found from its postal code.
public struct CVPlace: Sendable, Equatable {
    public var powiatCode: String?
    public var voivodeshipCode: String?
    /// The postal code's coordinates (for distances in matching).
    public var latitude: Double?
    public var longitude: Double?
    public init(powiatCode: String?, voivodeshipCode: String?, latitude: Double? = nil, longitude: Double? = nil) {
        self.powiatCode = powiatCode; self.voivodeshipCode = voivodeshipCode; self.latitude = latitude; self.longitude = longitude
    }
}

public struct CVFileInfo: Sendable, Equatable {
    public let fileName: String
    public let size: Int
    public let uploadedAt: Date
}

public enum CVStoreError: Error, Equatable { case limitReached, notFound, alreadyInterested }

public struct CVStore: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }

    static let encoder: JSONEncoder = { let e = JSONEncoder(); e.outputFormatting = .sortedKeys; return e }()

    // MARK: the seeker's own CVs

    public func list(account: UUID) async throws -> [StoredCV] {
        let rows = try await (db as! any SQLDatabase).select().columns("id", "account_id", "content", "updated_at").from("cvs")
            .where("account_id", .equal, SQLBind(account)).orderBy("created_at").all()
        return try rows.map(Self.cv)
    }

    /// The CV if it belongs to this account (anyone else's is "not found").
    public func find(_ id: UUID, account: UUID) async throws -> StoredCV? {
        try await find(id).flatMap { $0.accountID == account ? $0 : nil }
    }

    func find(_ id: UUID) async throws -> StoredCV? {
        try await (db as! any SQLDatabase).select().columns("id", "account_id", "content", "updated_at").from("cvs")
            .where("id", .equal, SQLBind(id)).first().map(Self.cv)
    }

    static func cv(_ row: any SQLRow) throws -> StoredCV {
        let content = try row.decode(column: "content", as: String.self)
        return StoredCV(id: try row.decode(column: "id", as: UUID.self), accountID: try row.decode(column: "account_id", as: UUID.self),
                        draft: try JSONDecoder().decode(CVDraft.self, from: Data(content.utf8)),
                        updatedAt: try row.decode(column: "updated_at", as: Date.self))
    }

    /// A new CV; refused when the seeker already keeps the most allowed. The count and the
    /// insert are one transaction, with the account row locked on PostgreSQL so two tabs
    /// cannot both add the fifth.
    public func create(account: UUID, _ draft: CVDraft, place: CVPlace, tokens: SearchTokens, now: Date = Date()) async throws -> UUID {
        defer { Self.changed() }
        return try await db.transaction { tx in
            let sql = tx as! any SQLDatabase
            if SearchIndex.dialect(tx) == .postgres {
                try await sql.raw("SELECT id FROM accounts WHERE id = \(bind: account) FOR UPDATE").run()
            }
            let count = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("cvs")
                .where("account_id", .equal, SQLBind(account)).first().map { try $0.decode(column: "n", as: Int.self) } ?? 0
            guard count < CVDraft.maximumPerSeeker else { throw CVStoreError.limitReached }
            let id = UUID()
            try await sql.insert(into: "cvs").columns("id", "account_id", "title", "content", "created_at", "updated_at")
                .values(SQLBind(id), SQLBind(account), SQLBind(draft.title), SQLBind(try Self.json(draft)), SQLBind(now), SQLBind(now)).run()
            try await Self.project(id, draft, place: place, tokens: tokens, now: now, on: tx)
            return id
        }
    }

    public func update(_ id: UUID, account: UUID, _ draft: CVDraft, place: CVPlace, tokens: SearchTokens, now: Date = Date()) async throws {
        defer { Self.changed() }
        try await db.transaction { tx in
            guard try await CVStore(db: tx).find(id, account: account) != nil else { throw CVStoreError.notFound }
            try await (tx as! any SQLDatabase).update("cvs").set("title", to: SQLBind(draft.title)).set("content", to: SQLBind(try Self.json(draft)))
                .set("updated_at", to: SQLBind(now)).where("id", .equal, SQLBind(id)).run()
            try await Self.project(id, draft, place: place, tokens: tokens, now: now, on: tx)
        }
    }

    public func delete(_ id: UUID, account: UUID) async throws {
        defer { Self.changed() }
        try await db.transaction { tx in
            guard try await CVStore(db: tx).find(id, account: account) != nil else { throw CVStoreError.notFound }
            try await SearchIndex.cvs.remove(id, on: tx)
            try await (tx as! any SQLDatabase).delete(from: "cvs").where("id", .equal, SQLBind(id)).run()
        }
    }

    static func json(_ draft: CVDraft) throws -> String { String(decoding: try encoder.encode(draft), as: UTF8.self) }

    /// Keeps the employer-facing copy in step: only shared sections go there, and a CV with
    /// nothing shared is not there at all.
    static func project(_ id: UUID, _ draft: CVDraft, place: CVPlace, tokens: SearchTokens, now: Date, on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.delete(from: "cv_candidates").where("cv_id", .equal, SQLBind(id)).run()
        let shared = draft.sharedOnly
        guard !shared.isEmpty else {
            try await SearchIndex.cvs.remove(id, on: db)
            return
        }
        let row = try candidateRow(id, shared, place: place, now: now)
        try await sql.insert(into: "cv_candidates").columns(row.map(\.0)).values(row.map { $0.1 as any SQLExpression }).run()
        try await SearchIndex.cvs.put(id, title: tokens.title, body: tokens.body, on: db)
    }

    /// The employer-facing row of a CV that shares something: its shared sections, and what
    /// search and matching filter on — the place only when the "desired" section is shared.
    static func candidateRow(_ id: UUID, _ shared: SharedCV, place: CVPlace, now: Date) throws -> [(String, SQLBind)] {
        let languages = shared.languages.map { " " + $0.map(\.language).joined(separator: " ") + " " }
        let placed = shared.desiredJob != nil
        return [("cv_id", SQLBind(id)), ("shared", SQLBind(String(decoding: try encoder.encode(shared), as: UTF8.self))),
                ("occupation_code", SQLBind(shared.occupationCode)), ("voivodeship_code", SQLBind(placed ? place.voivodeshipCode : nil)),
                ("powiat_code", SQLBind(placed ? place.powiatCode : nil)), ("experience_months", SQLBind(shared.experienceMonths)),
                ("education_rank", SQLBind(shared.education.map { Education.allCases.firstIndex(of: $0)! })), ("languages", SQLBind(languages)),
                ("updated_at", SQLBind(now))]
            + matchColumns(shared, latitude: placed ? place.latitude : nil, longitude: placed ? place.longitude : nil)
    }

    /// What matching reads of a shared CV, as columns (a section not shared is NULL).
    static func matchColumns(_ shared: SharedCV, latitude: Double?, longitude: Double?) -> [(String, SQLBind)] {
        let w = shared.wish
        return [("latitude", SQLBind(latitude)), ("longitude", SQLBind(longitude)), ("commute_km", SQLBind(w?.commuteKm)),
                ("willing_to_move", SQLBind(w?.willingToMove ?? false)), ("expected_monthly", SQLBind(w?.expectedMonthly)),
                ("work_time", SQLBind(w?.time.rawValue)), ("contracts", SQLBind(w.map { $0.contracts.map(\.rawValue).joined(separator: ",") })),
                ("licences", SQLBind(Int(LicenceSet.parse(shared.licences ?? "").rawValue))),
                ("language_levels", SQLBind(shared.languages.map(LanguageRequirement.listText)))]
    }

    /// Raised by every change to CVs in this process, so matching reads them again at once
    /// (another server's changes show within the matching snapshot's refresh).
    static let generation = NIOLockedValueBox(0)
    public static var currentGeneration: Int { generation.withLockedValue { $0 } }
    public static func changed() { generation.withLockedValue { $0 += 1 } }

    /// Every CV employers can search indexed again with `tokens` (the analyzer changed), a
    /// thousand at a time: its shared sections and the powiat it names.
    public func reindexAll(tokens: (SharedCV, _ powiatCode: String?) async throws -> SearchTokens) async throws -> Int {
        let sql = db as! any SQLDatabase
        var after = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)), count = 0
        while true {
            let rows = try await sql.select().columns("cv_id", "shared", "powiat_code").from("cv_candidates")
                .where("cv_id", .greaterThan, SQLBind(after)).orderBy("cv_id").limit(1_000).all()
            guard !rows.isEmpty else { return count }
            for row in rows {
                let id = try row.decode(column: "cv_id", as: UUID.self)
                let shared = try JSONDecoder().decode(SharedCV.self, from: Data(try row.decode(column: "shared", as: String.self).utf8))
                let t = try await tokens(shared, try row.decode(column: "powiat_code", as: String?.self))
                try await SearchIndex.cvs.put(id, title: t.title, body: t.body, on: db)
                after = id; count += 1
            }
        }
    }

    // MARK: the uploaded file

    public func setFile(account: UUID, name: String, data: Data, now: Date = Date()) async throws {
        try await db.transaction { tx in
            let sql = tx as! any SQLDatabase
            try await sql.delete(from: "cv_files").where("account_id", .equal, SQLBind(account)).run()
            try await sql.insert(into: "cv_files").columns("account_id", "file_name", "size", "data", "uploaded_at")
                .values(SQLBind(account), SQLBind(name), SQLBind(data.count), SQLBind(data), SQLBind(now)).run()
        }
    }

    public func fileInfo(account: UUID) async throws -> CVFileInfo? {
        try await (db as! any SQLDatabase).select().columns("file_name", "size", "uploaded_at").from("cv_files")
            .where("account_id", .equal, SQLBind(account)).first()
            .map { CVFileInfo(fileName: try $0.decode(column: "file_name", as: String.self), size: try $0.decode(column: "size", as: Int.self),
                              uploadedAt: try $0.decode(column: "uploaded_at", as: Date.self)) }
    }

    public func file(account: UUID) async throws -> (name: String, data: Data)? {
        try await (db as! any SQLDatabase).select().columns("file_name", "data").from("cv_files")
            .where("account_id", .equal, SQLBind(account)).first()
            .map { (try $0.decode(column: "file_name", as: String.self), try $0.decode(column: "data", as: Data.self)) }
    }

    public func deleteFile(account: UUID) async throws {
        try await (db as! any SQLDatabase).delete(from: "cv_files").where("account_id", .equal, SQLBind(account)).run()
    }
}

extension CVStore {
    /// Offers whose employers said "I am interested" in one of this seeker's CVs, newest first
    /// (the consultant's screen pop lists them).
    public func interestedOffers(account: UUID) async throws -> [String] {
        try await (db as! any SQLDatabase).select().column(SQLColumn("title", table: "o")).column(SQLColumn("created_at", table: "i"))
            .from(SQLAlias(SQLIdentifier("cv_interests"), as: SQLIdentifier("i")))
            .join(SQLAlias(SQLIdentifier("cvs"), as: SQLIdentifier("c")), method: SQLJoinMethod.inner,
                  on: SQLColumn("id", table: "c"), .equal, SQLColumn("cv_id", table: "i"))
            .join(SQLAlias(SQLIdentifier("offers"), as: SQLIdentifier("o")), method: SQLJoinMethod.inner,
                  on: SQLColumn("id", table: "o"), .equal, SQLColumn("offer_id", table: "i"))
            .where(SQLColumn("account_id", table: "c"), .equal, SQLBind(account))
            .orderBy(SQLOrderBy(expression: SQLColumn("created_at", table: "i"), direction: SQLDirection.descending)).limit(50).all()
            .map { try $0.decode(column: "title", as: String.self) }
    }
}
