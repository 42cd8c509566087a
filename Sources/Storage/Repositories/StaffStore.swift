import Fluent
import SQLKit
import Foundation
import Access
import Clients

public enum StaffStoreError: Error, Equatable { case noRoles, noOffices }

public struct StaffStore: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }

    /// Account and staff record together. Staff accounts start without a second factor: they
    /// enrol at their first sign-in.
    public func create(email: String, passwordHash: String, displayName: String, roles: Set<StaffRole>, scope: OfficeScope,
                       language: String) async throws -> UUID {
        try Self.check(roles, scope)
        return try await db.transaction { tx in
            if try await AccountRecord.query(on: tx).filter(\.$email == email).first() != nil { throw AccountStoreError.duplicateEmail }
            let now = Date()
            let a = AccountRecord()
            a.kind = Account.Kind.staff.rawValue; a.email = email; a.passwordHash = passwordHash
            a.language = language; a.createdAt = now; a.updatedAt = now; a.sessionEpoch = 0
            // An administrator vouches for the address of a staff account.
            a.emailVerifiedAt = now
            try await a.create(on: tx)
            let s = StaffMemberRecord()
            s.id = a.id; s.displayName = displayName; s.createdAt = now; s.active = true
            try await Self.apply(tx, s, roles: roles, scope: scope, isNew: true)
            return a.id!
        }
    }

    public func update(_ id: UUID, displayName: String, roles: Set<StaffRole>, scope: OfficeScope, active: Bool) async throws {
        try Self.check(roles, scope)
        try await db.transaction { tx in
            guard let s = try await StaffMemberRecord.find(id, on: tx) else { return }
            s.displayName = displayName; s.active = active
            try await Self.apply(tx, s, roles: roles, scope: scope, isNew: false)
        }
    }

    static func check(_ roles: Set<StaffRole>, _ scope: OfficeScope) throws {
        if roles.isEmpty { throw StaffStoreError.noRoles }
        if case .offices(let ids) = scope, ids.isEmpty { throw StaffStoreError.noOffices }
    }

    static func apply(_ tx: any Database, _ s: StaffMemberRecord, roles: Set<StaffRole>, scope: OfficeScope, isNew: Bool) async throws {
        s.roles = roles.map(\.rawValue).sorted().joined(separator: ",")
        s.national = scope == .national
        if isNew { try await s.create(on: tx) } else { try await s.update(on: tx) }
        try await StaffOfficeRecord.query(on: tx).filter(\.$accountID == s.id!).delete()
        if case .offices(let ids) = scope {
            for office in ids.sorted() {
                let o = StaffOfficeRecord()
                o.accountID = s.id!; o.officeID = office
                try await o.create(on: tx)
            }
        }
    }

    public func find(_ id: UUID) async throws -> StaffMember? {
        guard let s = try await StaffMemberRecord.find(id, on: db), let a = try await AccountRecord.find(id, on: db) else { return nil }
        let offices = try await StaffOfficeRecord.query(on: db).filter(\.$accountID == id).all().map(\.officeID)
        return Self.member(s, email: a.email, offices: offices)
    }

    /// Display names by id (as strings), for lists of agents.
    public func names(_ ids: Set<UUID>) async throws -> [String: String] {
        guard !ids.isEmpty else { return [:] }
        // Two columns read plainly: decoding whole model rows (by reflection) for a list of
        // consultants took a fifth of a server's time in the national peak benchmark.
        let rows = try await (db as! any SQLDatabase).select().column("account_id").column("display_name").from(StaffMemberRecord.schema)
            .where("account_id", .in, SQLBind.group(Array(ids))).all()
        return Dictionary(uniqueKeysWithValues: try rows.map {
            (try $0.decode(column: "account_id", as: UUID.self).uuidString, try $0.decode(column: "display_name", as: String.self))
        })
    }

    /// Every staff member, with their offices, ordered by name.
    public func all() async throws -> [StaffMember] {
        let members = try await StaffMemberRecord.query(on: db).all()
        let accounts = try await AccountRecord.query(on: db).filter(\.$kind == Account.Kind.staff.rawValue).all()
        let emails = Dictionary(uniqueKeysWithValues: accounts.map { ($0.id!, $0.email) })
        let offices = Dictionary(grouping: try await StaffOfficeRecord.query(on: db).all(), by: \.accountID)
        return members.map { Self.member($0, email: emails[$0.id!] ?? "", offices: offices[$0.id!]?.map(\.officeID) ?? []) }
            .sorted { ($0.displayName, $0.email) < ($1.displayName, $1.email) }
    }

    static func member(_ s: StaffMemberRecord, email: String, offices: [String]) -> StaffMember {
        StaffMember(id: s.id!, email: email, displayName: s.displayName,
                    roles: Set(s.roles.split(separator: ",").compactMap { StaffRole(rawValue: String($0)) }),
                    scope: s.national ? .national : .offices(Set(offices)), active: s.active,
                    totpSecretCiphertext: s.totpSecret, totpConfirmed: s.totpConfirmedAt != nil, totpLastStep: s.totpLastStep)
    }

    // MARK: second factor

    /// Keeps a new, not yet confirmed secret (enrolment in progress).
    public func setPendingSecret(_ id: UUID, ciphertext: String) async throws {
        guard let s = try await StaffMemberRecord.find(id, on: db), s.totpConfirmedAt == nil else { return }
        s.totpSecret = ciphertext
        try await s.update(on: db)
    }

    /// Confirms enrolment with the step of the first good code and stores the recovery codes' hashes.
    public func confirmSecret(_ id: UUID, step: Int64, recoveryCodeHashes: [String], now: Date = Date()) async throws {
        try await db.transaction { tx in
            guard let s = try await StaffMemberRecord.find(id, on: tx) else { return }
            s.totpConfirmedAt = now; s.totpLastStep = step
            try await s.update(on: tx)
            try await Self.replaceRecoveryCodes(tx, id, recoveryCodeHashes)
        }
    }

    /// Records a used time step; false when that step (or a later one) was already used, so a
    /// code overheard once cannot be replayed.
    public func useStep(_ id: UUID, _ step: Int64) async throws -> Bool {
        try await db.transaction { tx in
            guard let s = try await StaffMemberRecord.find(id, on: tx) else { return false }
            if let last = s.totpLastStep, step <= last { return false }
            s.totpLastStep = step
            try await s.update(on: tx)
            return true
        }
    }

    /// Uses a recovery code once.
    public func useRecoveryCode(_ id: UUID, hash: String, now: Date = Date()) async throws -> Bool {
        try await db.transaction { tx in
            guard let code = try await StaffRecoveryCodeRecord.query(on: tx).filter(\.$accountID == id).filter(\.$codeHash == hash)
                .filter(\.$usedAt == nil).first() else { return false }
            code.usedAt = now
            try await code.update(on: tx)
            return true
        }
    }

    public func remainingRecoveryCodes(_ id: UUID) async throws -> Int {
        try await StaffRecoveryCodeRecord.query(on: db).filter(\.$accountID == id).filter(\.$usedAt == nil).count()
    }

    public func replaceRecoveryCodes(_ id: UUID, hashes: [String]) async throws {
        try await db.transaction { tx in try await Self.replaceRecoveryCodes(tx, id, hashes) }
    }

    static func replaceRecoveryCodes(_ tx: any Database, _ id: UUID, _ hashes: [String]) async throws {
        try await StaffRecoveryCodeRecord.query(on: tx).filter(\.$accountID == id).delete()
        for h in hashes {
            let r = StaffRecoveryCodeRecord()
            r.accountID = id; r.codeHash = h
            try await r.create(on: tx)
        }
    }

    /// An administrator's reset (lost phone): the member enrols again at their next sign-in.
    public func resetSecondFactor(_ id: UUID) async throws {
        try await db.transaction { tx in
            guard let s = try await StaffMemberRecord.find(id, on: tx) else { return }
            s.totpSecret = nil; s.totpConfirmedAt = nil; s.totpLastStep = nil
            try await s.update(on: tx)
            try await StaffRecoveryCodeRecord.query(on: tx).filter(\.$accountID == id).delete()
        }
    }
}
