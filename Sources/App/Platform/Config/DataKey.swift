import Foundation
import Logging

/// The key that encrypts personal identifiers at rest. Production must set it; a developer's
/// machine gets one generated once into the data directory, with a warning that says so.
public enum DataKey {
    public static func resolve(_ config: AppConfig, logger: Logger) throws -> Data {
        if let b64 = config.dataKeyBase64, !b64.isEmpty {
            guard let key = Data(base64Encoded: b64), key.count == 32 else {
                throw ConfigError.invalid("ZIELONA_DATA_KEY", "must be base64 of exactly 32 bytes")
            }
            return key
        }
        let file = config.dataDirectory.appendingPathComponent("data-key")
        if let existing = try? String(contentsOf: file, encoding: .utf8),
           let key = Data(base64Encoded: existing.trimmingCharacters(in: .whitespacesAndNewlines)), key.count == 32 {
            logger.warning("ZIELONA_DATA_KEY is not set: using the development key in \(file.path). Never use it in production.")
            return key
        }
        let key = random()
        try FileManager.default.createDirectory(at: config.dataDirectory, withIntermediateDirectories: true)
        try key.base64EncodedString().write(to: file, atomically: true, encoding: .utf8)
        try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        logger.warning("""
            ************************************************************************
            ZIELONA_DATA_KEY is not set. Generated a DEVELOPMENT key into \(file.path).
            Personal identifiers encrypted with it are unreadable without that file.
            In production set ZIELONA_DATA_KEY (openssl rand -base64 32) and keep it safe.
            ************************************************************************
            """)
        return key
    }

    /// 32 bytes from the system's secure generator: a new data key.
    public static func random() -> Data {
        var rng = SystemRandomNumberGenerator()
        return Data((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &rng) })
    }

    /// The key being replaced, if one is set; it must differ from the current one.
    public static func previous(_ config: AppConfig, current: Data) throws -> Data? {
        guard let b64 = config.previousDataKeyBase64 else { return nil }
        guard let key = Data(base64Encoded: b64), key.count == 32 else {
            throw ConfigError.invalid("ZIELONA_PREVIOUS_DATA_KEY", "must be base64 of exactly 32 bytes")
        }
        guard key != current else { throw ConfigError.invalid("ZIELONA_PREVIOUS_DATA_KEY", "is the same as ZIELONA_DATA_KEY") }
        return key
    }
}
