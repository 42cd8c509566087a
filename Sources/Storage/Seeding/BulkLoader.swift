import Fluent
import SQLKit
import Foundation
import Portal
import TextSearch

/// Inserts generated data in large batches (load tests, benchmarks): many rows per statement,
/// one transaction per batch.
public struct BulkLoader: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }
    static let batch = 500

    public struct OfferRow: Sendable {
        public let draft: OfferDraft
        public let company: UUID
        public let place: OfferPlace
        public let verified: Bool
        public let tokens: SearchTokens
        public let publishedAt: Date
        public init(draft: OfferDraft, company: UUID, place: OfferPlace, verified: Bool, tokens: SearchTokens, publishedAt: Date) {
            self.draft = draft; self.company = company; self.place = place; self.verified = verified; self.tokens = tokens
            self.publishedAt = publishedAt
        }
    }

    /// Companies with one employer account each; `verified` of them verified by their office.
    public func companies(_ names: [String], offices: [String], verified: (Int) -> Bool, passwordHash: String, ids makeID: () -> UUID,
                          now: Date = Date()) async throws -> [UUID] {
        var ids: [UUID] = []
        for start in stride(from: 0, to: names.count, by: Self.batch) {
            let range = start..<min(start + Self.batch, names.count)
            var accounts: [AccountRecord] = [], companies: [CompanyRecord] = [], links: [EmployerUserRecord] = []
            for i in range {
                let a = AccountRecord()
                a.id = makeID(); a.kind = Account.Kind.employer.rawValue; a.email = "firma\(i)@seed.example.org"; a.passwordHash = passwordHash
                a.language = "pl"; a.createdAt = now; a.updatedAt = now; a.emailVerifiedAt = now; a.sessionEpoch = 0
                let c = CompanyRecord()
                c.id = makeID(); c.name = names[i]; c.street = "Przemysłowa"; c.houseNumber = "\(i % 200 + 1)"; c.postalCode = "00-001"
                c.locality = "Warszawa"; c.createdAt = now; c.officeID = offices[i % offices.count]
                if verified(i) { c.verifiedAt = now; c.verifiedByOffice = c.officeID }
                let u = EmployerUserRecord()
                u.id = a.id; u.companyID = c.id!; u.contactPerson = "Osoba kontaktowa \(i)"
                accounts.append(a); companies.append(c); links.append(u)
            }
            try await db.transaction { [accounts, companies, links] tx in
                try await accounts.create(on: tx)
                try await companies.create(on: tx)
                try await links.create(on: tx)
            }
            ids += companies.map { $0.id! }
        }
        return ids
    }

    public func offers(_ rows: [OfferRow], createdBy: UUID, ids makeID: () -> UUID) async throws {
        for start in stride(from: 0, to: rows.count, by: Self.batch) {
            let slice = Array(rows[start..<min(start + Self.batch, rows.count)])
            var records: [OfferRecord] = []
            for row in slice {
                let r = OfferRecord()
                r.id = makeID(); r.companyID = row.company; r.createdBy = createdBy
                OfferStore.apply(row.draft, place: row.place, to: r)
                r.status = OfferStatus.published.rawValue; r.employerVerified = row.verified
                r.createdAt = row.publishedAt; r.updatedAt = row.publishedAt; r.publishedAt = row.publishedAt
                records.append(r)
            }
            try await db.transaction { [records] tx in
                try await records.create(on: tx)
                var insert = (tx as! any SQLDatabase).insert(into: SearchIndex.offers.table)
                    .columns("doc_id", "title", "body", "status", "valid_until", "published_at", "voivodeship_code", "powiat_code",
                             "occupation_code", "contract", "working_time", "wage", "verified", "abroad", "latitude", "longitude")
                for (r, row) in zip(records, slice) {
                    insert = insert.values(SQLBind(r.id!), SQLBind(row.tokens.title), SQLBind(row.tokens.body), SQLBind(r.status),
                                           SQLBind(r.validUntil), SQLBind(r.publishedAt), SQLBind(r.voivodeshipCode), SQLBind(r.powiatCode),
                                           SQLBind(r.occupationCode), SQLBind(r.contract), SQLBind(r.workingTime), SQLBind(r.wageMax ?? r.wageMin),
                                           SQLBind(r.employerVerified), SQLBind(r.country != nil), SQLBind(r.latitude), SQLBind(r.longitude))
                }
                try await insert.run()
            }
            SearchResultCache.offersChanged()
        }
    }

    /// A generated CV with where it is and its search tokens (shared sections only).
    public struct CVRow: Sendable {
        public let draft: CVDraft
        public let place: CVPlace
        public let tokens: SearchTokens
        /// When it was last changed (real CVs are changed at all times, not in one instant).
        public let updatedAt: Date?
        public init(draft: CVDraft, place: CVPlace, tokens: SearchTokens, updatedAt: Date? = nil) {
            self.draft = draft; self.place = place; self.tokens = tokens; self.updatedAt = updatedAt
        }
    }

    /// Seeker accounts with profiles (all with one unusable password hash) and their CVs, each
    /// shared CV with its employer-facing row and search entry as `CVStore` writes them.
    /// `first`: the number of the first one (its e-mail is osoba<first>@…), to add more later.
    public func seekers(count: Int, first: Int = 0, passwordHash: String, profile: (Int) -> SeekerProfile,
                        cvs: (Int, SeekerProfile) -> [CVRow] = { _, _ in [] }, ids makeID: () -> UUID, now: Date = Date()) async throws {
        for start in stride(from: first, to: first + count, by: Self.batch) {
            let range = start..<min(start + Self.batch, first + count)
            var accounts: [AccountRecord] = [], profiles: [SeekerProfileRecord] = [], cvRows: [(UUID, UUID, CVRow)] = []
            for i in range {
                let a = AccountRecord()
                a.id = makeID(); a.kind = Account.Kind.seeker.rawValue; a.email = "osoba\(i)@seed.example.org"; a.passwordHash = passwordHash
                a.language = "pl"; a.createdAt = now; a.updatedAt = now; a.emailVerifiedAt = now; a.sessionEpoch = 0
                let p = profile(i)
                let r = SeekerProfileRecord()
                r.id = a.id; r.firstName = p.firstName; r.lastName = p.lastName; r.voivodeshipCode = p.voivodeshipCode
                r.locality = p.locality; r.postalCode = p.postalCode; r.street = p.street; r.houseNumber = p.houseNumber; r.phone = p.phone
                accounts.append(a); profiles.append(r)
                for cv in cvs(i, p) { cvRows.append((makeID(), a.id!, cv)) }
            }
            try await db.transaction { [accounts, profiles, cvRows] tx in
                try await accounts.create(on: tx)
                try await profiles.create(on: tx)
                try await Self.insertCVs(cvRows, now: now, on: tx)
            }
        }
    }

    static func insertCVs(_ rows: [(id: UUID, account: UUID, cv: CVRow)], now: Date, on db: any Database) async throws {
        guard !rows.isEmpty else { return }
        let sql = db as! any SQLDatabase
        var cvs = sql.insert(into: "cvs").columns("id", "account_id", "title", "content", "created_at", "updated_at")
        for r in rows {
            let at = r.cv.updatedAt ?? now
            cvs = cvs.values(SQLBind(r.id), SQLBind(r.account), SQLBind(r.cv.draft.title), SQLBind(try CVStore.json(r.cv.draft)), SQLBind(at), SQLBind(at))
        }
        try await cvs.run()
        let shared = try rows.filter { !$0.cv.draft.sharedOnly.isEmpty }
            .map { ($0.id, try CVStore.candidateRow($0.id, $0.cv.draft.sharedOnly, place: $0.cv.place, now: $0.cv.updatedAt ?? now), $0.cv.tokens) }
        guard let first = shared.first else { return }
        var candidates = sql.insert(into: "cv_candidates").columns(first.1.map(\.0))
        var index = sql.insert(into: SearchIndex.cvs.table).columns("doc_id", "title", "body")
        for (id, row, tokens) in shared {
            candidates = candidates.values(row.map { $0.1 as any SQLExpression })
            index = index.values(SQLBind(id), SQLBind(tokens.title), SQLBind(tokens.body))
        }
        try await candidates.run()
        try await index.run()
        CVStore.changed()
    }

    /// Every postal code with its coordinates, powiat, voivodeship and serving office.
    public func places() async throws -> [(entry: (code: String, locality: String, latitude: Double?, longitude: Double?), place: OfferPlace)] {
        let offices = Dictionary(uniqueKeysWithValues: try await PowiatRecord.query(on: db).all().compactMap { p in
            p.officeID.map { (p.id!, (office: $0, voivodeship: p.voivodeshipCode)) }
        })
        return try await PostalCodeRecord.query(on: db).all().compactMap { r in
            guard let o = offices[r.powiatCode] else { return nil }
            return ((r.id!, r.locality, r.latitude, r.longitude),
                    OfferPlace(officeID: o.office, powiatCode: r.powiatCode, voivodeshipCode: o.voivodeship, latitude: r.latitude, longitude: r.longitude))
        }
    }
}
