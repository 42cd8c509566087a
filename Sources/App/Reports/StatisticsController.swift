import Vapor
import Views
import Storage
import Reporting
import Access
import Clients

/// `/staff/statistics`: the portal's visit statistics for editors — counts only. A national
/// editor sees every section; an office's editor the totals and their offices' own pages.
struct StatisticsController {
    @Sendable func page(req: Request, member: StaffMember) async throws -> Response {
        let asked = (try? req.query.get(Int.self, at: "days")) ?? 30
        let days = StatisticsPage.periods.contains(asked) ? asked : 30
        let now = Date()
        let from = now.addingTimeInterval(-Double(days - 1) * 86_400)
        let fromDay = VisitStore.day(from)
        let store = VisitStore(db: req.db)
        let t = req.catalogue
        var sections: Set<String>? = nil
        if case .offices(let ids) = member.scope { sections = Set(ids.map { "office:" + $0 }) }
        let searches = try await store.searches(from: ReportInterval.polishCalendar.startOfDay(for: from))
        func sectionName(_ s: String) -> String {
            s.hasPrefix("office:") ? t.text("stats.section_office", ["office": String(s.dropFirst(7))]) : s == "home" ? t.text("nav.home") : "/" + s
        }
        let allSections = try await store.sections(from: fromDay)
        let m = StatisticsPage.Model(
            days: days, perDay: try await store.days(from: fromDay).map { ($0.day, $0.views, $0.visitors) },
            sections: allSections.filter { sections == nil || sections!.contains($0.section) }.map { (sectionName($0.section), $0.views) },
            pages: try await store.topPages(from: fromDay, sections: sections).map { ($0.page, $0.views) },
            referrers: try await store.topReferrers(from: fromDay).map { ($0.host, $0.views) },
            searches: searches.searches, emptySearches: searches.empty,
            scopeNote: sections == nil ? nil : t.text("stats.own_sections"))
        return .html(StatisticsPage.render(m, req.pageContext))
    }
}
