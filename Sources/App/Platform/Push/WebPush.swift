import Foundation
import Crypto

/// Web Push as browsers take it: the message encrypted for one subscription (RFC 8291, the
/// "aes128gcm" content coding of RFC 8188) and the server identified to the push service by a
/// signed token (VAPID, RFC 8292).
enum WebPush {
    enum Failure: Error, Equatable { case badSubscriptionKey, badAuthSecret, tooLong }

    /// One record of 4 096 bytes holds the whole message: a push service accepts at most that.
    static let recordSize: UInt32 = 4_096
    static let maximumPlaintext = Int(recordSize) - 16 - 1 - 86

    /// The message for the subscription's key (`p256dh`, an uncompressed P-256 point) and
    /// secret (`auth`, 16 bytes). A fresh key pair and salt each time unless given (tests
    /// check the RFC's example with its own).
    static func encrypt(_ plaintext: Data, p256dh: Data, auth: Data, serverKey: P256.KeyAgreement.PrivateKey = .init(),
                        salt: Data = Data((0..<16).map { _ in UInt8.random(in: .min ... .max) })) throws -> Data {
        guard auth.count == 16 else { throw Failure.badAuthSecret }
        guard plaintext.count <= maximumPlaintext else { throw Failure.tooLong }
        guard let userAgent = try? P256.KeyAgreement.PublicKey(x963Representation: p256dh) else { throw Failure.badSubscriptionKey }
        let shared = try serverKey.sharedSecretFromKeyAgreement(with: userAgent)
        let serverPublic = serverKey.publicKey.x963Representation
        let keyInfo = Data("WebPush: info".utf8) + [0] + p256dh + serverPublic
        let ikm = shared.hkdfDerivedSymmetricKey(using: SHA256.self, salt: auth, sharedInfo: keyInfo, outputByteCount: 32)
        let prk = HKDF<SHA256>.extract(inputKeyMaterial: ikm, salt: salt)
        let cek = HKDF<SHA256>.expand(pseudoRandomKey: prk, info: Data("Content-Encoding: aes128gcm".utf8) + [0], outputByteCount: 16)
        let nonce = HKDF<SHA256>.expand(pseudoRandomKey: prk, info: Data("Content-Encoding: nonce".utf8) + [0], outputByteCount: 12)
        // The last (and only) record ends with the delimiter 2, no padding.
        let sealed = try AES.GCM.seal(plaintext + [2], using: cek, nonce: AES.GCM.Nonce(data: nonce.withUnsafeBytes { Data($0) }))
        var header = salt
        withUnsafeBytes(of: recordSize.bigEndian) { header.append(contentsOf: $0) }
        header.append(UInt8(serverPublic.count))
        header.append(serverPublic)
        return header + sealed.ciphertext + sealed.tag
    }

    /// The `Authorization` header for a push service at `audience` (its scheme and host):
    /// a JWT signed with the server's key, valid 12 hours, and that key.
    static func vapid(audience: String, subject: String, key: P256.Signing.PrivateKey, now: Date = Date()) throws -> String {
        let header = base64url(Data(#"{"typ":"JWT","alg":"ES256"}"#.utf8))
        let claims = try JSONSerialization.data(withJSONObject: ["aud": audience, "exp": Int(now.timeIntervalSince1970) + 12 * 3_600, "sub": subject],
                                                options: [.sortedKeys])
        let input = header + "." + base64url(claims)
        let signature = try key.signature(for: Data(input.utf8)).rawRepresentation
        return "vapid t=" + input + "." + base64url(signature) + ", k=" + base64url(key.publicKey.x963Representation)
    }

    /// The scheme and host of an endpoint: what a VAPID token is for.
    static func audience(of endpoint: URL) -> String? {
        guard let scheme = endpoint.scheme, let host = endpoint.host else { return nil }
        return scheme + "://" + host + (endpoint.port.map { ":\($0)" } ?? "")
    }

    static func base64url(_ d: Data) -> String {
        d.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func data(base64url s: String) -> Data? {
        var t = s.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        t += String(repeating: "=", count: (4 - t.count % 4) % 4)
        return Data(base64Encoded: t)
    }
}
