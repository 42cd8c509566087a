import Testing
import Foundation
import Vapor
import Fluent
@testable import App
@testable import Storage
import Mailer
import TestSupport

@Suite(.serialized, .enabled(if: AiosmtpdServer.available)) struct OutboxDeliveryTests {
    @Test func registrationMailGoesOutOverSMTPAndFailuresAreRetriedLater() async throws {
        try await withTestApp { app in
            let server = try AiosmtpdServer()
            defer { server.stop() }
            let browser = FormClient(app)
            try await browser.post("/register?lang=en", AccountTests.goodForm)
            let sender = OutboxSender(db: app.db, client: SMTPClient(configuration: .init(host: "127.0.0.1", port: server.port, security: .none)),
                                      from: "noreply@zielonalinia.example", fromName: "Zielona Linia",
                                      messageIDDomain: "zielonalinia.example", logger: app.logger)
            #expect(try await sender.deliverDue() == 1)
            let raw = try #require(try server.received().first)
            #expect(raw.contains("To: anna.nowak@example.org"))
            #expect(decodedMIMEParts(raw).first?.contains("/verify-email?token=") == true)
            #expect(try await Outbox(db: app.db).recent().first?.status == .sent)
            #expect(try await sender.deliverDue() == 0, "a sent message is not sent again")

            // The server goes away: the next message stays pending and is retried later.
            server.stop()
            try await browser.post("/forgot-password", ["email": "anna.nowak@example.org"])
            #expect(try await sender.deliverDue() == 0)
            let pending = try #require(try await Outbox(db: app.db).recent().first { $0.kind == "reset_password" })
            #expect(pending.status == .pending)
            #expect(pending.attempts == 1)
            #expect(pending.lastError != nil)
            #expect(try await sender.deliverDue() == 0, "not retried before its back-off")
            #expect(try await Outbox(db: app.db).claimDue(limit: 10, now: Date().addingTimeInterval(61)).count == 1,
                    "due again after the first back-off of a minute")

            // A mail server is back (a new one: the old port is gone): the backlog goes out exactly once.
            let back = try AiosmtpdServer()
            defer { back.stop() }
            let resumed = OutboxSender(db: app.db, client: SMTPClient(configuration: .init(host: "127.0.0.1", port: back.port, security: .none)),
                                       from: "noreply@zielonalinia.example", fromName: "Zielona Linia",
                                       messageIDDomain: "zielonalinia.example", logger: app.logger)
            // Its claim above (a sender that died holding it) runs out before it is due again.
            let later = Date().addingTimeInterval(3_600)
            #expect(try await resumed.deliverDue(now: later) == 1)
            #expect(try await resumed.deliverDue(now: later.addingTimeInterval(3_600)) == 0, "delivered once, not again")
            let received = try back.received()
            #expect(received.count == 1 && received[0].contains("To: anna.nowak@example.org"))
            #expect(try await Outbox(db: app.db).recent().first { $0.kind == "reset_password" }?.status == .sent)
        }
    }

    @Test func backoffDoublesAndIsCapped() {
        #expect(Outbox.backoff(afterAttempts: 1) == 60)
        #expect(Outbox.backoff(afterAttempts: 3) == 240)
        #expect(Outbox.backoff(afterAttempts: 20) == 6 * 3600)
    }
}
