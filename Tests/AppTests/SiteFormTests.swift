import Testing
import Foundation
import Vapor
import VaporTesting
@testable import App
@testable import Storage
import Content
import Privacy

/// Forms editors build: questions checked as they are answered, answers kept as long as the form
/// says (no longer than the register allows), exported as CSV only by the section's editors —
/// a read in the audit log, and nothing in a cell that a spreadsheet would run.
@Suite(.serialized) struct SiteFormTests {
    static func form(section: String = "office:pup-2002", days: String = "30") -> [String: String] {
        ["section": section, "title_pl": "Zapisy na warsztaty CV", "title_en": "Sign-up for the CV workshop", "intro_pl": "Warsztaty w sali 12.",
         "field0_label_pl": "Imię i nazwisko", "field0_label_en": "Full name", "field0_kind": "text", "field0_required": "on",
         "field1_label_pl": "E-mail", "field1_kind": "email", "field1_required": "on",
         "field2_label_pl": "Termin", "field2_kind": "choice", "field2_required": "on", "field2_options_pl": "Poniedziałek\nŚroda", "field2_options_en": "Monday\nWednesday",
         // A gap in the rows: the next question is the fourth row.
         "field4_label_pl": "Zgoda na kontakt", "field4_kind": "checkbox", "field4_required": "on",
         "retention_days": days, "open": "on"]
    }

    static func id(_ res: TestingHTTPResponse) throws -> UUID {
        let location = try #require(res.headers.first(name: .location))
        return try #require(UUID(uuidString: location.split(separator: "/")[3].description))
    }

