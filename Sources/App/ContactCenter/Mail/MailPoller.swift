import Vapor
import Mailer

/// Reads the service mailbox every MAIL_POLL_SECONDS while `serve` runs (on PostgreSQL only
/// in the routing leader; a message read twice is still kept once, by its Message-ID). A
/// message is marked seen only once it is stored.
final class MailPollerLifecycle: LifecycleHandler, @unchecked Sendable {
    private var task: Task<Void, Never>?

    func didBootAsync(_ app: Application) async throws {
        let config = app.services.config
        guard let imap = config.imap else { return }
        let channel = MailChannel(db: app.db, events: app.desktopEvents, logger: app.logger, config: config)
        let client = IMAPClient(configuration: imap)
        let link = app.clusterLink, logger = app.logger
        task = Task {
            while !Task.isCancelled {
                if link?.isLeader ?? true {
                    do {
                        try await MailPoller(client: client, channel: channel, maxBytes: config.mailMaxBytes).poll()
                    } catch {
                        // The server's text may quote addresses: the kind of error only.
                        logger.warning("mailbox not read", metadata: ["error": "\(String(reflecting: type(of: error)))"])
                    }
                }
                try? await Task.sleep(for: .seconds(config.mailPollSeconds))
            }
        }
    }

    func shutdownAsync(_ app: Application) async { task?.cancel() }
}

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
