import Vapor
import Access

/// Every staff route in one place: path, the action of the authorization matrix it needs and
/// what it acts on. The route-walking test reads this list.
enum StaffRoutes {
    static var all: [StaffEndpoint] {
        let admin = StaffAdminController(), clients = StaffClientController(), links = ClientLinkController()
        let employers = EmployerVerificationController(), audit = AuditLogController(), home = StaffHomeController()
        let moderation = OfferModerationController(), events = EventAdminController(), agents = AgentSupervisionController()
        let desktop = DesktopController(), wallboard = WallboardController(), kb = KBAdminController(), newsletter = NewsletterAdminController()
        let ivr = IVREditorController(), review = InteractionReviewController()
        return [
            StaffEndpoint(.GET, "staff/home", nil, .system, home.home),
            StaffEndpoint(.GET, "staff/security", nil, .system, home.security),
            StaffEndpoint(.POST, "staff/security/recovery-codes", nil, .system, home.newRecoveryCodes),
            StaffEndpoint(.POST, "staff/security/tokens", nil, .system, home.createToken),
            StaffEndpoint(.POST, "staff/security/tokens/:id/revoke", nil, .system, home.revokeToken),

            StaffEndpoint(.GET, "staff", .manageStaff, .officeQuery, admin.list),
            StaffEndpoint(.GET, "staff/new", .manageStaff, .system, admin.newForm),
            StaffEndpoint(.POST, "staff", .manageStaff, .formScope, admin.create),
            StaffEndpoint(.GET, "staff/members/:id", .manageStaff, .staffMember, admin.show),
            StaffEndpoint(.POST, "staff/members/:id", .manageStaff, .staffMember, admin.update),
            StaffEndpoint(.POST, "staff/members/:id/reset-2fa", .manageStaff, .staffMember, admin.resetSecondFactor),

            StaffEndpoint(.GET, "staff/clients", .readClient, .officeQuery, clients.search),
            StaffEndpoint(.GET, "staff/clients/:id", .readClient, .client, clients.card),
            StaffEndpoint(.POST, "staff/clients/:id/pin", .updateClient, .client, clients.setPIN),

            StaffEndpoint(.GET, "staff/client-links", .verifyClientLink, .officeQuery, links.list),
            StaffEndpoint(.POST, "staff/client-links/:id", .verifyClientLink, .linkRequest, links.decide),

            StaffEndpoint(.GET, "staff/employers", .verifyEmployer, .officeQuery, employers.list),
            StaffEndpoint(.POST, "staff/employers/:id/verify", .verifyEmployer, .company, employers.verify),

            StaffEndpoint(.GET, "staff/audit", .viewAuditLog, .officeQuery, audit.list),

            StaffEndpoint(.GET, "staff/offers", .moderateOffers, .officeQuery, moderation.queue),
            StaffEndpoint(.POST, "staff/offers/:id/moderate", .moderateOffers, .offer, moderation.decide),
            StaffEndpoint(.GET, "staff/events", .editOfficeContent, .officeQuery, events.list),
            StaffEndpoint(.GET, "staff/events/new", .editOfficeContent, .system, events.newForm),
            StaffEndpoint(.POST, "staff/events", .editOfficeContent, .formOffice, events.create),
            StaffEndpoint(.GET, "staff/events/:id/edit", .editOfficeContent, .event, events.editForm),
            StaffEndpoint(.POST, "staff/events/:id", .editOfficeContent, .event, events.update),
            StaffEndpoint(.POST, "staff/events/:id/delete", .editOfficeContent, .event, events.delete),
            StaffEndpoint(.GET, "staff/newsletter", .editOfficeContent, .national, newsletter.list),
            StaffEndpoint(.POST, "staff/newsletter", .editOfficeContent, .national, newsletter.create),
            // The one IVR of 19524: national administrators.
            StaffEndpoint(.GET, "staff/ivr", .editIVR, .national, ivr.overview),
            StaffEndpoint(.GET, "staff/ivr/diagram.svg", .editIVR, .national, ivr.diagramSVG),
            StaffEndpoint(.GET, "staff/ivr/simulate", .editIVR, .national, ivr.simulate),
            StaffEndpoint(.POST, "staff/ivr/steps", .editIVR, .national, ivr.addStep),
            StaffEndpoint(.GET, "staff/ivr/steps/:step", .editIVR, .national, ivr.stepForm),
            StaffEndpoint(.POST, "staff/ivr/steps/:step", .editIVR, .national, ivr.saveStep),
            StaffEndpoint(.POST, "staff/ivr/steps/:step/delete", .editIVR, .national, ivr.deleteStep),
            StaffEndpoint(.POST, "staff/ivr/publish", .editIVR, .national, ivr.publish),
            StaffEndpoint(.POST, "staff/ivr/discard", .editIVR, .national, ivr.discard),
            StaffEndpoint(.POST, "staff/ivr/rollback", .editIVR, .national, ivr.rollback),
            StaffEndpoint(.GET, "staff/kb", .editOfficeContent, .officeQuery, kb.list),
            StaffEndpoint(.GET, "staff/kb/new", .editOfficeContent, .system, kb.newForm),
            StaffEndpoint(.POST, "staff/kb", .editOfficeContent, .system, kb.create),
            StaffEndpoint(.GET, "staff/kb/:id/edit", .editOfficeContent, .kbEntry, kb.editForm),
            StaffEndpoint(.POST, "staff/kb/:id", .editOfficeContent, .kbEntry, kb.update),
            StaffEndpoint(.GET, "staff/kb/:id/versions", .editOfficeContent, .kbEntry, kb.versions),
            StaffEndpoint(.POST, "staff/kb/:id/delete", .editOfficeContent, .kbEntry, kb.delete),
            StaffEndpoint(.GET, "staff/interactions", .listenToRecordings, .officeQuery, review.list),
            StaffEndpoint(.GET, "staff/interactions/:id", .listenToRecordings, .interaction, review.show),
            StaffEndpoint(.GET, "staff/interactions/:id/recordings/:recording", .listenToRecordings, .interaction, review.play),
            StaffEndpoint(.POST, "staff/interactions/:id/monitor", .monitorCalls, .interaction, review.monitor),
            StaffEndpoint(.POST, "staff/agents/:id/state", .changeAgentState, .agent, agents.setState),
            StaffEndpoint(.GET, "staff/agents/:id", .changeAgentState, .agent, agents.skillsForm),
            StaffEndpoint(.POST, "staff/agents/:id/skills", .changeAgentState, .agent, agents.setSkills),

            // The consultant desktop.
            StaffEndpoint(.GET, "desktop", .handleInteractions, .system, desktop.page),
            StaffEndpoint(.GET, "desktop/panel", .handleInteractions, .system, desktop.panel),
            StaffEndpoint(.POST, "desktop/state", .handleInteractions, .system, desktop.setState),
            StaffEndpoint(.POST, "desktop/queues", .handleInteractions, .system, desktop.setQueues),
            StaffEndpoint(.POST, "desktop/offers/:id/accept", .handleInteractions, .system, desktop.accept),
            StaffEndpoint(.POST, "desktop/offers/:id/decline", .handleInteractions, .system, desktop.decline),
            StaffEndpoint(.GET, "desktop/interactions/:id", .handleInteractions, .heldInteraction, desktop.interaction),
            StaffEndpoint(.POST, "desktop/interactions/:id/notes", .handleInteractions, .heldInteraction, desktop.note),
            StaffEndpoint(.POST, "desktop/interactions/:id/end", .handleInteractions, .heldInteraction, desktop.end),
            StaffEndpoint(.POST, "desktop/interactions/:id/close", .handleInteractions, .heldInteraction, desktop.close),
            StaffEndpoint(.POST, "desktop/interactions/:id/transfer", .handleInteractions, .heldInteraction, desktop.transfer),
            StaffEndpoint(.POST, "desktop/interactions/:id/articles", .handleInteractions, .heldInteraction, desktop.sendArticle),
            StaffEndpoint(.POST, "desktop/interactions/:id/reply", .handleInteractions, .heldInteraction, desktop.mailReply),
            StaffEndpoint(.POST, "desktop/interactions/:id/visit-reminder", .handleInteractions, .heldInteraction, desktop.visitReminder),
            StaffEndpoint(.GET, "desktop/interactions/:id/attachment", .handleInteractions, .heldInteraction, desktop.mailAttachment),
            StaffEndpoint(.GET, "desktop/interactions/:id/chat", .handleInteractions, .heldChat, desktop.chatState),
            StaffEndpoint(.POST, "desktop/interactions/:id/chat", .handleInteractions, .heldChat, desktop.chatSay),
            StaffEndpoint(.POST, "desktop/interactions/:id/typing", .handleInteractions, .heldChat, desktop.chatTyping),
            StaffEndpoint(.GET, "desktop/manual", .handleInteractions, .system, desktop.manualForm),
            StaffEndpoint(.POST, "desktop/manual", .handleInteractions, .system, desktop.logManual),

            StaffEndpoint(.GET, "wallboard", .viewWallboard, .officeQuery, wallboard.page),
            StaffEndpoint(.GET, "wallboard/panel", .viewWallboard, .officeQuery, wallboard.panel),
        ]
    }

    static func register(on routes: any RoutesBuilder) {
        for endpoint in all {
            routes.on(endpoint.method, endpoint.path) { req async throws -> Response in
                try await StaffGuard.respond(endpoint, req)
            }
        }
    }
}
