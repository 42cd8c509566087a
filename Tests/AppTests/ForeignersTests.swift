import Testing
import Foundation
import Vapor
import VaporTesting
import SQLKit
@testable import App
@testable import Storage
import Privacy
import Foreigners
import ContactCenter
import Directory

/// The foreigners' generator end to end: a declaration filled step by step in Ukrainian with
/// the form's rules refusing what they must (a Georgian citizen since December 2025, a period
/// over 24 months, pay under the minimum, a Cyrillic name offered in Latin letters), printed in
/// Polish as a page and a PDF naming the PUP of the employer's seat; a draft reopened by its
/// link and by a helpline consultant with its code (consent, audit, rate limit); drafts kept in
/// an account; an ended version carried to the new one; retention counting where people stopped.
@Suite(.serialized) struct ForeignersTests {
    static let employer: [String: String] = [
        "employer_name": "Firma Budowlana sp. z o.o.", "employer_street": "ul. Piotrkowska 100", "employer_locality": "Łódź",
        "employer_postal_code": "90-001", "employer_nip": "7251801126", "employer_phone": "+48 42 123 45 67",
    ]

    static func start(_ client: FormClient, _ form: String, lang: String = "en") async throws -> String {
        let res = try await client.post("/foreigners/\(form)?lang=\(lang)", [:], csrfFrom: "/foreigners/\(form)")
        #expect(res.status == .seeOther)
        let location = try #require(res.headers.first(name: .location))
        return String(location[..<location.range(of: "/steps/")!.lowerBound])
    }

    /// The work period: next month, six months long.
    static func period(months: Int = 6) -> (String, String) {
        let today = ForeignerDrafts.today()
        let from = today.adding(days: 14)
        return (from.description, from.adding(months: months).adding(days: -1).description)
    }

