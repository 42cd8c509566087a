import Vapor
import Fluent
import Storage

/// Sends due text messages through the gateway, like the mail outbox: leased, retried with
/// back-off when the gateway is away, failed for good when it refuses the message. The
/// opt-out list is checked again at sending time (a STOP may have come meanwhile).
struct SMSSender: Sendable {
    let db: any Database
    let gateway: KannelGateway
    let logger: Logger

    @discardableResult
    func deliverDue(limit: Int = 50, now: Date = Date()) async throws -> Int {
        let store = SMSStore(db: db)
        var sent = 0
        for m in try await store.claimDue(limit: limit, now: now) {
            if try await store.isOptedOut(m.phone) {
                // A STOP that came after it was queued: it and the others waiting are refused.
                try await store.optOut(m.phone, source: "stop", now: now)
                continue
            }
            do {
                try await gateway.send(m)
                try await store.markSent(m.id, now: now)
                sent += 1
            } catch let failure as KannelGateway.Failure {
                // Log the kind only: the gateway's answer may quote the number.
                let permanent: Bool
                if case .refused = failure { permanent = true } else { permanent = false }
                logger.warning("sms not sent", metadata: ["sms_id": "\(m.id)", "permanent": "\(permanent)"])
                try await store.markFailed(m.id, error: "\(failure)", permanent: permanent, now: now)
            }
        }
        return sent
    }
}

final class SMSSenderLifecycle: LifecycleHandler, @unchecked Sendable {
    private var task: Task<Void, Never>?

    func didBootAsync(_ app: Application) async throws {
        guard let configuration = app.services.config.smsGateway else { return }
        let sender = SMSSender(db: app.db, gateway: KannelGateway(configuration: configuration, client: app.client, publicURL: app.services.config.publicURL,
                                                                 key: app.services.secrets.smsKey), logger: app.logger)
        let logger = app.logger
        task = Task {
            while !Task.isCancelled {
                do { try await sender.deliverDue() } catch { logger.error("sms sender failed", metadata: ["error": "\(String(reflecting: type(of: error)))"]) }
                try? await Task.sleep(for: .seconds(5))
            }
        }
    }

    func shutdownAsync(_ app: Application) async { task?.cancel() }
}
