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

    /// Sends up to `limit` due messages, claiming one at a time: each is leased only while it is
    /// being sent, so a slow or unreachable gateway never outlasts the lease of messages still
    /// waiting their turn (another server would take those and both would send them). When the
    /// gateway is away the turn stops at the first failure; the rest wait for the next.
    @discardableResult
    func deliverDue(limit: Int = 50, now: Date = Date()) async throws -> Int {
        let store = SMSStore(db: db)
        var sent = 0
        for _ in 0..<limit {
            guard let m = try await store.claimDue(limit: 1, now: now).first else { break }
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
                if !permanent { break }
            }
        }
        return sent
    }
}

extension SMSSender {
    /// Sends every five seconds while `serve` runs, when a gateway is configured.
    static var job: RepeatingJob {
        RepeatingJob("sms sender", every: .seconds(5), deadline: .seconds(300)) { app in
            guard let configuration = app.services.config.smsGateway else { return nil }
            let sender = SMSSender(db: app.db, gateway: KannelGateway(configuration: configuration, client: app.client, publicURL: app.services.config.publicURL,
                                                                     key: app.services.secrets.smsKey), logger: app.logger)
            return { try await sender.deliverDue() }
        }
    }
}
