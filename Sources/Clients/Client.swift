import Foundation

/// A client of the offices: one identity across channels (portal account, phone, e-mail, PESEL).
/// PESEL arrives here already encrypted, with its keyed blind index: the database never holds it
/// in clear, and a lookup by PESEL is an equality on the index.
public struct Client: Sendable, Equatable {
    public enum Kind: String, Sendable { case seeker, employer, anonymous }
    public let id: UUID
    public let number: String
    public let kind: Kind
    public let firstName: String?
    public let lastName: String?
    public let peselCiphertext: String?
    public let hasPIN: Bool
    public let pinHash: String?
    public let accountID: UUID?
    public let officeID: String?
    public let phones: [String]
    public let emails: [String]
    /// Processing restricted (art. 18, or kept after the person erased their account): only the
    /// data protection officer sees the record and nothing is done with it.
    public let restricted: Bool
    /// Registered as unemployed at a labour office since this day (nil: not registered so) — what
    /// the free line for the registered unemployed checks; recorded by the office.
    public var unemployedSince: Date? = nil

    public init(id: UUID, number: String, kind: Kind, firstName: String? = nil, lastName: String? = nil, peselCiphertext: String? = nil, hasPIN: Bool, pinHash: String? = nil, accountID: UUID? = nil, officeID: String? = nil, phones: [String], emails: [String], restricted: Bool = false) {
        self.id = id; self.number = number; self.kind = kind; self.firstName = firstName; self.lastName = lastName; self.peselCiphertext = peselCiphertext; self.hasPIN = hasPIN; self.pinHash = pinHash; self.accountID = accountID; self.officeID = officeID; self.phones = phones; self.emails = emails
        self.restricted = restricted
    }
}

public struct NewClient: Sendable {
    public var number: String
    public var kind: Client.Kind
    public var firstName: String?
    public var lastName: String?
    public var peselCiphertext: String?
    public var peselIndex: String?
    public var pinHash: String?
    public var accountID: UUID?
    public var officeID: String?
    public var phones: [String]
    public var emails: [String]

    public init(number: String, kind: Client.Kind, firstName: String? = nil, lastName: String? = nil, peselCiphertext: String? = nil,
                peselIndex: String? = nil, pinHash: String? = nil, accountID: UUID? = nil, officeID: String? = nil,
                phones: [String] = [], emails: [String] = []) {
        self.number = number; self.kind = kind; self.firstName = firstName; self.lastName = lastName
        self.peselCiphertext = peselCiphertext; self.peselIndex = peselIndex; self.pinHash = pinHash
        self.accountID = accountID; self.officeID = officeID; self.phones = phones; self.emails = emails
    }
}
