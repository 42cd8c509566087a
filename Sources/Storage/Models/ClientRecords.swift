import Fluent
import Foundation

final class ClientRecord: Model, @unchecked Sendable {
    static let schema = "clients"
    @ID(key: .id) var id: UUID?
    @Field(key: "client_number") var clientNumber: String
    @Field(key: "kind") var kind: String
    @OptionalField(key: "first_name") var firstName: String?
    @OptionalField(key: "last_name") var lastName: String?
    @OptionalField(key: "pin_hash") var pinHash: String?
    @OptionalField(key: "pesel_ciphertext") var peselCiphertext: String?
    @OptionalField(key: "pesel_index") var peselIndex: String?
    @OptionalField(key: "account_id") var accountID: UUID?
    @OptionalField(key: "office_id") var officeID: String?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "restricted_at") var restrictedAt: Date?
    @OptionalField(key: "unemployed_since") var unemployedSince: Date?
    init() {}
}

final class ClientContactRecord: Model, @unchecked Sendable {
    static let schema = "client_contacts"
    @ID(key: .id) var id: UUID?
    @Field(key: "client_id") var clientID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "value") var value: String
    init() {}
}

final class AuditRecord: Model, @unchecked Sendable {
    static let schema = "audit_log"
    @ID(key: .id) var id: UUID?
    @Field(key: "at") var at: Date
    @Field(key: "actor_id") var actorID: UUID
    @OptionalField(key: "actor_office_id") var actorOfficeID: String?
    @OptionalField(key: "client_id") var clientID: UUID?
    @OptionalField(key: "client_office_id") var clientOfficeID: String?
    @Field(key: "action") var action: String
    @Field(key: "detail") var detail: String
    @Field(key: "reason") var reason: String
    @OptionalField(key: "address") var address: String?
    init() {}
}
