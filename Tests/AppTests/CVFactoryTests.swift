import Testing
import Foundation
import Vapor
import VaporTesting
import SQLKit
@testable import App
@testable import Storage
import Portal
import Privacy

/// Fabryka CV: a seeker asks for a CV of theirs to be improved, the centre's supervisor hands it
/// to a consultant, who writes it; the seeker sends it back once and accepts the second, which
/// becomes the new version of their CV. A visitor sends a file and gets a file; fake and
/// oversize files are refused; a withdrawn request cannot be taken; the status link opens only
/// its request (and an account's only for that account); retention deletes finished ones.
@Suite(.serialized) struct CVFactoryTests {
    static func link(_ app: Application, to email: String, kind: String) async throws -> String {
        let mail = try #require(try await Outbox(db: app.db).recent().first { $0.recipient == email && $0.kind == kind })
        let range = try #require(mail.textBody.range(of: #"/cv-factory/status/[0-9a-f-]+\.[A-Za-z0-9_-]+"#, options: .regularExpression))
        return String(mail.textBody[range])
    }

    static func centre(_ app: Application) async throws -> (consultant: TestStaff, desk: FormClient, supervisor: FormClient) {
        let consultant = try await TestStaff.create(app, email: "k.centrum@example.org", roles: [.consultant], scope: .national)
        let supervisor = try await TestStaff.create(app, email: "s.centrum@example.org", roles: [.supervisor], scope: .national)
        return (consultant, try await consultant.signIn(app), try await supervisor.signIn(app))
    }

    static let noFile = (field: "file", name: "", type: "application/octet-stream", data: Data())

