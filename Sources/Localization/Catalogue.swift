import Foundation

/// One language's messages, read from `Catalogues/<lang>.json`: a flat object whose values are
/// a string, or for counted phrases an object of plural forms (`one`, `few`, `many`, `other`).
/// `{name}` in a message is replaced by the argument of that name.
public struct Catalogue: Sendable {
    public enum Entry: Sendable, Equatable {
        case text(String)
        case plural([String: String])
    }

    public let language: Language
    public let entries: [String: Entry]

    public init(language: Language, entries: [String: Entry]) {
        self.language = language
        self.entries = entries
    }

    public init(language: Language, json: Data) throws {
        let object = try JSONSerialization.jsonObject(with: json)
        guard let dict = object as? [String: Any] else { throw CatalogueError.notAnObject(language) }
        var entries: [String: Entry] = [:]
        for (key, value) in dict {
            if let s = value as? String { entries[key] = .text(s) }
            else if let forms = value as? [String: String] { entries[key] = .plural(forms) }
            else { throw CatalogueError.badEntry(language, key) }
        }
        self.init(language: language, entries: entries)
    }

    /// The message for `key`; the key itself when missing, so a gap is visible and never a crash
    /// (the catalogue test keeps gaps out of the repository).
    public func text(_ key: String, _ arguments: [String: String] = [:]) -> String {
        guard case let .text(s)? = entries[key] else { return key }
        return Self.fill(s, arguments)
    }

    /// A counted phrase: picks the plural form for `count` and fills `{count}`.
    public func plural(_ key: String, count: Int, _ arguments: [String: String] = [:]) -> String {
        guard case let .plural(forms)? = entries[key] else { return key }
        let category = PluralCategory.of(count, in: language)
        let form = forms[category.rawValue] ?? forms["other"] ?? forms["many"] ?? key
        var args = arguments
        args["count"] = String(count)
        return Self.fill(form, args)
    }

    /// `{name}` replaced by its argument, in one pass over the template; a placeholder without
    /// an argument stays as written (Foundation's replacingOccurrences, once per argument, copied
    /// the text through NSString for every phrase of every page).
    static func fill(_ template: String, _ arguments: [String: String]) -> String {
        guard !arguments.isEmpty, template.utf8.contains(UInt8(ascii: "{")) else { return template }
        var out = ""
        out.reserveCapacity(template.utf8.count + 16)
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = rest[rest.index(after: open)..<close]
            if let value = arguments[String(name)] { out += value } else { out += rest[open...close] }
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out
    }

    /// Plural forms a language must define for its counted phrases.
    public static func requiredPluralForms(_ language: Language) -> Set<String> {
        language == .en ? ["one", "other"] : ["one", "few", "many"]
    }
}

public enum CatalogueError: Error, CustomStringConvertible {
    case notAnObject(Language)
    case badEntry(Language, String)
    case missingFile(Language)

    public var description: String {
        switch self {
        case .notAnObject(let l): "catalogue \(l.rawValue): not a JSON object"
        case .badEntry(let l, let k): "catalogue \(l.rawValue): entry \(k) is neither text nor plural forms"
        case .missingFile(let l): "catalogue \(l.rawValue).json not found"
        }
    }
}

/// All four catalogues, loaded once from the module's resources.
public struct Catalogues: Sendable {
    public let byLanguage: [Language: Catalogue]

    public init(byLanguage: [Language: Catalogue]) { self.byLanguage = byLanguage }

    public static func loadBundled() throws -> Catalogues {
        var all: [Language: Catalogue] = [:]
        for lang in Language.allCases {
            guard let url = Bundle.module.url(forResource: lang.rawValue, withExtension: "json", subdirectory: "Catalogues")
            else { throw CatalogueError.missingFile(lang) }
            all[lang] = try Catalogue(language: lang, json: Data(contentsOf: url))
        }
        return Catalogues(byLanguage: all)
    }

    public static let bundled: Catalogues = {
        do { return try loadBundled() } catch { fatalError("\(error)") }
    }()

    public subscript(_ language: Language) -> Catalogue { byLanguage[language]! }

    /// Keys present in the source catalogue but absent (or of another kind) in `language`,
    /// plus keys that only `language` has.
    public func gaps(in language: Language) -> [String] {
        let source = self[.source].entries, other = self[language].entries
        var gaps: [String] = []
        for (key, entry) in source {
            switch (entry, other[key]) {
            case (_, nil): gaps.append("missing: \(key)")
            case (.text, .plural?), (.plural, .text?): gaps.append("different kind: \(key)")
            case (.plural, .plural(let forms)?):
                let missing = Catalogue.requiredPluralForms(language).subtracting(forms.keys)
                if !missing.isEmpty { gaps.append("plural forms \(missing.sorted()) missing: \(key)") }
            case (.text(let s), .text(let t)?):
                if t.trimmingCharacters(in: .whitespaces).isEmpty { gaps.append("empty: \(key)") }
                let placeholders = Self.placeholders(s), theirs = Self.placeholders(t)
                if placeholders != theirs { gaps.append("placeholders differ: \(key)") }
            }
        }
        for key in other.keys where source[key] == nil { gaps.append("not in source: \(key)") }
        return gaps.sorted()
    }

    static func placeholders(_ s: String) -> Set<String> {
        var result = Set<String>()
        var rest = Substring(s)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return result
    }
}
