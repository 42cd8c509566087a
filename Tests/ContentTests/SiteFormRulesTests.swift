import Testing
import Foundation
@testable import Content

struct SiteFormRulesTests {
    static let form = SiteFormDraft(section: .portal, title: ["pl": "Ankieta"], fields: [
        SiteFormField(label: ["pl": "E-mail"], kind: .email, required: true),
        SiteFormField(label: ["pl": "Telefon"], kind: .phone, required: false),
        SiteFormField(label: ["pl": "Ile osób"], kind: .number, required: false),
        SiteFormField(label: ["pl": "Dzień"], kind: .date, required: false),
        SiteFormField(label: ["pl": "Termin", "en": "Date"], kind: .choice, required: true, options: [["pl": "Rano", "en": "Morning"], ["pl": "Popołudnie"]]),
        SiteFormField(label: ["pl": "Zgoda"], kind: .checkbox, required: true),
    ], retentionDays: 30, open: true)

    @Test func answersAreCheckedAndKeptInOneForm() {
        let ok = Self.form.check(["  Anna@Example.org ", "600 100 200", "2,5", "2028-02-29", "0", "on"])
        #expect(ok.problems.isEmpty)
        #expect(ok.values == ["anna@example.org", "+48600100200", "2.5", "2028-02-29", "Rano", "yes"])
        let bad = Self.form.check(["nie", "12", "dwa", "2027-02-29", "5", ""])
        #expect(bad.problems.map(\.field) == ["answer0", "answer1", "answer2", "answer3", "answer4", "answer5"])
        #expect(bad.problems.map(\.key) == ["forms.error.email", "forms.error.phone", "forms.error.number", "forms.error.date", "forms.error.choice", "forms.error.tick"])
        let empty = Self.form.check([])
        #expect(empty.problems.map(\.field) == ["answer0", "answer4", "answer5"], "only the required ones")
        #expect(Self.form.check(["a@b.pl", "", "", "", "1", "on", String(repeating: "x", count: 9)]).problems.isEmpty, "extra values are ignored")
        #expect(Self.form.check([String(repeating: "a", count: 301) + "@example.org", "", "", "", "1", "on"]).problems.first?.key == "offer.error.too_long")
    }

    @Test func aFormIsBuiltWithinTheRegistersRetention() {
        #expect(Self.form.problems(maximumRetention: 365).isEmpty)
        var f = Self.form
        f.retentionDays = 400
        f.fields[4].options = [["pl": "Jedyna"]]
        f.title = ["pl": ""]
        #expect(Set(f.problems(maximumRetention: 365).map(\.field)) == ["retention_days", "field4_options_pl", "title_pl"])
        f.fields = []
        #expect(f.problems(maximumRetention: 365).contains { $0.key == "forms.error.fields" })
    }

    @Test func csvCellsAreQuotedAndFormulasStayText() {
        #expect(CSVText.row(["a", "b,c", "say \"hi\"", "=1+1", "-2", "@SUM(A1)", "line\nbreak", "Łódź"])
                == "a,\"b,c\",\"say \"\"hi\"\"\",'=1+1,'-2,'@SUM(A1),\"line\nbreak\",Łódź\r\n")
    }
}
