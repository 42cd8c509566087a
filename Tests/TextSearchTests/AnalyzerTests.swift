import Testing
import Foundation
@testable import TextSearch

/// With the Polish dictionary (CI installs hunspell-pl; elsewhere these run where it is installed).
@Suite(.enabled(if: HunspellStemmer() != nil || ProcessInfo.processInfo.environment["CI"] == "true"))
struct DictionaryStemmingTests {
    let analyzer = Analyzer(stemmer: HunspellStemmer()!)

    @Test func employingForeignersIsFoundWithTheDictionaryToo() throws {
        #expect(try matches("cudzoziemca zatrudnienie", "Zatrudnianie cudzoziemców – od czego zacząć?"))
        #expect(try matches("zatrudnianie cudzoziemców", "Zatrudnienie cudzoziemca na podstawie oświadczenia"))
    }

    func matches(_ query: String, _ text: String) throws -> Bool {
        let tokens = Set(analyzer.indexTokens(text).split(separator: " ").map(String.init))
        return try analyzer.query(query).terms.allSatisfy { !Set($0.forms).isDisjoint(with: tokens) }
    }

    /// The dictionaries (85 MB of C memory for the three) are loaded once per process: an
    /// application made for each test loaded them again each time, and the test process grew to
    /// 21 GB.
    @Test func everyApplicationOfAProcessSharesOneLoadOfTheDictionaries() throws {
        let first = try #require(Analyzer.best().stemmer as? DictionaryStemmer)
        let again = try #require(Analyzer.best().stemmer as? DictionaryStemmer)
        #expect(!first.latin.isEmpty && first.latin.first === again.latin.first)
    }

    @Test func theDictionaryGivesLemmasThroughTheLatin2Dictionary() {
        let s = HunspellStemmer()!
        #expect(s.stems(of: "kierowców") == ["kierowca"])
        #expect(s.stems(of: "magazynie") == ["magazyn"])
        #expect(s.stems(of: "księgowej").sorted() == ["księgowa", "księgowy"])
        #expect(s.stems(of: "łodzi").contains("łódź"), "a lower-case proper noun is tried capitalised")
        #expect(s.stems(of: "xyzzy") == [])
    }

    @Test(arguments: ["kierowców", "kierowcy", "kierowcę", "Kierowca", "KIEROWCAMI"])
    func kierowcaFindsEveryForm(_ form: String) throws {
        #expect(try matches("kierowca", "Zatrudnimy \(form) kat. C+E"))
        #expect(try matches(form, "Szukamy: kierowca autobusu"))
    }

    @Test func inflectedAndUnaccentedQueriesMeetTheText() throws {
        #expect(try matches("magazyn", "Praca w magazynie w Łodzi"))
        #expect(try matches("lodz", "Praca w magazynie w Łodzi"))
        #expect(try matches("Łódź magazyn", "Praca w magazynie w Łodzi"))
        #expect(try matches("ksiegowa", "Zatrudnię księgową z doświadczeniem"))
        #expect(try matches("pracownik", "dla pracowników produkcji"))
        #expect(try !matches("kierowca", "Praca w magazynie w Łodzi"))
        #expect(try !matches("magazyn spawacz", "Praca w magazynie w Łodzi"), "every word must match")
    }
}

/// With the Russian and Ukrainian dictionaries (UTF-8 ones: CI installs hunspell-ru, hunspell-uk).
@Suite(.enabled(if: (DictionaryStemmer()?.cyrillic.count ?? 0) == 2 || ProcessInfo.processInfo.environment["CI"] == "true"))
struct CyrillicDictionaryTests {
    let analyzer = Analyzer(stemmer: DictionaryStemmer()!)

    func matches(_ query: String, _ text: String) throws -> Bool {
        let tokens = Set(analyzer.indexTokens(text).split(separator: " ").map(String.init))
        return try analyzer.query(query).terms.allSatisfy { !Set($0.forms).isDisjoint(with: tokens) }
    }

