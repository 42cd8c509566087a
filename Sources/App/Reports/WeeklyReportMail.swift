import Vapor
import Fluent
import Access
import Clients
import Localization
import Reporting
import Storage
import Views

/// The weekly summary by e-mail for staff who asked for it on the reports page: on Monday from
/// 06:00 (Warsaw), last week's figures of their scope (a consultant: their own) against the week
/// before, with a link to the full report. Each week is claimed and queued in one transaction.
struct WeeklyReportMail {
    let app: Application

    /// The ISO week just ended ("2027-W10") and its Monday, when it is Monday 06:00 or later.
    static func lastWeek(at now: Date, calendar: Calendar = ReportInterval.polishCalendar) -> (id: String, monday: Date)? {
        let thisMonday = ReportInterval.week.start(of: now, in: calendar)
        // The job may run any time in the week; the summary goes from Monday 06:00 on.
        guard now >= calendar.date(byAdding: .hour, value: 6, to: thisMonday)! else { return nil }
        let monday = calendar.date(byAdding: .day, value: -7, to: thisMonday)!
        let c = calendar.dateComponents([.yearForWeekOfYear, .weekOfYear], from: monday)
        return (String(format: "%04d-W%02d", c.yearForWeekOfYear ?? 0, c.weekOfYear ?? 0), monday)
    }

    /// Queues the summary for every subscriber not yet sent last week's; returns how many.
    @discardableResult
    func sendDue(now: Date) async throws -> Int {
        guard let week = Self.lastWeek(at: now) else { return 0 }
        let subscriptions = ReportSubscriptions(db: app.db)
        var sent = 0
        for id in try await subscriptions.due(week: week.id) {
            guard let member = try await StaffStore(db: app.db).find(id), member.active,
                  AuthorizationMatrix.allows(member.roles, .viewReports) else { continue }
            let language = Language(rawValue: try await AccountStore(db: app.db).find(email: member.email)?.language ?? "pl") ?? .pl
            let mail = try await message(member, week: week, language: language, today: now)
            let claimed = try await app.db.transaction { tx in
                guard try await ReportSubscriptions(db: tx).claim(staff: id, week: week.id) else { return false }
                try await Outbox(db: tx).enqueue(mail)
                return true
            }
            if claimed { sent += 1 }
        }
        return sent
    }

    func message(_ member: StaffMember, week: (id: String, monday: Date), language: Language, today: Date) async throws -> OutboxMessage {
        let calendar = ReportInterval.polishCalendar, t = Catalogues.bundled[language], f = ReportFormat(language: language)
        let sunday = calendar.date(byAdding: .day, value: 6, to: week.monday)!
        let period = try ReportPeriod(first: week.monday, last: sunday, today: today, calendar: calendar)
        let supervises = AuthorizationMatrix.allows(member.roles, .viewOfficeReports)
        var offices: Set<String>? = nil
        if case .offices(let ids) = member.scope { offices = ids }
        let values = ["from": DayFormat().string(from: week.monday), "to": DayFormat().string(from: sunday), "interval": "day", "by": "channel"]
        let q = ContactReportQuery(period: period, interval: .day, dimension: .channel, channel: nil, voivodeship: nil, office: nil, offices: offices,
                                   agent: supervises ? nil : member.id.uuidString, values: values)
        let targets = app.services.config.reportTargets
        let report = try await ContactReportBuilder(db: app.db, targets: targets).build(q)
        let now = ContactMetrics(counts: report.totals, parameters: targets.fallback), before = ContactMetrics(counts: report.previousTotals, parameters: targets.fallback)
        let lines = ReportColumn.all.filter { ["offered", "answered", "service_level", "abandonment_rate", "asa", "aht", "csat"].contains($0.id) }.map { c in
            t.text("metric." + c.id) + ": " + c.text(now, f) + " (" + t.text("reports.previous", ["value": c.text(before, f), "change": f.change(c.json(now), c.json(before))]) + ")"
        } + report.breakdown.map { b in
            t.text("channel." + b.key) + ": " + t.text("mail.reports_weekly.channel_line", ["offered": "\(b.counts.offered)", "answered": "\(b.counts.answered)"])
        }
        let scope = member.scope == .national ? t.text("reports.national") : supervises ? (offices ?? []).sorted().joined(separator: ", ") : member.displayName
        let link = app.services.config.publicURL + q.path(.staffReports)
        return MailComposer(publicURL: app.services.config.publicURL)
            .compose(to: member.email, kind: "report_weekly", language: language, subjectKey: "mail.reports_weekly.subject",
                     paragraphs: ["mail.reports_weekly.body"], link: link,
                     args: ["from": DateText.date(week.monday, language), "to": DateText.date(sunday, language), "scope": scope], lines: lines)
    }
}
