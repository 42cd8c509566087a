import Vapor

/// A background job of `serve`: `work` runs every `interval` (the first time after `delay`)
/// until shutdown; a failure is logged by its type only (no personal data in logs) and the job
/// goes on at its next turn.
final class RepeatingJob: LifecycleHandler, @unchecked Sendable {
    let name: String
    let interval: Duration
    let delay: Duration
    let make: @Sendable (Application) -> @Sendable () async throws -> Void
    private var task: Task<Void, Never>?

    init(_ name: String, every interval: Duration, after delay: Duration = .zero,
         _ make: @escaping @Sendable (Application) -> @Sendable () async throws -> Void) {
        self.name = name; self.interval = interval; self.delay = delay; self.make = make
    }

    func didBootAsync(_ app: Application) async throws {
        let work = make(app), logger = app.logger, name = name, interval = interval, delay = delay
        task = Task {
            if delay > .zero { try? await Task.sleep(for: delay) }
            while !Task.isCancelled {
                do { try await work() } catch {
                    logger.error("\(name) failed", metadata: ["error": "\(String(reflecting: type(of: error)))"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }

    func shutdownAsync(_ app: Application) async { task?.cancel() }
}
