import Testing
import Foundation
import Vapor
import VaporTesting
@testable import App
@testable import Storage
import ContactCenter
import Reporting

/// `/staff/reports` and `GET /api/v1/reports/contacts`: figures that add up to the contacts
/// that happened, scoped to the staff member's offices (a consultant: their own), with charts,
/// CSV and JSON, and bad periods refused by field.
@Suite(.serialized) struct ReportsTests {
    static let calendar = ReportInterval.polishCalendar

    /// Two weeks of traffic in Białystok (pup-2002, voivodeship 20) and Łódź (pup-1061, 10),
    /// ending yesterday; the consultant `agent` answers for Białystok.
    static func history(_ app: Application, agent: String) async throws -> [TrafficHistory.Contact] {
        let today = calendar.startOfDay(for: Date())
        var p = TrafficHistory.Parameters(); p.contactsPerDay = 60; p.seed = 3
        let h = TrafficHistory(offices: [.init(id: "pup-2002", voivodeship: "20", agents: [agent, "other-agent"]), .init(id: "pup-1061", voivodeship: "10")],
                               parameters: p, calendar: calendar)
        var all: [TrafficHistory.Contact] = []
        for n in 0..<14 {
            let contacts = h.day(calendar.date(byAdding: .day, value: n - 14, to: today)!, index: n, of: 14)
            try await ContactHistoryLoader(db: app.db).load(contacts)
            all += contacts
        }
        return all
    }

    static func day(_ offset: Int) -> String {
        DayFormat().string(from: calendar.date(byAdding: .day, value: offset, to: calendar.startOfDay(for: Date()))!)
    }

