import Vapor
import Views

/// A link that works without signing in (one-click unsubscribe, the SMS gateway's delivery
/// report): the id it is for and an HMAC of that id for one purpose, so nobody can make one for
/// another id, and one purpose's link does not open another's.
struct SignedLink: Sendable {
    let purpose: String
    let route: SiteRoute
    let key: SymmetricKey

    static func alertUnsubscribe(_ key: SymmetricKey) -> SignedLink { SignedLink(purpose: "unsubscribe", route: .alertsUnsubscribe, key: key) }
    static func newsletterUnsubscribe(_ key: SymmetricKey) -> SignedLink { SignedLink(purpose: "newsletter", route: .newsletterUnsubscribe, key: key) }
    static func smsDeliveryReport(_ key: SymmetricKey) -> SignedLink { SignedLink(purpose: "sms-dlr", route: .smsDeliveryReport, key: key) }

    func signature(_ id: UUID) -> String { Secrets.signature(id, purpose: purpose, key: key) }

    func isValid(_ id: UUID, signature: String) -> Bool { Secrets.sameMAC(self.signature(id), signature) }

    /// The link's path with its query (`id`, `sig`).
    func path(_ id: UUID) -> String { route.with(["id": id.uuidString.lowercased(), "sig": signature(id)]) }
}
