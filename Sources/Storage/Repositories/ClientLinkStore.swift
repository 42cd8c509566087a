import Fluent
import Foundation
import Clients
import Privacy

public enum ClientLinkError: Error, Equatable { case alreadyPending, alreadyLinked, notPending, clientLinkedElsewhere }

public struct ClientLinkStore: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }

    public func request(account: UUID, peselCiphertext: String, peselIndex: String, officeID: String) async throws -> UUID {
        try await db.transaction { tx in
            let open = try await ClientLinkRequestRecord.query(on: tx).filter(\.$accountID == account)
                .filter(\.$status == ClientLinkRequest.Status.pending.rawValue).first()
            if open != nil { throw ClientLinkError.alreadyPending }
            if try await ClientRecord.query(on: tx).filter(\.$accountID == account).first() != nil { throw ClientLinkError.alreadyLinked }
            let r = ClientLinkRequestRecord()
            r.accountID = account; r.peselCiphertext = peselCiphertext; r.peselIndex = peselIndex; r.officeID = officeID
            r.status = ClientLinkRequest.Status.pending.rawValue; r.createdAt = Date()
            try await r.create(on: tx)
            return r.id!
        }
    }

    /// The newest request of an account, for its settings page.
    public func latest(account: UUID) async throws -> ClientLinkRequest? {
        guard let r = try await ClientLinkRequestRecord.query(on: db).filter(\.$accountID == account).sort(\.$createdAt, .descending).first()
        else { return nil }
        return try await view(r)
    }

    public func find(_ id: UUID) async throws -> ClientLinkRequest? {
        guard let r = try await ClientLinkRequestRecord.find(id, on: db) else { return nil }
        return try await view(r)
    }

    /// Pending requests of some offices (nil: every office), oldest first.
    public func pending(offices: Set<String>?) async throws -> [ClientLinkRequest] {
        let q = ClientLinkRequestRecord.query(on: db).filter(\.$status == ClientLinkRequest.Status.pending.rawValue).sort(\.$createdAt)
        if let offices { q.filter(\.$officeID ~~ Array(offices)) }
        var result: [ClientLinkRequest] = []
        for r in try await q.limit(500).all() { result.append(try await view(r)) }
        return result
    }

    /// Approves (linking the account to the client with that PESEL, or to a new client record of
    /// the office) or rejects, with the audit entry, all in one transaction.
    /// `peselIndexes`: the request's PESEL indexed under every key the deployment holds, so a
    /// client indexed under a data key being replaced is found (by default the request's own index).
    public func decide(_ id: UUID, approve: Bool, by staff: UUID, staffOffice: String?, newClientNumber: @escaping @Sendable () -> String,
                       peselIndexes: [String] = [], now: Date = Date()) async throws -> UUID? {
        try await db.transaction { tx in
            guard let r = try await ClientLinkRequestRecord.find(id, on: tx),
                  r.status == ClientLinkRequest.Status.pending.rawValue else { throw ClientLinkError.notPending }
            r.decidedAt = now; r.decidedBy = staff
            var clientID: UUID? = nil
            if approve {
                if let existing = try await ClientRecord.query(on: tx).filter(\.$peselIndex ~~ ([r.peselIndex] + peselIndexes)).first() {
                    if let linked = existing.accountID, linked != r.accountID { throw ClientLinkError.clientLinkedElsewhere }
                    existing.accountID = r.accountID
                    if existing.kind == Client.Kind.anonymous.rawValue { existing.kind = Client.Kind.seeker.rawValue }
                    try await existing.update(on: tx)
                    clientID = existing.id
                } else {
                    let profile = try await SeekerProfileRecord.find(r.accountID, on: tx)
                    let c = ClientRecord()
                    c.clientNumber = newClientNumber(); c.kind = Client.Kind.seeker.rawValue
                    c.firstName = profile?.firstName; c.lastName = profile?.lastName
                    c.peselCiphertext = r.peselCiphertext; c.peselIndex = r.peselIndex
                    c.accountID = r.accountID; c.officeID = r.officeID; c.createdAt = now
                    try await c.create(on: tx)
                    if let account = try await AccountRecord.find(r.accountID, on: tx) {
                        let e = ClientContactRecord()
                        e.clientID = c.id!; e.kind = "email"; e.value = account.email
                        try await e.create(on: tx)
                    }
                    clientID = c.id
                }
                r.clientID = clientID
            }
            r.status = (approve ? ClientLinkRequest.Status.approved : .rejected).rawValue
            try await r.update(on: tx)
            try await AuditLog(db: tx).append(AuditEntry(at: now, actorID: staff, actorOfficeID: staffOffice, clientID: clientID, clientOfficeID: r.officeID,
                                                         action: approve ? "client.link_approved" : "client.link_rejected",
                                                         detail: "link request \(id.uuidString)", reason: "link_verification"))
            return clientID
        }
    }

    func view(_ r: ClientLinkRequestRecord) async throws -> ClientLinkRequest {
        let account = try await AccountRecord.find(r.accountID, on: db)
        let profile = try await SeekerProfileRecord.find(r.accountID, on: db)
        return ClientLinkRequest(id: r.id!, accountID: r.accountID, accountEmail: account?.email ?? "",
                                 seekerName: profile.map { "\($0.firstName) \($0.lastName)" },
                                 peselCiphertext: r.peselCiphertext, peselIndex: r.peselIndex, officeID: r.officeID,
                                 status: ClientLinkRequest.Status(rawValue: r.status) ?? .pending, clientID: r.clientID, createdAt: r.createdAt)
    }
}
