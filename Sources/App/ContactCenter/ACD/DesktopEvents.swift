import Vapor
import NIOConcurrencyHelpers

/// What changed for whom: the desktops of these agents (and every wallboard) look again.
struct DesktopMessage: Codable, Sendable, Equatable {
    /// Agents whose desktops changed; empty: only wallboards (queue figures changed).
    let agents: [String]
    /// offer | changed | state | queue | chat (its lines or state changed) | typing
    let kind: String
    /// The chat concerned: its visitor's page is told too.
    var chat: String? = nil
    /// Who is typing: visitor | agent.
    var by: String? = nil

    /// Chat lines and typing concern one conversation, not the queue figures on wallboards.
    var concernsWallboards: Bool { kind != "chat" && kind != "typing" }
}

/// The open desktop and wallboard WebSockets of this process, and the way to reach those of
/// every process: on PostgreSQL a NOTIFY that each process's `ClusterLink` hears and delivers;
/// on SQLite (one process) straight to the local sockets.
final class DesktopEvents: Sendable {
    private struct Sockets {
        var byAgent: [String: [ObjectIdentifier: WebSocket]] = [:]
        var wallboards: [ObjectIdentifier: WebSocket] = [:]
        /// Visitors' chat pages, by chat: each answers an event in its own way.
        var visitors: [String: [ObjectIdentifier: @Sendable (DesktopMessage) -> Void]] = [:]
    }
    private let sockets = NIOLockedValueBox(Sockets())
    /// The NOTIFY channel; one per database schema, so test schemas do not hear each other.
    let channel: String
    let usesNotify: Bool

    init(schema: String?, usesNotify: Bool) {
        let suffix = (schema ?? "").lowercased().filter { $0.isLetter || $0.isNumber || $0 == "_" }
        channel = suffix.isEmpty ? "zl_desktop" : "zl_desktop_" + suffix
        self.usesNotify = usesNotify
    }

    func add(agent: String, _ ws: WebSocket) {
        sockets.withLockedValue { $0.byAgent[agent, default: [:]][ObjectIdentifier(ws)] = ws }
        ws.onClose.whenComplete { [weak self] _ in
            self?.sockets.withLockedValue { s in
                s.byAgent[agent]?[ObjectIdentifier(ws)] = nil
                if s.byAgent[agent]?.isEmpty == true { s.byAgent[agent] = nil }
            }
        }
    }

    func addWallboard(_ ws: WebSocket) {
        sockets.withLockedValue { $0.wallboards[ObjectIdentifier(ws)] = ws }
        ws.onClose.whenComplete { [weak self] _ in self?.sockets.withLockedValue { $0.wallboards[ObjectIdentifier(ws)] = nil } }
    }

    /// A visitor's chat socket; `onEvent` hears every event of that chat. `onGone` runs when
    /// the last socket of the chat in this process closed.
    func addVisitor(chat: String, _ ws: WebSocket, onEvent: @escaping @Sendable (DesktopMessage) -> Void, onGone: @escaping @Sendable () -> Void) {
        sockets.withLockedValue { $0.visitors[chat, default: [:]][ObjectIdentifier(ws)] = onEvent }
        ws.onClose.whenComplete { [weak self] _ in
            let last = self?.sockets.withLockedValue { s -> Bool in
                s.visitors[chat]?[ObjectIdentifier(ws)] = nil
                guard s.visitors[chat]?.isEmpty == true else { return false }
                s.visitors[chat] = nil
                return true
            }
            if last == true { onGone() }
        }
    }

    func openVisitors(of chat: String) -> Int { sockets.withLockedValue { $0.visitors[chat]?.count ?? 0 } }

    /// How many desktop sockets of this agent are open here (two tabs: two).
    func openDesktops(of agent: String) -> Int { sockets.withLockedValue { $0.byAgent[agent]?.count ?? 0 } }

    /// To the sockets of this process.
    func deliver(_ message: DesktopMessage) {
        let (desktops, boards, visitors) = sockets.withLockedValue { s in
            (message.agents.flatMap { Array((s.byAgent[$0] ?? [:]).values) }, message.concernsWallboards ? Array(s.wallboards.values) : [],
             message.chat.map { Array((s.visitors[$0] ?? [:]).values) } ?? [])
        }
        let text = String(decoding: (try? JSONEncoder().encode(message)) ?? Data(), as: UTF8.self)
        for ws in desktops + boards { ws.send(text) }
        for onEvent in visitors { onEvent(message) }
    }

    /// To the sockets of every process: here at once, elsewhere through NOTIFY. Called after
    /// the change is committed.
    func publish(_ message: DesktopMessage, on db: any Database, logger: Logger) async {
        deliver(message)
        guard usesNotify, let sql = db as? any SQLDatabase else { return }
        let payload = String(decoding: (try? JSONEncoder().encode(Envelope(origin: origin, message: message))) ?? Data(), as: UTF8.self)
        do {
            try await sql.raw("SELECT pg_notify(\(bind: channel), \(bind: payload))").run()
        } catch {
            // The change itself is saved; desktops also refresh on their own every few seconds.
            logger.warning("desktop event not published", metadata: ["error": "\(String(reflecting: type(of: error)))"])
        }
    }

    /// A NOTIFY heard by this process's `ClusterLink`; its own were delivered already.
    func received(_ payload: String) {
        guard let envelope = try? JSONDecoder().decode(Envelope.self, from: Data(payload.utf8)), envelope.origin != origin else { return }
        deliver(envelope.message)
    }

    struct Envelope: Codable { let origin: String; let message: DesktopMessage }
    /// This process, so it does not deliver its own events twice.
    let origin = UUID().uuidString
}

import SQLKit
import Fluent
