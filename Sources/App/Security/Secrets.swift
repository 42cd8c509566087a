import Vapor

/// Keys derived from the data key (ZIELONA_DATA_KEY), one per purpose, so that a token of one
/// kind can never stand in for another.
struct Secrets: Sendable {
    let dataKey: SymmetricKey
    let csrfKey: SymmetricKey
    /// Signs the unsubscribe links of alert e-mails.
    let alertKey: SymmetricKey
    /// Signs the unsubscribe links of newsletter editions.
    let newsletterKey: SymmetricKey
    /// Signs the delivery-report addresses given to the SMS gateway.
    let smsKey: SymmetricKey

    init(dataKey: Data) {
        self.dataKey = SymmetricKey(data: dataKey)
        csrfKey = Self.derive(dataKey, "zielona/csrf")
        alertKey = Self.derive(dataKey, "zielona/alerts")
        newsletterKey = Self.derive(dataKey, "zielona/newsletter")
        smsKey = Self.derive(dataKey, "zielona/sms")
    }

    static func derive(_ key: Data, _ label: String) -> SymmetricKey {
        SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Data(label.utf8), using: SymmetricKey(data: key))))
    }

    /// 32 random bytes, URL-safe base64: e-mail links, session-independent cookies.
    static func randomToken() -> String {
        base64url(Data((0..<32).map { _ in UInt8.random(in: .min ... .max) }))
    }

    static func sha256Hex(_ s: String) -> String {
        SHA256.hash(data: Data(s.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func base64url(_ d: Data) -> String {
        d.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
