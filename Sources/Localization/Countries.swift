import Foundation

/// The countries of ISO 3166-1 (and Kosovo, which people write from), named in each language
/// by the system's CLDR data, so the list needs no translation of its own.
public enum Countries {
    /// Two-letter region codes CLDR knows that are not countries: the exceptional reservations
    /// (Ascension, Clipperton, Diego Garcia, Ceuta and Melilla, the Canaries, Tristan da Cunha,
    /// Sark), the EU, the euro area, the UN and "outlying Oceania".
    static let notCountries: Set<String> = ["AC", "CP", "CQ", "DG", "EA", "IC", "TA", "EU", "EZ", "UN", "QO"]

    /// Every country code, upper case.
    public static let codes: Set<String> = Set(Locale.Region.isoRegions.map(\.identifier)
        .filter { $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isUppercase } && !notCountries.contains($0) })

    /// The country's name in the language ("Niemcy", "Germany", "Германия", "Німеччина").
    public static func name(_ code: String, in language: Language) -> String {
        Locale(identifier: language.rawValue).localizedString(forRegionCode: code) ?? code
    }

    /// Code and name of every country, in the language's alphabetical order.
    public static func choices(in language: Language) -> [(code: String, name: String)] {
        let locale = Locale(identifier: language.locale)
        return codes.map { ($0, name($0, in: language)) }
            .sorted { $0.1.compare($1.1, options: [.caseInsensitive], range: nil, locale: locale) == .orderedAscending }
    }
}
