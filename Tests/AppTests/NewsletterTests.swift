import Testing
import Foundation
import Vapor
import VaporTesting
import SQLKit
@testable import App
@testable import Storage
import Mailer
import TestSupport

/// The newsletter: double opt-in (nothing before the link is opened, the same answer for a
/// known address), editions per language sent in batches once each, a signed one-click
/// unsubscribe, and an address the mail server refuses for good gets no more editions.
@Suite(.serialized) struct NewsletterTests {
    struct Mail { let to: String; let text: String }

    static func mails(_ app: Application, kind: String) async throws -> [Mail] {
        var mails: [Mail] = []
        for row in try await (app.db as! any SQLDatabase).raw("SELECT recipient, text_body FROM outbox WHERE kind = \(bind: kind) ORDER BY created_at").all() {
            mails.append(Mail(to: try row.decode(column: "recipient", as: String.self), text: try row.decode(column: "text_body", as: String.self)))
        }
        return mails
    }

    static func link(_ text: String, _ path: String) throws -> String {
        let start = try #require(text.range(of: "http://127.0.0.1:8080" + path))
        return String(text[start.lowerBound...].prefix { !$0.isWhitespace }).replacingOccurrences(of: "http://127.0.0.1:8080", with: "")
    }

    @Test func subscribersConfirmGetTheirLanguageInBatchesAndLeaveWithOneClick() async throws {
        try await withTestApp { app in
            let visitor = FormClient(app)
            let bad = try await visitor.post("/newsletter?lang=en", ["email": "nope", "language": "xx"], csrfFrom: "/newsletter")
            #expect(bad.status == .badRequest && bad.body.string.contains("E-mail"))
            for (n, language) in ["pl", "pl", "pl", "uk"].enumerated() {
                let res = try await visitor.post("/newsletter?lang=pl", ["email": "osoba\(n)@example.org", "language": language], csrfFrom: "/newsletter")
                #expect(res.status == .ok && res.body.string.contains("Sprawdź skrzynkę"))
            }
            let confirmations = try await Self.mails(app, kind: "newsletter_confirm")
            #expect(confirmations.count == 4)
            // Nobody is sent an edition before confirming.
            let admin = try await TestStaff.create(app, email: "redakcja@example.org", roles: [.officeEditor], scope: .national)
            let staff = try await admin.signIn(app)
            #expect(try await staff.post("/staff/newsletter", ["language": "pl", "subject": "", "body": "krótko"], csrfFrom: "/staff/newsletter").status == .badRequest)
            #expect(try await staff.post("/staff/newsletter", ["language": "pl", "subject": "Grudzień w urzędach",
                                                               "body": "Nowe szkolenia <b>w grudniu</b>.\n\nTargi pracy w Białymstoku."],
                                         csrfFrom: "/staff/newsletter").status == .seeOther)
            let mail = NewsletterMail(publicURL: "http://127.0.0.1:8080", key: app.services.secrets.newsletterKey)
            var sender = NewsletterSender(db: app.db, mail: mail)
            sender.batchSize = 1
            #expect(try await sender.step() == 0)

            // Three confirm (one of them twice: the second time the link is spent).
            for c in [confirmations[0], confirmations[1], confirmations[3]] {
                let path = try Self.link(c.text, "/newsletter/confirm")
                #expect(try await visitor.get(path).status == .ok)
            }
            #expect(try await visitor.get(try Self.link(confirmations[0].text, "/newsletter/confirm")).status == .notFound)
            // A flood from one address: the sixth request within the hour is refused.
            #expect(try await visitor.post("/newsletter", ["email": "osoba9@example.org", "language": "pl"], csrfFrom: "/newsletter").status == .tooManyRequests)
            try await RateLimitRecord.query(on: app.db).delete()
            // Subscribing a confirmed address again: the same answer, no mail.
            #expect(try await visitor.post("/newsletter", ["email": "osoba0@example.org", "language": "pl"], csrfFrom: "/newsletter").status == .ok)
            #expect(try await Self.mails(app, kind: "newsletter_confirm").count == 4)

            // A new Polish edition to the two confirmed Polish subscribers, one per batch, once each.
            _ = try await staff.post("/staff/newsletter", ["language": "pl", "subject": "Styczeń", "body": "Nowy rok, nowe oferty pracy w urzędach."],
                                     csrfFrom: "/staff/newsletter")
            // The first edition went to those confirmed when it was sent: nobody, and it is finished.
            var total = 0
            for _ in 0..<4 { total += try await sender.step() }
            let editions = try await Self.mails(app, kind: "newsletter")
            #expect(total == 2 && editions.count == 2)
            #expect(Set(editions.map(\.to)) == ["osoba0@example.org", "osoba1@example.org"], "the Ukrainian subscriber gets no Polish edition")
            #expect(try await NewsletterStore(db: app.db).editions(unfinishedOnly: true).isEmpty)
            #expect(editions.allSatisfy { $0.text.contains("Nowy rok, nowe oferty pracy") && $0.text.contains("/newsletter/unsubscribe?id=") })

            // One click on the link of an edition; a forged link does nothing.
            let unsubscribe = try Self.link(try #require(editions.first { $0.to == "osoba0@example.org" }).text, "/newsletter/unsubscribe")
            #expect(try await visitor.get(unsubscribe.replacingOccurrences(of: "sig=", with: "sig=x")).status == .notFound)
            #expect(try await visitor.get(unsubscribe).status == .ok)
            #expect(try await NewsletterStore(db: app.db).find(email: "osoba0@example.org")?.unsubscribedAt != nil)

            // The mail server refuses osoba1 for good: a bounce.
            try await NewsletterStore(db: app.db).bounced(email: "osoba1@example.org", now: Date())
            _ = try await staff.post("/staff/newsletter", ["language": "pl", "subject": "Luty", "body": "Kolejne wydanie dla subskrybentów."],
                                     csrfFrom: "/staff/newsletter")
            for _ in 0..<3 { _ = try await sender.step() }
            #expect(try await Self.mails(app, kind: "newsletter").count == 2, "nobody left to send to")
            #expect(try await staff.get("/staff/newsletter?lang=en").body.string.contains("sent"))
        }
    }

    @Test(.enabled(if: AiosmtpdServer.available)) func anAddressTheMailServerRefusesGetsNoMoreEditions() async throws {
        try await withTestApp { app in
            let store = NewsletterStore(db: app.db)
            let now = Date()
            for email in ["bounce.me@example.org", "czytelnik@example.org"] {
                #expect(try await store.request(email: email, language: "pl", confirmHash: "h-" + email, now: now))
                #expect(try await store.confirm(hash: "h-" + email, now: now) != nil)
            }
            let mail = NewsletterMail(publicURL: "http://127.0.0.1:8080", key: app.services.secrets.newsletterKey)
            _ = try await store.createEdition(language: "pl", subject: "Grudzień", body: "Nowe szkolenia w urzędach pracy.", author: UUID(), now: now)
            #expect(try await NewsletterSender(db: app.db, mail: mail).step(now: now) == 2)

            let server = try AiosmtpdServer(handler: AiosmtpdServer.refusingBounceAddresses)
            defer { server.stop() }
            let sender = OutboxSender(db: app.db, client: SMTPClient(configuration: .init(host: "127.0.0.1", port: server.port, security: .none)),
                                      from: "newsletter@zielonalinia.example", fromName: "Zielona Linia", messageIDDomain: "zielonalinia.example",
                                      logger: app.logger)
            #expect(try await sender.deliverDue() == 1)
            #expect(try server.received().count == 1)
            #expect(try await store.find(email: "bounce.me@example.org")?.bouncedAt != nil, "refused for good: a bounce")
            #expect(try await store.find(email: "czytelnik@example.org")?.bouncedAt == nil)

            // The next edition goes to the reader only.
            _ = try await store.createEdition(language: "pl", subject: "Styczeń", body: "Kolejne wydanie newslettera.", author: UUID(), now: now)
            for _ in 0..<3 { _ = try await NewsletterSender(db: app.db, mail: mail).step(now: now) }
            let january = try await Outbox(db: app.db).recent(limit: 20).filter { $0.subject == "Styczeń" }
            #expect(january.map(\.recipient) == ["czytelnik@example.org"])
        }
    }
}
