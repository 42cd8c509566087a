import Testing
import Foundation
import Vapor
import VaporTesting
import SQLKit
import ZIPFoundation
@testable import App
@testable import Storage

/// The copy of a person's data (art. 15, 20): asked for with the password, one at a time,
/// built in the background into a ZIP with an index in their language, JSON per category and
/// CSV tables, downloaded by its owner only for a week, then deleted by retention.
@Suite(.serialized) struct DataExportTests {
    static func entries(_ zip: Data) throws -> [String: String] {
        let archive = try Archive(data: zip, accessMode: .read)
        var out: [String: String] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            out[entry.path] = String(decoding: data, as: UTF8.self)
        }
        return out
    }

    @Test func aCopyIsBuiltInTheBackgroundAndDownloadedByItsOwnerForAWeek() async throws {
        try await withTestApp { app in
            let seeker = try await CVFlowTests.seekerWithPhone(app)
            #expect(try await seeker.post("/account/cvs", CVFlowTests.cvForm, csrfFrom: "/account/cvs/new").status == .seeOther)
            #expect(try await FormClient(app).post("/contact", ["email": "anna.nowak@example.org", "powiat": "2061", "topic": "benefits", "name": "Anna",
                                                                "message": "Kiedy dostanę zasiłek, \"pilne\", proszę?"], csrfFrom: "/contact").status == .ok)
            let account = try #require(try await AccountStore(db: app.db).find(email: "anna.nowak@example.org"))

            let wrong = try await seeker.post("/account/privacy/export?lang=en", ["export_password": "nope"], csrfFrom: "/account/privacy")
            #expect(wrong.status == .unauthorized && wrong.body.string.contains("this is not the password"))
            let asked = try await seeker.post("/account/privacy/export?lang=en", ["export_password": AccountTests.goodForm["password"]!],
                                              csrfFrom: "/account/privacy")
            #expect(asked.status == .ok && asked.body.string.contains("We are preparing the copy"))
            let twice = try await seeker.post("/account/privacy/export?lang=en", ["export_password": AccountTests.goodForm["password"]!],
                                              csrfFrom: "/account/privacy")
            #expect(twice.status == .conflict && twice.body.string.contains("already being prepared"))

            let builder = DataExportBuilder(db: app.db, publicURL: app.services.config.publicURL, cipher: app.services.cipher)
            #expect(try await builder.buildNext())
            #expect(try await !builder.buildNext(), "one job, built once")
            let job = try #require(try await PrivacyExportStore(db: app.db).latest(account: account.id))
            #expect(job.status == .ready)
            let mail = try #require(try await Outbox(db: app.db).recent().first { $0.kind == "privacy_export_ready" })
            #expect(mail.recipient == "anna.nowak@example.org" && mail.textBody.contains("/account/privacy/export/\(job.id.uuidString)"))
            #expect(try await seeker.get("/account/privacy?lang=en").body.string.contains("Download the copy (ZIP"))

            let download = try await seeker.get("/account/privacy/export/\(job.id.uuidString)")
            #expect(download.status == .ok && download.headers.contentType?.subType == "zip")
            let files = try Self.entries(Data(download.body.readableBytesView))
            for name in ["index.html", "account.json", "cvs.json", "alerts.json", "alerts.csv", "consents.json", "consents.csv", "contacts.json",
                         "contacts.csv", "requests.json", "audit.json", "audit.csv"] {
                #expect(files[name] != nil, "\(name) in the copy")
            }
            #expect(files["index.html"]?.contains("<html lang=\"en\">") == true && files["index.html"]?.contains("Your data in Zielona Linia") == true)
            #expect(files["account.json"]?.contains("anna.nowak@example.org") == true && files["account.json"]?.contains("\"phone\"") == true)
            #expect(files["cvs.json"]?.contains("MOJE-TAJNE-CV") == true)
            let contacts = try #require(try JSONSerialization.jsonObject(with: Data(files["contacts.json"]!.utf8)) as? [[String: Any]])
            #expect(contacts.count == 1 && contacts[0]["channel"] as? String == "web_form")
            #expect(((contacts[0]["context"] as? [String: Any])?["message"] as? String)?.contains("\"pilne\"") == true)
            #expect(files["contacts.csv"]?.components(separatedBy: "\r\n").count == 3, "a header, one contact, the final line end")
            #expect(files["consents.csv"]?.contains("account_services,1,") == true)

            // Someone else's copy does not exist for them; strangers sign in first.
            var other = AccountTests.goodForm
            other["email"] = "ewa.las@example.org"
            let ewa = FormClient(app)
            _ = try await ewa.post("/register", other)
            _ = try await ewa.post("/login", ["email": "ewa.las@example.org", "password": other["password"]!])
            #expect(try await ewa.get("/account/privacy/export/\(job.id.uuidString)").status == .notFound)
            #expect(try await FormClient(app).get("/account/privacy/export/\(job.id.uuidString)").status == .seeOther)

            // After the week: gone for the owner too, then deleted by retention.
            let later = Date().addingTimeInterval(PrivacyExportStore.validity + 60)
            await #expect(throws: PrivacyExportError.expired) { try await PrivacyExportStore(db: app.db).download(job.id, account: account.id, now: later) }
            try await (app.db as! any SQLDatabase).update("privacy_exports").set("expires_at", to: SQLBind(Date().addingTimeInterval(-1)))
                .where("id", .equal, SQLBind(job.id)).run()
            let expired = try await seeker.get("/account/privacy/export/\(job.id.uuidString)?lang=en")
            #expect(expired.status == .gone && expired.body.string.contains("has expired"))
            #expect(try await PrivacyRetention(app: app).sweep().exports == 1)
            #expect(try await PrivacyExportStore(db: app.db).find(job.id) == nil)
        }
    }
}
