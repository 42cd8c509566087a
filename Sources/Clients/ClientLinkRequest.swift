import Foundation

/// A seeker's request to be linked to their client record at an office, found by PESEL.
public struct ClientLinkRequest: Sendable, Equatable {
    public enum Status: String, Sendable { case pending, approved, rejected }
    public let id: UUID
    public let accountID: UUID
    public let accountEmail: String
    public let seekerName: String?
    public let peselCiphertext: String
    public let peselIndex: String
    public let officeID: String
    public let status: Status
    public let clientID: UUID?
    public let createdAt: Date

    public init(id: UUID, accountID: UUID, accountEmail: String, seekerName: String? = nil, peselCiphertext: String, peselIndex: String, officeID: String, status: Status, clientID: UUID? = nil, createdAt: Date) {
        self.id = id; self.accountID = accountID; self.accountEmail = accountEmail; self.seekerName = seekerName; self.peselCiphertext = peselCiphertext; self.peselIndex = peselIndex; self.officeID = officeID; self.status = status; self.clientID = clientID; self.createdAt = createdAt
    }
}
