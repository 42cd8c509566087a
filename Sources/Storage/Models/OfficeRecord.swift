import Fluent
import Directory

final class OfficeRecord: Model, @unchecked Sendable {
    static let schema = "offices"
    @ID(custom: "id", generatedBy: .user) var id: String?
    @Field(key: "kind") var kind: String
    @Field(key: "name") var name: String
    @Field(key: "locality") var locality: String
    @Field(key: "voivodeship_code") var voivodeshipCode: String
    /// Space-separated TERYT codes of the powiats served.
    @Field(key: "powiat_codes") var powiatCodes: String
    @OptionalField(key: "street") var street: String?
    @OptionalField(key: "postal_code") var postalCode: String?
    @OptionalField(key: "phone") var phone: String?
    @OptionalField(key: "email") var email: String?
    @OptionalField(key: "website") var website: String?
    @OptionalField(key: "hours") var hours: String?
    @Field(key: "verified") var verified: Bool
    @OptionalField(key: "note") var note: String?
    /// Folded name, locality and powiats (see `OfficeSearchText`).
    @Field(key: "search_text") var searchText: String
    init() {}

    var domain: Office {
        Office(id: id ?? "", kind: Office.Kind(rawValue: kind) ?? .pup, name: name, locality: locality,
               voivodeshipCode: voivodeshipCode, powiatCodes: powiatCodes.split(separator: " ").map(String.init),
               street: street, postalCode: postalCode, phone: phone, email: email, website: website,
               hours: hours.flatMap(WeeklyHours.init(notation:)), verified: verified, note: note)
    }
}
