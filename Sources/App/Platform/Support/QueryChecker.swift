import Vapor
import Localization
import TextSearch

/// Checks the fields of a search query string and collects a message per bad field, naming
/// the field in the visitor's language (labels under `labelPrefix`).
struct QueryChecker {
    let catalogue: Catalogue
    let labelPrefix: String
    private(set) var errors: [(field: String, message: String)] = []

    init(_ req: Request, labelPrefix: String) { catalogue = req.catalogue; self.labelPrefix = labelPrefix }

    mutating func invalid(_ field: String, _ key: String, _ args: [String: String] = [:]) {
        errors.append((field, catalogue.text("form.invalid_field", ["field": catalogue.text(labelPrefix + field), "reason": catalogue.text(key, args)])))
    }

    /// The trimmed value, or nil when absent or blank.
    func present(_ s: String?) -> String? {
        guard let v = s?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return nil }
        return v
    }

    mutating func text(_ value: String?, field: String = "q", analyzer: Analyzer) -> SearchQuery? {
        guard let text = present(value) else { return nil }
        do { return try analyzer.query(text) } catch {
            switch error {
            case .tooLong(let max): invalid(field, "search.error.too_long", ["max": "\(max)"])
            case .noWords: invalid(field, "search.error.no_words")
            }
            return nil
        }
    }

    mutating func page(_ value: String?) -> Int? {
        guard let v = present(value) else { return nil }
        if let n = Int(v), (1...10_000).contains(n) { return n }
        invalid("page", "search.error.page"); return nil
    }

    mutating func perPage(_ value: String?) -> Int? {
        guard let v = present(value) else { return nil }
        if let n = Int(v), (1...100).contains(n) { return n }
        invalid("per_page", "search.error.per_page"); return nil
    }

    mutating func occupation(_ value: String?) -> String? {
        guard let o = present(value) else { return nil }
        if [1, 2, 3, 4, 6].contains(o.count), o.allSatisfy(\.isNumber) { return o }
        invalid("occupation", "search.error.occupation"); return nil
    }

    /// A voivodeship and a powiat code, each checked against the directory.
    mutating func area(voivodeship: String?, powiat: String?, _ req: Request) async throws -> (voivodeship: String?, powiat: String?) {
        var out: (voivodeship: String?, powiat: String?) = (nil, nil)
        if let v = present(voivodeship) {
            if try await req.directory.voivodeships().contains(where: { $0.code == v }) { out.voivodeship = v } else { invalid("voivodeship", "validation.unknown_voivodeship") }
        }
        if let p = present(powiat) {
            if try await req.directory.powiat(code: p) != nil { out.powiat = p } else { invalid("powiat", "search.error.unknown_powiat") }
        }
        return out
    }
}
