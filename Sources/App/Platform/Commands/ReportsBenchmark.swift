import Vapor
import Fluent
import SQLKit
import Access
import Clients
import ContactCenter
import Reporting
import Storage
import Views

/// `zielona bench reports [--days 365] [--contacts-per-day 10000] [--queries 20] [--url URL]`:
/// seeds a national year of contacts once (about 2.5 million), then times each kind of report
/// as a manager would ask for it — the data part in this process, and with `--url` (and a staff
/// API token in `STAFF_TOKEN`) the JSON API of a running server beside `/healthz`.
struct ReportsBenchmark {
    let context: CommandContext
    let days: Int
    let contactsPerDay: Double
    let queries: Int

    /// The reports timed: (name, query string) as the page would send it.
    static func kinds(today: String, monthAgo: String, weekAgo: String, yearAgo: String, quarterAgo: String) -> [(String, String)] {
        [("national year by month, by voivodeship", "from=\(yearAgo)&to=\(today)&interval=month&by=voivodeship"),
         ("national year by week, by channel", "from=\(yearAgo)&to=\(today)&interval=week&by=channel"),
         ("national 31 days by day, by office", "from=\(monthAgo)&to=\(today)&interval=day&by=office"),
         ("national 7 days by 15 minutes, by topic", "from=\(weekAgo)&to=\(today)&interval=15m&by=topic"),
         ("voivodeship quarter by week, by office", "from=\(quarterAgo)&to=\(today)&interval=week&by=office&voivodeship=14"),
         ("office year by month, by consultant", "from=\(yearAgo)&to=\(today)&interval=month&by=consultant&office=pup-1465"),
         ("office 7 days by hour, by language", "from=\(weekAgo)&to=\(today)&interval=hour&by=language&office=pup-1465"),
         ("voice only, national 31 days by day, by voivodeship", "from=\(monthAgo)&to=\(today)&interval=day&by=voivodeship&channel=voice")]
    }

    func run(url: String?) async throws {
        let app = context.application
        try await DatabasePreparation.prepare(app, demo: false)
        let sql = app.db as! any SQLDatabase
        let calendar = ReportInterval.polishCalendar
        let today = calendar.startOfDay(for: Date())
        let first = calendar.date(byAdding: .day, value: -days, to: today)!
        let existing = try await sql.raw("SELECT COUNT(*) AS n FROM cc_interactions WHERE arrived_at >= \(bind: first)").first()?.decode(column: "n", as: Int.self) ?? 0
        if existing == 0 {
            let seeder = HistorySeeder(app: app)
            var p = TrafficHistory.Parameters(); p.contactsPerDay = contactsPerDay
            let s = try await seeder.seed(days: days, offices: try await seeder.offices(voivodeship: nil), parameters: p) { day, total in
                if day % 30 == 0 { context.console.print("  seeded \(day) of \(days) days, \(total) contacts") }
            }
            context.console.print(String(format: "seeded %d contacts over %d days in %.1f s (%.0f contacts/s, sums included)", s.contacts, s.days, s.seconds, Double(s.contacts) / s.seconds))
        }
        let contacts = try await sql.raw("SELECT COUNT(*) AS n FROM cc_interactions").first()?.decode(column: "n", as: Int.self) ?? 0
        var rows: [String] = []
        for t in ["report_quarters", "report_days", "report_months"] {
            rows.append("\(t) \(try await sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: t)").first()?.decode(column: "n", as: Int.self) ?? 0)")
        }
        context.console.print("database: \(DatabaseSetup.kind(of: app.services.config.databaseURL).rawValue), contacts: \(contacts), \(rows.joined(separator: ", "))")

        func day(_ offset: Int) -> String { DayFormat().string(from: calendar.date(byAdding: .day, value: offset, to: today)!) }
        let kinds = Self.kinds(today: day(-1), monthAgo: day(-31), weekAgo: day(-7), yearAgo: day(-min(days, 365)), quarterAgo: day(-91))
        let member = StaffMember(id: UUID(), email: "bench@example.org", displayName: "bench", roles: [.supervisor], scope: .national, active: true, totpConfirmed: true)
        let controller = ReportsController()
        var baseline: [Double] = []
        for _ in 0..<queries { baseline.append(try await BenchCommand.time { _ = try await sql.raw("SELECT 1 AS one").first() }) }
        context.console.print(BenchCommand.line("SELECT 1 (round trip)", baseline))
        // A day worked out again: what the minute's refresh does for today.
        var recompute: [Double] = []
        for _ in 0..<max(3, queries / 4) {
            recompute.append(try await BenchCommand.time {
                try await ReportAggregates(db: app.db).recompute(day: calendar.date(byAdding: .day, value: -3, to: today)!, targets: app.services.config.reportTargets)
            })
        }
        context.console.print(BenchCommand.line("a national day's sums worked out again", recompute))
        for (name, query) in kinds {
            var times: [Double] = []
            for n in 0..<(queries + 2) {
                let req = Request(application: app, method: .GET, url: URI(string: SiteRoute.staffReports.path + "?" + query), on: app.eventLoopGroup.next())
                let ms = try await BenchCommand.time { _ = try await controller.prepare(req, member) }
                if n >= 2 { times.append(ms) }   // the first two warm the caches
            }
            context.console.print(BenchCommand.line(name, times))
        }
        guard let url else { return }
        guard let token = Environment.get("STAFF_TOKEN"), !token.isEmpty else { throw ConsoleCommandError(message: "--url needs a staff API token in STAFF_TOKEN") }
        var health: [Double] = []
        for _ in 0..<queries { health.append(try await BenchCommand.time { _ = try await app.client.get(URI(string: url + "/healthz")) }) }
        context.console.print(BenchCommand.line("HTTP GET /healthz", health))
        for (name, query) in kinds {
            var times: [Double] = []
            var status: HTTPStatus = .ok
            for _ in 0..<queries {
                times.append(try await BenchCommand.time {
                    status = try await app.client.get(URI(string: url + SiteRoute.apiReport("contacts").path + "?" + query), headers: ["Authorization": "Bearer " + token]).status
                })
                guard status == .ok else { throw ConsoleCommandError(message: "HTTP \(status.code) for \(query)") }
            }
            context.console.print(BenchCommand.line("HTTP " + name, times) + String(format: "  (p50 ÷ healthz p50: %.1f×)", BenchCommand.percentile(times, 0.5) / BenchCommand.percentile(health, 0.5)))
        }
    }
}
