/// Who runs this deployment: shown on the contact page and in the accessibility statement.
/// Comes from configuration, since every deployment is run by someone else.
public struct OperatorInfo: Sendable, Equatable {
    public var name: String
    public var address: String
    public var email: String?
    public var accessibilityContactName: String?
    public var accessibilityContactEmail: String?
    public var accessibilityContactPhone: String?
    public var siteURL: String
    /// ISO dates for the accessibility statement.
    public var publishedOn: String
    public var updatedOn: String
    /// The controller of the personal data and the data protection officer (the privacy policy).
    public var controllerName = "Komendant Główny Ochotniczych Hufców Pracy"
    public var controllerAddress = "ul. Tamka 1, 00-349 Warszawa"
    public var dpoEmail = "iodkg@ohp.pl"
    public var dpoAddress = "Inspektor Ochrony Danych KG OHP, ul. Tamka 1, 00-349 Warszawa"

    public init(name: String, address: String, email: String?, accessibilityContactName: String?,
                accessibilityContactEmail: String?, accessibilityContactPhone: String?, siteURL: String,
                publishedOn: String, updatedOn: String) {
        self.name = name; self.address = address; self.email = email
        self.accessibilityContactName = accessibilityContactName
        self.accessibilityContactEmail = accessibilityContactEmail
        self.accessibilityContactPhone = accessibilityContactPhone
        self.siteURL = siteURL; self.publishedOn = publishedOn; self.updatedOn = updatedOn
    }
}
