import Testing
import Foundation
import Vapor
import VaporTesting
import SQLKit
@testable import App
@testable import Storage
import Mailer
import ContactCenter
import TestSupport

/// The e-mail channel: a message becomes a contact for the office it names (or the client's),
/// acknowledged with its case number in the same thread; a reply continues the case; machines
/// and this system itself are never answered; the consultant's reply goes out threaded and
/// signed; attachments are downloads of that case only.
@Suite(.serialized) struct MailChannelTests {
    static func channel(_ app: Application) -> MailChannel {
        var config = app.services.config
        config.serviceAddress = "kontakt@zielonalinia.example"
        config.publicURL = "https://zielonalinia.example"
        return MailChannel(db: app.db, events: app.desktopEvents, logger: app.logger, config: config)
    }

    static func mail(_ headers: [String], _ body: String) -> Data {
        Data((headers.joined(separator: "\r\n") + "\r\n\r\n" + body.replacingOccurrences(of: "\n", with: "\r\n")).utf8)
    }

    static func outbox(_ app: Application) async throws -> [OutboxMessage] {
        try await Outbox(db: app.db).recent(limit: 100).reversed()
    }

    @Test func aMessageBecomesACaseARepliesContinueItAndMachinesAreNotAnswered() async throws {
        try await withTestApp { app in
            let channel = Self.channel(app)
            let now = Date()
            let first = Self.mail(["From: Zofia <zofia@example.org>", "To: kontakt+pup-1261@zielonalinia.example", "Subject: Zasiłek",
                                   "Message-ID: <q1@example.org>", "Content-Type: multipart/mixed; boundary=b"],
                                  "--b\nContent-Type: text/plain; charset=utf-8\n\nKiedy dostanę zasiłek?\n--b\nContent-Type: application/pdf; name=cv.pdf\nContent-Transfer-Encoding: base64\n\nJVBERi0xLjQK\n--b--\n")
            guard case .newCase(let caseID) = try await channel.receive(first, size: first.count, headerOnly: false, now: now) else {
                Issue.record("no new case"); return
            }
            #expect(try await channel.receive(first, size: first.count, headerOnly: false, now: now) == .duplicate, "read twice, kept once")
            let contact = try #require(try await ContactCenterStore(db: app.db).find(caseID)?.interaction)
            #expect(contact.channel == .email && contact.officeID == "pup-1261" && contact.state == .queued)

            // The acknowledgement: case number, threaded to the message, Reply-To the service address.
            let ack = try #require(try await Self.outbox(app).first { $0.kind == "mail_acknowledgement" })
            #expect(ack.recipient == "zofia@example.org" && ack.inReplyTo == "q1@example.org" && ack.references == ["q1@example.org"])
            #expect(ack.subject == "Re: Zasiłek [\(ContactMessage.caseNumber(caseID))]" && ack.replyTo == "kontakt@zielonalinia.example" && !ack.personal)

            // Her reply to the acknowledgement joins the case, on the contact still waiting; no second acknowledgement.
            let ackID = OutboxSender.messageID(try #require(ack.id), domain: "zielonalinia.example")
            let reply = Self.mail(["From: zofia@example.org", "To: kontakt@zielonalinia.example", "Subject: Re: Zasiłek",
                                   "Message-ID: <q2@example.org>", "In-Reply-To: <\(ackID)>", "References: <q1@example.org> <\(ackID)>"],
                                  "Dodam jeszcze: jestem zarejestrowana od maja.")
            #expect(try await channel.receive(reply, size: reply.count, headerOnly: false, now: now.addingTimeInterval(60)) == .continued(caseID))
            #expect(try await ContactCenterStore(db: app.db).open().count == 1)
            #expect(try await MailStore(db: app.db).messages(ofCase: caseID).filter { $0.direction == .inbound }.count == 2)
            #expect(try await Self.outbox(app).filter { $0.kind == "mail_acknowledgement" }.count == 1)

            // An auto-reply, a bounce and our own address: stored or ignored, never answered.
            let outOfOffice = Self.mail(["From: urlop@example.org", "Subject: Nieobecność", "Message-ID: <ooo@example.org>", "Auto-Submitted: auto-replied"],
                                        "Jestem na urlopie.")
            #expect(try await channel.receive(outOfOffice, size: outOfOffice.count, headerOnly: false, now: now) != .duplicate)
            let own = Self.mail(["From: kontakt@zielonalinia.example", "Subject: Pętla", "Message-ID: <own@zielonalinia.example>"], "x")
            #expect(try await channel.receive(own, size: own.count, headerOnly: false, now: now) == .ownMail)
            #expect(try await Self.outbox(app).filter { $0.kind == "mail_acknowledgement" }.count == 1)
            // A sender writing again and again gets three acknowledgements an hour at most.
            for n in 0..<5 {
                let m = Self.mail(["From: ciagle@example.org", "Subject: Pytanie \(n)", "Message-ID: <flood\(n)@example.org>"], "Pytanie")
                _ = try await channel.receive(m, size: m.count, headerOnly: false, now: now)
            }
            #expect(try await Self.outbox(app).filter { $0.recipient == "ciagle@example.org" }.count == MailChannel.acknowledgementsPerHour)
            // Over the size limit: the header only, the problem named; unknown sender → the default office.
            let huge = Self.mail(["From: duzy@example.org", "Subject: Skany", "Message-ID: <huge@example.org>"], "")
            guard case .newCase(let hugeCase) = try await channel.receive(huge, size: 30_000_000, headerOnly: true, now: now) else {
                Issue.record("no case for the big message"); return
            }
            #expect(try await MailStore(db: app.db).messages(ofCase: hugeCase).first?.problems == ["too_large"])
            #expect(try await ContactCenterStore(db: app.db).find(hugeCase)?.interaction.officeID == app.services.config.mailDefaultOffice)
        }
    }

    @Test func theConsultantRepliesThreadedAndSignedAndAttachmentsStayWithTheCase() async throws {
        try await withTestApp { app in
            let channel = Self.channel(app)
            let question = Self.mail(["From: jan@example.org", "To: kontakt+pup-2002@zielonalinia.example", "Subject: Szkolenie",
                                      "Message-ID: <s1@example.org>", "Content-Type: multipart/mixed; boundary=b"],
                                     "--b\nContent-Type: text/plain\n\n<script>alert(1)</script> Jakie szkolenia?\n--b\nContent-Type: image/png; name=\"zdj\u{0119}cie.png\"\nContent-Transfer-Encoding: base64\n\niVBORw0K\n--b--\n")
            guard case .newCase(let caseID) = try await channel.receive(question, size: question.count, headerOnly: false, now: Date()) else {
                Issue.record("no case"); return
            }
            let (staff, desk) = try await DesktopTests.consultant(app, "k1@example.org")
            let (_, otherDesk) = try await DesktopTests.consultant(app, "k2@example.org")
            #expect(try await DesktopTests.route(app).offered == 1)
            let heldByFirst = try await ContactCenterStore(db: app.db).held(by: staff.id.uuidString).contains { $0.id == caseID }
            let (mine, theirs) = heldByFirst ? (desk, otherDesk) : (otherDesk, desk)
            #expect(try await mine.post("/desktop/offers/\(caseID)/accept", [:], csrfFrom: "/desktop").status == .seeOther)
            let pop = try await mine.get("/desktop/interactions/\(caseID)?lang=en").body.string
            #expect(pop.contains("&lt;script&gt;alert(1)&lt;/script&gt; Jakie szkolenia?") && pop.contains("zdjęcie.png"))

            // The attachment: a download, for the consultant who has the case only.
            let file = try #require(try await MailStore(db: app.db).messages(ofCase: caseID).first?.attachments.first)
            let download = try await mine.get("/desktop/interactions/\(caseID)/attachment?file=\(file.id.uuidString)")
            #expect(download.status == .ok && download.headers.first(name: .contentDisposition)?.hasPrefix("attachment;") == true)
            #expect(download.headers.contentType == HTTPMediaType(type: "application", subType: "octet-stream"))
            #expect(Data(download.body.readableBytesView) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A]))
            #expect(try await theirs.get("/desktop/interactions/\(caseID)/attachment?file=\(file.id.uuidString)").status == .forbidden)
            #expect(try await mine.get("/desktop/interactions/\(caseID)/attachment?file=\(UUID().uuidString)").status == .notFound)

            // The reply: empty refused; then threaded, personal, signed with the office.
            #expect(try await mine.post("/desktop/interactions/\(caseID)/reply", ["reply": " "], csrfFrom: "/desktop/interactions/\(caseID)").status == .badRequest)
            #expect(try await mine.post("/desktop/interactions/\(caseID)/reply", ["reply": "Zapraszamy na kurs spawania."],
                                        csrfFrom: "/desktop/interactions/\(caseID)").status == .seeOther)
            let sent = try #require(try await Self.outbox(app).last { $0.kind == "mail_reply" })
            #expect(sent.recipient == "jan@example.org" && sent.personal && sent.inReplyTo == "s1@example.org")
            #expect(sent.subject == "Re: Szkolenie [\(ContactMessage.caseNumber(caseID))]")
            #expect(sent.textBody.hasPrefix("Zapraszamy na kurs spawania.\n\n-- \nZ poważaniem") && sent.textBody.contains("19524"))

            // Over SMTP (a real server) the headers are there.
            if AiosmtpdServer.available {
                let server = try AiosmtpdServer()
                defer { server.stop() }
                let sender = OutboxSender(db: app.db, client: SMTPClient(configuration: .init(host: "127.0.0.1", port: server.port, security: .none)),
                                          from: "kontakt@zielonalinia.example", fromName: "Zielona Linia",
                                          messageIDDomain: app.services.config.messageIDDomain, logger: app.logger)
                try await sender.deliverDue()
                let replyID = OutboxSender.messageID(try #require(sent.id), domain: app.services.config.messageIDDomain)
                let raw = try #require(try server.received().first { $0.contains("Message-ID: <\(replyID)>") })
                #expect(raw.contains("In-Reply-To: <s1@example.org>"))
                #expect(raw.contains("References: <s1@example.org>") && raw.contains("Reply-To: \(app.services.config.serviceAddress)"))
                #expect(!raw.contains("Auto-Submitted"), "a person wrote it")
                // Jan answers the consultant's reply: it joins the same case.
                let answer = Self.mail(["From: jan@example.org", "Subject: Re: Szkolenie", "Message-ID: <s2@example.org>", "In-Reply-To: <\(replyID)>"], "Dziękuję!")
                #expect(try await channel.receive(answer, size: answer.count, headerOnly: false, now: Date()) == .continued(caseID))
            }
        }
    }

