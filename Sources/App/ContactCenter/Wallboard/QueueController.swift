import Vapor
import Access
import Directory
import Storage

/// `GET /api/v1/queues`: live figures per queue (office and topic) for signed-in staff who
/// handle or supervise contacts, limited to their offices (all offices for national staff).
struct QueueController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("api", "v1", "queues", use: list)
    }

    struct QueueJSON: Content {
        let office_id: String
        let topic: String
        let waiting: Int
        let longest_wait_seconds: Int
        let answered_today: Int
        let abandoned_today: Int
        let service_level_today: Double?
        /// Satisfaction surveys answered today: how many, and their average (1–5).
        let ratings_today: Int
        let satisfaction_today: Double?
    }

    struct ListJSON: Content { let generated_at: Date; let queues: [QueueJSON] }

    func list(req: Request) async throws -> ListJSON {
        guard let member = try await req.signedInStaff() else { throw Abort(.unauthorized, reason: req.catalogue.text("error.staff_only")) }
        guard AuthorizationMatrix.allows(member.roles, .viewWallboard) || AuthorizationMatrix.allows(member.roles, .handleInteractions) else {
            throw Abort(.forbidden, reason: req.catalogue.text("error.no_permission"))
        }
        if let office = try? req.query.get(String.self, at: "office"), !office.isEmpty, !member.scope.covers(office) {
            throw Abort(.forbidden, reason: req.catalogue.text("error.foreign_office"))
        }
        let now = Date()
        let dayStart = Calendar.polish.startOfDay(for: now)
        let figures = try await ContactCenterStore(db: req.db).queueFigures(offices: member.listedOffices(req), dayStart: dayStart, now: now)
        return ListJSON(generated_at: now, queues: figures.map {
            QueueJSON(office_id: $0.officeID, topic: $0.topic, waiting: $0.waiting, longest_wait_seconds: Int($0.longestWait.rounded()),
                      answered_today: $0.answeredToday, abandoned_today: $0.abandonedToday,
                      service_level_today: $0.serviceLevelToday.map { ($0 * 10_000).rounded() / 10_000 },
                      ratings_today: $0.ratingsToday, satisfaction_today: $0.satisfactionToday.map { ($0 * 100).rounded() / 100 })
        })
    }
}
