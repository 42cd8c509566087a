import Foundation

/// The portal's languages; Polish is the source every other catalogue translates.
public enum Language: String, CaseIterable, Sendable, Codable {
    case pl, en, ru, uk

    public static let source: Language = .pl

    /// The language's own name, as shown in the language switcher.
    public var nativeName: String {
        switch self {
        case .pl: "Polski"
        case .en: "English"
        case .ru: "Русский"
        case .uk: "Українська"
        }
    }

    /// BCP 47 tag used by the carrier's speech and by `Intl` in the browser.
    public var locale: String {
        switch self {
        case .pl: "pl-PL"
        case .en: "en-GB"
        case .ru: "ru-RU"
        case .uk: "uk-UA"
        }
    }

    /// Picks the best supported language from an Accept-Language header ("uk-UA,uk;q=0.9,en;q=0.8").
    public static func negotiate(acceptLanguage header: String?) -> Language? {
        guard let header, !header.isEmpty else { return nil }
        var candidates: [(Language, Double, Int)] = []
        for (index, part) in header.split(separator: ",").enumerated() {
            let fields = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = fields.first?.lowercased(), !tag.isEmpty else { continue }
            var q = 1.0
            for f in fields.dropFirst() where f.hasPrefix("q=") { q = Double(f.dropFirst(2)) ?? 0 }
            let primary = String(tag.split(separator: "-").first ?? "")
            if let lang = Language(rawValue: primary), q > 0 { candidates.append((lang, q, index)) }
        }
        return candidates.sorted { $0.1 == $1.1 ? $0.2 < $1.2 : $0.1 > $1.1 }.first?.0
    }
}
