import NIOConcurrencyHelpers

/// How a piece of work run against a deadline ended.
enum DeadlineOutcome<T: Sendable>: Sendable {
    case finished(T)
    case failed(any Error)
    /// Still running when the deadline passed; it goes on by itself, unobserved.
    case overran
}

enum Deadline {
    /// Runs `body` in a task of its own and waits for it at most `limit`. Past the limit the
    /// caller goes on and the work is left behind, not cancelled: a database query in flight
    /// when PostgreSQL restarts can wait for ever (nothing times out a query already sent),
    /// and cancelling work that may have half-talked to a mail server or a gateway could send
    /// twice. A structured task group would wait for the stuck child, hence the plain tasks.
    /// Cancelling the caller cancels the work and answers `.failed(CancellationError())` at
    /// once, without waiting for the work to notice (a shutdown must not wait out a hang).
    static func run<T: Sendable>(_ limit: Duration, _ body: @escaping @Sendable () async throws -> T) async -> DeadlineOutcome<T> {
        let waiter = NIOLockedValueBox<CheckedContinuation<DeadlineOutcome<T>, Never>?>(nil)
        let work = NIOLockedValueBox<(task: Task<Void, Never>?, cancelled: Bool)>((nil, false))
        @Sendable func end(_ outcome: DeadlineOutcome<T>) {
            waiter.withLockedValue { c in c?.resume(returning: outcome); c = nil }
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                waiter.withLockedValue { $0 = continuation }
                let timer = Task {
                    try? await Task.sleep(for: limit)
                    if !Task.isCancelled { end(.overran) }
                }
                let task = Task {
                    let outcome: DeadlineOutcome<T>
                    do { outcome = .finished(try await body()) } catch { outcome = .failed(error) }
                    timer.cancel()
                    end(outcome)
                }
                let cancelled = work.withLockedValue { w in w.task = task; return w.cancelled }
                if cancelled {
                    // Cancelled before the work was there to be told.
                    task.cancel()
                    end(.failed(CancellationError()))
                }
            }
        } onCancel: {
            work.withLockedValue { w in w.cancelled = true; return w.task }?.cancel()
            end(.failed(CancellationError()))
        }
    }
}
