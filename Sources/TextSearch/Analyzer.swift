/// Turns text into the tokens both databases index, and a query into the same tokens: words are
/// split on anything but letters and digits; each word gives its folded form, its light stem and
/// the folded dictionary stems; stop words give nothing.
public struct Analyzer: Sendable {
    public let stemmer: any Stemmer
    /// Longest query accepted, in characters.
    public static let maximumQueryLength = 200
    /// Query words beyond this are ignored (a query is a few words, not a document).
    public static let maximumQueryWords = 12

    public init(stemmer: any Stemmer) { self.stemmer = stemmer }

    /// The rules' own version: raised whenever folding, the light rules or the token rules change,
    /// so an index built by other rules is rebuilt.
    public static let rulesVersion = 2

    /// What built an index: the stemmer and the rules; an index recorded with another is rebuilt.
    public var signature: String { "\(stemmer.name)/rules-\(Self.rulesVersion)" }

    /// The best stemmer available on this machine: the dictionaries of Polish, Russian and
    /// Ukrainian that are installed, else light rules only. Loaded once per process and shared:
    /// the three dictionaries take 85 MB and never change, and an application made for each test
    /// loaded them again each time and never freed them (the test process grew to 21 GB).
    public static func best() -> Analyzer { shared }

    private static let shared = Analyzer(stemmer: DictionaryStemmer() ?? NoDictionary())

    public static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    /// Every token of one word, folded: surface form, light stem, dictionary stems.
    public func variants(of word: String) -> [String] {
        let folded = PolishFolding.fold(word)
        guard !folded.isEmpty, !StopWords.polish.contains(folded) else { return [] }
        var out = [folded]
        func add(_ t: String) { if !t.isEmpty && !out.contains(t) { out.append(t) } }
        add(LightStemmer.stem(folded))
        for stem in stemmer.stems(of: word) {
            let f = PolishFolding.fold(stem)
            add(f)
            add(LightStemmer.stem(f))
        }
        return out.filter(Self.isToken)
    }

    /// Tokens are plain a–z, 0–9 and lower-case Cyrillic (Russian and Ukrainian texts of the
    /// knowledge base) after folding: nothing that means anything in a query syntax.
    static func isToken(_ t: String) -> Bool {
        t.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || (0x0430...0x045F).contains($0.value) || $0.value == 0x0491 }
    }

    /// The tokens of a text for the index, space-separated, each once.
    public func indexTokens(_ text: String) -> String {
        var seen = Set<String>(), out: [String] = []
        for word in Self.words(text) {
            for t in variants(of: word) where seen.insert(t).inserted { out.append(t) }
        }
        return out.joined(separator: " ")
    }

    public enum QueryError: Error, Equatable, Sendable { case tooLong(maximum: Int), noWords }

    /// A query: every word must match (in any of its forms); with `prefix`, the last word also
    /// matches words that begin with it (type-ahead).
    public func query(_ text: String, prefix: Bool = false) throws(QueryError) -> SearchQuery {
        guard text.count <= Self.maximumQueryLength else { throw .tooLong(maximum: Self.maximumQueryLength) }
        let words = Self.words(text).prefix(Self.maximumQueryWords)
        var terms: [SearchQuery.Term] = []
        for (i, word) in words.enumerated() {
            let forms = variants(of: word)
            let isLast = i == words.count - 1
            let prefixForm = prefix && isLast ? PolishFolding.fold(word) : nil
            guard !forms.isEmpty || (prefixForm.map(Self.isToken) ?? false) else { continue }
            terms.append(SearchQuery.Term(forms: forms, prefix: prefixForm.flatMap { Self.isToken($0) && !$0.isEmpty ? $0 : nil }))
        }
        guard !terms.isEmpty else { throw .noWords }
        return SearchQuery(terms: terms)
    }
}

/// A parsed query, rendered for either database's full-text syntax.
public struct SearchQuery: Sendable, Equatable {
    public struct Term: Sendable, Equatable {
        public let forms: [String]
        public let prefix: String?
    }
    public let terms: [Term]

    /// SQLite FTS5 MATCH: `(kierowca OR kierowc) AND (magazyn OR magaz*)`.
    public var fts5: String {
        terms.map { term in
            let parts = term.forms.map { "\"\($0)\"" } + (term.prefix.map { ["\"\($0)\"*"] } ?? [])
            return "(" + parts.joined(separator: " OR ") + ")"
        }.joined(separator: " AND ")
    }

    /// PostgreSQL to_tsquery('simple', …): `(kierowca | kierowc) & (magazyn | magaz:*)`.
    public var tsquery: String {
        terms.map { term in
            let parts = term.forms + (term.prefix.map { ["\($0):*"] } ?? [])
            return "(" + parts.joined(separator: " | ") + ")"
        }.joined(separator: " & ")
    }
}

extension SearchQuery {
    /// Whether one field's index tokens hold every term (a form, or a word the prefix starts):
    /// to rank documents by the field they matched in.
    public func isMatched(by indexTokens: String) -> Bool {
        isMatched(byTokens: Set(indexTokens.split(separator: " ").map(String.init)))
    }

    public func isMatched(byTokens tokens: Set<String>) -> Bool {
        terms.allSatisfy { term in
            term.forms.contains(where: tokens.contains) || term.prefix.map { p in tokens.contains { $0.hasPrefix(p) } } == true
        }
    }
}
