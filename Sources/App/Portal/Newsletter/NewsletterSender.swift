import Vapor
import Fluent
import Storage

/// Sends editions in batches: each step queues up to `batchSize` messages per unfinished
/// edition (each with its delivery row, in one transaction, so a subscriber gets an edition
/// once even with several servers), and marks an edition finished when nobody is left.
struct NewsletterSender {
    let db: any Database
    let mail: NewsletterMail
    var batchSize = 200

    @discardableResult
    func step(now: Date = Date()) async throws -> Int {
        var queued = 0
        for edition in try await NewsletterStore(db: db).editions(unfinishedOnly: true) {
            let batch = try await NewsletterStore(db: db).nextBatch(edition, limit: batchSize)
            if batch.isEmpty { try await NewsletterStore(db: db).finish(edition.id, now: now); continue }
            try await db.transaction { tx in
                for s in batch {
                    try await NewsletterStore(db: tx).recordDelivery(edition: edition.id, subscriber: s.id, now: now)
                    try await Outbox(db: tx).enqueue(mail.edition(edition, to: s), now: now)
                }
            }
            queued += batch.count
        }
        return queued
    }
}

extension NewsletterSender {
    /// Runs the batches while `serve` runs; the outbox sender delivers them at its own pace.
    /// Two servers may race for a batch and the unique delivery row lets one win, so a failed
    /// batch is a warning.
    static var job: RepeatingJob {
        RepeatingJob("newsletter batch", every: .seconds(10), failureLevel: .warning) { app in
            let sender = NewsletterSender(db: app.db, mail: NewsletterMail(publicURL: app.services.config.publicURL, key: app.services.secrets.newsletterKey))
            return { try await sender.step() }
        }
    }
}
