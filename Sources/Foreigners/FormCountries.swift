import Foundation

/// Countries by their ISO 3166 two-letter code, named in the user's language for choosing and
/// in Polish for the printed form.
public enum FormCountries {
    public static let codes: [String] = Locale.Region.isoRegions.map(\.identifier)
        .filter { $0.count == 2 && $0.allSatisfy(\.isLetter) && !["XK", "ZZ", "EU", "UN", "QO", "EZ", "AQ", "BV", "HM", "TF", "UM"].contains($0) }
        .sorted()

    public static func isKnown(_ code: String) -> Bool { codes.contains(code) }

    public static func name(_ code: String, language: String) -> String {
        Locale(identifier: language).localizedString(forRegionCode: code) ?? code
    }

    /// Every country named in a language and sorted by that name, as a list to choose from:
    /// made once per language (a step with a country to choose is shown many times a second).
    public static func choices(language: String) -> [(code: String, name: String)] {
        sortedChoices[language] ?? sortedChoices["pl"]!
    }

    static let sortedChoices: [String: [(code: String, name: String)]] = Dictionary(uniqueKeysWithValues: ["pl", "en", "ru", "uk"].map { language in
        let locale = Locale(identifier: language)
        return (language, codes.map { ($0, name($0, language: language)) }.sorted { $0.1.compare($1.1, locale: locale) == .orderedAscending })
    })
}
