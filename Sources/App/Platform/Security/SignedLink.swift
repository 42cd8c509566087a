import Vapor
import Views

/// A link that works without signing in (one-click unsubscribe, the SMS gateway's delivery
/// report): the id it is for and an HMAC of that id for one purpose, so nobody can make one for
/// another id, and one purpose's link does not open another's.
struct SignedLink: Sendable {
    let purpose: String
    let route: SiteRoute
    let key: SymmetricKey
    /// Keys of links sent before the data key was replaced, still accepted while it is.
    var previous: [SymmetricKey] = []

    static func alertUnsubscribe(_ key: SymmetricKey) -> SignedLink { SignedLink(purpose: "unsubscribe", route: .alertsUnsubscribe, key: key) }
    static func newsletterUnsubscribe(_ key: SymmetricKey) -> SignedLink { SignedLink(purpose: "newsletter", route: .newsletterUnsubscribe, key: key) }
    static func smsDeliveryReport(_ key: SymmetricKey) -> SignedLink { SignedLink(purpose: "sms-dlr", route: .smsDeliveryReport, key: key) }

    /// The link as the deployment checks it: made with the current key, also accepted under the
    /// previous one while the data key is replaced.
    static func checked(_ make: (SymmetricKey) -> SignedLink, _ secrets: Secrets, _ purpose: KeyPath<Secrets, SymmetricKey>) -> SignedLink {
        var link = make(secrets[keyPath: purpose])
        link.previous = Array(secrets.accepted(purpose).dropFirst())
        return link
    }

    func signature(_ id: UUID) -> String { Secrets.signature(id, purpose: purpose, key: key) }

    func isValid(_ id: UUID, signature: String) -> Bool { Secrets.isSigned(id, purpose: purpose, given: signature, keys: [key] + previous) }

    /// The link's path with its query (`id`, `sig`).
    func path(_ id: UUID) -> String { route.with(["id": id.uuidString.lowercased(), "sig": signature(id)]) }
}