    static func json(_ res: TestingHTTPResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [String: Any])
    }

    static func figure(_ doc: [String: Any], _ part: String, _ name: String) -> Double? { (doc[part] as? [String: Any])?[name] as? Double }

    @Test func managersSeeFiguresThatAddUpInTheirScopeAndConsultantsTheirOwn() async throws {
        try await withTestApp { app in
            let national = try await TestStaff.create(app, email: "n@example.org", roles: [.supervisor], scope: .national)
            let office = try await TestStaff.create(app, email: "s@example.org", roles: [.supervisor], scope: .offices(["pup-2002"]))
            let consultant = try await TestStaff.create(app, email: "c@example.org", roles: [.consultant], scope: .offices(["pup-2002"]))
            let contacts = try await Self.history(app, agent: consultant.id.uuidString)
            let lastWeek = contacts.filter { $0.arrived >= Self.calendar.date(byAdding: .day, value: -7, to: Self.calendar.startOfDay(for: Date()))! }
            let period = "from=\(Self.day(-7))&to=\(Self.day(-1))"

            let manager = try await national.signIn(app)
            let doc = try Self.json(try await manager.get("/api/v1/reports/contacts?\(period)&by=voivodeship"))
            #expect(Self.figure(doc, "totals", "offered") == Double(lastWeek.count))
            #expect(Self.figure(doc, "totals", "answered") == Double(lastWeek.filter { $0.state == "closed" }.count))
            let earlier = contacts.filter { $0.arrived < lastWeek.map(\.arrived).min()! }
            #expect(Self.figure(doc, "previous_totals", "offered") == Double(earlier.count))
            let breakdown = try #require(doc["breakdown"] as? [[String: Any]])
            #expect(breakdown.map { $0["key"] as? String } == ["10", "20"])
            #expect(breakdown.compactMap { ($0["figures"] as? [String: Any])?["offered"] as? Double }.reduce(0, +) == Double(lastWeek.count))
            #expect((doc["series"] as? [Any])?.count == 7)
            let heat = try #require(doc["arrivals_by_weekday_and_hour"] as? [[Int]])
            #expect(heat.joined().reduce(0, +) == lastWeek.count)
            // Staffing of the voice queue: Erlang A with the patience seen, when anyone hung up, never above Erlang C.
            let staffing = try #require(doc["staffing"] as? [[String: Any]])
            let voiceHungUp = lastWeek.contains { $0.channel == "voice" && $0.state == "abandoned" }
            #expect(!staffing.isEmpty && (doc["patience_seconds"] as? Double != nil) == voiceHungUp)
            for hour in staffing {
                let c = try #require(hour["agents_needed"] as? Int)
                if let a = hour["agents_needed_with_abandonment"] as? Int { #expect(a >= 1 && a <= c) } else { #expect(!voiceHungUp) }
            }

            let page = try await manager.get("/staff/reports?\(period)&by=voivodeship&lang=en")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.components(separatedBy: "<svg xmlns").count - 1 == 4, "four charts")
            #expect(html.contains("Podlaskie") || html.contains("podlaskie"))
            #expect(html.contains("voivodeship=20") && html.contains("answered within T ÷ (answered + abandoned after T)"))
            let drill = try await manager.get("/staff/reports?\(period)&voivodeship=20&by=office&lang=pl")
            #expect(drill.status == .ok && drill.body.string.contains("office=pup-2002"))

            let csv = try await manager.get("/api/v1/reports/contacts?\(period)&format=csv&table=series")
            let text = csv.body.string
            #expect(csv.headers.contentType?.description.hasPrefix("text/csv") == true && text.hasPrefix("\u{FEFF}"))
            #expect(text.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 8 && text.contains(";"))

            // Portal figures: searches counted in memory, written once a minute, reported by day.
            var empty = 0.0
            for q in ["zzqqxx", ""] {
                let found = try Self.json(try await FormClient(app).get("/api/v1/offers?q=\(q)"))["total"] as? Int ?? -1
                if found == 0 { empty += 1 }
            }
            try await PortalFiguresStore(db: app.db).addSearches(app.services.searchTally.drain())
            let today = try Self.json(try await manager.get("/api/v1/reports/contacts?from=\(Self.day(0))&to=\(Self.day(0))"))
            let portal = try #require(today["portal"] as? [String: [String: Int]])
            #expect(portal["searches"]?["period"] == 2 && portal["empty_searches"]?["period"] == Int(empty))
            let portalCSV = try await manager.get("/api/v1/reports/contacts?format=csv&table=portal&lang=en").body.string
            #expect(portalCSV.contains("Offer searches;") && portalCSV.contains("Searches without results;"))

            // A supervisor of one office: that office only; another office or voivodeship is refused.
            let own = try await office.signIn(app)
            let ownDoc = try Self.json(try await own.get("/api/v1/reports/contacts?\(period)"))
            #expect(Self.figure(ownDoc, "totals", "offered") == Double(lastWeek.filter { $0.officeID == "pup-2002" }.count))
            #expect(try await own.get("/api/v1/reports/contacts?\(period)&office=pup-1061").status == .forbidden)
            #expect(try await own.get("/staff/reports?\(period)&voivodeship=10").status == .forbidden)

            // A consultant: the contacts they answered, nothing else.
            let mine = try await consultant.signIn(app)
            let mineDoc = try Self.json(try await mine.get("/api/v1/reports/contacts?\(period)"))
            let theirs = lastWeek.filter { c in c.steps.first { $0.to == "connected" }?.agent == consultant.id.uuidString }
            #expect(Self.figure(mineDoc, "totals", "answered") == Double(theirs.count) && !theirs.isEmpty)
            #expect(try await mine.get("/api/v1/reports/contacts?\(period)&by=consultant").status == .badRequest)
            #expect(try await mine.get("/staff/reports?\(period)").status == .ok)

            #expect(try await FormClient(app).get("/api/v1/reports/contacts").status == .unauthorized)
            let editor = try await TestStaff.create(app, email: "e@example.org", roles: [.officeEditor], scope: .offices(["pup-2002"]))
            #expect(try await editor.signIn(app).get("/staff/reports").status == .forbidden)
        }
    }

    @Test func badPeriodsAndParametersAreRefusedByField() async throws {
        try await withTestApp { app in
            let national = try await TestStaff.create(app, email: "n@example.org", roles: [.supervisor], scope: .national)
            let manager = try await national.signIn(app)
            for (query, field) in [("from=\(Self.day(-1))&to=\(Self.day(-3))", "to"), ("from=\(Self.day(2))&to=\(Self.day(3))", "from"),
                                   ("from=2026-02-30", "from"), ("from=\(Self.day(-30))&to=\(Self.day(-1))&interval=15m", "interval"),
                                   ("interval=year", "interval"), ("by=colour", "by"), ("channel=pigeon", "channel"), ("format=xml", "format"),
                                   ("format=csv&table=all", "table"), ("format=csv&table=nothing", "table"), ("from=\(Self.day(-500))", "from")] {
                let res = try await manager.get("/api/v1/reports/contacts?\(query)&lang=en")
                #expect(res.status == .badRequest, "\(query)")
                #expect(res.body.string.contains(field), "\(query) names \(field)")
            }
            let page = try await manager.get("/staff/reports?from=\(Self.day(-1))&to=\(Self.day(-3))&lang=pl")
            #expect(page.status == .badRequest && page.body.string.contains("Dzień końcowy jest wcześniejszy"))
            // A period running into the future is cut at today.
            let doc = try Self.json(try await manager.get("/api/v1/reports/contacts?from=\(Self.day(-2))&to=\(Self.day(5))"))
            #expect((doc["series"] as? [Any])?.count == 3)
        }
    }

    @Test func theWeeklySummaryGoesOnceAWeekToThoseWhoAskedForIt() async throws {
        try await withTestApp { app in
            let national = try await TestStaff.create(app, email: "n@example.org", roles: [.supervisor], scope: .national)
            let quiet = try await TestStaff.create(app, email: "q@example.org", roles: [.supervisor], scope: .national)
            _ = try await Self.history(app, agent: "someone")
            let manager = try await national.signIn(app)
            let page = try await manager.get("/staff/reports?lang=en")
            #expect(page.body.string.contains("You can get a summary of the past week"))
            let saved = try await manager.post("/staff/reports/subscription", ["weekly": "on"], csrfFrom: "/staff/reports")
            #expect(saved.status == .seeOther || saved.status == .found)
            #expect(try await manager.get("/staff/reports?saved=on&lang=en").body.string.contains("Every Monday morning you get a summary"))
            #expect(try await manager.post("/staff/reports/subscription", ["weekly": "maybe"], csrfFrom: "/staff/reports").status == .badRequest)
            _ = quiet

            let mail = WeeklyReportMail(app: app)
            let thisMonday = ReportInterval.week.start(of: Date(), in: Self.calendar)
            #expect(try await mail.sendDue(now: Self.calendar.date(byAdding: .hour, value: 5, to: thisMonday)!) == 0, "not before 06:00 on Monday")
            let seven = Self.calendar.date(byAdding: .hour, value: 7, to: thisMonday)!
            #expect(try await mail.sendDue(now: seven) == 1)
            #expect(try await mail.sendDue(now: seven.addingTimeInterval(3_600)) == 0, "once a week")
            let sent = try await Outbox(db: app.db).recent().filter { $0.kind == "report_weekly" }
            #expect(sent.map(\.recipient) == ["n@example.org"])
            let lastMonday = Self.calendar.date(byAdding: .day, value: -7, to: thisMonday)!
            let offered = try await ReportAggregates(db: app.db).sums(.day, from: lastMonday, until: thisMonday).reduce(0) { $0 + $1.counts.offered }
            #expect(sent.first?.textBody.contains("Offered: \(offered)") == true || sent.first?.textBody.contains("Oferowane: \(offered)") == true)

            _ = try await manager.post("/staff/reports/subscription", ["weekly": "off"], csrfFrom: "/staff/reports")
            #expect(try await mail.sendDue(now: Self.calendar.date(byAdding: .day, value: 7, to: seven)!) == 0)
        }
    }
}
