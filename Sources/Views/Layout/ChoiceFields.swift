import Foundation
import Plot
import Localization

/// Fields where people choose from a list the portal knows instead of typing codes: the
/// occupation (KZiS) with a type-ahead and a search page that works without script, and
/// languages chosen from a list each with its CEFR level.
enum ChoiceFields {
    /// The occupation: type a name (the browser's own list offers matching occupations as
    /// "721204 – Spawacz") or the 6-digit code; the hint links to the search page, which finds
    /// a code without any script.
    static func occupation(_ name: String = "occupation", label: String, hint: String, state: FormState, required: Bool = false,
                           ctx: PageContext) -> Node<HTML.FormContext> {
        .group(
            Forms.field(name, label: label, state: state, required: required, autocomplete: "off", hint: hint,
                        attributes: [("list", name + "-list"),
                                     ("data-suggest", SiteRoute.apiOccupations.path + "?q=")], ctx: ctx),
            .element(named: "datalist", nodes: [.id(name + "-list")]),
            .p(.class("hint"), .a(.href(SiteRoute.occupations.path), .attribute(named: "target", value: "_blank"),
                                  .attribute(named: "rel", value: "noopener"), .text(ctx.t("occupations.find_code")))))
    }

    /// Languages a CV or an offer names, most asked for first; any ISO 639-1 code stays valid.
    static let languageCodes = ["en", "de", "fr", "es", "it", "ru", "uk", "be", "pl", "cs", "sk", "hu", "lt", "lv", "et", "ro", "bg", "hr", "sr", "sl",
                                "nl", "sv", "no", "da", "fi", "pt", "el", "tr", "ar", "zh", "ja", "ko", "vi", "hi", "ka", "hy", "he", "kk", "uz", "tg"]
    static let levels = ["A1", "A2", "B1", "B2", "C1", "C2"]
    /// Rows shown: the ones filled in and one more, at least three.
    static func rowCount(_ filled: Int) -> Int { min(8, max(3, filled + 1)) }

    /// Language names in a language, sorted as its speakers sort them (computed once per language).
    static let languageNames: [Localization.Language: [(code: String, name: String)]] = {
        var out: [Localization.Language: [(code: String, name: String)]] = [:]
        for lang in Localization.Language.allCases {
            let locale = Locale(identifier: lang.locale)
            out[lang] = languageCodes.map { code in (code, locale.localizedString(forLanguageCode: code) ?? code) }
                .sorted { $0.name.compare($1.name, locale: locale) == .orderedAscending }
        }
        return out
    }()

    /// The languages as rows of two lists — the language, its level (A1–C2 with what each
    /// means) — named `<name>_N` and `<name>_level_N`; filled from the rows sent, else from the
    /// stored list ("en:B2, de:A2").
    static func languages(_ name: String = "languages", legend: String, hint: String, state: FormState, ctx: PageContext) -> Node<HTML.FormContext> {
        let stored = state[name].split(separator: ",").map { $0.split(separator: ":", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) } }
        var values = state.values
        for (i, pair) in stored.enumerated() where pair.count == 2 && values["\(name)_\(i + 1)"] == nil {
            values["\(name)_\(i + 1)"] = pair[0].lowercased(); values["\(name)_level_\(i + 1)"] = pair[1].uppercased()
        }
        let filled = (1...8).last { !(values["\(name)_\($0)"] ?? "").isEmpty } ?? 0
        let rowState = FormState(values: values, errors: state.errors)
        let names = languageNames[ctx.language] ?? []
        let levels = levels.map { ($0, $0 + " – " + ctx.t("cefr." + $0)) }
        return .fieldset(.id(name), .class("language-rows"),
            .element(named: "legend", text: legend),
            .p(.class("hint"), .text(hint)),
            state.error(name).map { .p(.class("field-error"), .text($0)) } ?? .empty,
            .forEach(1...rowCount(filled)) { n in
                .div(.class("language-row"),
                    Forms.select("\(name)_\(n)", label: ctx.t("languages.language_n", ["n": "\(n)"]), options: names.map { ($0.code, $0.name) },
                                 state: rowState, blank: ctx.t("languages.none"), ctx: ctx),
                    Forms.select("\(name)_level_\(n)", label: ctx.t("languages.level_n", ["n": "\(n)"]), options: levels,
                                 state: rowState, blank: ctx.t("languages.no_level"), ctx: ctx))
            })
    }
}
