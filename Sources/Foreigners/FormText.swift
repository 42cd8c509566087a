import Foundation

/// A text in the four languages of the portal. Polish is the source; a form's official wording
/// is Polish only and lives in the definition's `official` fields.
public struct FormText: Codable, Hashable, Sendable {
    public let pl: String
    public let en: String
    public let ru: String
    public let uk: String

    public init(pl: String, en: String, ru: String, uk: String) { self.pl = pl; self.en = en; self.ru = ru; self.uk = uk }

    /// The text in a language code ("pl", "en", "ru", "uk"); Polish for any other.
    public subscript(_ language: String) -> String {
        switch language {
        case "en": en
        case "ru": ru
        case "uk": uk
        default: pl
        }
    }

    public var all: [String] { [pl, en, ru, uk] }
}