    @Test func anEditorBuildsAFormVisitorsAnswerItAndOnlyTheSectionsEditorsExportTheAnswers() async throws {
        try await withTestApp { app in
            let ewa = try await TestStaff.create(app, email: "ewa@example.org", roles: [.officeEditor], scope: .offices(["pup-2002"])).signIn(app)
            #expect(try await ewa.post("/staff/content/forms", Self.form(section: "office:pup-2001"), csrfFrom: "/staff/content/forms/new").status == .forbidden)
            let tooLong = try await ewa.post("/staff/content/forms?lang=en", Self.form(days: "400"), csrfFrom: "/staff/content/forms/new")
            #expect(tooLong.status == .badRequest && tooLong.body.string.contains("Give a number of days from 1 to 365"))
            var oneOption = Self.form()
            oneOption["field2_options_pl"] = "Poniedziałek"
            #expect(try await ewa.post("/staff/content/forms?lang=en", oneOption, csrfFrom: "/staff/content/forms/new").body.string.contains("A choice needs 2 to 20 answers"))
            let id = try Self.id(try await ewa.post("/staff/content/forms", Self.form(), csrfFrom: "/staff/content/forms/new"))
            let saved = try #require(try await SiteFormStore(db: app.db).find(id))
            #expect(saved.draft.fields.map(\.kind) == [.text, .email, .choice, .checkbox] && saved.draft.fields[2].options[1] == ["pl": "Środa", "en": "Wednesday"])

            let visitor = FormClient(app)
            let page = try await visitor.get("/forms/\(id)?lang=en").body.string
            #expect(page.contains("Sign-up for the CV workshop") && page.contains("Full name") && page.contains("Wednesday") && page.contains("30 days"))
            let bad = try await visitor.post("/forms/\(id)?lang=en", ["answer0": "", "answer1": "nie-mail", "answer2": "7"], csrfFrom: "/forms/\(id)")
            #expect(bad.status == .badRequest)
            let html = bad.body.string
            #expect(html.contains("Full name: this field is required") && html.contains("E-mail: is not an e-mail address")
                    && html.contains("Termin: choose one of the answers") && html.contains("Zgoda na kontakt: must be ticked"))
            #expect(try await SiteFormStore(db: app.db).count(id) == 0, "nothing kept")
            let sent = try await visitor.post("/forms/\(id)", ["answer0": "=HYPERLINK(\"http://evil\")", "answer1": "Anna@Example.org", "answer2": "1", "answer3": "on"],
                                              csrfFrom: "/forms/\(id)")
            #expect(sent.status == .seeOther)
            #expect(try await visitor.get("/forms/\(id)?lang=en&notice=sent").body.string.contains("your answers have been sent"))
            let answer = try #require(try await SiteFormStore(db: app.db).answers(id).first)
            #expect(answer.values == ["=HYPERLINK(\"http://evil\")", "anna@example.org", "Środa", "yes"])

            let csv = try await ewa.get("/staff/content/forms/\(id)/answers.csv")
            #expect(csv.status == .ok && csv.headers.contentType?.subType == "csv" && csv.headers.first(name: .contentDisposition)?.contains("attachment") == true)
            let lines = csv.body.string.components(separatedBy: "\r\n")
            #expect(lines[0] == "\u{FEFF}Sent at,Imię i nazwisko,E-mail,Termin,Zgoda na kontakt")
            #expect(lines[1].hasSuffix(",\"'=HYPERLINK(\"\"http://evil\"\")\",anna@example.org,Środa,yes"), "a formula is text")
            #expect(try await AuditLog(db: app.db).entries(.init(action: "content.form.export")).count == 1)
            let other = try await TestStaff.create(app, email: "lodz@example.org", roles: [.officeEditor], scope: .offices(["pup-2001"])).signIn(app)
            #expect(try await other.get("/staff/content/forms/\(id)/answers.csv").status == .forbidden)
            #expect(try await other.get("/staff/content/forms?lang=en").body.string.contains("Sign-up for the CV workshop") == false)

            // Answers came: the questions' kinds stay; a closed form takes none.
            var changed = Self.form()
            changed["field1_kind"] = "phone"
            #expect(try await ewa.post("/staff/content/forms/\(id)", changed, csrfFrom: "/staff/content/forms/\(id)/edit").status == .conflict)
            var closed = Self.form()
            closed["open"] = ""
            #expect(try await ewa.post("/staff/content/forms/\(id)", closed, csrfFrom: "/staff/content/forms/\(id)/edit").status == .seeOther)
            #expect(try await visitor.post("/forms/\(id)", ["answer0": "Jan", "answer1": "jan@example.org", "answer2": "0", "answer3": "on"],
                                           csrfFrom: "/contact").status == .conflict)
        }
    }

    @Test func answersGoWhenTheFormsRetentionEnds() async throws {
        try await withTestApp { app in
            let editor = try await TestStaff.create(app, email: "ewa@example.org", roles: [.officeEditor], scope: .offices(["pup-2002"]))
            let audit = AuditEntry(actorID: editor.id, actorOfficeID: "pup-2002", clientID: nil, action: "content.form.create", detail: "", reason: "")
            let store = SiteFormStore(db: app.db)
            let short = try await store.save(nil, SiteFormDraft(section: .office("pup-2002"), title: ["pl": "Krótki"],
                                                                fields: [SiteFormField(label: ["pl": "Pytanie"], kind: .text, required: true)], retentionDays: 7, open: true),
                                             by: editor.id, audit: audit, address: nil)
            let long = try await store.save(nil, SiteFormDraft(section: .office("pup-2002"), title: ["pl": "Długi"],
                                                               fields: [SiteFormField(label: ["pl": "Pytanie"], kind: .text, required: true)], retentionDays: 90, open: true),
                                            by: editor.id, audit: audit, address: nil)
            let then = Date().addingTimeInterval(-10 * 86_400)
            try await store.answer(try #require(try await store.find(short)), values: ["a"], now: then)
            try await store.answer(try #require(try await store.find(long)), values: ["b"], now: then)
            let report = try await PrivacyRetention(app: app).sweep()
            #expect(report.formAnswers == 1)
            let left = (short: try await store.count(short), long: try await store.count(long))
            #expect(left.short == 0 && left.long == 1)
            #expect(ProcessingRegister.purpose(ofTable: "site_form_answers")?.id == "form_answers")
        }
    }
}