    @Test func aSeekersCVIsImprovedSentBackOnceAndAcceptedAsItsNewVersion() async throws {
        try await withTestApp { app in
            let seeker = try await MatchingTests.seeker(app)
            let cv = try await CVFlowTests.firstCV(app)
            #expect(try await seeker.get("/cv-factory?lang=en").body.string.contains(">Magazyn</option>"))
            let sent = try await seeker.postMultipart("/cv-factory?lang=en", ["kind": "improve", "target_language": "pl", "source_cv": cv.id.uuidString,
                                                                             "note": "Proszę poprawić opis doświadczenia pod pracę w logistyce."],
                                                      file: Self.noFile, csrfFrom: "/cv-factory")
            #expect(sent.status == .ok && sent.body.string.contains("Request received"))
            let link = try await Self.link(app, to: "anna.nowak@example.org", kind: "cv_factory_confirmation")
            #expect(try await seeker.get(link).status == .ok)
            // The link is for the account that asked; a forged signature opens nothing.
            #expect(try await FormClient(app).get(link).status == .notFound)
            #expect(try await seeker.get(String(link.dropLast(3)) + "abc").status == .notFound)
            let request = try #require(try await CVFactoryStore(db: app.db).list(account: cv.accountID).first)
            #expect(request.status == .received && request.kind == .improve && request.sourceCV == cv.id)

            // A consultant of an office does not work the centre's national service.
            let local = try await TestStaff.create(app, email: "k@example.org", roles: [.consultant], scope: .offices(["pup-2002"]))
            #expect(try await local.signIn(app).get("/staff/cv-factory").status == .forbidden)

            let (consultant, desk, supervisor) = try await Self.centre(app)
            let path = "/staff/cv-factory/\(request.id.uuidString.lowercased())"
            #expect(try await desk.get("/staff/cv-factory?filter=unassigned&lang=en").body.string.contains("Anna Nowak"))
            // The consultant sees the whole CV, hidden sections too; the read is in the audit log.
            #expect(try await desk.get(path + "?lang=en").body.string.contains("UKRYTE-DOSWIADCZENIE"))
            let audit = try await (app.db as! any SQLDatabase).raw("SELECT action FROM audit_log WHERE detail = \(bind: request.id.uuidString.lowercased())").all()
            #expect(try audit.map { try $0.decode(column: "action", as: String.self) }.contains("cv_factory.read"))
            // Not held by them yet: nothing can be delivered.
            #expect(try await desk.post(path + "/deliver", MatchingTests.cv, csrfFrom: path).status == .conflict)
            // The supervisor hands it over; a consultant cannot.
            #expect(try await desk.post(path + "/assign", ["assignee": consultant.id.uuidString], csrfFrom: path).status == .forbidden)
            #expect(try await supervisor.post(path + "/assign", ["assignee": UUID().uuidString], csrfFrom: path).status == .badRequest)
            #expect(try await supervisor.post(path + "/assign", ["assignee": consultant.id.uuidString], csrfFrom: path).status == .seeOther)
            #expect(try await desk.post(path + "/take", [:], csrfFrom: path).status == .seeOther)
            #expect(try await desk.get(path + "/write").body.string.contains("value=\"Magazynier\""))
            var written = MatchingTests.cv
            written["experience"] = "Trzy lata w magazynie centralnym: przyjęcia, wydania, inwentaryzacje."
            written["postal_code"] = "99-999"
            #expect(try await desk.post(path + "/deliver?lang=en", written, csrfFrom: path + "/write").status == .badRequest, "a postal code nobody has")
            written["postal_code"] = "15-371"
            #expect(try await desk.post(path + "/deliver", written, csrfFrom: path + "/write").status == .seeOther)
            #expect(try await Outbox(db: app.db).recent().contains { $0.kind == "cv_factory_ready" && $0.recipient == "anna.nowak@example.org" })

            let page = try await seeker.get(link + "?lang=en").body.string
            #expect(page.contains("inwentaryzacje") && page.contains("I accept the CV"))
            let empty = try await seeker.post(link.replacingOccurrences(of: "/status/", with: "/steps/") + "?lang=en",
                                              ["step": "send_back", "reason": " "], csrfFrom: link)
            #expect(empty.status == .badRequest && empty.body.string.contains("What to change: write 5 to 1000 characters."))
            #expect(try await seeker.post(link.replacingOccurrences(of: "/status/", with: "/steps/"),
                                          ["step": "send_back", "reason": "Proszę dodać obsługę skanerów."], csrfFrom: link).status == .seeOther)
            let back = try #require(try await CVFactoryStore(db: app.db).find(request.id))
            #expect(back.status == .inProgress && back.returnReason == "Proszę dodać obsługę skanerów." 
                    && abs(back.dueAt.timeIntervalSinceNow - Double(CVFactoryPolicy.daysAfterSendBack) * 86_400) < 600, "due again in 3 days")
            #expect(try await desk.get(path + "?lang=pl").body.string.contains("Proszę dodać obsługę skanerów."))
            written["skills"] = "obsługa skanerów kodów kreskowych"
            #expect(try await desk.post(path + "/deliver", written, csrfFrom: path + "/write").status == .seeOther)
            #expect(try await seeker.post(link.replacingOccurrences(of: "/status/", with: "/steps/"), ["step": "accept"], csrfFrom: link).status == .seeOther)

            // The same CV, its new version; still one CV.
            let cvs = try await CVStore(db: app.db).list(account: cv.accountID)
            #expect(cvs.count == 1 && cvs[0].id == cv.id && cvs[0].draft.skills == "obsługa skanerów kodów kreskowych"
                    && cvs[0].draft.experience.contains("inwentaryzacje"))
            let done = try #require(try await CVFactoryStore(db: app.db).find(request.id))
            #expect(done.status == .accepted && done.finishedAt != nil)
            // Done is done: no second acceptance, no withdrawal.
            #expect(try await seeker.post(link.replacingOccurrences(of: "/status/", with: "/steps/"), ["step": "withdraw"], csrfFrom: link).status == .conflict)

            // The seeker's copy of their data has the request; erasing the account takes it.
            let export = try await PersonalDataExport(db: app.db).collect(account: cv.accountID)
            #expect(export.counts.contains { $0.name == "cv_factory" && $0.count == 1 })
            let erased = try await AccountErasure(db: app.db).erase(account: cv.accountID)
            #expect(erased.erased.contains { $0.name == "cv_factory" && $0.count == 1 })
            #expect(try await CVFactoryStore(db: app.db).find(request.id) == nil)
        }
    }

    @Test func aVisitorSendsAFileAndGetsAFileBadFilesAreRefusedAndRetentionDeletesTheRequest() async throws {
        try await withTestApp { app in
            let visitor = FormClient(app)
            let fields = ["kind": "translate", "target_language": "de", "email": "olga@example.org", "name": "Olga",
                          "note": "Proszę o tłumaczenie na niemiecki, szukam pracy w opiece.", "consent": "on"]
            let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data(repeating: 1, count: 500)
            let fake = try await visitor.postMultipart("/cv-factory?lang=en", fields, file: ("file", "cv.pdf", "application/pdf", png), csrfFrom: "/cv-factory")
            #expect(fake.status == .badRequest && fake.body.string.contains("CV file (PDF)"))
            let big = try await visitor.postMultipart("/cv-factory?lang=en", fields, file: ("file", "cv.pdf", "application/pdf",
                                                                                              CVFlowTests.pdf(CVFile.maximumBytes + 1)), csrfFrom: "/cv-factory")
            #expect(big.status == .payloadTooLarge)
            var noConsent = fields
            noConsent["consent"] = nil
            let refused = try await visitor.postMultipart("/cv-factory?lang=en", noConsent, file: ("file", "cv.pdf", "application/pdf", CVFlowTests.pdf()),
                                                          csrfFrom: "/cv-factory")
            #expect(refused.status == .badRequest && refused.body.string.contains("Consent: without it we cannot take the request."))
            let nothing = try await visitor.postMultipart("/cv-factory?lang=en", fields, file: Self.noFile, csrfFrom: "/cv-factory")
            #expect(nothing.status == .badRequest && nothing.body.string.contains("CV file: attach the PDF CV to improve or translate."))
            #expect(try await CVFactoryStore(db: app.db).queue().isEmpty)

            let source = CVFlowTests.pdf(3_000)
            #expect(try await visitor.postMultipart("/cv-factory", fields, file: ("file", "moje cv.pdf", "application/pdf", source),
                                                    csrfFrom: "/cv-factory").status == .ok)
            let link = try await Self.link(app, to: "olga@example.org", kind: "cv_factory_confirmation")
            #expect(try await FormClient(app).get(link + "?lang=en").body.string.contains("received, waiting for a consultant"))
            let request = try #require(try await CVFactoryStore(db: app.db).queue().first)
            #expect(request.accountID == nil && request.hasSourceFile && request.targetLanguage == "de")

            let (_, desk, _) = try await Self.centre(app)
            let path = "/staff/cv-factory/\(request.id.uuidString.lowercased())"
            #expect(try await desk.get(path + "/source").body.readableBytesView.elementsEqual(source))
            #expect(try await desk.post(path + "/take", [:], csrfFrom: path).status == .seeOther)
            let result = CVFlowTests.pdf(4_000)
            #expect(try await desk.postMultipart(path + "/deliver", [:], file: ("file", "lebenslauf.pdf", "application/pdf", png), csrfFrom: path).status == .badRequest)
            #expect(try await desk.postMultipart(path + "/deliver", [:], file: ("file", "lebenslauf.pdf", "application/pdf", result), csrfFrom: path).status == .seeOther)
            #expect(try await Outbox(db: app.db).recent().contains { $0.kind == "cv_factory_ready" && $0.recipient == "olga@example.org" })
            let file = link.replacingOccurrences(of: "/status/", with: "/files/")
            #expect(try await FormClient(app).get(file).body.readableBytesView.elementsEqual(result))
            #expect(try await visitor.post(link.replacingOccurrences(of: "/status/", with: "/steps/"), ["step": "accept"], csrfFrom: link).status == .seeOther)

            // Five attempts an hour from one address (the refused ones count); an hour later, a
            // second request, withdrawn: nobody can take it any more.
            let flood = try await visitor.postMultipart("/cv-factory?lang=en", fields, file: ("file", "cv.pdf", "application/pdf", source), csrfFrom: "/cv-factory")
            #expect(flood.status == .tooManyRequests && flood.body.string.contains("too many requests"))
            try await (app.db as! any SQLDatabase).raw("DELETE FROM rate_limits").run()
            #expect(try await visitor.postMultipart("/cv-factory", fields, file: ("file", "cv.pdf", "application/pdf", source), csrfFrom: "/cv-factory").status == .ok)
            let second = try #require(try await CVFactoryStore(db: app.db).queue().first)
            let secondLink = try #require(try await Outbox(db: app.db).recent().compactMap { m -> String? in
                guard m.kind == "cv_factory_confirmation", let r = m.textBody.range(of: "/cv-factory/status/" + second.id.uuidString.lowercased() + "." + #"[A-Za-z0-9_-]+"#,
                                                                                options: .regularExpression) else { return nil }
                return String(m.textBody[r])
            }.first)
            #expect(try await visitor.post(secondLink.replacingOccurrences(of: "/status/", with: "/steps/"), ["step": "withdraw"], csrfFrom: secondLink).status == .seeOther)
            let secondPath = "/staff/cv-factory/\(second.id.uuidString.lowercased())"
            #expect(try await desk.post(secondPath + "/take", [:], csrfFrom: secondPath).status == .conflict)

            // 90 days after they ended both go, files and all.
            let later = Date().addingTimeInterval(91 * 86_400)
            let report = try await PrivacyRetention(app: app).sweep(now: later)
            #expect(report.cvFactory == 2)
            let left = try await (app.db as! any SQLDatabase).raw("SELECT (SELECT COUNT(*) FROM cv_factory_requests) + (SELECT COUNT(*) FROM cv_factory_files) AS n").first()
            #expect(try left?.decode(column: "n", as: Int.self) == 0)
        }
    }
}
