import Fluent
import Privacy
import SQLKit
import Foundation

/// A portal account as the application sees it.
public struct Account: Sendable, Equatable {
    public enum Kind: String, Sendable { case seeker, employer, staff }
    public let id: UUID
    public let kind: Kind
    public let email: String
    public let passwordHash: String
    public let emailVerified: Bool
    public let language: String
    /// Sessions stamped with an older value are over (see `endSessions`).
    public let sessionEpoch: Int
}

public struct SeekerProfile: Sendable, Equatable {
    public var firstName: String
    public var lastName: String
    public var voivodeshipCode: String
    public var locality: String
    public var postalCode: String
    public var street: String
    public var houseNumber: String
    public var phone: String?

    /// The name as letters and forms address the person.
    public var fullName: String { firstName + " " + lastName }

    public init(firstName: String, lastName: String, voivodeshipCode: String, locality: String, postalCode: String,
                street: String, houseNumber: String, phone: String?) {
        self.firstName = firstName; self.lastName = lastName; self.voivodeshipCode = voivodeshipCode; self.locality = locality
        self.postalCode = postalCode; self.street = street; self.houseNumber = houseNumber; self.phone = phone
    }
}

/// Single-use, time-limited tokens sent by e-mail; only their SHA-256 is stored.
public enum TokenPurpose: String, Sendable { case verifyEmail = "verify_email", resetPassword = "reset_password", changeEmail = "change_email" }

public enum AccountStoreError: Error, Equatable {
    case duplicateEmail
    case tokenUnknown
    case tokenExpired
    case tokenUsed
}

