import Foundation

public struct NewCompany: Sendable {
    public var name: String
    public var nip: String?
    public var regon: String?
    public var street: String
    public var houseNumber: String
    public var postalCode: String
    public var locality: String
    /// The office serving the company's postal code: it verifies the company.
    public var officeID: String?

    public init(name: String, nip: String?, regon: String?, street: String, houseNumber: String, postalCode: String, locality: String,
                officeID: String? = nil) {
        self.name = name; self.nip = nip; self.regon = regon; self.street = street; self.houseNumber = houseNumber
        self.postalCode = postalCode; self.locality = locality; self.officeID = officeID
    }
}

public struct Company: Sendable, Equatable {
    public let id: UUID
    public let name: String
    public let nip: String?
    public let regon: String?
    public let address: String
    public let officeID: String?
    public let verified: Bool
    public let createdAt: Date

    public init(id: UUID, name: String, nip: String? = nil, regon: String? = nil, address: String, officeID: String? = nil, verified: Bool, createdAt: Date) {
        self.id = id; self.name = name; self.nip = nip; self.regon = regon; self.address = address; self.officeID = officeID; self.verified = verified; self.createdAt = createdAt
    }
}

public struct CompanyUser: Sendable, Equatable {
    public let accountID: UUID
    public let email: String
    public let contactPerson: String

    public init(accountID: UUID, email: String, contactPerson: String) {
        self.accountID = accountID; self.email = email; self.contactPerson = contactPerson
    }
}
