import Vapor
import Fluent
import Storage
import Mailer

/// Delivers the outbox over SMTP: claims due messages (a lease, so two servers never send the
/// same one), sends each, records success, or schedules a retry with back-off. Nothing is lost
/// on restart: an unsent message is still in the table, and a lease that ran out frees it.
struct OutboxSender: Sendable {
    let db: any Database
    let client: SMTPClient
    let from: String
    let fromName: String
    let messageIDDomain: String
    let logger: Logger

    /// The Message-ID an outbox message goes out with (known before it is sent, so a reply's
    /// thread can be stored with it).
    static func messageID(_ id: UUID, domain: String) -> String { "\(id.uuidString.lowercased())@\(domain)" }

    /// Sends what is due now, claiming one message at a time (as `SMSSender` does, and for the
    /// same reason: a lease covers one send, however slow the server); when a send fails for
    /// now (the server away, or busy) the turn stops there and the rest wait for the next.
    /// Returns how many were delivered.
    @discardableResult
    func deliverDue(limit: Int = 20, now: Date = Date()) async throws -> Int {
        let outbox = Outbox(db: db)
        var delivered = 0
        for _ in 0..<limit {
            guard let m = try await outbox.claimDue(limit: 1, now: now).first else { break }
            guard let id = m.id else { continue }
            var mail = MailMessage(from: from, fromName: fromName, to: m.recipient, subject: m.subject, textBody: m.textBody,
                                   htmlBody: m.htmlBody, messageID: Self.messageID(id, domain: messageIDDomain), date: m.createdAt)
            mail.inReplyTo = m.inReplyTo; mail.references = m.references; mail.replyTo = m.replyTo; mail.personal = m.personal
            do {
                try await client.send(mail)
                try await outbox.markSent(id)
                delivered += 1
            } catch {
                let permanent = (error as? SMTPError)?.isPermanent ?? false
                // The error text of an SMTP server can quote the address: log the kind only.
                logger.warning("mail delivery failed", metadata: ["outbox_id": "\(id)", "permanent": "\(permanent)",
                                                                   "error": "\(String(reflecting: type(of: error)))"])
                try await outbox.markAttemptFailed(id, error: "\(error)", permanent: permanent)
                // A newsletter address the server refuses for good gets no more editions.
                if permanent && m.kind == "newsletter" { try await NewsletterStore(db: db).bounced(email: m.recipient, now: now) }
                if !permanent { break }
            }
        }
        return delivered
    }
}

extension OutboxSender {
    /// Runs the sender every few seconds while `serve` runs.
    static func job(interval: Double) -> RepeatingJob {
        RepeatingJob("outbox sender", every: .seconds(interval), deadline: .seconds(300)) { app in
            let config = app.services.config
            guard let smtp = config.smtp else {
                let hint = config.mode == .production ? "" : " (see /dev/mail)"
                app.logger.notice("SMTP_HOST is not set: e-mail stays in the outbox\(hint)")
                return nil
            }
            let sender = OutboxSender(db: app.db, client: SMTPClient(configuration: smtp), from: config.mailFrom,
                                      fromName: config.mailFromName, messageIDDomain: URLComponents(string: config.publicURL)?.host ?? "localhost",
                                      logger: app.logger)
            return { try await sender.deliverDue() }
        }
    }
}
