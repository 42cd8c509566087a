import Fluent
import Foundation

public struct NewCompany: Sendable {
    public var name: String
    public var nip: String?
    public var regon: String?
    public var street: String
    public var houseNumber: String
    public var postalCode: String
    public var locality: String

    public init(name: String, nip: String?, regon: String?, street: String, houseNumber: String, postalCode: String, locality: String) {
        self.name = name; self.nip = nip; self.regon = regon; self.street = street; self.houseNumber = houseNumber
        self.postalCode = postalCode; self.locality = locality
    }
}

public enum EmployerStoreError: Error, Equatable { case companyExists }

/// Companies and the accounts of the people who act for them. A company is created unverified;
/// an office verifies it (offers of verified employers skip moderation).
public struct EmployerStore: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }

    /// Account, company, link, verification token and its e-mail, all or nothing.
    public func registerEmployer(email: String, passwordHash: String, language: String, contactPerson: String, company: NewCompany,
                                 tokenHash: String, tokenExpires: Date, mail: OutboxMessage) async throws -> UUID {
        try await db.transaction { tx in
            if try await AccountRecord.query(on: tx).filter(\.$email == email).first() != nil { throw AccountStoreError.duplicateEmail }
            if let nip = company.nip, try await CompanyRecord.query(on: tx).filter(\.$nip == nip).first() != nil {
                throw EmployerStoreError.companyExists
            }
            let now = Date()
            let a = AccountRecord()
            a.kind = Account.Kind.employer.rawValue; a.email = email; a.passwordHash = passwordHash
            a.language = language; a.createdAt = now; a.updatedAt = now
            try await a.create(on: tx)
            let c = CompanyRecord()
            c.name = company.name; c.nip = company.nip; c.regon = company.regon; c.street = company.street
            c.houseNumber = company.houseNumber; c.postalCode = company.postalCode; c.locality = company.locality; c.createdAt = now
            try await c.create(on: tx)
            let u = EmployerUserRecord()
            u.id = try a.requireID(); u.companyID = try c.requireID(); u.contactPerson = contactPerson
            try await u.create(on: tx)
            try await AccountStore.insertToken(tx, account: a.id!, purpose: .verifyEmail, hash: tokenHash, expires: tokenExpires, newEmail: nil)
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

    public func verify(company id: UUID, byOffice office: String, now: Date = Date()) async throws {
        guard let c = try await CompanyRecord.find(id, on: db) else { return }
        c.verifiedAt = now; c.verifiedByOffice = office
        try await c.update(on: db)
    }
}
