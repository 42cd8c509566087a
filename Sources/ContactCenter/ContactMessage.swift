import Foundation

/// A message sent with the portal's contact form: the seeds require an e-mail address and a
/// powiat (which gives the office that answers); topic and text follow.
public struct ContactMessage: Sendable, Equatable {
    public var email: String
    public var name: String
    public var powiatCode: String
    public var topic: ContactTopic
    public var text: String

    public init(email: String, name: String, powiatCode: String, topic: ContactTopic, text: String) {
        self.email = email; self.name = name; self.powiatCode = powiatCode; self.topic = topic; self.text = text
    }

    public static let maximumText = 5_000
    public static let maximumName = 100

    /// A case number people can quote on the phone: "ZL-" and 8 characters of the contact's id.
    public static func caseNumber(_ id: UUID) -> String { "ZL-" + id.uuidString.prefix(8) }
}
