import Fluent
import Foundation
import Directory

final class PostalCodeRecord: Model, @unchecked Sendable {
    static let schema = "postal_codes"
    @ID(custom: "code", generatedBy: .user) var id: String?
    @Field(key: "voivodeship_code") var voivodeshipCode: String
    @Field(key: "locality") var locality: String
    @OptionalField(key: "latitude") var latitude: Double?
    @OptionalField(key: "longitude") var longitude: Double?
    @Field(key: "powiat_code") var powiatCode: String
    @Field(key: "method") var method: String
    init() {}

    var domain: PostalCodeEntry {
        PostalCodeEntry(code: id ?? "", voivodeshipCode: voivodeshipCode, locality: locality, latitude: latitude,
                        longitude: longitude, powiatCode: powiatCode, method: PowiatMethod(rawValue: method) ?? .imported)
    }
}

/// An administrator's correction of a postal code's powiat; survives reloads of the table.
final class PostalCodeOverrideRecord: Model, @unchecked Sendable {
    static let schema = "postal_code_overrides"
    @ID(custom: "code", generatedBy: .user) var id: String?
    @Field(key: "powiat_code") var powiatCode: String
    @OptionalField(key: "reason") var reason: String?
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

/// Small key/value facts about the database itself: which reference data is loaded.
final class AppMetaRecord: Model, @unchecked Sendable {
    static let schema = "app_meta"
    @ID(custom: "key", generatedBy: .user) var id: String?
    @Field(key: "value") var value: String
    @Field(key: "updated_at") var updatedAt: Date
    init() {}
}
