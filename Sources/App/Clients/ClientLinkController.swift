import Vapor
import Views
import Identity
import Storage
import Clients
import Privacy

/// Office staff confirm that a portal account belongs to the person with that PESEL (they
/// check an identity document at the office or on a call) and link it to the client record.
struct ClientLinkController: Sendable {
    @Sendable func list(req: Request, member: StaffMember) async throws -> Response {
        let pending = try await ClientLinkStore(db: req.db).pending(offices: member.listedOffices(req))
        // The list shows names and PESELs: each listed request is a read of personal data.
        try await req.db.transaction { tx in
            for r in pending {
                try await AuditLog(db: tx, address: req.clientAddress).append(AuditEntry(actorID: member.id, actorOfficeID: member.primaryOffice, clientID: nil,
                                                             clientOfficeID: r.officeID, action: "client_link.read",
                                                             detail: "link request \(r.id.uuidString)", reason: "link_verification"))
            }
        }
        let rows = try pending.map { r in
            ClientLinksPage.Row(id: r.id.uuidString, name: r.seekerName ?? "", email: r.accountEmail,
                                pesel: try req.services.cipher.decrypt(r.peselCiphertext), office: r.officeID,
                                requested: DateText.dateTime(r.createdAt, req.language))
        }
        let notice = (try? req.query.get(String.self, at: "notice")).flatMap { ["approved": "links.approved", "rejected": "links.rejected"][$0] }
        return .html(ClientLinksPage.render(.init(rows: rows, notice: notice.map { req.catalogue.text($0) }), req.pageContext))
    }

    struct DecisionInput: Content { var decision: String? }

    @Sendable func decide(req: Request, member: StaffMember) async throws -> Response {
        let id = try req.parameters.require("id", as: UUID.self)
        let decision = try req.content.decode(DecisionInput.self).decision
        guard decision == "approve" || decision == "reject" else {
            throw Abort(.badRequest, reason: req.catalogue.text("links.decision_required"))
        }
        let store = ClientLinkStore(db: req.db), cipher = req.services.cipher
        // The client may still be indexed under the data key being replaced.
        let indexes = try await store.find(id).map { cipher.blindIndexes(try cipher.decrypt($0.peselCiphertext)) } ?? []
        do {
            _ = try await store.decide(id, approve: decision == "approve", by: member.id, staffOffice: member.primaryOffice,
                                       newClientNumber: { ClientNumber.random().value }, peselIndexes: indexes)
        } catch ClientLinkError.notPending {
            throw Abort(.conflict, reason: req.catalogue.text("links.already_decided"))
        } catch ClientLinkError.clientLinkedElsewhere {
            throw Abort(.conflict, reason: req.catalogue.text("links.linked_elsewhere"))
        }
        return req.redirect(to: SiteRoute.staffClientLinks.with(["notice": decision == "approve" ? "approved" : "rejected"]), redirectType: .normal)
    }
}
