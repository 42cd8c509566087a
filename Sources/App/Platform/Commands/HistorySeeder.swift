import Vapor
import Fluent
import ContactCenter
import Reporting
import Storage

/// Past contact-centre traffic written into the database, then the reports' sums worked out
/// for it: `zielona seed --history DAYS`, the demo's last weeks, and the reports benchmark.
struct HistorySeeder {
    let app: Application

    struct Summary { let days: Int; let contacts: Int; let seconds: Double }

    /// The offices of one voivodeship (weighted by the powiats they serve, the demo's own
    /// consultants answering for their office), or of every voivodeship.
    func offices(voivodeship: String?) async throws -> [TrafficHistory.Office] {
        let agents = try await ContactCenterStore(db: app.db).agents()
        return try await FluentDirectoryStore(db: app.db).offices(matching: nil, voivodeship: voivodeship).filter { $0.kind == .pup }.map { o in
            TrafficHistory.Office(id: o.id, voivodeship: o.voivodeshipCode, weight: Double(max(1, o.powiatCodes.count)),
                                  agents: agents.filter { $0.offices.contains(o.id) }.map(\.id).sorted())
        }
    }

    /// `days` whole days before today, oldest first.
    func seed(days: Int, offices: [TrafficHistory.Office], parameters: TrafficHistory.Parameters,
              progress: (Int, Int) -> Void = { _, _ in }) async throws -> Summary {
        let started = ContinuousClock.now
        let calendar = ReportInterval.polishCalendar
        let today = calendar.startOfDay(for: Date())
        let first = calendar.date(byAdding: .day, value: -days, to: today)!
        let history = TrafficHistory(offices: offices, parameters: parameters, calendar: calendar)
        let loader = ContactHistoryLoader(db: app.db)
        var total = 0
        for n in 0..<days {
            let day = calendar.date(byAdding: .day, value: n, to: first)!
            let contacts = history.day(day, index: n, of: days)
            try await loader.load(contacts)
            total += contacts.count
            progress(n + 1, total)
        }
        try await ReportAggregates(db: app.db).rebuild(from: first, until: today, targets: app.services.config.reportTargets, calendar: calendar)
        let elapsed = ContinuousClock.now - started
        return Summary(days: days, contacts: total, seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    /// The demo's voivodeship over the last 60 days, once.
    static func loadDemo(_ app: Application) async throws {
        let meta = AppMeta(db: app.db)
        guard try await meta.get("demo.history") != "1" else { return }
        let seeder = HistorySeeder(app: app)
        _ = try await seeder.seed(days: 60, offices: try await seeder.offices(voivodeship: "20"), parameters: TrafficHistory.Parameters())
        try await meta.set("demo.history", "1")
    }
}
