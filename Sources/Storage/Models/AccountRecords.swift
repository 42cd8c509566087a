import Fluent
import Foundation

final class AccountRecord: Model, @unchecked Sendable {
    static let schema = "accounts"
    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: String
    @Field(key: "email") var email: String
    @Field(key: "password_hash") var passwordHash: String
    @OptionalField(key: "email_verified_at") var emailVerifiedAt: Date?
    @Field(key: "language") var language: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    @Field(key: "session_epoch") var sessionEpoch: Int
    init() {}
}

final class SeekerProfileRecord: Model, @unchecked Sendable {
    static let schema = "seeker_profiles"
    @ID(custom: "account_id", generatedBy: .user) var id: UUID?
    @Field(key: "first_name") var firstName: String
    @Field(key: "last_name") var lastName: String
    @Field(key: "voivodeship_code") var voivodeshipCode: String
    @Field(key: "locality") var locality: String
    @Field(key: "postal_code") var postalCode: String
    @Field(key: "street") var street: String
    @Field(key: "house_number") var houseNumber: String
    @OptionalField(key: "phone") var phone: String?
    init() {}
}

final class AccountTokenRecord: Model, @unchecked Sendable {
    static let schema = "account_tokens"
    @ID(key: .id) var id: UUID?
    @Field(key: "account_id") var accountID: UUID
    @Field(key: "purpose") var purpose: String
    @Field(key: "token_hash") var tokenHash: String
    @OptionalField(key: "new_email") var newEmail: String?
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

final class OutboxRecord: Model, @unchecked Sendable {
    static let schema = "outbox"
    @ID(key: .id) var id: UUID?
    @Field(key: "recipient") var recipient: String
    @Field(key: "subject") var subject: String
    @Field(key: "text_body") var textBody: String
    @Field(key: "html_body") var htmlBody: String
    @Field(key: "language") var language: String
    @Field(key: "kind") var kind: String
    @Field(key: "status") var status: String
    @Field(key: "attempts") var attempts: Int
    @Field(key: "next_attempt_at") var nextAttemptAt: Date
    @OptionalField(key: "claimed_until") var claimedUntil: Date?
    @OptionalField(key: "last_error") var lastError: String?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "sent_at") var sentAt: Date?
    @OptionalField(key: "in_reply_to") var inReplyTo: String?
    @OptionalField(key: "references_list") var referencesList: String?
    @OptionalField(key: "reply_to") var replyTo: String?
    @OptionalField(key: "personal") var personal: Bool?
    init() {}
}

final class RateLimitRecord: Model, @unchecked Sendable {
    static let schema = "rate_limits"
    @ID(custom: "key", generatedBy: .user) var id: String?
    @Field(key: "window_start") var windowStart: Date
    @Field(key: "count") var count: Int
    init() {}
}
