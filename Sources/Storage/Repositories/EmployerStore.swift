import Fluent
import Privacy
import Foundation
import Clients

public enum EmployerStoreError: Error, Equatable { case companyExists, invitationUnknown, invitationExpired, invitationUsed }

/// Companies and the accounts of the people who act for them. A company is created unverified;
/// an office verifies it (offers of verified employers skip moderation).
public struct EmployerStore: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }

    /// Account, company, link, verification token and its e-mail, all or nothing.
    public func registerEmployer(email: String, passwordHash: String, language: String, contactPerson: String, company: NewCompany,
                                 tokenHash: String, tokenExpires: Date, consent: ConsentGiven, mail: OutboxMessage) async throws -> UUID {
        try await db.transaction { tx in
            if try await AccountRecord.query(on: tx).filter(\.$email == email).first() != nil { throw AccountStoreError.duplicateEmail }
            if let nip = company.nip, try await CompanyRecord.query(on: tx).filter(\.$nip == nip).first() != nil {
                throw EmployerStoreError.companyExists
            }
            let now = Date()
            let a = AccountRecord()
            a.kind = Account.Kind.employer.rawValue; a.email = email; a.passwordHash = passwordHash
            a.language = language; a.createdAt = now; a.updatedAt = now; a.sessionEpoch = 0
            try await a.create(on: tx)
            let c = CompanyRecord()
            c.name = company.name; c.nip = company.nip; c.regon = company.regon; c.street = company.street
            c.houseNumber = company.houseNumber; c.postalCode = company.postalCode; c.locality = company.locality; c.createdAt = now
            c.officeID = company.officeID
            try await c.create(on: tx)
            let u = EmployerUserRecord()
            u.id = try a.requireID(); u.companyID = try c.requireID(); u.contactPerson = contactPerson
            try await u.create(on: tx)
            try await AccountStore.insertToken(tx, account: a.id!, purpose: .verifyEmail, hash: tokenHash, expires: tokenExpires, newEmail: nil)
            try await ConsentLedger(db: tx).record(consent, for: .account(a.id!), now: now)
            try await Outbox(db: tx).enqueue(mail)
            return c.id!
        }
    }

    public func company(ofAccount id: UUID) async throws -> (name: String, nip: String?, verified: Bool)? {
        guard let link = try await EmployerUserRecord.find(id, on: db), let c = try await CompanyRecord.find(link.companyID, on: db) else {
            return nil
        }
        return (c.name, c.nip, c.verifiedAt != nil)
    }

    public func companyID(ofAccount id: UUID) async throws -> UUID? {
        try await EmployerUserRecord.find(id, on: db)?.companyID
    }

    public func find(company id: UUID) async throws -> Company? {
        try await CompanyRecord.find(id, on: db).map(Self.company)
    }

    /// Companies waiting for verification by some offices (nil: every office), oldest first.
    public func unverified(offices: Set<String>?) async throws -> [Company] {
        let q = CompanyRecord.query(on: db).filter(\.$verifiedAt == nil).sort(\.$createdAt)
        if let offices { q.filter(\.$officeID ~~ Array(offices)) }
        return try await q.limit(500).all().map(Self.company)
    }

    static func company(_ c: CompanyRecord) -> Company {
        Company(id: c.id!, name: c.name, nip: c.nip, regon: c.regon, address: "\(c.street) \(c.houseNumber), \(c.postalCode) \(c.locality)",
                officeID: c.officeID, verified: c.verifiedAt != nil, createdAt: c.createdAt)
    }

    public func verify(company id: UUID, byOffice office: String, now: Date = Date()) async throws {
        guard let c = try await CompanyRecord.find(id, on: db) else { return }
        c.verifiedAt = now; c.verifiedByOffice = office
        try await c.update(on: db)
    }

    public func users(company id: UUID) async throws -> [CompanyUser] {
        let links = try await EmployerUserRecord.query(on: db).filter(\.$companyID == id).all()
        var result: [CompanyUser] = []
        for l in links {
            if let a = try await AccountRecord.find(l.id, on: db) { result.append(CompanyUser(accountID: a.id!, email: a.email, contactPerson: l.contactPerson)) }
        }
        return result.sorted { $0.email < $1.email }
    }

    /// An invitation for another person of the company, with its e-mail, together.
    public func invite(company: UUID, email: String, by account: UUID, tokenHash: String, expires: Date, mail: OutboxMessage) async throws {
        try await db.transaction { tx in
            if try await AccountRecord.query(on: tx).filter(\.$email == email).first() != nil { throw AccountStoreError.duplicateEmail }
            let i = CompanyInvitationRecord()
            i.companyID = company; i.email = email; i.tokenHash = tokenHash; i.invitedBy = account
            i.expiresAt = expires; i.createdAt = Date()
            try await i.create(on: tx)
            try await Outbox(db: tx).enqueue(mail)
        }
    }

    /// Who an invitation is for, if it can still be used.
    public func invitation(tokenHash: String, now: Date = Date()) async throws -> (email: String, company: String) {
        guard let i = try await CompanyInvitationRecord.query(on: db).filter(\.$tokenHash == tokenHash).first() else {
            throw EmployerStoreError.invitationUnknown
        }
        guard i.usedAt == nil else { throw EmployerStoreError.invitationUsed }
        guard i.expiresAt > now else { throw EmployerStoreError.invitationExpired }
        let company = try await CompanyRecord.find(i.companyID, on: db)
        return (i.email, company?.name ?? "")
    }

    /// Uses the invitation once: the new account (its e-mail proven by the link) joins the company.
    public func acceptInvitation(tokenHash: String, passwordHash: String, contactPerson: String, language: String, consent: ConsentGiven,
                                 now: Date = Date()) async throws -> UUID {
        try await db.transaction { tx in
            guard let i = try await CompanyInvitationRecord.query(on: tx).filter(\.$tokenHash == tokenHash).first() else {
                throw EmployerStoreError.invitationUnknown
            }
            guard i.usedAt == nil else { throw EmployerStoreError.invitationUsed }
            guard i.expiresAt > now else { throw EmployerStoreError.invitationExpired }
            if try await AccountRecord.query(on: tx).filter(\.$email == i.email).first() != nil { throw AccountStoreError.duplicateEmail }
            i.usedAt = now
            try await i.update(on: tx)
            let a = AccountRecord()
            a.kind = Account.Kind.employer.rawValue; a.email = i.email; a.passwordHash = passwordHash
            a.language = language; a.createdAt = now; a.updatedAt = now; a.sessionEpoch = 0; a.emailVerifiedAt = now
            try await a.create(on: tx)
            let u = EmployerUserRecord()
            u.id = a.id; u.companyID = i.companyID; u.contactPerson = contactPerson
            try await u.create(on: tx)
            try await ConsentLedger(db: tx).record(consent, for: .account(a.id!), now: now)
            return a.id!
        }
    }
}
