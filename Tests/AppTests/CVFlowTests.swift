import Testing
import Foundation
import Vapor
import VaporTesting
@testable import App
@testable import Storage
import Portal

/// CVs with per-section sharing, the CV file, and candidate search that never shows a hidden
/// section or contact data to an employer.
@Suite(.serialized) struct CVFlowTests {
    /// Every field holds a marker, so a leak of any hidden one is found by a plain text search.
    static let cvForm: [String: String] = [
        "title": "MOJE-TAJNE-CV", "desired_job": "Magazynier z uprawnieniami", "occupation": "432103", "desired_locality": "Białystok",
        "postal_code": "15-371", "education": "higher", "education_details": "UKRYTA-SZKOLA Politechnika", "experience_months": "48",
        "experience": "UKRYTE-DOSWIADCZENIE w magazynie", "languages": "en:B2, de:A2", "skills": "UKRYTE-UMIEJETNOSCI Excel",
        "licences": "UKRYTE-UPRAWNIENIA UDT", "courses": "UKRYTY-KURS BHP", "share_desired": "on", "share_languages": "on",
    ]
    static let hiddenMarkers = ["MOJE-TAJNE-CV", "UKRYTA-SZKOLA", "UKRYTE-DOSWIADCZENIE", "UKRYTE-UMIEJETNOSCI", "UKRYTE-UPRAWNIENIA",
                                "UKRYTY-KURS", "Anna", "Nowak", "anna.nowak", "Cieszyńska", "600100200"]

    static func pdf(_ size: Int = 2_000) -> Data {
        var d = Data("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n".utf8)
        d += Data(repeating: 0x20, count: max(0, size - d.count - 6))
        return d + Data("%%EOF\n".utf8)
    }

    static func firstCV(_ app: Application) async throws -> StoredCV {
        let account = try #require(try await AccountStore(db: app.db).find(email: "anna.nowak@example.org"))
        return try #require(try await CVStore(db: app.db).list(account: account.id).first)
    }

    static func seekerWithPhone(_ app: Application) async throws -> FormClient {
        var form = AccountTests.goodForm
        form["phone"] = "600100200"
        let browser = FormClient(app)
        _ = try await browser.post("/register", form)
        _ = try await browser.post("/login", ["email": "anna.nowak@example.org", "password": form["password"]!])
        return browser
    }

    @Test func aSeekerKeepsAtMostFiveCVsHiddenUntilShared() async throws {
        try await withTestApp { app in
            let seeker = try await Self.seekerWithPhone(app)
            var hidden = Self.cvForm
            hidden["share_desired"] = nil; hidden["share_languages"] = nil
            #expect(try await seeker.post("/account/cvs", hidden, csrfFrom: "/account/cvs/new").headers.first(name: .location) == "/account/cvs?notice=saved")
            let cv = try await Self.firstCV(app)
            #expect(cv.draft.shared.isEmpty && cv.draft.experienceMonths == 48 && cv.draft.languages.count == 2)
            #expect(try await CVStore(db: app.db).candidate(cv.id) == nil, "nothing shared: not a candidate")

            var bad = Self.cvForm
            bad["experience_months"] = "dużo"; bad["languages"] = "angielski"; bad["desired_job"] = ""
            let refused = try await seeker.post("/account/cvs?lang=en", bad, csrfFrom: "/account/cvs/new")
            let text = refused.body.string
            #expect(refused.status == .badRequest && text.contains("Work experience (months)") && text.contains("Languages") && text.contains("Job sought"))

            for i in 2...5 {
                var f = Self.cvForm; f["title"] = "CV \(i)"
                #expect(try await seeker.post("/account/cvs", f, csrfFrom: "/account/cvs/new").status == .seeOther)
            }
            let sixth = try await seeker.post("/account/cvs?lang=en", Self.cvForm, csrfFrom: "/account/cvs")
            #expect(sixth.status == .conflict && sixth.body.string.contains("at most 5 CVs"))
            #expect(try await seeker.get("/account/cvs/new").status == .conflict)
            #expect(try await CVStore(db: app.db).list(account: cv.accountID).count == 5)

            // The printable view is the seeker's own: everything, with their contact details.
            let print = try await seeker.get("/account/cvs/\(cv.id)/print?lang=pl").body.string
            #expect(print.contains("UKRYTE-DOSWIADCZENIE") && print.contains("anna.nowak@example.org") && print.contains("600100200"))
            #expect(try await FormClient(app).get("/account/cvs/\(cv.id)/print").status == .seeOther, "others are sent to sign in")
        }
    }

    @Test func theCVFileMustBeARealPDFOfAtMostFiveMegabytes() async throws {
        try await withTestApp { app in
            let seeker = try await Self.seekerWithPhone(app)
            let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0]) + Data(repeating: 1, count: 500)
            let renamed = try await seeker.postMultipart("/account/cv-file?lang=en", [:], file: ("file", "cv.pdf", "application/pdf", jpeg),
                                                         csrfFrom: "/account/cvs")
            #expect(renamed.status == .badRequest && renamed.body.string.contains("not a PDF"))
            let big = try await seeker.postMultipart("/account/cv-file?lang=en", [:], file: ("file", "cv.pdf", "application/pdf",
                                                                                             Self.pdf(5 * 1024 * 1024 + 10)), csrfFrom: "/account/cvs")
            #expect(big.status == .payloadTooLarge && big.body.string.contains("5 MB"))
            let account = try #require(try await AccountStore(db: app.db).find(email: "anna.nowak@example.org"))
            #expect(try await CVStore(db: app.db).fileInfo(account: account.id) == nil, "nothing stored")

