import Vapor
import Reporting
import Storage

/// Keeps the reports' stored sums up to date in the background (a page reads them as they
/// are, at most a minute old) and sends the weekly summaries when they are due.
enum ReportRefresh {
    static var job: RepeatingJob {
        RepeatingJob("report refresh", every: .seconds(60), shutdown: { app in
            try? await PortalFiguresStore(db: app.db).addSearches(app.services.searchTally.drain())
            try? await app.services.visitTally.flush(VisitStore(db: app.db))
        }) { app in
            let sums = ReportAggregates(db: app.db), targets = app.services.config.reportTargets, logger = app.logger
            let weekly = WeeklyReportMail(app: app)
            let tally = app.services.searchTally, portal = PortalFiguresStore(db: app.db)
            let visits = app.services.visitTally, visitStore = VisitStore(db: app.db)
            return {
                // Four independent parts: one failing does not keep back the others.
                let searches = tally.drain()
                do { try await portal.addSearches(searches) } catch {
                    tally.restore(searches)
                    logger.error("search tally write failed", metadata: ["error": "\(String(reflecting: type(of: error)))"])
                }
                do { try await visits.flush(visitStore) } catch {
                    logger.error("visit statistics write failed", metadata: ["error": "\(String(reflecting: type(of: error)))"])
                }
                do { try await sums.refresh(targets: targets) } catch {
                    logger.error("report refresh failed", metadata: ["error": "\(String(reflecting: type(of: error)))"])
                }
                do { try await weekly.sendDue(now: Date()) } catch {
                    logger.error("weekly report mail failed", metadata: ["error": "\(String(reflecting: type(of: error)))"])
                }
            }
        }
    }
}
