import Vapor

/// Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP, HMAC-SHA1, 6 digits, 30 s):
/// what every authenticator app speaks. Staff enrol with an otpauth:// URI (shown as text and
/// as a QR code later) and confirm with a first code.
struct TOTP: Sendable {
    let secret: Data
    var digits = 6
    var period: TimeInterval = 30

    /// 20 random bytes, the size RFC 4226 recommends.
    static func newSecret() -> Data { Data((0..<20).map { _ in UInt8.random(in: .min ... .max) }) }

    func code(at date: Date) -> String { code(step: step(at: date)) }

    func step(at date: Date) -> UInt64 { UInt64(max(0, date.timeIntervalSince1970) / period) }

    func code(step: UInt64) -> String {
        var counter = step.bigEndian
        let message = withUnsafeBytes(of: &counter) { Data($0) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: secret)))
        let offset = Int(mac[mac.count - 1] & 0x0f)
        let binary = (UInt32(mac[offset] & 0x7f) << 24) | (UInt32(mac[offset + 1]) << 16)
            | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        var modulo: UInt32 = 1
        for _ in 0..<digits { modulo *= 10 }
        let value = String(binary % modulo)
        return String(repeating: "0", count: digits - value.count) + value
    }

    /// The step a code belongs to, allowing one step of clock drift either way; nil if wrong.
    /// Callers store the step and refuse it next time, so a code cannot be replayed.
    func matchingStep(_ code: String, at date: Date, after lastUsed: UInt64? = nil) -> UInt64? {
        let now = step(at: date)
        let candidates = [now, now &- 1, now + 1]
        for s in candidates where s > (lastUsed ?? 0) || lastUsed == nil {
            if CSRFMiddleware.constantTimeEqual(code, self.code(step: s)) { return s }
        }
        return nil
    }

    func provisioningURI(account: String, issuer: String = "Zielona Linia") -> String {
        let label = (issuer + ":" + account).addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? account
        let issuerParam = issuer.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? issuer
        return "otpauth://totp/\(label)?secret=\(Base32.encode(secret))&issuer=\(issuerParam)&algorithm=SHA1&digits=\(digits)&period=\(Int(period))"
    }
}

/// RFC 4648 base32 without padding, as authenticator apps expect secrets.
enum Base32 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")

    static func encode(_ data: Data) -> String {
        var out = "", buffer = 0, bits = 0
        for byte in data {
            buffer = (buffer << 8) | Int(byte); bits += 8
            while bits >= 5 { out.append(alphabet[(buffer >> (bits - 5)) & 31]); bits -= 5 }
        }
        if bits > 0 { out.append(alphabet[(buffer << (5 - bits)) & 31]) }
        return out
    }

    static func decode(_ text: String) -> Data? {
        var out = Data(), buffer = 0, bits = 0
        for ch in text.uppercased() where ch != "=" && ch != " " {
            guard let v = alphabet.firstIndex(of: ch) else { return nil }
            buffer = (buffer << 5) | v; bits += 5
            if bits >= 8 { out.append(UInt8((buffer >> (bits - 8)) & 0xff)); bits -= 8 }
        }
        return out
    }
}

/// One-time recovery codes for a lost phone: shown once, stored as SHA-256 only.
enum RecoveryCodes {
    static func generate(count: Int = 10) -> [String] {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
        return (0..<count).map { _ in
            let raw = String((0..<10).map { _ in alphabet.randomElement()! })
            return raw.prefix(5) + "-" + raw.suffix(5)
        }
    }

    static func hash(_ code: String) -> String {
        Secrets.sha256Hex(code.lowercased().filter { $0 != "-" && $0 != " " })
    }
}
