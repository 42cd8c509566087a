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

    /// Sends what is due now; returns how many were delivered.
    @discardableResult
    func deliverDue(limit: Int = 20, now: Date = Date()) async throws -> Int {
        let outbox = Outbox(db: db)
        var delivered = 0
        for m in try await outbox.claimDue(limit: limit, now: now) {
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
            }
        }
        return delivered
    }
}

/// Runs the sender every few seconds while `serve` runs.
final class OutboxSenderLifecycle: LifecycleHandler, @unchecked Sendable {
    let interval: Double
    private var task: Task<Void, Never>?

    init(interval: Double) { self.interval = interval }

    func didBootAsync(_ app: Application) async throws {
        guard let smtp = app.services.config.smtp else {
            let hint = app.services.config.mode == .production ? "" : " (see /dev/mail)"
            app.logger.notice("SMTP_HOST is not set: e-mail stays in the outbox\(hint)")
            return
        }
        let config = app.services.config
        let sender = OutboxSender(db: app.db, client: SMTPClient(configuration: smtp), from: config.mailFrom,
                                  fromName: config.mailFromName, messageIDDomain: URLComponents(string: config.publicURL)?.host ?? "localhost",
                                  logger: app.logger)
        let interval = self.interval
        task = Task {
            while !Task.isCancelled {
                do { try await sender.deliverDue() } catch { app.logger.error("outbox sender failed", metadata: ["error": "\(String(reflecting: type(of: error)))"]) }
                try? await Task.sleep(for: .seconds(interval))
            }
        }
    }

    func shutdownAsync(_ app: Application) async {
        task?.cancel()
    }
}
