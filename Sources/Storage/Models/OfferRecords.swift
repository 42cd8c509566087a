import Fluent
import Foundation

final class OccupationRecord: Model, @unchecked Sendable {
    static let schema = "occupations"
    @ID(custom: "code", generatedBy: .user) var id: String?
    @Field(key: "name") var name: String
    @Field(key: "level") var level: Int
    @Field(key: "school_occupation") var schoolOccupation: Bool
    init() {}
}

final class OfferRecord: Model, @unchecked Sendable {
    static let schema = "offers"
    @ID(key: .id) var id: UUID?
    @Field(key: "company_id") var companyID: UUID
    @Field(key: "created_by") var createdBy: UUID
    @Field(key: "office_id") var officeID: String
    @Field(key: "status") var status: String
    @OptionalField(key: "moderation_note") var moderationNote: String?
    @Field(key: "title") var title: String
    @Field(key: "occupation_code") var occupationCode: String
    @Field(key: "duties") var duties: String
    @OptionalField(key: "postal_code") var postalCode: String?
    @Field(key: "locality") var locality: String
    @OptionalField(key: "powiat_code") var powiatCode: String?
    @OptionalField(key: "voivodeship_code") var voivodeshipCode: String?
    @OptionalField(key: "country") var country: String?
    @OptionalField(key: "latitude") var latitude: Double?
    @OptionalField(key: "longitude") var longitude: Double?
    @Field(key: "contract") var contract: String
    @Field(key: "working_time") var workingTime: Double
    @Field(key: "shifts") var shifts: String
    @OptionalField(key: "wage_min") var wageMin: Double?
    @OptionalField(key: "wage_max") var wageMax: Double?
    @Field(key: "wage_type") var wageType: String
    @Field(key: "positions") var positions: Int
    @Field(key: "positions_disabled") var positionsDisabled: Int
    @Field(key: "education") var education: String
    @Field(key: "languages") var languages: String
    @Field(key: "experience_months") var experienceMonths: Int
    @Field(key: "licences") var licences: String
    @OptionalField(key: "start_date") var startDate: Date?
    @Field(key: "valid_until") var validUntil: Date
    @Field(key: "how_to_apply") var howToApply: String
    @Field(key: "employer_visible") var employerVisible: Bool
    @Field(key: "employer_verified") var employerVerified: Bool
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    @OptionalField(key: "published_at") var publishedAt: Date?
    init() {}
}
