import Vapor
import Views
import Portal
import Storage
import Clients

/// The moderation queue: offers of unverified employers wait for the office of the place of
/// work, which publishes them, asks for changes or rejects them with a reason.
struct OfferModerationController: Sendable {
    @Sendable func queue(req: Request, member: StaffMember) async throws -> Response {
        let offers = try await OfferStore(db: req.db).moderationQueue(offices: member.listedOffices(req))
        var rows: [ModerationPage.Row] = []
        let register = try await req.services.directoryCache.register(req.db)
        for o in offers {
            let summary = OfferViews.summary(o, register: register, req)
            rows.append(.init(id: o.id.uuidString.lowercased(), title: o.draft.title, company: o.companyName, office: try await req.directory.office(id: o.officeID)?.name ?? o.officeID,
                              place: summary.place, occupation: "\(o.occupationName) (\(o.draft.occupationCode))",
                              duties: o.draft.duties, wage: summary.wage, submitted: DateText.dateTime(o.createdAt, req.language)))
        }
        let notice = (try? req.query.get(String.self, at: "notice")).flatMap { ["publish", "request_changes", "reject"].contains($0) ? $0 : nil }
        return .html(ModerationPage.render(.init(rows: rows, notice: notice.map { req.catalogue.text("moderation.done_" + $0) }), req.pageContext))
    }

    struct DecisionInput: Content { var decision: String?; var note: String? }

    @Sendable func decide(req: Request, member: StaffMember) async throws -> Response {
        let id = try req.parameters.require("id", as: UUID.self)
        let input = try req.content.decode(DecisionInput.self)
        let t = req.catalogue
        guard let decision = ModerationDecision(rawValue: input.decision ?? "") else {
            throw FieldValidationError(field: "decision", reason: t.text("moderation.decision_required"))
        }
        let note = (input.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if decision != .publish && note.isEmpty {
            throw FieldValidationError(field: "note", reason: t.text("moderation.reason_required"))
        }
        guard note.count <= 1000 else { throw FieldValidationError(field: "note", reason: t.text("offer.error.too_long", ["max": "1000"])) }
        do {
            try await OfferStore(db: req.db).moderate(id, decision, note: note.isEmpty ? nil : note)
        } catch OfferStoreError.notPending {
            throw Abort(.conflict, reason: t.text("moderation.not_pending"))
        }
        return req.redirect(to: SiteRoute.staffOffers.with(["notice": decision.rawValue]), redirectType: .normal)
    }
}
