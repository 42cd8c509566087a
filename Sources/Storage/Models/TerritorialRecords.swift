import Fluent

final class VoivodeshipRecord: Model, @unchecked Sendable {
    static let schema = "voivodeships"
    @ID(custom: "code", generatedBy: .user) var id: String?
    @Field(key: "name") var name: String
    init() {}
}

final class PowiatRecord: Model, @unchecked Sendable {
    static let schema = "powiats"
    @ID(custom: "code", generatedBy: .user) var id: String?
    @Field(key: "name") var name: String
    @Field(key: "voivodeship_code") var voivodeshipCode: String
    @Field(key: "is_city") var isCity: Bool
    /// The PUP serving this powiat; maintained when offices are loaded.
    @OptionalField(key: "office_id") var officeID: String?
    init() {}
}
