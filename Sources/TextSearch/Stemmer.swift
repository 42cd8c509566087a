/// Gives the dictionary forms of a word. Index and queries go through the same stemmer, so
/// both databases hold the same tokens.
public protocol Stemmer: Sendable {
    /// A name for logs, `/healthz` and the index's record of how it was built.
    var name: String { get }
    /// Stems of `word` as written (case and diacritics kept); empty when unknown.
    func stems(of word: String) -> [String]
}

/// No dictionary: the light suffix rules of `LightStemmer` (applied to every word anyway) do
/// all the work.
public struct NoDictionary: Stemmer {
    public init() {}
    public var name: String { "light" }
    public func stems(of word: String) -> [String] { [] }
}

/// Strips common Polish inflection endings from a folded word, keeping at least four letters:
/// kierowcy, kierowcow, kierowcami → kierowc; magazynie → magazyn. Verbal nouns lose their
/// -anie/-enie ending in every case, so the aspects meet: zatrudnienie, zatrudnianie,
/// zatrudnieniu → zatrudn; szkolenie, szkolenia → szkol. Used for every word in addition to the
/// dictionary, so queries typed without diacritics still meet inflected forms.
public enum LightStemmer {
    /// Longest first, so "ami" wins over "i".
    static let suffixes = ["ieniami", "ianiami", "ieniach", "ianiach", "eniami", "aniami", "eniach", "aniach",
                           "ieniem", "ianiem", "ienie", "ianie", "ienia", "iania", "ieniu", "ianiu",
                           "eniem", "aniem", "enie", "anie", "enia", "ania", "eniu", "aniu",
                           "owie", "ami", "ach", "owi", "ego", "emu", "ych", "ymi", "ich", "imi", "iej",
                           "ow", "om", "em", "ie", "ej", "ym", "im", "a", "e", "i", "y", "u", "o"]
    static let minimumStem = 4

    /// Russian and Ukrainian case and number endings, longest first: with no dictionary
    /// installed, пособие/пособия/пособий and допомога/допомогу/допомоги still meet.
    static let cyrillicSuffixes = ["иями", "ями", "ами", "ией", "ого", "его", "ому", "ему", "ими", "ыми", "ях", "ах", "ов", "ев", "ей", "ий", "ий",
                                   "ый", "ой", "ою", "ею", "ом", "ем", "ия", "ие", "ию", "ии", "ья", "ье", "ів", "ям", "ам",
                                   "а", "я", "ы", "и", "і", "е", "у", "ю", "о", "ь", "й"]

    public static func stem(_ folded: String) -> String {
        if folded.unicodeScalars.first.map({ (0x0400...0x04FF).contains($0.value) }) ?? false {
            for suffix in cyrillicSuffixes where folded.hasSuffix(suffix) && folded.count - suffix.count >= minimumStem {
                return String(folded.dropLast(suffix.count))
            }
            return folded
        }
        for suffix in suffixes where folded.hasSuffix(suffix) && folded.count - suffix.count >= minimumStem {
            return String(folded.dropLast(suffix.count))
        }
        return folded
    }
}
