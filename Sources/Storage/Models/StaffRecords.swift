import Fluent
import Foundation

final class StaffMemberRecord: Model, @unchecked Sendable {
    static let schema = "staff_members"
    @ID(custom: "account_id", generatedBy: .user) var id: UUID?
    @Field(key: "display_name") var displayName: String
    @Field(key: "roles") var roles: String
    @Field(key: "national") var national: Bool
    @Field(key: "active") var active: Bool
    @OptionalField(key: "totp_secret") var totpSecret: String?
    @OptionalField(key: "totp_confirmed_at") var totpConfirmedAt: Date?
    @OptionalField(key: "totp_last_step") var totpLastStep: Int64?
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

final class StaffOfficeRecord: Model, @unchecked Sendable {
    static let schema = "staff_offices"
    @ID(key: .id) var id: UUID?
    @Field(key: "account_id") var accountID: UUID
    @Field(key: "office_id") var officeID: String
    init() {}
}

final class StaffRecoveryCodeRecord: Model, @unchecked Sendable {
    static let schema = "staff_recovery_codes"
    @ID(key: .id) var id: UUID?
    @Field(key: "account_id") var accountID: UUID
    @Field(key: "code_hash") var codeHash: String
    @OptionalField(key: "used_at") var usedAt: Date?
    init() {}
}

final class ClientLinkRequestRecord: Model, @unchecked Sendable {
    static let schema = "client_link_requests"
    @ID(key: .id) var id: UUID?
    @Field(key: "account_id") var accountID: UUID
    @Field(key: "pesel_ciphertext") var peselCiphertext: String
    @Field(key: "pesel_index") var peselIndex: String
    @Field(key: "office_id") var officeID: String
    @Field(key: "status") var status: String
    @OptionalField(key: "client_id") var clientID: UUID?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @OptionalField(key: "decided_by") var decidedBy: UUID?
    init() {}
}

final class AccountPhotoRecord: Model, @unchecked Sendable {
    static let schema = "account_photos"
    @ID(custom: "account_id", generatedBy: .user) var id: UUID?
    @Field(key: "content_type") var contentType: String
    @Field(key: "data") var data: Data
    @Field(key: "updated_at") var updatedAt: Date
    init() {}
}

final class CompanyInvitationRecord: Model, @unchecked Sendable {
    static let schema = "company_invitations"
    @ID(key: .id) var id: UUID?
    @Field(key: "company_id") var companyID: UUID
    @Field(key: "email") var email: String
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "invited_by") var invitedBy: UUID
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?
    @Field(key: "created_at") var createdAt: Date
    init() {}
}
