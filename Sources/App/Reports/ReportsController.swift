import Vapor
import Views
import Access
import Clients
import ContactCenter
import Directory
import Localization
import Reporting
import Storage

/// `/staff/reports` and `GET /api/v1/reports/contacts` (JSON, or CSV with `format=csv` and
/// `table=`): the same report for a page, a spreadsheet and a script. Declared in
/// `StaffRoutes`.
struct ReportsController: Sendable {
    /// A report read and labelled: what the page, the CSV and the JSON are made from.
    struct Prepared: Sendable {
        let query: ContactReportQuery
        let report: ContactReport
        let parameters: ContactMetrics.Parameters
        /// Breakdown keys as people read them (office names, consultants' names…).
        let labels: [String: String]
        let staffingChannel: String
        let staffing: [ContactReportBuilder.StaffingHour]
        /// The callers' mean patience observed on the staffing channel (nil: nobody hung up).
        let patience: TimeInterval?
        let loggedIn: Int
        /// Where the report stands: national, a voivodeship, an office.
        let trail: [(label: String, path: String?)]
        let supervises: Bool
        /// The portal's figures of the period and the one before (supervisors only).
        let portal: (now: PortalFigures, before: PortalFigures)?
    }

    func prepare(_ req: Request, _ member: StaffMember) async throws -> Prepared {
        let t = req.catalogue
        let today = try await ServerClock.now(req.db)
        let q = try await ContactReportQuery.parse(req, member, today: today)
        let offices = try await req.directory.offices(matching: nil, voivodeship: nil)
        let voivodeshipOf = Dictionary(offices.map { ($0.id, $0.voivodeshipCode) }, uniquingKeysWith: { a, _ in a })
        let targets = req.application.services.config.reportTargets
        let builder = ContactReportBuilder(db: req.db, targets: targets, voivodeshipOf: voivodeshipOf)
        let report = try await builder.build(q)
        let staffingChannel = q.channel.flatMap { ContactCenter.Channel(rawValue: $0)?.isLive == true ? $0 : nil } ?? "voice"
        let staffing = try await builder.staffing(q, channel: staffingChannel)
        let loggedIn = try await ContactCenterStore(db: req.db).statuses().filter { s in
            s.agent.isLoggedIn && (q.offices.map { !s.agent.offices.isDisjoint(with: $0) } ?? true) && (q.agent.map { $0 == s.agent.id } ?? true)
        }.count

        var labels: [String: String] = [:]
        let names = Dictionary(offices.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let voivodeships = Dictionary(try await req.directory.voivodeships().map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        switch q.dimension {
        case .channel: for b in report.breakdown { labels[b.key] = t.text("channel." + b.key) }
        case .topic: for b in report.breakdown { labels[b.key] = t.text("topic." + b.key) }
        case .language: for b in report.breakdown { labels[b.key] = Language(rawValue: b.key)?.nativeName ?? b.key }
        case .office: for b in report.breakdown { labels[b.key] = names[b.key] ?? b.key }
        case .voivodeship: for b in report.breakdown { labels[b.key] = voivodeships[b.key] ?? b.key }
        case .consultant:
            labels = try await StaffStore(db: req.db).names(Set(report.breakdown.compactMap { UUID(uuidString: $0.key) }))
        case .line:
            let lines = Dictionary(try await VoiceStore(db: req.db).lines().map { ($0.number, $0.name) }, uniquingKeysWith: { a, _ in a })
            for b in report.breakdown { labels[b.key] = lines[b.key] ?? b.key }
        }
        let supervises = AuthorizationMatrix.allows(member.roles, .viewOfficeReports)
        var trail: [(String, String?)] = []
        if supervises {
            trail.append((member.scope == .national ? t.text("reports.national") : t.text("reports.my_offices"),
                          q.path(.staffReports, ["voivodeship": nil, "office": nil, "by": member.scope == .national ? "voivodeship" : "office"])))
            let officeVoivodeship = q.office.flatMap { voivodeshipOf[$0] }
            if let v = q.voivodeship ?? officeVoivodeship {
                trail.append((voivodeships[v] ?? v, q.path(.staffReports, ["voivodeship": v, "office": nil, "by": "office"])))
            }
            if let o = q.office { trail.append((names[o] ?? o, nil)) }
            trail[trail.count - 1].1 = nil
        }
        var portal: (PortalFigures, PortalFigures)?
        if supervises {
            let store = PortalFiguresStore(db: req.db), previous = q.period.previous()
            portal = (try await store.figures(from: q.period.from, until: q.period.until, offices: q.offices),
                      try await store.figures(from: previous.from, until: previous.until, offices: q.offices))
        }
        return Prepared(query: q, report: report, parameters: q.channel.map { targets.parameters(for: $0) } ?? targets.fallback,
                        labels: labels, staffingChannel: staffingChannel, staffing: staffing.hours, patience: staffing.patience, loggedIn: loggedIn, trail: trail, supervises: supervises,
                        portal: portal)
    }

    @Sendable func page(req: Request, member: StaffMember) async throws -> Response {
        let p = try await prepare(req, member)
        var directoryOffices: [(value: String, label: String)] = []
        var voivodeships: [(value: String, label: String)] = []
        if p.supervises {
            switch member.scope {
            case .national:
                voivodeships = try await req.directory.voivodeships().map { ($0.code, $0.name) }
                let within = try await req.directory.offices(matching: nil, voivodeship: p.query.voivodeship)
                directoryOffices = within.map { ($0.id, $0.name) }.sorted { $0.1 < $1.1 }
            case .offices(let ids):
                for id in ids.sorted() { directoryOffices.append((id, try await req.directory.office(id: id)?.name ?? id)) }
            }
        }
        var model = ReportPageModel(req: req, prepared: p).model(offices: directoryOffices, voivodeships: voivodeships)
        model.weekly = try await ReportSubscriptions(db: req.db).isWeekly(staff: member.id)
        if let saved = try? req.query.get(String.self, at: "saved"), ["on", "off"].contains(saved) {
            model.notice = req.catalogue.text("reports.weekly_saved_" + saved)
        }
        return .live(ReportsPage.render(model, req.pageContext))
    }

    /// Turns the weekly summary by e-mail on or off for the signed-in member.
    @Sendable func subscribe(req: Request, member: StaffMember) async throws -> Response {
        let choice = (try? req.content.get(String.self, at: "weekly")) ?? ""
        guard ["on", "off"].contains(choice) else { throw FieldValidationError(field: "weekly", reason: req.catalogue.text("reports.error_weekly")) }
        try await ReportSubscriptions(db: req.db).set(staff: member.id, weekly: choice == "on", now: try await ServerClock.now(req.db))
        return req.redirect(to: SiteRoute.staffReports.with(["saved": choice]))
    }

    @Sendable func api(req: Request, member: StaffMember) async throws -> Response {
        guard try req.parameters.require("kind") == "contacts" else { throw Abort(.notFound) }
        let p = try await prepare(req, member)
        let export = ReportExport(prepared: p, format: ReportFormat(language: req.language), catalogue: req.catalogue)
        let format = (try? req.query.get(String.self, at: "format")) ?? "json"
        switch format {
        case "json":
            let body = try export.json()
            return Response(status: .ok, headers: ["Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store"], body: .init(data: body))
        case "csv":
            let table = (try? req.query.get(String.self, at: "table")) ?? "series"
            guard let csv = export.csv(table) else {
                throw FieldValidationError(field: "table", reason: req.catalogue.text("reports.error_table"))
            }
            let name = "zielona-linia-\(table)-\(p.query.values["from"] ?? "")-\(p.query.values["to"] ?? "").csv"
            return Response(status: .ok, headers: ["Content-Type": "text/csv; charset=utf-8", "Cache-Control": "no-store",
                                                   "Content-Disposition": "attachment; filename=\"\(name)\""], body: .init(string: csv))
        default:
            throw FieldValidationError(field: "format", reason: req.catalogue.text("reports.error_format"))
        }
    }
}
