import Vapor
import Privacy

/// Encrypts personal identifiers at rest (AES-GCM, 256-bit key derived from the data key) and
/// makes their blind index (HMAC-SHA256 with another derived key): equal PESELs give equal
/// indexes, so staff can look a client up, while the table holds neither the number nor a
/// plain hash anyone could reverse by trying all birth dates.
struct FieldCipher: PersonalDataCipher {
    let encryptionKey: SymmetricKey
    let indexKey: SymmetricKey

    init(dataKey: Data) {
        encryptionKey = Secrets.derive(dataKey, "zielona/field-encryption")
        indexKey = Secrets.derive(dataKey, "zielona/blind-index")
    }

    func encrypt(_ plaintext: String) throws -> String {
        let box = try AES.GCM.seal(Data(plaintext.utf8), using: encryptionKey)
        return "v1:" + box.combined!.base64EncodedString()
    }

    func decrypt(_ stored: String) throws -> String {
        guard stored.hasPrefix("v1:"), let data = Data(base64Encoded: String(stored.dropFirst(3))) else {
            throw Abort(.internalServerError, reason: "unreadable ciphertext")
        }
        let opened = try AES.GCM.open(AES.GCM.SealedBox(combined: data), using: encryptionKey)
        return String(decoding: opened, as: UTF8.self)
    }

    func blindIndex(_ value: String) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: Data(value.utf8), using: indexKey)).base64EncodedString()
    }
}
