import Vapor
import Access

/// Every staff route in one place: path, the action of the authorization matrix it needs and
/// what it acts on. The route-walking test reads this list.
enum StaffRoutes {
    static var all: [StaffEndpoint] {
        let admin = StaffAdminController(), clients = StaffClientController(), links = ClientLinkController()
        let employers = EmployerVerificationController(), audit = AuditLogController(), home = StaffHomeController()
        let moderation = OfferModerationController(), events = EventAdminController(), agents = AgentSupervisionController()
        let desktop = DesktopController(), phone = RemotePhoneController(), wallboard = WallboardController(), kb = KBAdminController(), newsletter = NewsletterAdminController()
        let ivr = IVREditorController(), review = InteractionReviewController(), reports = ReportsController(), requests = DataRequestsController()
        let cvFactory = CVFactoryDeskController()
        let recruitment = RecruitmentDeskController()
        let foreigners = ForeignersDeskController()
        let statistics = StatisticsController()
        let news = NewsAdminController(), partners = PartnersController(), theme = ThemeController()
        let pages = PagesAdminController(), sections = SectionAdminController(), polls = PollsAdminController(), forum = ForumModerationController(), forms = SiteFormsAdminController()
        return [
            StaffEndpoint(.GET, .staffHome, nil, .system, home.home),
            StaffEndpoint(.GET, .staffSecurity, nil, .system, home.security),
            StaffEndpoint(.POST, .staffRecoveryCodes, nil, .system, home.newRecoveryCodes),
            StaffEndpoint(.POST, .staffTokens, nil, .system, home.createToken),
            StaffEndpoint(.POST, .staffTokenRevoke(":id"), nil, .system, home.revokeToken),

            StaffEndpoint(.GET, .staffMembers, .manageStaff, .officeQuery, admin.list),
            StaffEndpoint(.GET, .staffMemberNew, .manageStaff, .system, admin.newForm),
            StaffEndpoint(.POST, .staffMembers, .manageStaff, .formScope, admin.create),
            StaffEndpoint(.GET, .staffMember(":id"), .manageStaff, .staffMember, admin.show),
            StaffEndpoint(.POST, .staffMember(":id"), .manageStaff, .staffMember, admin.update),
            StaffEndpoint(.POST, .staffMemberReset2FA(":id"), .manageStaff, .staffMember, admin.resetSecondFactor),

            StaffEndpoint(.GET, .staffClients, .readClient, .officeQuery, clients.search),
            StaffEndpoint(.GET, .staffClient(":id"), .readClient, .client, clients.card),
            StaffEndpoint(.POST, .staffClientPIN(":id"), .updateClient, .client, clients.setPIN),
            StaffEndpoint(.POST, .staffClientRegistration(":id"), .updateClient, .client, clients.setRegistration),

            StaffEndpoint(.GET, .staffClientLinks, .verifyClientLink, .officeQuery, links.list),
            StaffEndpoint(.POST, .staffClientLink(":id"), .verifyClientLink, .linkRequest, links.decide),

            StaffEndpoint(.GET, .staffEmployers, .verifyEmployer, .officeQuery, employers.list),
            StaffEndpoint(.POST, .staffEmployerVerify(":id"), .verifyEmployer, .company, employers.verify),

            StaffEndpoint(.GET, .staffAudit, .viewAuditLog, .officeQuery, audit.list),

            // Fabryka CV: the centre's national service.
            StaffEndpoint(.GET, .staffCVFactory, .workCVFactory, .national, cvFactory.list),
            StaffEndpoint(.GET, .staffCVFactoryRequest(":id"), .workCVFactory, .national, cvFactory.show),
            StaffEndpoint(.GET, .staffCVFactorySource(":id"), .workCVFactory, .national, cvFactory.sourceFile),
            StaffEndpoint(.POST, .staffCVFactoryTake(":id"), .workCVFactory, .national, cvFactory.take),
            StaffEndpoint(.POST, .staffCVFactoryAssign(":id"), .assignCVFactory, .national, cvFactory.assign),
            StaffEndpoint(.GET, .staffCVFactoryWrite(":id"), .workCVFactory, .national, cvFactory.writeForm),
            StaffEndpoint(.POST, .staffCVFactoryDeliver(":id"), .workCVFactory, .national, cvFactory.deliver),

            // Recruitment ordered by an employer: run by the offer's office.
            StaffEndpoint(.GET, .staffRecruitments, .runRecruitment, .officeQuery, recruitment.list),
            StaffEndpoint(.GET, .staffRecruitment(":id"), .runRecruitment, .recruitmentOrder, recruitment.show),
            StaffEndpoint(.POST, .staffRecruitmentCandidates(":id"), .runRecruitment, .recruitmentOrder, recruitment.add),
            StaffEndpoint(.POST, .staffRecruitmentCandidate(":id", candidate: ":candidate"), .runRecruitment, .recruitmentOrder, recruitment.move),
            StaffEndpoint(.POST, .staffRecruitmentAsk(":id", candidate: ":candidate"), .runRecruitment, .recruitmentOrder, recruitment.ask),
            StaffEndpoint(.POST, .staffRecruitmentClose(":id"), .runRecruitment, .recruitmentOrder, recruitment.close),

            // The foreigners' generator: its quality figures (counts, no personal data), and a
            // caller's draft opened from the screen pop with their consent.
            StaffEndpoint(.GET, .staffForeigners, .viewForeignerForms, .system, foreigners.quality),
            StaffEndpoint(.POST, .desktopForeignerDraft(":id"), .guideForeigners, .heldInteraction, foreigners.guide),

            // Visit statistics (counts): every editor, an office's editor with their offices' pages.
            StaffEndpoint(.GET, .staffStatistics, .editOfficeContent, .anySection, statistics.page),

            // Portal content: news per office, voivodeship (its WUP's editors) or national (the
            // portal's editors, who also keep the partners, the look and the home page).
            StaffEndpoint(.GET, .staffContent, .editOfficeContent, .anySection, news.hub),
            StaffEndpoint(.GET, .staffNews, .editOfficeContent, .anySection, news.list),
            StaffEndpoint(.GET, .staffNewsNew, .editOfficeContent, .anySection, news.newForm),
            StaffEndpoint(.POST, .staffNews, .editOfficeContent, .anySection, news.create),
            StaffEndpoint(.GET, .staffNewsEdit(":id"), .editOfficeContent, .newsItem, news.editForm),
            StaffEndpoint(.POST, .staffNewsEntry(":id"), .editOfficeContent, .newsItem, news.update),
            StaffEndpoint(.GET, .staffNewsVersions(":id"), .editOfficeContent, .newsItem, news.versions),
            StaffEndpoint(.POST, .staffNewsDelete(":id"), .editOfficeContent, .newsItem, news.delete),
            // Sections: an office's pages, menu and confirmed details (its editors); the portal's
            // pages, main menu and home page (national editors).
            StaffEndpoint(.GET, .staffPages, .editOfficeContent, .anySection, pages.list),
            StaffEndpoint(.GET, .staffPageNew, .editOfficeContent, .anySection, pages.newForm),
            StaffEndpoint(.POST, .staffPages, .editOfficeContent, .formSection, pages.create),
            StaffEndpoint(.GET, .staffPageEdit(":id"), .editOfficeContent, .sitePage, pages.editForm),
            StaffEndpoint(.POST, .staffPage(":id"), .editOfficeContent, .sitePage, pages.update),
            StaffEndpoint(.GET, .staffPageVersions(":id"), .editOfficeContent, .sitePage, pages.versions),
            StaffEndpoint(.POST, .staffPageDelete(":id"), .editOfficeContent, .sitePage, pages.delete),
            StaffEndpoint(.GET, .staffMenus, .editOfficeContent, .sectionQuery, sections.menus),
            StaffEndpoint(.POST, .staffMenus, .editOfficeContent, .formSection, sections.saveMenu),
            StaffEndpoint(.GET, .staffOfficeDetails, .editOfficeContent, .officeQuery, sections.detailsForm),
            StaffEndpoint(.POST, .staffOfficeDetails, .editOfficeContent, .formOffice, sections.confirmDetails),
            StaffEndpoint(.GET, .staffHomeBlocks, .editPortalContent, .system, sections.homeForm),
            StaffEndpoint(.POST, .staffHomeBlocks, .editPortalContent, .system, sections.saveHome),
            StaffEndpoint(.GET, .staffPolls, .editOfficeContent, .anySection, polls.list),
            StaffEndpoint(.GET, .staffPollNew, .editOfficeContent, .anySection, polls.newForm),
            StaffEndpoint(.POST, .staffPolls, .editOfficeContent, .formSection, polls.create),
            StaffEndpoint(.GET, .staffPollEdit(":id"), .editOfficeContent, .poll, polls.editForm),
            StaffEndpoint(.POST, .staffPoll(":id"), .editOfficeContent, .poll, polls.update),
            StaffEndpoint(.POST, .staffPollDelete(":id"), .editOfficeContent, .poll, polls.delete),
            StaffEndpoint(.GET, .staffPartners, .editPortalContent, .system, partners.list),
            StaffEndpoint(.POST, .staffPartners, .editPortalContent, .system, partners.create),
            StaffEndpoint(.GET, .staffPartner(":id"), .editPortalContent, .system, partners.editForm),
            StaffEndpoint(.POST, .staffPartner(":id"), .editPortalContent, .system, partners.update),
            StaffEndpoint(.POST, .staffPartnerDelete(":id"), .editPortalContent, .system, partners.delete),
            StaffEndpoint(.GET, .staffForms, .editOfficeContent, .anySection, forms.list),
            StaffEndpoint(.GET, .staffFormNew, .editOfficeContent, .anySection, forms.newForm),
            StaffEndpoint(.POST, .staffForms, .editOfficeContent, .formSection, forms.create),
            StaffEndpoint(.GET, .staffFormEdit(":id"), .editOfficeContent, .siteForm, forms.editForm),
            StaffEndpoint(.POST, .staffForm(":id"), .editOfficeContent, .siteForm, forms.update),
            StaffEndpoint(.GET, .staffFormAnswers(":id"), .editOfficeContent, .siteForm, forms.answers),
            StaffEndpoint(.POST, .staffFormDelete(":id"), .editOfficeContent, .siteForm, forms.delete),
            // The forum: each office's moderators its forum, national ones the shared forums.
            StaffEndpoint(.GET, .staffForum, .moderateForum, .system, forum.queue),
            StaffEndpoint(.GET, .staffForumPost(":id"), .moderateForum, .forumPost, forum.post),
            StaffEndpoint(.POST, .staffForumPost(":id"), .moderateForum, .forumPost, forum.edit),
            StaffEndpoint(.POST, .staffForumDecision(":id"), .moderateForum, .forumPost, forum.decide),
            StaffEndpoint(.GET, .staffForumThread(":id"), .moderateForum, .forumThread, forum.thread),
            StaffEndpoint(.POST, .staffForumThread(":id"), .moderateForum, .forumThread, forum.changeThread),
            StaffEndpoint(.GET, .staffTheme, .editPortalContent, .system, theme.form),
            StaffEndpoint(.POST, .staffTheme, .editPortalContent, .system, theme.save),

            StaffEndpoint(.GET, .staffOffers, .moderateOffers, .officeQuery, moderation.queue),
            StaffEndpoint(.POST, .staffOfferModerate(":id"), .moderateOffers, .offer, moderation.decide),
            StaffEndpoint(.GET, .staffEvents, .editOfficeContent, .officeQuery, events.list),
            StaffEndpoint(.GET, .staffEventNew, .editOfficeContent, .system, events.newForm),
            StaffEndpoint(.POST, .staffEvents, .editOfficeContent, .formOffice, events.create),
            StaffEndpoint(.GET, .staffEventEdit(":id"), .editOfficeContent, .event, events.editForm),
            StaffEndpoint(.POST, .staffEvent(":id"), .editOfficeContent, .event, events.update),
            StaffEndpoint(.POST, .staffEventDelete(":id"), .editOfficeContent, .event, events.delete),
            StaffEndpoint(.GET, .staffNewsletter, .editOfficeContent, .national, newsletter.list),
            StaffEndpoint(.POST, .staffNewsletter, .editOfficeContent, .national, newsletter.create),
            // The flows of 19524 and the other numbers: national administrators.
            StaffEndpoint(.GET, .staffIVR, .editIVR, .national, ivr.overview),
            StaffEndpoint(.GET, .staffIVRDiagram, .editIVR, .national, ivr.diagramSVG),
            StaffEndpoint(.GET, .staffIVRSimulate, .editIVR, .national, ivr.simulate),
            StaffEndpoint(.POST, .staffIVRSteps, .editIVR, .national, ivr.addStep),
            StaffEndpoint(.GET, .staffIVRStep(":step"), .editIVR, .national, ivr.stepForm),
            StaffEndpoint(.POST, .staffIVRStep(":step"), .editIVR, .national, ivr.saveStep),
            StaffEndpoint(.POST, .staffIVRStepDelete(":step"), .editIVR, .national, ivr.deleteStep),
            StaffEndpoint(.POST, .staffIVRPublish, .editIVR, .national, ivr.publish),
            StaffEndpoint(.POST, .staffIVRDiscard, .editIVR, .national, ivr.discard),
            StaffEndpoint(.POST, .staffIVRRollback, .editIVR, .national, ivr.rollback),
            StaffEndpoint(.POST, .staffIVRFlows, .editIVR, .national, ivr.createFlow),
            StaffEndpoint(.GET, .staffIVRLines, .editIVR, .national, ivr.lines),
            StaffEndpoint(.POST, .staffIVRLines, .editIVR, .national, ivr.saveLine),
            StaffEndpoint(.POST, .staffIVRLineDelete(":number"), .editIVR, .national, ivr.deleteLine),
            StaffEndpoint(.GET, .staffKB, .editOfficeContent, .officeQuery, kb.list),
            StaffEndpoint(.GET, .staffKBNew, .editOfficeContent, .system, kb.newForm),
            StaffEndpoint(.POST, .staffKB, .editOfficeContent, .system, kb.create),
            StaffEndpoint(.GET, .staffKBEdit(":id"), .editOfficeContent, .kbEntry, kb.editForm),
            StaffEndpoint(.POST, .staffKBEntry(":id"), .editOfficeContent, .kbEntry, kb.update),
            StaffEndpoint(.GET, .staffKBVersions(":id"), .editOfficeContent, .kbEntry, kb.versions),
            StaffEndpoint(.POST, .staffKBDelete(":id"), .editOfficeContent, .kbEntry, kb.delete),
            StaffEndpoint(.GET, .staffInteractions, .listenToRecordings, .officeQuery, review.list),
            StaffEndpoint(.GET, .staffInteraction(":id"), .listenToRecordings, .interaction, review.show),
            StaffEndpoint(.GET, .staffInteractionRecording(":id", recording: ":recording"), .listenToRecordings, .interaction, review.play),
            StaffEndpoint(.POST, .staffInteractionMonitor(":id"), .monitorCalls, .interaction, review.monitor),
            StaffEndpoint(.POST, .staffAgentState(":id"), .changeAgentState, .agent, agents.setState),
            StaffEndpoint(.GET, .staffAgent(":id"), .changeAgentState, .agent, agents.skillsForm),
            StaffEndpoint(.POST, .staffAgentSkills(":id"), .changeAgentState, .agent, agents.setSkills),

            // The consultant desktop.
            StaffEndpoint(.GET, .desktop, .handleInteractions, .system, desktop.page),
            StaffEndpoint(.GET, .desktopPanel, .handleInteractions, .system, desktop.panel),
            StaffEndpoint(.GET, .desktopContacts, .handleInteractions, .system, desktop.contacts),
            StaffEndpoint(.POST, .desktopState, .handleInteractions, .system, desktop.setState),
            StaffEndpoint(.POST, .desktopQueues, .handleInteractions, .system, desktop.setQueues),
            StaffEndpoint(.GET, .desktopPhone, .handleInteractions, .system, phone.phonePage),
            StaffEndpoint(.POST, .desktopPhone, .handleInteractions, .system, phone.setPhone),
            StaffEndpoint(.POST, .desktopPhoneVerify, .handleInteractions, .system, phone.verifyPhone),
            StaffEndpoint(.POST, .desktopPhoneRemote, .handleInteractions, .system, phone.setRemote),
            StaffEndpoint(.POST, .desktopPhoneForget, .handleInteractions, .system, phone.forgetPhone),
            StaffEndpoint(.POST, .desktopOfferAccept(":id"), .handleInteractions, .system, desktop.accept),
            StaffEndpoint(.POST, .desktopOfferDecline(":id"), .handleInteractions, .system, desktop.decline),
            StaffEndpoint(.GET, .desktopInteraction(":id"), .handleInteractions, .heldInteraction, desktop.interaction),
            StaffEndpoint(.POST, .desktopNotes(":id"), .handleInteractions, .heldInteraction, desktop.note),
            StaffEndpoint(.POST, .desktopEnd(":id"), .handleInteractions, .heldInteraction, desktop.end),
            StaffEndpoint(.POST, .desktopClose(":id"), .handleInteractions, .heldInteraction, desktop.close),
            StaffEndpoint(.POST, .desktopTransfer(":id"), .handleInteractions, .heldInteraction, desktop.transfer),
            StaffEndpoint(.POST, .desktopArticles(":id"), .handleInteractions, .heldInteraction, desktop.sendArticle),
            StaffEndpoint(.POST, .desktopReply(":id"), .handleInteractions, .heldInteraction, desktop.reply),
            StaffEndpoint(.POST, .desktopVisitReminder(":id"), .handleInteractions, .heldInteraction, desktop.visitReminder),
            StaffEndpoint(.POST, .desktopSendOffer(":id"), .handleInteractions, .heldInteraction, desktop.sendOffer),
            StaffEndpoint(.GET, .desktopAttachment(":id"), .handleInteractions, .heldInteraction, desktop.mailAttachment),
            StaffEndpoint(.GET, .desktopChat(":id"), .handleInteractions, .heldChat, desktop.chatState),
            StaffEndpoint(.POST, .desktopChat(":id"), .handleInteractions, .heldChat, desktop.chatSay),
            StaffEndpoint(.POST, .desktopTyping(":id"), .handleInteractions, .heldChat, desktop.chatTyping),
            StaffEndpoint(.GET, .desktopManual, .handleInteractions, .system, desktop.manualForm),
            StaffEndpoint(.POST, .desktopManual, .handleInteractions, .system, desktop.logManual),

            StaffEndpoint(.GET, .wallboard, .viewWallboard, .officeQuery, wallboard.page),
            StaffEndpoint(.GET, .wallboardPanel, .viewWallboard, .officeQuery, wallboard.panel),

            StaffEndpoint(.GET, .staffReports, .viewReports, .officeQuery, reports.page),
            StaffEndpoint(.POST, .staffReportsSubscription, .viewReports, .system, reports.subscribe),
            StaffEndpoint(.GET, .apiReport(":kind"), .viewReports, .officeQuery, reports.api),

            StaffEndpoint(.GET, .staffPrivacy, .handleDataRequests, .officeQuery, requests.list),
            StaffEndpoint(.GET, .staffPrivacyRequest(":id"), .handleDataRequests, .privacyRequest, requests.show),
            StaffEndpoint(.POST, .staffPrivacyAnswer(":id"), .handleDataRequests, .privacyRequest, requests.answer),
            StaffEndpoint(.POST, .staffPrivacyExtend(":id"), .handleDataRequests, .privacyRequest, requests.extend),
            StaffEndpoint(.POST, .staffPrivacy, .handleDataRequests, .formOffice, requests.register),
            StaffEndpoint(.POST, .staffPrivacyIdentity(":id"), .handleDataRequests, .privacyRequest, requests.identity),
            StaffEndpoint(.POST, .staffPrivacyExport(":id"), .handleDataRequests, .privacyRequest, requests.export),
            StaffEndpoint(.POST, .staffPrivacyRestrict(":id"), .handleDataRequests, .privacyRequest, requests.restrict),
            StaffEndpoint(.POST, .staffPrivacyErase(":id"), .handleDataRequests, .privacyRequest, requests.erase),
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
