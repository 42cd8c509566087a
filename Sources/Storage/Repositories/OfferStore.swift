import Fluent
import SQLKit
import Foundation
import Portal
import TextSearch

public enum OfferStoreError: Error, Equatable { case notFound, notPending }

public struct OfferStore: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }

    // MARK: writing

    public func create(_ d: OfferDraft, company: UUID, by account: UUID, place: OfferPlace, status: OfferStatus, tokens: SearchTokens,
                       now: Date = Date(), id: UUID? = nil) async throws -> UUID {
        defer { SearchResultCache.offersChanged() }
        return try await db.transaction { tx in
            let r = OfferRecord()
            r.id = id
            r.companyID = company; r.createdBy = account; r.createdAt = now
            Self.apply(d, place: place, to: r)
            r.status = status.rawValue
            r.employerVerified = try await CompanyRecord.find(company, on: tx)?.verifiedAt != nil
            r.updatedAt = now
            if status == .published { r.publishedAt = now }
            try await r.create(on: tx)
            try await SearchIndex.offers.put(r.id!, title: tokens.title, body: tokens.body, on: tx)
            try await Self.project(r, on: tx)
            return r.id!
        }
    }

    /// An edit goes through the same gate as a new offer (`status`).
    public func update(_ id: UUID, _ d: OfferDraft, place: OfferPlace, status: OfferStatus, tokens: SearchTokens, now: Date = Date()) async throws {
        defer { SearchResultCache.offersChanged() }
        try await db.transaction { tx in
            guard let r = try await OfferRecord.find(id, on: tx) else { throw OfferStoreError.notFound }
            Self.apply(d, place: place, to: r)
            r.status = status.rawValue; r.moderationNote = nil; r.updatedAt = now
            if status == .published { r.publishedAt = r.publishedAt ?? now }
            try await r.update(on: tx)
            try await SearchIndex.offers.put(id, title: tokens.title, body: tokens.body, on: tx)
            try await Self.project(r, on: tx)
        }
    }

    static func apply(_ d: OfferDraft, place: OfferPlace, to r: OfferRecord) {
        r.title = d.title; r.occupationCode = d.occupationCode; r.duties = d.duties; r.postalCode = d.postalCode; r.locality = d.locality
        r.country = d.country; r.contract = d.contract.rawValue; r.workingTime = d.workingTime; r.shifts = d.shifts.rawValue
        r.wageMin = d.wageMin; r.wageMax = d.wageMax; r.wageType = d.wageType.rawValue; r.positions = d.positions
        r.positionsDisabled = d.positionsForDisabled; r.education = d.education.rawValue
        r.languages = (try? String(decoding: JSONEncoder().encode(d.languages), as: UTF8.self)) ?? "[]"
        r.experienceMonths = d.experienceMonths; r.licences = d.licences; r.startDate = d.startDate; r.validUntil = d.validUntil
        r.howToApply = d.howToApply; r.employerVisible = d.employerVisible
        r.officeID = place.officeID; r.powiatCode = place.powiatCode; r.voivodeshipCode = place.voivodeshipCode
        r.latitude = place.latitude; r.longitude = place.longitude
    }

    public func moderate(_ id: UUID, _ decision: ModerationDecision, note: String?, now: Date = Date()) async throws {
        defer { SearchResultCache.offersChanged() }
        try await db.transaction { tx in
            guard let r = try await OfferRecord.find(id, on: tx) else { throw OfferStoreError.notFound }
            guard let next = OfferLifecycle.after(decision, from: OfferStatus(rawValue: r.status) ?? .closed) else {
                throw OfferStoreError.notPending
            }
            r.status = next.rawValue; r.moderationNote = note; r.updatedAt = now
            if next == .published { r.publishedAt = now }
            try await r.update(on: tx)
            try await Self.project(r, on: tx)
        }
    }

    public func close(_ id: UUID, now: Date = Date()) async throws {
        defer { SearchResultCache.offersChanged() }
        guard let r = try await OfferRecord.find(id, on: db) else { throw OfferStoreError.notFound }
        r.status = OfferStatus.closed.rawValue; r.updatedAt = now
        try await db.transaction { tx in
            try await r.update(on: tx)
            try await Self.project(r, on: tx)
        }
    }

    public func renew(_ id: UUID, until: Date, now: Date = Date()) async throws {
        defer { SearchResultCache.offersChanged() }
        guard let r = try await OfferRecord.find(id, on: db) else { throw OfferStoreError.notFound }
        r.validUntil = until; r.updatedAt = now
        try await db.transaction { tx in
            try await r.update(on: tx)
            try await Self.project(r, on: tx)
        }
    }

    /// Offers of a company's verified employer show as verified from now on.
    public func markCompanyVerified(_ company: UUID) async throws {
        defer { SearchResultCache.offersChanged() }
        try await OfferRecord.query(on: db).filter(\.$companyID == company).set(\.$employerVerified, to: true).update()
        for r in try await OfferRecord.query(on: db).filter(\.$companyID == company).all() { try await Self.project(r, on: db) }
    }

    /// Copies what the search filters and sorts by into the offer's search row.
    static func project(_ r: OfferRecord, on db: any Database) async throws {
        try await (db as! any SQLDatabase).update(SearchIndex.offers.table)
            .set("status", to: SQLBind(r.status)).set("valid_until", to: SQLBind(r.validUntil)).set("published_at", to: SQLBind(r.publishedAt))
            .set("voivodeship_code", to: SQLBind(r.voivodeshipCode)).set("powiat_code", to: SQLBind(r.powiatCode))
            .set("occupation_code", to: SQLBind(r.occupationCode)).set("contract", to: SQLBind(r.contract))
            .set("working_time", to: SQLBind(r.workingTime)).set("wage", to: SQLBind(r.wageMax ?? r.wageMin))
            .set("verified", to: SQLBind(r.employerVerified)).set("abroad", to: SQLBind(r.country != nil))
            .set("latitude", to: SQLBind(r.latitude)).set("longitude", to: SQLBind(r.longitude))
            .where("doc_id", .equal, SQLBind(r.id!)).run()
    }

    /// Every offer's search row again (after the projection's columns changed).
    func reproject(all: Bool) async throws {
        for r in try await OfferRecord.query(on: db).all() { try await Self.project(r, on: db) }
    }

    // MARK: reading

    public func find(_ id: UUID) async throws -> StoredOffer? {
        try await offers(ids: [id]).first
    }

    public func ofCompany(_ company: UUID) async throws -> [StoredOffer] {
        try await offers(ids: OfferRecord.query(on: db).filter(\.$companyID == company).sort(\.$createdAt, .descending).all(\.$id))
    }

    /// Offers waiting for some offices (nil: every office), oldest first.
    public func moderationQueue(offices: Set<String>?) async throws -> [StoredOffer] {
        let q = OfferRecord.query(on: db).filter(\.$status == OfferStatus.pending.rawValue).sort(\.$createdAt)
        if let offices { q.filter(\.$officeID ~~ Array(offices)) }
        return try await offers(ids: q.limit(500).all(\.$id))
    }

    public func occupation(_ code: String) async throws -> Occupation? {
        try await OccupationRecord.find(code, on: db).map { Occupation(code: $0.id!, name: $0.name, schoolOccupation: $0.schoolOccupation) }
    }
}

extension OfferStore {
    public func allIDs() async throws -> [UUID] {
        try await OfferRecord.query(on: db).all(\.$id)
    }
}
