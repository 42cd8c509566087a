import Foundation

/// Cyrillic names in the Latin letters of a machine-readable passport, after the table of
/// ICAO Doc 9303 (part 3, transliteration of Cyrillic characters). A passport may follow a
/// national scheme instead (Ukraine's gives Г as H), so the result is only suggested: the
/// user confirms it against the Latin line of their own passport.
public enum Transliteration {
    static let icao: [Character: String] = [
        "А": "A", "Б": "B", "В": "V", "Г": "G", "Ґ": "G", "Д": "D", "Ѓ": "G", "Е": "E", "Ё": "E", "Є": "IE", "Ж": "ZH", "З": "Z",
        "Ѕ": "DZ", "И": "I", "І": "I", "Ї": "I", "Й": "I", "Ј": "J", "К": "K", "Л": "L", "Љ": "LJ", "М": "M", "Н": "N", "Њ": "NJ",
        "О": "O", "П": "P", "Р": "R", "С": "S", "Т": "T", "Ћ": "C", "Ќ": "KJ", "У": "U", "Ў": "U", "Ф": "F", "Х": "KH", "Ц": "TS",
        "Ч": "CH", "Џ": "DZ", "Ш": "SH", "Щ": "SHCH", "Ъ": "IE", "Ы": "Y", "Ь": "", "Э": "E", "Ю": "IU", "Я": "IA",
    ]

    public static func containsCyrillic(_ s: String) -> Bool {
        s.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }
    }

    /// The ICAO spelling in capitals; characters outside Cyrillic are kept (capitalised).
    public static func icaoLatin(_ s: String) -> String {
        var out = ""
        for ch in s.uppercased() {
            if let latin = icao[ch] { out += latin } else { out.append(ch) }
        }
        return out
    }
}
