import Fluent
import Foundation

final class CompanyRecord: Model, @unchecked Sendable {
    static let schema = "companies"
    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @OptionalField(key: "nip") var nip: String?
    @OptionalField(key: "regon") var regon: String?
    @Field(key: "street") var street: String
    @Field(key: "house_number") var houseNumber: String
    @Field(key: "postal_code") var postalCode: String
    @Field(key: "locality") var locality: String
    @OptionalField(key: "verified_at") var verifiedAt: Date?
    @OptionalField(key: "verified_by_office") var verifiedByOffice: String?
    /// The office that verifies the company: the one serving its postal code.
    @OptionalField(key: "office_id") var officeID: String?
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

final class EmployerUserRecord: Model, @unchecked Sendable {
    static let schema = "employer_users"
    @ID(custom: "account_id", generatedBy: .user) var id: UUID?
    @Field(key: "company_id") var companyID: UUID
    @Field(key: "contact_person") var contactPerson: String
    init() {}
}
