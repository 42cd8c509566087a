import Vapor

/// Keys derived from the data key (ZIELONA_DATA_KEY), one per purpose, so that a token of one
/// kind can never stand in for another. While the data key is replaced, `previous` holds the
/// old key's: links, forms and marks made with them are still accepted.
final class Secrets: Sendable {
    let previous: Secrets?
    let dataKey: SymmetricKey
    let csrfKey: SymmetricKey
    /// Signs the unsubscribe links of alert e-mails.
    let alertKey: SymmetricKey
    /// Signs the unsubscribe links of newsletter editions.
    let newsletterKey: SymmetricKey
    /// Signs the delivery-report addresses given to the SMS gateway.
    let smsKey: SymmetricKey
    /// Signs the status links of Fabryka CV requests.
    let cvFactoryKey: SymmetricKey
    /// Signs the links of foreigners' application drafts kept in an account.
    let foreignerDraftKey: SymmetricKey
    /// Keys the hash that says who voted in a poll (an account or a browser session).
    let pollKey: SymmetricKey
    /// Identifies this server to browsers' push services (VAPID): derived, so every process of
    /// a deployment signs with the same key and subscriptions survive restarts.
    let vapidKey: P256.Signing.PrivateKey

    init(dataKey: Data, previousKey: Data? = nil) {
        previous = previousKey.map { Secrets(dataKey: $0) }
        self.dataKey = SymmetricKey(data: dataKey)
        csrfKey = Self.derive(dataKey, "zielona/csrf")
        alertKey = Self.derive(dataKey, "zielona/alerts")
        newsletterKey = Self.derive(dataKey, "zielona/newsletter")
        smsKey = Self.derive(dataKey, "zielona/sms")
        cvFactoryKey = Self.derive(dataKey, "zielona/cv-factory")
        foreignerDraftKey = Self.derive(dataKey, "zielona/foreigner-draft")
        pollKey = Self.derive(dataKey, "zielona/poll-voters")
        vapidKey = Self.signingKey(dataKey, "zielona/vapid")
    }

    /// The keys something signed for one purpose may have been made with: the current, then the previous.
    func accepted(_ purpose: KeyPath<Secrets, SymmetricKey>) -> [SymmetricKey] {
        [self[keyPath: purpose]] + (previous.map { [$0[keyPath: purpose]] } ?? [])
    }

    /// Whether `given` signs `id` for `purpose` under one of `keys`.
    static func isSigned(_ id: UUID, purpose: String, given: String, keys: [SymmetricKey]) -> Bool {
        keys.contains { sameMAC(signature(id, purpose: purpose, key: $0), given) }
    }

    static func derive(_ key: Data, _ label: String) -> SymmetricKey {
        SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Data(label.utf8), using: SymmetricKey(data: key))))
    }

    /// A P-256 key from derived bytes; the rare value that is no valid scalar is derived again.
    static func signingKey(_ key: Data, _ label: String) -> P256.Signing.PrivateKey {
        var attempt = 0
        while true {
            let bytes = derive(key, attempt == 0 ? label : label + "/\(attempt)").withUnsafeBytes { Data($0) }
            if let k = try? P256.Signing.PrivateKey(rawRepresentation: bytes) { return k }
            attempt += 1
        }
    }

    /// 32 random bytes, URL-safe base64: e-mail links, session-independent cookies.
    static func randomToken() -> String {
        base64url(Data((0..<32).map { _ in UInt8.random(in: .min ... .max) }))
    }

    /// The signature of `id` for one use (`purpose`: "unsubscribe", "newsletter", "sms-dlr"), as
    /// carried in links that work without a sign-in.
    static func signature(_ id: UUID, purpose: String, key: SymmetricKey) -> String {
        base64url(Data(HMAC<SHA256>.authenticationCode(for: Data((purpose + ":" + id.uuidString.lowercased()).utf8), using: key)))
    }

    /// Compares MACs (or shared secrets) in constant time, not as strings that stop at the first difference.
    static func sameMAC(_ expected: String, _ given: String) -> Bool {
        let a = Data(expected.utf8), b = Data(given.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    static func sha256Hex(_ s: String) -> String {
        SHA256.hash(data: Data(s.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func base64url(_ d: Data) -> String {
        d.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
