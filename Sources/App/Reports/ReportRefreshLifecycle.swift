import Vapor
import Reporting
import Storage

/// Keeps the reports' stored sums up to date in the background (a page also refreshes them
/// before it reads), so a report opens from sums at most a minute old even after a busy hour.
final class ReportRefreshLifecycle: LifecycleHandler, @unchecked Sendable {
    private var task: Task<Void, Never>?
    let interval: Duration

    init(interval: Duration = .seconds(60)) { self.interval = interval }

    func didBootAsync(_ app: Application) async throws {
        let sums = ReportAggregates(db: app.db), targets = app.services.config.reportTargets, logger = app.logger, interval = interval
        task = Task {
            while !Task.isCancelled {
                do { try await sums.refresh(targets: targets) } catch {
                    logger.error("report refresh failed", metadata: ["error": "\(String(reflecting: type(of: error)))"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }

    func shutdownAsync(_ app: Application) async { task?.cancel() }
}