    @Test func russianAndUkrainianWordsGetTheirDictionaryForms() throws {
        let s = try #require(DictionaryStemmer())
        #expect(s.name == "hunspell-pl+ru+uk")
        #expect(s.stems(of: "пособия").contains("пособие"))
        #expect(s.stems(of: "допомогу").contains("допомога"))
        #expect(s.stems(of: "kierowców") == ["kierowca"], "Latin words still go to the Polish dictionary")
        #expect(try matches("пособие", "Когда положено пособие по безработице?"))
        #expect(try matches("пособия безработным", "Когда положено пособие по безработице?") == false, "every word must match")
        #expect(try matches("допомога", "Коли належить допомогу по безробіттю?"))
        #expect(try matches("работу", "Как найти работа в Польше"))
    }
}

@Suite struct LightStemmingTests {
    let analyzer = Analyzer(stemmer: NoDictionary())

    func matches(_ query: String, _ text: String) throws -> Bool {
        let tokens = Set(analyzer.indexTokens(text).split(separator: " ").map(String.init))
        return try analyzer.query(query).terms.allSatisfy { !Set($0.forms).isDisjoint(with: tokens) }
    }

    @Test func verbalNounsOfBothAspectsAndCyrillicFormsMeetWithoutADictionary() throws {
        #expect(try matches("cudzoziemca zatrudnienie", "Zatrudnianie cudzoziemców – od czego zacząć?"))
        #expect(try matches("szkolenia", "Bezpłatne szkolenie dla bezrobotnych"))
        #expect(try matches("пособия", "Когда положено пособие по безработице?"))
        #expect(try matches("допомогу", "Коли належить допомога по безробіттю?"))
        #expect(try !matches("cudzoziemca zatrudnienie", "Zatrudnienie w magazynie"), "every word must match")
    }

    @Test func withoutTheDictionaryLightRulesStillJoinTheForms() {
        for form in ["kierowca", "kierowcy", "kierowcę", "kierowców", "kierowcami"] {
            #expect(analyzer.variants(of: form).contains("kierowc"), "\(form)")
        }
        #expect(analyzer.variants(of: "magazynie").contains("magazyn"))
        #expect(analyzer.variants(of: "Łodzi").contains("lodz"))
        #expect(LightStemmer.stem("dom") == "dom", "short words keep their ending")
    }

    @Test func stopWordsAndPunctuationGiveNoTokens() {
        #expect(analyzer.indexTokens("w i na — do !!! ") == "")
        #expect(throws: Analyzer.QueryError.noWords) { try analyzer.query("?!., w na") }
        #expect(throws: Analyzer.QueryError.tooLong(maximum: 200)) { try analyzer.query(String(repeating: "a", count: 10_000)) }
    }

    @Test func queriesRenderForBothDatabasesWithNothingButTokens() throws {
        let q = try analyzer.query("Kierowca Łódź\" OR x* -- ;DROP", prefix: true)
        #expect(q.fts5.allSatisfy { $0.isLetter || $0.isNumber || " ()\"*".contains($0) })
        #expect(!q.fts5.contains(";") && !q.tsquery.contains(";") && !q.tsquery.contains("'"))
        let two = try analyzer.query("kierowca magaz", prefix: true)
        #expect(two.fts5 == "(\"kierowca\" OR \"kierowc\") AND (\"magaz\" OR \"magaz\"*)")
        #expect(two.tsquery == "(kierowca | kierowc) & (magaz | magaz:*)")
    }

    @Test func cyrillicWordsAreTokensToo() throws {
        let a = Analyzer(stemmer: NoDictionary())
        #expect(a.indexTokens("Коли працює Зелена лінія?").split(separator: " ").contains("працює"))
        let q = try a.query("ЗЕЛЕНА")
        #expect(q.isMatched(by: a.indexTokens("Зелена лінія")))
        #expect(!q.isMatched(by: a.indexTokens("Червона лінія")))
    }
}