public struct AccountStore: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }

    /// Creates the account, its profile (and photo), its verification token and the e-mail that
    /// carries it — all or nothing.
    public func registerSeeker(email: String, passwordHash: String, language: String, profile: SeekerProfile,
                               tokenHash: String, tokenExpires: Date, photo: (contentType: String, data: Data)? = nil, consent: ConsentGiven,
                               mail: @escaping @Sendable (UUID) -> OutboxMessage) async throws -> UUID {
        try await db.transaction { tx in
            if try await AccountRecord.query(on: tx).filter(\.$email == email).first() != nil { throw AccountStoreError.duplicateEmail }
            let now = Date()
            let a = AccountRecord()
            a.kind = Account.Kind.seeker.rawValue; a.email = email; a.passwordHash = passwordHash
            a.language = language; a.createdAt = now; a.updatedAt = now; a.sessionEpoch = 0
            try await a.create(on: tx)
            let id = try a.requireID()
            let p = SeekerProfileRecord()
            p.id = id; p.firstName = profile.firstName; p.lastName = profile.lastName
            p.voivodeshipCode = profile.voivodeshipCode; p.locality = profile.locality; p.postalCode = profile.postalCode
            p.street = profile.street; p.houseNumber = profile.houseNumber; p.phone = profile.phone
            try await p.create(on: tx)
            if let photo {
                let r = AccountPhotoRecord()
                r.id = id; r.contentType = photo.contentType; r.data = photo.data; r.updatedAt = now
                try await r.create(on: tx)
            }
            try await Self.insertToken(tx, account: id, purpose: .verifyEmail, hash: tokenHash, expires: tokenExpires, newEmail: nil)
            try await ConsentLedger(db: tx).record(consent, for: .account(id), now: now)
            try await Outbox(db: tx).enqueue(mail(id))
            return id
        }
    }

    /// A new token and the e-mail that carries it, together.
    public func issueToken(account: UUID, purpose: TokenPurpose, hash: String, expires: Date, newEmail: String? = nil,
                           mail: OutboxMessage) async throws {
        try await db.transaction { tx in
            try await Self.insertToken(tx, account: account, purpose: purpose, hash: hash, expires: expires, newEmail: newEmail)
            try await Outbox(db: tx).enqueue(mail)
        }
    }

    static func insertToken(_ db: any Database, account: UUID, purpose: TokenPurpose, hash: String, expires: Date, newEmail: String?) async throws {
        let t = AccountTokenRecord()
        t.accountID = account; t.purpose = purpose.rawValue; t.tokenHash = hash; t.expiresAt = expires
        t.newEmail = newEmail; t.createdAt = Date()
        try await t.create(on: db)
    }

    /// Uses a token once and applies its effect in the same transaction: verify the e-mail, set
    /// a new password, or switch to the new e-mail.
    public func redeem(tokenHash: String, purpose: TokenPurpose, newPasswordHash: String? = nil, now: Date = Date()) async throws -> UUID {
        try await db.transaction { tx in
            guard let t = try await AccountTokenRecord.query(on: tx).filter(\.$tokenHash == tokenHash)
                .filter(\.$purpose == purpose.rawValue).first() else { throw AccountStoreError.tokenUnknown }
            guard t.usedAt == nil else { throw AccountStoreError.tokenUsed }
            guard t.expiresAt > now else { throw AccountStoreError.tokenExpired }
            guard let a = try await AccountRecord.find(t.accountID, on: tx) else { throw AccountStoreError.tokenUnknown }
            t.usedAt = now
            try await t.update(on: tx)
            switch purpose {
            case .verifyEmail:
                a.emailVerifiedAt = a.emailVerifiedAt ?? now
            case .resetPassword:
                if let h = newPasswordHash { a.passwordHash = h; a.sessionEpoch += 1 }
                // A reset also proves the address works.
                a.emailVerifiedAt = a.emailVerifiedAt ?? now
                // Other reset links die with this one.
                try await AccountTokenRecord.query(on: tx).filter(\.$accountID == a.id!).filter(\.$purpose == purpose.rawValue)
                    .filter(\.$usedAt == nil).set(\.$usedAt, to: now).update()
            case .changeEmail:
                guard let newEmail = t.newEmail else { throw AccountStoreError.tokenUnknown }
                if try await AccountRecord.query(on: tx).filter(\.$email == newEmail).first() != nil { throw AccountStoreError.duplicateEmail }
                a.email = newEmail; a.emailVerifiedAt = now
            }
            a.updatedAt = now
            try await a.update(on: tx)
            return a.id!
        }
    }

    public func find(email: String) async throws -> Account? {
        try await AccountRecord.query(on: db).filter(\.$email == email).first().map(Self.account)
    }

    public func find(id: UUID) async throws -> Account? {
        try await AccountRecord.find(id, on: db).map(Self.account)
    }

    /// Accounts by id, those that exist (a batch of alerts reads its seekers at once).
    public func find(ids: [UUID]) async throws -> [UUID: Account] {
        guard !ids.isEmpty else { return [:] }
        let accounts = try await AccountRecord.query(on: db).filter(\.$id ~~ ids).all().map(Self.account)
        return Dictionary(accounts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public func profile(_ id: UUID) async throws -> SeekerProfile? {
        try await SeekerProfileRecord.find(id, on: db).map {
            SeekerProfile(firstName: $0.firstName, lastName: $0.lastName, voivodeshipCode: $0.voivodeshipCode, locality: $0.locality,
                          postalCode: $0.postalCode, street: $0.street, houseNumber: $0.houseNumber, phone: $0.phone)
        }
    }

    public func setPassword(_ id: UUID, hash: String) async throws {
        guard let a = try await AccountRecord.find(id, on: db) else { return }
        a.passwordHash = hash; a.updatedAt = Date(); a.sessionEpoch += 1
        try await a.update(on: db)
    }

    /// Ends every session of the account: each is stamped with the epoch it began in.
    /// A sign-in: the account is in use, so the clock of its deletion for inactivity starts
    /// again and any warning is void.
    public func signedIn(_ id: UUID, now: Date = Date()) async throws {
        try await (db as! any SQLDatabase).update("accounts").set("last_seen_at", to: SQLBind(now)).set("deletion_warned_at", to: SQLLiteral.null)
            .where("id", .equal, SQLBind(id)).run()
    }

    public func endSessions(_ id: UUID) async throws {
        try await (db as! any SQLDatabase).raw("UPDATE accounts SET session_epoch = session_epoch + 1 WHERE id = \(bind: id)").run()
    }

    /// The current epoch, nil when the account is gone.
    public func sessionEpoch(_ id: UUID) async throws -> Int? {
        try await AccountRecord.query(on: db).filter(\.$id == id).field(\.$sessionEpoch).first()?.sessionEpoch
    }

    static func account(_ r: AccountRecord) -> Account {
        Account(id: r.id!, kind: Account.Kind(rawValue: r.kind) ?? .seeker, email: r.email, passwordHash: r.passwordHash,
                emailVerified: r.emailVerifiedAt != nil, language: r.language, sessionEpoch: r.sessionEpoch)
    }
}
