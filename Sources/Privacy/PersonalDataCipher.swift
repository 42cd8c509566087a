import Foundation

/// How identifiers such as PESEL are kept at rest: sealed (authenticated encryption, so a
/// changed row does not open) and findable through a keyed blind index (equal values, equal
/// index; the index cannot be reversed by trying every birth date without the key). The
/// platform implements it with AES-GCM and HMAC-SHA256 under keys derived from the data key.
public protocol PersonalDataCipher: Sendable {
    func encrypt(_ plaintext: String) throws -> String
    func decrypt(_ stored: String) throws -> String
    func blindIndex(_ value: String) -> String
}
