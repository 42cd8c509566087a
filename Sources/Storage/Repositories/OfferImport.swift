import Fluent
import SQLKit
import Foundation
import Portal
import TextSearch

/// Who created offers that came in from another offer base.
public let importedByAccount = UUID(uuidString: "00000000-0000-4000-8000-0000000e0001")!

extension OfferStore {
    public enum ImportOutcome: Sendable, Equatable { case created, updated }

    /// Creates or (same external id) updates a published offer from an import, in one transaction.
    public func importOffer(externalID: String, _ d: OfferDraft, company: UUID, place: OfferPlace, tokens: SearchTokens,
                            publishedAt: Date) async throws -> ImportOutcome {
        try await db.transaction { tx in
            let sql = tx as! any SQLDatabase
            let store = OfferStore(db: tx)
            if let row = try await sql.select().column("id").from("offers").where("external_id", .equal, SQLBind(externalID)).first() {
                try await store.update(try row.decode(column: "id", as: UUID.self), d, place: place, status: .published, tokens: tokens)
                return .updated
            }
            let id = try await store.create(d, company: company, by: importedByAccount, place: place, status: .published, tokens: tokens, now: publishedAt)
            try await sql.update("offers").set("external_id", to: SQLBind(externalID)).where("id", .equal, SQLBind(id)).run()
            return .created
        }
    }
}

extension EmployerStore {
    /// The company an imported offer belongs to: found by NIP, else by exact name among
    /// companies without users; created (verified: the other base's office checked it) when new.
    public func importedCompany(name: String, nip: String?, officeID: String, now: Date = Date()) async throws -> UUID {
        if let nip, let r = try await CompanyRecord.query(on: db).filter(\.$nip == nip).first() { return r.id! }
        if let r = try await CompanyRecord.query(on: db).filter(\.$name == name).filter(\.$nip == nip).first() { return r.id! }
        let r = CompanyRecord()
        r.name = name; r.nip = nip; r.street = ""; r.houseNumber = ""; r.postalCode = ""; r.locality = ""
        r.officeID = officeID; r.verifiedAt = now; r.verifiedByOffice = officeID; r.createdAt = now
        try await r.create(on: db)
        return r.id!
    }
}

extension OfferStore {
    /// Live offers in batches, in the order they were indexed: `after` is the last batch's
    /// cursor (nil for the first). Walks any number of offers without OFFSET.
    public func liveOffers(after cursor: Int64?, limit: Int = 500, now: Date = Date()) async throws -> (offers: [StoredOffer], cursor: Int64?) {
        let rows = try await (db as! any SQLDatabase).raw("""
            SELECT seq, doc_id FROM \(ident: SearchIndex.offers.table) WHERE status = \(bind: OfferStatus.published.rawValue) \
            AND valid_until >= \(bind: now) AND seq > \(bind: cursor ?? 0) ORDER BY seq LIMIT \(unsafeRaw: String(limit))
            """).all()
        let ids = try rows.map { try $0.decode(column: "doc_id", as: UUID.self) }
        return (try await offers(ids: ids), try rows.last?.decode(column: "seq", as: Int64.self))
    }
}
