import Vapor
import NIOConcurrencyHelpers
import Views

/// How many requests this process has in the works, and the limit past which it sheds load.
/// Past saturation, requests used to queue for a database connection until they timed out: in
/// the national peak benchmark a quarter of all answers came after 10 s or more as 503s, and the
/// process grew from 190 MB to 1 GB. A request over the limit is now answered 503 with
/// Retry-After at once, so the answers that are given come in time and memory stays bounded.
/// Calls in progress (the carrier's webhooks), consultants' desktops and the health check have
/// twice the room: a flood of portal searches does not cut off a caller or a consultant.
final class LoadShed: Sendable {
    let limit: Int
    private let state = NIOLockedValueBox(State())

    private struct State {
        var inFlight = 0
        var shed = 0
        /// When shedding was last logged: once a minute at most, a flood must not flood the log.
        var logged: ContinuousClock.Instant?
    }

    init(limit: Int) { self.limit = limit }

    var inFlight: Int { state.withLockedValue { $0.inFlight } }
    var shedCount: Int { state.withLockedValue { $0.shed } }

    /// Counts the request in; false when it is to be shed.
    fileprivate func enter(essential: Bool) -> Bool {
        state.withLockedValue { s in
            guard s.inFlight < (essential ? 2 * limit : limit) else { s.shed += 1; return false }
            s.inFlight += 1
            return true
        }
    }

    fileprivate func leave() { state.withLockedValue { $0.inFlight -= 1 } }

    /// True once a minute while shedding goes on.
    fileprivate func shouldLog() -> Bool {
        state.withLockedValue { s in
            let now = ContinuousClock.now
            guard s.logged.map({ now - $0 >= .seconds(60) }) ?? true else { return false }
            s.logged = now
            return true
        }
    }
}

struct LoadShedMiddleware: AsyncMiddleware {
    let shed: LoadShed

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let path = req.url.path
        let desktop = SiteRoute.desktop.path
        let essential = req.isCarrierWebhook || path == "/healthz" || path == desktop || path.hasPrefix(desktop + "/")
        guard shed.enter(essential: essential) else {
            if shed.shouldLog() {
                req.logger.warning("overloaded: shedding requests", metadata: ["limit": "\(shed.limit)", "shed_so_far": "\(shed.shedCount)"])
            }
            throw Overloaded()
        }
        defer { shed.leave() }
        return try await next.respond(to: req)
    }
}

/// What `LoadShedMiddleware` answers with; the error middleware words it.
struct Overloaded: Error {}

extension Application {
    private struct LoadShedKey: StorageKey { typealias Value = LoadShed }

    var loadShed: LoadShed? {
        get { storage[LoadShedKey.self] }
        set { storage[LoadShedKey.self] = newValue }
    }
}
