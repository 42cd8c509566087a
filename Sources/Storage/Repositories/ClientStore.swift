import Fluent
import Foundation
import Clients

public enum ClientStoreError: Error, Equatable { case duplicatePESEL, duplicateNumber }

public struct ClientStore: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }

    /// Creates the client with its contacts in one transaction.
    public func create(_ c: NewClient) async throws -> UUID {
        try await db.transaction { tx in
            if let index = c.peselIndex, try await ClientRecord.query(on: tx).filter(\.$peselIndex == index).first() != nil {
                throw ClientStoreError.duplicatePESEL
            }
            if try await ClientRecord.query(on: tx).filter(\.$clientNumber == c.number).first() != nil {
                throw ClientStoreError.duplicateNumber
            }
            let r = ClientRecord()
            r.clientNumber = c.number; r.kind = c.kind.rawValue; r.firstName = c.firstName; r.lastName = c.lastName
            r.peselCiphertext = c.peselCiphertext; r.peselIndex = c.peselIndex; r.pinHash = c.pinHash
            r.accountID = c.accountID; r.officeID = c.officeID; r.createdAt = Date()
            try await r.create(on: tx)
            let id = try r.requireID()
            for (kind, values) in [("phone", c.phones), ("email", c.emails)] {
                for v in Set(values) {
                    let contact = ClientContactRecord()
                    contact.clientID = id; contact.kind = kind; contact.value = v
                    try await contact.create(on: tx)
                }
            }
            return id
        }
    }

    public func find(id: UUID) async throws -> Client? {
        guard let r = try await ClientRecord.find(id, on: db) else { return nil }
        return try await client(r)
    }

    /// The look-ups by what a caller or a staff member knows (number, PESEL, phone, e-mail)
    /// do not find a restricted record: it is not processed. The data protection officer finds
    /// it with `includingRestricted`.
    public func find(number: String) async throws -> Client? { try await find(number: number, includingRestricted: false) }

    public func find(number: String, includingRestricted: Bool) async throws -> Client? {
        guard let r = try await ClientRecord.query(on: db).filter(\.$clientNumber == number).first(),
              includingRestricted || r.restrictedAt == nil else { return nil }
        return try await client(r)
    }

    /// By the PESEL's blind index: under the current data key, then the previous while it is replaced.
    public func find(peselIndexes: [String], includingRestricted: Bool = false) async throws -> Client? {
        guard let r = try await ClientRecord.query(on: db).filter(\.$peselIndex ~~ peselIndexes).first(),
              includingRestricted || r.restrictedAt == nil else { return nil }
        return try await client(r)
    }

    /// Every client with this phone number or e-mail (a household may share one).
    public func find(contact kind: String, value: String, includingRestricted: Bool = false) async throws -> [Client] {
        let ids = try await ClientContactRecord.query(on: db).filter(\.$kind == kind).filter(\.$value == value).all().map(\.clientID)
        var result: [Client] = []
        for id in Set(ids) { if let c = try await find(id: id), includingRestricted || !c.restricted { result.append(c) } }
        return result.sorted { $0.number < $1.number }
    }

    public func setPIN(_ id: UUID, hash: String) async throws {
        guard let r = try await ClientRecord.find(id, on: db) else { return }
        r.pinHash = hash
        try await r.update(on: db)
    }

    /// Registered as unemployed since `day`, or no longer (nil).
    public func setUnemployed(_ id: UUID, since day: Date?) async throws {
        guard let r = try await ClientRecord.find(id, on: db) else { return }
        r.unemployedSince = day
        try await r.update(on: db)
    }

    func client(_ r: ClientRecord) async throws -> Client {
        let contacts = try await ClientContactRecord.query(on: db).filter(\.$clientID == r.id!).all()
        var client = Client(id: r.id!, number: r.clientNumber, kind: Client.Kind(rawValue: r.kind) ?? .anonymous,
                      firstName: r.firstName, lastName: r.lastName, peselCiphertext: r.peselCiphertext, hasPIN: r.pinHash != nil,
                      pinHash: r.pinHash, accountID: r.accountID, officeID: r.officeID,
                      phones: contacts.filter { $0.kind == "phone" }.map(\.value).sorted(),
                      emails: contacts.filter { $0.kind == "email" }.map(\.value).sorted(), restricted: r.restrictedAt != nil)
        client.unemployedSince = r.unemployedSince
        return client
    }
}

extension ClientStore {
    /// The client record linked to a portal account, if any.
    public func find(account: UUID) async throws -> Client? {
        guard let r = try await ClientRecord.query(on: db).filter(\.$accountID == account).first() else { return nil }
        return try await client(r)
    }

    public func link(_ id: UUID, account: UUID) async throws {
        guard let r = try await ClientRecord.find(id, on: db) else { return }
        r.accountID = account
        try await r.update(on: db)
    }

    /// Client numbers by id, for lists (the audit log) that name many clients.
    public func numbers(_ ids: Set<UUID>) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await ClientRecord.query(on: db).filter(\.$id ~~ Array(ids)).all()
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.id!, $0.clientNumber) })
    }
}

/// The client type under a name that does not clash with Vapor's `Client`.
public typealias OfficeClient = Client

extension ClientStore: ClientRepository {}
