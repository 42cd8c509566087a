import Vapor
import NIOConcurrencyHelpers

/// A background job of `serve`: a turn of its work runs every `interval` (the first time after
/// `delay`) until shutdown; a failure is logged by its type only (no personal data in logs) and
/// the job goes on at its next turn. A turn still running after `deadline` is left behind (see
/// `Deadline`) and the job goes on without it, so one call that never returns cannot stop
/// mail, text messages, routing or the rest for good; `overran` may clear what the stuck turn
/// still holds.
final class RepeatingJob: LifecycleHandler, @unchecked Sendable {
    typealias Turn = @Sendable () async throws -> Void
    let name: String
    let interval: Duration
    let delay: Duration
    let deadline: Duration
    let failureLevel: Logger.Level
    /// The turn's work, or nil when this deployment does not run the job (nothing configured).
    let make: @Sendable (Application) -> Turn?
    let overran: @Sendable (Application) async -> Void
    let shutdown: @Sendable (Application) async -> Void
    private var task: Task<Void, Never>?
    /// Turns left behind that have not ended yet (seen by tests and the log).
    let leftBehind = NIOLockedValueBox(0)

    init(_ name: String, every interval: Duration, after delay: Duration = .zero, deadline: Duration = .seconds(600),
         failureLevel: Logger.Level = .error,
         overran: @escaping @Sendable (Application) async -> Void = { _ in },
         shutdown: @escaping @Sendable (Application) async -> Void = { _ in },
         _ make: @escaping @Sendable (Application) -> Turn?) {
        self.name = name; self.interval = interval; self.delay = delay; self.deadline = deadline
        self.failureLevel = failureLevel; self.overran = overran; self.shutdown = shutdown; self.make = make
    }

    func didBootAsync(_ app: Application) async throws {
        guard let work = make(app) else { return }
        let logger = app.logger, interval = interval, delay = delay
        task = Task {
            if delay > .zero { try? await Task.sleep(for: delay) }
            while !Task.isCancelled {
                await self.turn(work, app: app, logger: logger)
                try? await Task.sleep(for: interval)
            }
        }
    }

    /// One turn under the watchdog.
    func turn(_ work: @escaping Turn, app: Application, logger: Logger) async {
        enum State { case running, ended, late }
        let name = name, leftBehind = leftBehind, level = failureLevel
        let state = NIOLockedValueBox(State.running)
        let outcome = await Deadline.run(deadline) {
            // A turn whose job was shut down before it began does not begin.
            guard !Task.isCancelled else { return }
            do { try await work() } catch {
                // Logged here, not by the loop, so a turn left behind still reports its failure.
                logger.log(level: level, "\(name) failed", metadata: ["error": "\(String(reflecting: type(of: error)))"])
            }
            let wasLate = state.withLockedValue { s in defer { s = .ended }; return s == .late }
            if wasLate {
                let count = leftBehind.withLockedValue { $0 -= 1; return $0 }
                logger.notice("\(name): a turn left behind has ended", metadata: ["left_behind": "\(count)"])
            }
        }
        guard case .overran = outcome else { return }
        let late = state.withLockedValue { s in
            guard s == .running else { return false }
            s = .late
            return true
        }
        guard late else { return }
        let count = leftBehind.withLockedValue { $0 += 1; return $0 }
        logger.error("\(name) still running past its deadline; the job goes on without it",
                     metadata: ["deadline": "\(deadline)", "left_behind": "\(count)"])
        await overran(app)
    }

    /// Returns once the job's loop has ended: no turn begins after it (one already running, if
    /// any, is cancelled and not waited for).
    func shutdownAsync(_ app: Application) async {
        task?.cancel()
        await task?.value
        await shutdown(app)
    }
}