    @Test(.enabled(if: DovecotServer.available)) func thePollerReadsTheServiceMailbox() async throws {
        try await withTestApp { app in
            let server = try DovecotServer()
            defer { server.stop() }
            let client = IMAPClient(configuration: .init(host: "127.0.0.1", port: server.port, security: .none, username: server.username,
                                                         password: server.password))
            try await client.append(Self.mail(["From: ola@example.org", "To: kontakt+pup-2002@zielonalinia.example", "Subject: Staż",
                                               "Message-ID: <p1@example.org>"], "Czy są staże?"))
            let poller = MailPoller(client: client, channel: Self.channel(app), maxBytes: 1_000_000)
            #expect(try await poller.poll() == 1)
            #expect(try await poller.poll() == 0, "read once")
            let contact = try #require(try await ContactCenterStore(db: app.db).open().first)
            #expect(contact.channel == .email && contact.officeID == "pup-2002")
            #expect(try await ContactCenterStore(db: app.db).context(of: contact.id).subject == "Staż")
        }
    }

    /// The mailbox's server down while mail waits in it: a round reads nothing and stores
    /// nothing; when the server is back every message becomes one case, once, and a message
    /// whose "seen" mark was lost (the server went down between storing and marking) is read
    /// again but kept once.
    @Test(.enabled(if: DovecotServer.available)) func mailWaitsOutAnIMAPOutageAndBecomesOneCaseEachWhenItIsBack() async throws {
        try await withTestApp { app in
            let server = try DovecotServer()
            defer { server.stop() }
            let client = IMAPClient(configuration: .init(host: "127.0.0.1", port: server.port, security: .none, username: server.username,
                                                         password: server.password))
            for n in 1...3 {
                try await client.append(Self.mail(["From: osoba\(n)@example.org", "To: kontakt+pup-2002@zielonalinia.example", "Subject: Pytanie \(n)",
                                                   "Message-ID: <out\(n)@example.org>"], "Treść \(n)"))
            }
            let poller = MailPoller(client: client, channel: Self.channel(app), maxBytes: 1_000_000)
            server.stop()
            await #expect(throws: (any Error).self) { try await poller.poll() }
            #expect(try await ContactCenterStore(db: app.db).open().isEmpty)

            try server.start()
            #expect(try await poller.poll() == 3)
            #expect(try await poller.poll() == 0, "read once")
            // A message stored but whose "seen" mark was lost is read again and kept once.
            try await client.append(Self.mail(["From: osoba1@example.org", "To: kontakt+pup-2002@zielonalinia.example", "Subject: Pytanie 1",
                                               "Message-ID: <out1@example.org>"], "Treść 1"))
            #expect(try await poller.poll() == 1)
            let cases = try await ContactCenterStore(db: app.db).open().filter { $0.channel == .email }
            #expect(cases.count == 3)
            var subjects: [String] = []
            for c in cases { subjects.append(try await ContactCenterStore(db: app.db).context(of: c.id).subject ?? "") }
            #expect(subjects.sorted() == ["Pytanie 1", "Pytanie 2", "Pytanie 3"])
        }
    }
}
