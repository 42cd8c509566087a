import Vapor
import Fluent
import Storage

/// What a push notification shows: a title, a line, and the page it opens.
struct PushMessage: Codable, Sendable, Equatable {
    let title: String
    let body: String
    let url: String
    /// Notifications with the same tag replace each other (a newer alert for the same search).
    let tag: String
}

/// Sends a message to every browser of an account that opted into its kind. Each is encrypted
/// for that browser; a push service answering 404 or 410 means the browser unsubscribed (the
/// subscription is removed); other failures are counted and the subscription given up after
/// several in a row. Only endpoints of the configured push services are ever called.
struct PushSender: Sendable {
    let client: any Client
    let db: any Database
    let config: AppConfig
    let key: P256.Signing.PrivateKey

    init(_ app: Application) { client = app.client; db = app.db; config = app.services.config; key = app.services.secrets.vapidKey }
    init(_ req: Request) { client = req.client; db = req.db; config = req.services.config; key = req.services.secrets.vapidKey }

    enum Outcome: Equatable { case delivered, gone, failed }

    /// Whether an endpoint is one this server may call: an allowed push service over HTTPS
    /// (a listed `http://host:port` over HTTP).
    static func allowed(_ endpoint: String, hosts: [String]) -> Bool {
        guard let url = URL(string: endpoint), let host = url.host?.lowercased(), let scheme = url.scheme?.lowercased() else { return false }
        return hosts.contains { entry in
            let e = entry.lowercased()
            if e.hasPrefix("http://") { return scheme == "http" && WebPush.audience(of: url) == e }
            guard scheme == "https" else { return false }
            return e.hasPrefix("*.") ? host.hasSuffix(String(e.dropFirst(1))) : host == e
        }
    }

    /// Sends to every subscription of the account if it opted into `kind`; returns how many took it.
    @discardableResult
    func send(_ message: PushMessage, kind: PushKind, to account: UUID) async throws -> Int {
        let store = PushSubscriptionStore(db: db)
        guard try await store.kinds(account: account).contains(kind) else { return 0 }
        return try await send(message, to: try await store.list(account: account))
    }

    /// Sends to these subscriptions, keeping the store true to what the push services said.
    func send(_ message: PushMessage, to subscriptions: [PushSubscription]) async throws -> Int {
        let store = PushSubscriptionStore(db: db)
        var delivered = 0
        for s in subscriptions {
            switch await deliver(message, to: s) {
            case .delivered: delivered += 1; try await store.delivered(s.id, now: Date())
            case .gone: try await store.remove(endpoint: s.endpoint)
            case .failed: try await store.failed(s.id)
            }
        }
        return delivered
    }

    func deliver(_ message: PushMessage, to s: PushSubscription) async -> Outcome {
        guard Self.allowed(s.endpoint, hosts: config.pushServiceHosts), let url = URL(string: s.endpoint), let audience = WebPush.audience(of: url),
              let p256dh = WebPush.data(base64url: s.p256dh), let auth = WebPush.data(base64url: s.auth) else { return .gone }
        do {
            let body = try WebPush.encrypt(try JSONEncoder().encode(message), p256dh: p256dh, auth: auth)
            let subject = "mailto:" + config.mailFrom
            var headers = HTTPHeaders()
            headers.add(name: .authorization, value: try WebPush.vapid(audience: audience, subject: subject, key: key))
            headers.add(name: "TTL", value: "86400")
            headers.add(name: "Urgency", value: "normal")
            headers.add(name: "Topic", value: String(message.tag.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }.prefix(32)))
            headers.add(name: .contentEncoding, value: "aes128gcm")
            headers.add(name: .contentType, value: "application/octet-stream")
            let res = try await client.post(URI(string: s.endpoint), headers: headers) { $0.body = ByteBuffer(data: body) }
            switch res.status.code {
            case 200..<300: return .delivered
            case 404, 410: return .gone
            default: return .failed
            }
        } catch WebPush.Failure.badSubscriptionKey, WebPush.Failure.badAuthSecret {
            return .gone
        } catch {
            return .failed
        }
    }
}

extension PushSender {
    /// Sends the push messages that are due, as long as there are any.
    @discardableResult
    func dispatchDue(now: Date = Date()) async throws -> Int {
        var sent = 0
        while true {
            let due = try await PushOutbox(db: db).claimDue(now: now)
            for p in due {
                sent += try await send(PushMessage(title: p.title, body: p.body, url: p.url, tag: p.tag), kind: p.kind, to: p.accountID)
            }
            if due.count < 50 { return sent }
        }
    }

    /// Runs the dispatcher every few seconds while `serve` runs.
    static var job: RepeatingJob {
        RepeatingJob("push dispatch", every: .seconds(5)) { app in
            let sender = PushSender(app)
            return { try await sender.dispatchDue() }
        }
    }
}
