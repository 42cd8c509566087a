import Vapor
import Mailer

struct MailPoller {
    let client: IMAPClient
    let channel: MailChannel
    let maxBytes: Int
    /// Messages per round: a flood is worked through over several rounds.
    var batch = 50

    @discardableResult
    func poll(now: @Sendable () -> Date = { Date() }) async throws -> Int {
        try await client.fetchUnseen(limit: batch, maxBytes: maxBytes) { fetched in
            guard let raw = fetched.raw else { return false }
            _ = try await channel.receive(raw, size: fetched.size, headerOnly: fetched.headerOnly, now: now())
            return true
        }
    }
}

extension MailPoller {
    /// Reads the service mailbox every MAIL_POLL_SECONDS while `serve` runs (on PostgreSQL only
    /// in the routing leader; a message read twice is still kept once, by its Message-ID). A
    /// message is marked seen only once it is stored. The server's text may quote addresses:
    /// a failure is logged by its kind only, as every job does.
    static func job(interval: Double) -> RepeatingJob {
        RepeatingJob("mailbox reader", every: .seconds(interval), deadline: .seconds(300), failureLevel: .warning) { app in
            let config = app.services.config
            guard let imap = config.imap else { return nil }
            let channel = MailChannel(db: app.db, events: app.desktopEvents, logger: app.logger, config: config)
            let poller = MailPoller(client: IMAPClient(configuration: imap), channel: channel, maxBytes: config.mailMaxBytes)
            let link = app.clusterLink
            return {
                guard link?.isLeader ?? true else { return }
                try await poller.poll()
            }
        }
    }
}
