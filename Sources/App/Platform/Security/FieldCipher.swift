import Vapor
import Privacy

/// Encrypts personal identifiers at rest (AES-GCM, 256-bit key derived from the data key) and
/// makes their blind index (HMAC-SHA256 with another derived key): equal PESELs give equal
/// indexes, so staff can look a client up, while the table holds neither the number nor a
/// plain hash anyone could reverse by trying all birth dates.
///
/// While the data key is being replaced (`ZIELONA_PREVIOUS_DATA_KEY` set, `zielona keys
/// rotate` running) values sealed under either key open, and look-ups try the index under
/// both; everything new is sealed under the current key. A sealed value names its key
/// (`v2:<key id>:`), so the rotation knows what is left to do without opening anything.
struct FieldCipher: PersonalDataCipher {
    struct Key: Sendable {
        /// Eight hex digits that name the key without revealing it.
        let id: String
        let encryption: SymmetricKey
        let index: SymmetricKey

        init(_ dataKey: Data) {
            id = Data(HMAC<SHA256>.authenticationCode(for: Data("zielona/key-id".utf8), using: SymmetricKey(data: dataKey)))
                .prefix(4).map { String(format: "%02x", $0) }.joined()
            encryption = Secrets.derive(dataKey, "zielona/field-encryption")
            index = Secrets.derive(dataKey, "zielona/blind-index")
        }
    }

    let current: Key
    let previous: Key?

    init(dataKey: Data, previousKey: Data? = nil) {
        current = Key(dataKey)
        previous = previousKey.map(Key.init)
    }

    /// The prefix of values sealed under the current key.
    var currentPrefix: String { "v2:\(current.id):" }

    func encrypt(_ plaintext: String) throws -> String {
        let box = try AES.GCM.seal(Data(plaintext.utf8), using: current.encryption)
        return currentPrefix + box.combined!.base64EncodedString()
    }

    func decrypt(_ stored: String) throws -> String {
        let parts = stored.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        // "v1:" values predate key ids: whichever key authenticates them sealed them.
        let (keys, body): ([Key], Substring?) = switch parts.first {
        case "v2" where parts.count == 3: ([current, previous].compactMap { $0 }.filter { $0.id == parts[1] }, parts[2])
        case "v1" where parts.count >= 2: ([current, previous].compactMap { $0 }, stored.dropFirst(3))
        default: ([], nil)
        }
        guard let body, let data = Data(base64Encoded: String(body)), let box = try? AES.GCM.SealedBox(combined: data) else {
            throw Abort(.internalServerError, reason: "unreadable ciphertext")
        }
        for key in keys {
            if let opened = try? AES.GCM.open(box, using: key.encryption) { return String(decoding: opened, as: UTF8.self) }
        }
        throw Abort(.internalServerError, reason: "ciphertext sealed under a key this server does not hold")
    }

    /// The index under the current key: what is written.
    func blindIndex(_ value: String) -> String { Self.index(value, current.index) }

    /// The indexes to look a value up by: the current key's, then the previous key's while rotating.
    func blindIndexes(_ value: String) -> [String] { [current, previous].compactMap { $0 }.map { Self.index(value, $0.index) } }

    static func index(_ value: String, _ key: SymmetricKey) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: Data(value.utf8), using: key)).base64EncodedString()
    }
}
