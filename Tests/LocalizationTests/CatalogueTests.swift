import Testing
import Foundation
@testable import Localization

@Suite struct CatalogueTests {
    @Test(arguments: [Language.en, .ru, .uk])
    func everyLanguageHasEveryKeyOfTheSource(language: Language) throws {
        let catalogues = try Catalogues.loadBundled()
        #expect(catalogues.gaps(in: language) == [], "gaps in \(language.rawValue)")
    }

    @Test func gapDetectionNoticesAMissingKeyAndAMissingPluralForm() {
        let pl = Catalogue(language: .pl, entries: ["a": .text("A {x}"), "n": .plural(["one": "1", "few": "2", "many": "5"])])
        let uk = Catalogue(language: .uk, entries: ["n": .plural(["one": "1", "many": "5"]), "z": .text("?")])
        let en = Catalogue(language: .en, entries: ["a": .text("A {y}"), "n": .plural(["one": "1", "other": "n"])])
        let all = Catalogues(byLanguage: [.pl: pl, .uk: uk, .en: en])
        #expect(all.gaps(in: .uk) == ["missing: a", "not in source: z", "plural forms [\"few\"] missing: n"])
        #expect(all.gaps(in: .en) == ["placeholders differ: a"])
    }

    @Test(arguments: [
        (Language.pl, 1, PluralCategory.one), (.pl, 2, .few), (.pl, 5, .many), (.pl, 12, .many), (.pl, 22, .few), (.pl, 21, .many),
        (.ru, 1, .one), (.ru, 21, .one), (.ru, 11, .many), (.ru, 3, .few), (.uk, 101, .one), (.uk, 114, .many),
        (.en, 1, .one), (.en, 0, .other), (.en, 2, .other),
    ])
    func pluralRules(language: Language, n: Int, expected: PluralCategory) {
        #expect(PluralCategory.of(n, in: language) == expected)
    }

    @Test func pluralAndPlaceholdersAreFilled() throws {
        let pl = try Catalogues.loadBundled()[.pl]
        #expect(pl.plural("offices.count", count: 3) == "Znaleziono 3 urzędy")
        #expect(pl.plural("offices.count", count: 25) == "Znaleziono 25 urzędów")
        #expect(pl.text("error.call_us", ["number": "19524"]) == "Możesz też zadzwonić pod numer 19524.")
        #expect(pl.text("no.such.key") == "no.such.key")
    }

    @Test(arguments: [
        ("uk-UA,uk;q=0.9,en;q=0.8", Language.uk), ("de-DE,de;q=0.9,ru;q=0.5", .ru), ("en-GB", .en),
        ("fr, pl;q=0.1", .pl), ("de", nil), ("", nil), ("ru;q=0, en;q=0.2", .en),
    ])
    func acceptLanguageNegotiation(header: String, expected: Language?) {
        #expect(Language.negotiate(acceptLanguage: header) == expected)
    }
}

/// Every key the code names literally is in the source catalogue (a missing key would show as
/// "desktop.some_key" on the page); keys built at run time are checked where they are built.
@Suite struct CatalogueUseTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")

    static func literalKeys() throws -> [String: String] {
        var keys: [String: String] = [:]
        let pattern = try Regex(#"(?:\bt|\.text|\.plural|catalogue\.text|ctx\.t|ctx\.plural)\(\s*"([a-z0-9_]+(?:\.[a-z0-9_]+)+)""#)
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        for case let url as URL in files where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for m in text.matches(of: pattern) {
                let key = String(m.output[1].substring ?? "")
                // A key followed by concatenation is a prefix of keys built at run time.
                let after = text[m.range.upperBound...].prefix(4)
                if after.hasPrefix(" + ") || after.hasPrefix("\\(") { continue }
                // A file read by name, not a key.
                if ["csv", "json", "txt"].contains(key.split(separator: ".").last ?? "") { continue }
                keys[key] = url.lastPathComponent
            }
        }
        return keys
    }

    @Test func everyKeyNamedInTheCodeIsInTheCatalogue() throws {
        let pl = try Catalogues.loadBundled()[.pl]
        let keys = try Self.literalKeys()
        #expect(keys.count > 500, "the scan finds the code's keys")
        let missing = keys.filter { pl.text($0.key) == $0.key && pl.plural($0.key, count: 1) == $0.key }.map { "\($0.key) (\($0.value))" }.sorted()
        #expect(missing.isEmpty, "\(missing)")
    }
}