    @Test func aDeclarationIsGuidedCheckedAndPrintedInPolishForThePUPOfTheEmployersSeat() async throws {
        try await withTestApp { app in
            let user = FormClient(app)
            let index = try await user.get("/foreigners?lang=uk").body.string
            #expect(index.contains("Заява про доручення роботи") && index.contains("/foreigners/work-declaration"))
            let intro = try await user.get("/foreigners/work-declaration?lang=uk").body.string
            #expect(intro.contains("400") && intro.contains("praca.gov.pl") && intro.contains("Потребує перевірки"))
            let draft = try await Self.start(user, "work-declaration", lang: "uk")

            // Step 1: the employer; a wrong NIP stops it, with the field named in the user's language.
            var employer = Self.employer
            employer["employer_nip"] = "7251801127"
            var res = try await user.post(draft + "/steps/1?lang=en", employer, csrfFrom: draft + "/steps/1")
            #expect(res.status == .unprocessableEntity && res.body.string.contains("Employer’s tax number (NIP):"))
            res = try await user.post(draft + "/steps/1?lang=en", Self.employer, csrfFrom: draft + "/steps/1")
            #expect(res.status == .seeOther && res.headers.first(name: .location) == draft + "/steps/2")

            // Step 2: a Cyrillic surname gets its ICAO spelling offered; a Georgian citizen the right path.
            var foreigner = ["surname": "Шевченко", "given_names": "Olena", "sex": "F", "birth_date": "1990-04-12", "citizenship": "GE",
                             "passport_number": "FX123456", "passport_expiry": "2031-01-01"]
            res = try await user.post(draft + "/steps/2?lang=en", foreigner, csrfFrom: draft + "/steps/2")
            var html = res.body.string
            #expect(res.status == .unprocessableEntity)
            #expect(html.contains("value=\"SHEVCHENKO\"") && html.contains("we suggest SHEVCHENKO"))
            #expect(html.contains("type A work permit"))
            foreigner["surname"] = "SHEVCHENKO"; foreigner["citizenship"] = "UA"
            res = try await user.post(draft + "/steps/2?lang=en", foreigner, csrfFrom: draft + "/steps/2")
            #expect(res.status == .seeOther)

            // Step 3: the work; over 24 months and under the minimum wage are refused.
            let (from, to) = Self.period()
            var work = ["position": "murarz", "work_place": "Łódź, ul. Długa 1", "seasonal": "no", "contract": "employment", "weekly_hours": "40",
                        "pay_unit": "monthly", "pay": "3000", "comparable_pay": "yes", "work_from": from,
                        "work_to": LocalDate(iso: from)!.adding(months: 25).description]
            res = try await user.post(draft + "/steps/3?lang=en", work, csrfFrom: draft + "/steps/3")
            html = res.body.string
            #expect(res.status == .unprocessableEntity && html.contains("at most 24 months after") && html.contains("less than the minimum wage"))
            work["work_to"] = to; work["pay"] = "6 200,50"
            res = try await user.post(draft + "/steps/3?lang=en", work, csrfFrom: draft + "/steps/3")
            #expect(res.status == .seeOther && res.headers.first(name: .location) == draft + "/check")

            // The checklist: nothing missing or wrong, one doubt (the work runs into a year whose
            // minimum wage the table does not know yet); the PUP of 90-001 (Łódź) named.
            html = try await user.get(draft + "/check?lang=en").body.string
            #expect(!html.contains("To correct") && !html.contains("Missing (") && html.contains("Worth checking (1)") && html.contains("is not in the table yet"))
            #expect(html.contains("Powiatowy Urząd Pracy w Łodzi") && html.contains(draft + "/print"))
            let print = try await user.get(draft + "/print?lang=en")
            html = print.body.string
            #expect(print.status == .ok && html.contains("<html lang=\"pl\">") && html.contains("OŚWIADCZENIE O POWIERZENIU PRACY CUDZOZIEMCOWI"))
            #expect(html.contains("SHEVCHENKO") && html.contains("UKRAINA") && html.contains("MURARZ") && html.contains("6200,50 ZŁ"))
            #expect(html.contains("NIE DOTYCZY"))   // no REGON given
            #expect(!html.contains("Employer’s tax number"))   // the user's language stays off the form
            let pdf = try await user.get(draft + "/application.pdf")
            #expect(pdf.status == .ok && pdf.headers.contentType?.subType == "pdf" && pdf.body.string.hasPrefix("%PDF-1.4"))
            #expect(pdf.body.string.contains("SHEVCHENKO"))

            // The office's figures: one start, one print, the fields that were wrong once each; no personal data.
            let counts = try await ForeignerDraftStore(db: app.db).counts()
            #expect(counts.contains { $0.kind == .started && $0.language == "uk" && $0.count == 1 })
            #expect(counts.contains { $0.kind == .printed && $0.count == 1 })
            #expect(Set(counts.filter { $0.kind == .wrong }.map(\.field)) == ["employer_nip", "surname", "citizenship", "work_to", "pay"])
            #expect(counts.filter { $0.kind == .wrong }.allSatisfy { $0.count == 1 })
            // At rest the answers are sealed.
            let stored = try #require(try await (app.db as! any SQLDatabase).select().column("content").from("foreigner_drafts").first()?
                .decode(column: "content", as: String.self))
            #expect(stored.hasPrefix("v2:") && !stored.contains("SHEVCHENKO"))
        }
    }

    @Test func printingWaitsForWhatIsMissingAndAGuessedLinkOpensNothing() async throws {
        try await withTestApp { app in
            let user = FormClient(app)
            let draft = try await Self.start(user, "temporary-residence")
            let check = try await user.get(draft + "/check?lang=en").body.string
            #expect(check.contains("Missing") && check.contains("The printout is available once"))
            #expect(try await user.get(draft + "/print").status == .seeOther)
            #expect(try await user.get(draft + "/application.pdf").status == .seeOther)
            // Another form's path, a changed token, an unknown step: nothing.
            #expect(try await user.get(draft.replacingOccurrences(of: "temporary-residence", with: "work-declaration") + "/check").status == .notFound)
            #expect(try await user.get(String(draft.dropLast(2)) + "xx/check").status == .notFound)
            #expect(try await user.get(draft + "/steps/Z9").status == .notFound)
            #expect(try await user.get("/foreigners/no-such-form").status == .notFound)
            // The annex for work appears only once work is the purpose.
            #expect(!check.contains("/steps/Z1"))
            let d = try await user.post(draft + "/steps/D", ["purpose": "work", "stay_until": ForeignerDrafts.today().adding(months: 12).description,
                                                            "in_poland": "no"], csrfFrom: draft + "/steps/D")
            #expect(d.status == .seeOther)
            #expect(try await user.get(draft + "/check").body.string.contains("/steps/Z1"))
            // Deleting is at once.
            #expect(try await user.post(draft + "/delete", [:], csrfFrom: draft + "/check").status == .seeOther)
            #expect(try await user.get(draft + "/check").status == .notFound)
        }
    }

    @Test func aHelplineConsultantOpensADraftByItsCodeOnlyWithConsentAuditedAndLimited() async throws {
        try await withTestApp { app in
            let user = FormClient(app)
            let draft = try await Self.start(user, "work-permit-a")
            _ = try await user.post(draft + "/steps/1", Self.employer, csrfFrom: draft + "/steps/1")
            let page = try await user.get(draft + "/check?lang=en").body.string
            let codeRange = try #require(page.range(of: #"class="draft-code">[2-9A-Z]{4}-[2-9A-Z]{4}"#, options: .regularExpression))
            let code = String(page[codeRange].suffix(9))

            let (staff, desk) = try await DesktopTests.consultant(app, "infolinia@example.org")
            let call = try await DesktopTests.call(app, topic: "foreigners")
            _ = try await DesktopTests.route(app)
            #expect(try await desk.post("/desktop/offers/\(call.id)/accept", [:], csrfFrom: "/desktop").status == .seeOther)
            let pop = "/desktop/interactions/\(call.id)"
            #expect(try await desk.get(pop + "?lang=en").body.string.contains("A foreigner&#39;s application"))
            let action = pop + "/foreigner-draft?lang=en"
            var res = try await desk.post(action, ["code": code], csrfFrom: pop)
            #expect(res.status == .badRequest && res.body.string.contains("Confirm the caller"))
            res = try await desk.post(action, ["code": code.lowercased().replacingOccurrences(of: "-", with: " "), "consent": "on"], csrfFrom: pop)
            #expect(res.status == .ok && res.body.string.contains("FIRMA BUDOWLANA SP. Z O.O.") && res.body.string.contains("Employer’s name"))
            let audit = try await AuditLog(db: app.db).entries(.init(actorID: staff.id, action: "foreigners.draft.read"))
            #expect(audit.count == 1 && audit.first?.reason == "caller's consent on contact \(call.id.uuidString)")
            // Wrong codes say nothing about why, and ten tries in a quarter of an hour are the limit.
            res = try await desk.post(action, ["code": "2222-2222", "consent": "on"], csrfFrom: pop)
            #expect(res.status == .notFound && res.body.string.contains("There is no draft with this code"))
            for _ in 0..<8 { _ = try await desk.post(action, ["code": "2222-2223", "consent": "on"], csrfFrom: pop) }
            res = try await desk.post(action, ["code": code, "consent": "on"], csrfFrom: pop)
            #expect(res.status == .tooManyRequests)
            // A contact the consultant does not hold opens nothing.
            let other = try await DesktopTests.call(app, topic: "foreigners")
            #expect(try await desk.post("/desktop/interactions/\(other.id)/foreigner-draft", ["code": code, "consent": "on"], csrfFrom: pop).status.code >= 400)
        }
    }

    @Test func aSignedInSeekerKeepsDraftsInTheAccountWithoutExpiry() async throws {
        try await withTestApp { app in
            let seeker = try await MatchingTests.seeker(app)
            let draft = try await Self.start(seeker, "work-declaration")
            _ = try await seeker.post(draft + "/steps/1", Self.employer, csrfFrom: draft + "/steps/1")
            let row = try #require(try await (app.db as! any SQLDatabase).select().columns("account_id", "expires_at").from("foreigner_drafts").first())
            #expect(try row.decode(column: "account_id", as: UUID?.self) != nil && row.decode(column: "expires_at", as: Date?.self) == nil)
            let list = try await seeker.get("/foreigners?lang=en").body.string
            let link = try #require(list.range(of: #"/foreigners/work-declaration/drafts/a\.[0-9a-f-]+\.[A-Za-z0-9_-]+"#, options: .regularExpression))
            #expect(try await seeker.get(String(list[link]) + "/check").status == .ok)
            // The account's link is only for the account.
            #expect(try await FormClient(app).get(String(list[link]) + "/check").status == .notFound)
            // The copy of the account's data holds the draft, opened, by the form's own labels.
            let account = try #require(try row.decode(column: "account_id", as: UUID?.self))
            var contents = PersonalDataExport.Contents()
            try await ForeignerDraftExport(db: app.db, cipher: app.services.cipher).add(account: account, to: &contents)
            let file = try #require(contents.files.first { $0.path == "foreigner_drafts.json" })
            let drafts = try #require(try JSONSerialization.jsonObject(with: file.data) as? [[String: Any]])
            #expect(drafts.count == 1 && drafts[0]["form"] as? String == "OŚWIADCZENIE O POWIERZENIU PRACY CUDZOZIEMCOWI")
            #expect((drafts[0]["answers"] as? [String: String])?["NIP"] == "7251801126")
            // Erasing the account erases its drafts, and says so.
            let outcome = try await AccountErasure(db: app.db).erase(account: account)
            #expect(outcome.erased.contains { $0.name == "foreigner_drafts" && $0.count == 1 })
            #expect(try await ForeignerDraftStore(db: app.db).list(account: account).isEmpty)
        }
    }

    @Test func expiredDraftsGoAndCountWhereTheyStopped() async throws {
        try await withTestApp { app in
            let user = FormClient(app)
            let draft = try await Self.start(user, "work-declaration")
            _ = try await user.post(draft + "/steps/1", Self.employer, csrfFrom: draft + "/steps/1")
            let later = Date().addingTimeInterval(31 * 86_400)
            let deleted = try await ForeignerDraftRetention(db: app.db, cipher: app.services.cipher).sweep(now: later)
            #expect(deleted == 1)
            #expect(try await user.get(draft + "/check").status == .notFound)
            let abandoned = try await ForeignerDraftStore(db: app.db).counts().filter { $0.kind == .abandoned }
            #expect(abandoned.map(\.field) == ["surname"])
            #expect(Retention.foreignerDrafts == RetentionRule(name: "foreigner_forms", days: 30))
        }
    }

    @Test func aDraftOnAnEndedVersionIsCarriedToTheVersionInForce() async throws {
        try await withTestApp { app in
            let user = FormClient(app)
            let draft = try await Self.start(user, "work-declaration")
            _ = try await user.post(draft + "/steps/2", ["surname": "BERIDZE", "given_names": "NINO", "sex": "F", "birth_date": "1991-02-03",
                                                        "citizenship": "GE", "passport_number": "12AB34567", "passport_expiry": "2031-01-01"],
                                    csrfFrom: draft + "/steps/2")
            // As if started before December 2025, on the version that still took Georgia.
            try await (app.db as! any SQLDatabase).update("foreigner_drafts").set("version", to: SQLBind("2025-06")).run()
            let html = try await user.get(draft + "/check?lang=en").body.string
            #expect(html.contains("This application&#39;s form has changed") && html.contains("changed field: Citizenship"))
            #expect(html.contains("A declaration is only for citizens of Armenia, Belarus, Moldova and Ukraine"))
            let version = try await (app.db as! any SQLDatabase).select().column("version").from("foreigner_drafts").first()?.decode(column: "version", as: String.self)
            #expect(version == "2025-12")
        }
    }
}