            let good = try await seeker.postMultipart("/account/cv-file", [:], file: ("file", "../Mój życiorys.PDF", "application/octet-stream", Self.pdf()),
                                                      csrfFrom: "/account/cvs")
            #expect(good.headers.first(name: .location) == "/account/cvs?notice=file_saved")
            let info = try #require(try await CVStore(db: app.db).fileInfo(account: account.id))
            #expect(info.fileName == "Mój życiorys.PDF" && info.size == Self.pdf().count)
            let download = try await seeker.get("/account/cv-file")
            #expect(download.status == .ok && download.headers.contentType?.subType == "pdf" && Data(download.body.readableBytesView) == Self.pdf())
            #expect(try await FormClient(app).get("/account/cv-file").status == .notFound)
        }
    }

    @Test func employersSeeOnlySharedSectionsAndNeverContactData() async throws {
        try await withTestApp { app in
            let seeker = try await Self.seekerWithPhone(app)
            _ = try await seeker.post("/account/cvs", Self.cvForm, csrfFrom: "/account/cvs/new")
            let cv = try await Self.firstCV(app)

            let boss = try await OfferFlowTests.employer(app, email: "szef@stalmet.pl", nip: "5260250274")
            #expect(try await boss.get("/employer/candidates").status == .forbidden, "unverified companies cannot search")
            #expect(try await boss.get("/api/v1/candidates").status == .forbidden)
            let company = try #require(try await EmployerStore(db: app.db).unverified(offices: nil).first)
            try await EmployerStore(db: app.db).verify(company: company.id, byOffice: "pup-2002")
            #expect(try await FormClient(app).get("/api/v1/candidates").status == .unauthorized)
            #expect(try await seeker.get("/employer/candidates").status == .seeOther, "seekers are not employers")

            var pages: [String] = []
            for path in ["/employer/candidates?lang=pl", "/employer/candidates?q=magazynier&lang=en", "/employer/candidates?language=en&voivodeship=20",
                         "/employer/candidates/\(cv.id)", "/api/v1/candidates", "/api/v1/candidates?q=magazynierów&occupation=4321"] {
                let res = try await boss.get(path)
                #expect(res.status == .ok, "\(path)")
                pages.append(res.body.string)
            }
            for page in pages { #expect(page.contains("Magazynier z uprawnieniami"), "shared section shown") }
            for marker in Self.hiddenMarkers {
                for (i, page) in pages.enumerated() { #expect(!page.contains(marker), "\(marker) leaked on page \(i)") }
            }
            let json = try #require(try JSONSerialization.jsonObject(with: Data(pages[4].utf8)) as? [String: Any])
            let item = try #require((json["items"] as? [[String: Any]])?.first)
            #expect(json["total"] as? Int == 1 && item["education"] == nil && item["experience_months"] == nil && item["skills"] == nil)
            #expect(Set(item.keys).isDisjoint(with: ["email", "phone", "name", "first_name", "last_name", "address", "title", "account_id"]))

            // Filters and words of hidden sections find nothing.
            for query in ["education=higher", "experience_months=12", "q=politechnika", "q=excel", "language=fr"] {
                let body = try JSONSerialization.jsonObject(with: Data(try await boss.get("/api/v1/candidates?" + query).body.readableBytesView)) as? [String: Any]
                #expect(body?["total"] as? Int == 0, "\(query)")
            }
            let bad = try await boss.get("/api/v1/candidates?experience_months=-3&language=english&lang=en")
            #expect(bad.status == .badRequest && bad.body.string.contains("experience"))

            // Hiding everything again takes the candidate out at once.
            var none = Self.cvForm
            none["share_desired"] = nil; none["share_languages"] = nil
            _ = try await seeker.post("/account/cvs/\(cv.id)", none, csrfFrom: "/account/cvs/\(cv.id)/edit")
            #expect(try await boss.get("/employer/candidates/\(cv.id)").status == .notFound)
        }
    }

    @Test func interestMailsTheSeekerOncePerOfferNamingTheEmployerAndOffer() async throws {
        try await withTestApp { app in
            let seeker = try await Self.seekerWithPhone(app)
            _ = try await seeker.post("/account/cvs", Self.cvForm, csrfFrom: "/account/cvs/new")
            let cv = try await Self.firstCV(app)
            let boss = try await OfferFlowTests.employer(app, email: "szef@stalmet.pl", nip: "5260250274")
            let company = try #require(try await EmployerStore(db: app.db).unverified(offices: nil).first)
            try await EmployerStore(db: app.db).verify(company: company.id, byOffice: "pup-2002")
            let detail = "/employer/candidates/\(cv.id)"
            #expect(try await boss.get(detail + "?lang=en").body.string.contains("you need a current job offer"))
            _ = try await boss.post("/employer/offers", OfferFlowTests.form, csrfFrom: "/employer/offers/new")
            let offer = try #require(try await OfferStore(db: app.db).ofCompany(company.id).first)

            #expect(try await boss.post(detail + "/interest", ["offer_id": UUID().uuidString], csrfFrom: detail).status == .badRequest)
            let sent = try await boss.post(detail + "/interest?lang=en", ["offer_id": offer.id.uuidString], csrfFrom: detail)
            #expect(sent.status == .ok && sent.body.string.contains("has been sent"))
            let mail = try #require(try await Outbox(db: app.db).recent().first { $0.kind == "candidate_interest" })
            #expect(mail.recipient == "anna.nowak@example.org" && mail.textBody.contains(company.name) && mail.textBody.contains("Spawacz MIG/MAG"))
            #expect(mail.textBody.contains("/offers/" + offer.id.uuidString.lowercased()))
            let again = try await boss.post(detail + "/interest", ["offer_id": offer.id.uuidString], csrfFrom: detail)
            #expect(again.status == .conflict)
            #expect(try await Outbox(db: app.db).recent().filter { $0.kind == "candidate_interest" }.count == 1)
        }
    }
}
