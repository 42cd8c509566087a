import Foundation
import Portal

/// Every path of the system — public pages, the account, employers, staff, the consultant's
/// desktop, the wallboard, the carrier's voice webhooks and the API — in one table, so links,
/// form actions and redirects are never spelled by hand. Staff routes are registered from it
/// (`StaffRoutes` gives each its action and target); a case whose value is a route parameter
/// (`":id"`) gives the pattern Vapor registers.
public enum SiteRoute: Sendable, Equatable {
    // Public pages
    case home, offers, offer(String), trainings, training(String), jobFairs, jobFair(String), faq, faqEntry(String), faqHelpful(String)
    case occupations
    case cvFactory, cvFactoryStatus(String), cvFactoryStep(String), cvFactoryResultFile(String)
    case offerRecruitmentApply(String)
    case foreigners, foreignerForm(String), foreignerDraft(String, draft: String), foreignerStep(String, draft: String, step: String)
    case foreignerCheck(String, draft: String), foreignerPrint(String, draft: String), foreignerPDF(String, draft: String)
    case foreignerDelete(String, draft: String)
    case appManifest, serviceWorker, offline, appIcon(Int), pushKey
    case contact, returns, callback, video, survey(String), offices, office(id: String), accessibility, privacy, complaints, stylesheet, script(String)
    case chat, chatNew, chatSay, chatEnd, chatRate, chatTranscript, chatSocket
    case newsletter, newsletterConfirm, newsletterUnsubscribe
    case alerts, alertsUnsubscribe, alertsResubscribe
    case devMail
    case news, newsItem(String), newsImage(String), newsFeed, officeNews(String), officeNewsFeed(String)
    case partners, partnerLogo(String), themeStylesheet, themeLogo
    case sitePage(String), officePage(String, slug: String)
    case polls, poll(String), pollVote(String), siteForm(String)
    case forum, forumRules, forumSearch, forumCategory(String), forumNewThread(String), forumThread(String), forumReply(String)
    case forumNotifications(String), forumReport(String)

    // Accounts
    case register, registerEmployer, registerEmployerJoin, login, loginTwoFactor, loginTwoFactorSetup, logout
    case account, accountPassword, accountEmail, accountEmailConfirm, accountSignOutEverywhere, accountClientLink
    case accountPhoto, accountPhotoDelete, accountCompanyInvite, accountSMS, accountPrivacy, accountPrivacyWithdraw, accountPrivacyObjection,
         accountPrivacyRestriction, accountPrivacyErase, accountPrivacyExport, accountPrivacyExportFile(String)
    case accountAlerts, accountAlert(String), accountAlertDelete(String), accountDeviceRevoke(String)
    case accountCVs, accountCVNew, accountCV(String), accountCVEdit(String), accountCVPrint(String), accountCVDelete(String)
    case accountCVFile, accountCVFileDelete
    case accountMatches, accountMatchesAlert
    case accountRecruitments, accountRecruitmentAnswer(String)
    case accountNotifications, accountPushSubscriptions, accountPushUnsubscribe, accountPushTest
    case verifyEmail, forgotPassword, resetPassword

    // Employers
    case employerOffers, employerOfferNew, employerOffer(String), employerOfferEdit(String), employerOfferRenew(String), employerOfferClose(String)
    case employerCandidates, employerCandidate(String), employerCandidateInterest(String), employerOfferCandidates(String)
    case employerRecruitments, employerRecruitmentNew, employerRecruitment(String)

    // Staff
    case staffHome, staffSecurity, staffRecoveryCodes, staffTokens, staffTokenRevoke(String)
    case staffPrivacy, staffPrivacyRequest(String), staffPrivacyAnswer(String), staffPrivacyExtend(String), staffPrivacyIdentity(String),
         staffPrivacyExport(String), staffPrivacyRestrict(String), staffPrivacyErase(String)
    case staffMembers, staffMemberNew, staffMember(String), staffMemberReset2FA(String)
    case staffClients, staffClient(String), staffClientPIN(String), staffClientRegistration(String)
    case staffClientLinks, staffClientLink(String)
    case staffCVFactory, staffCVFactoryRequest(String), staffCVFactoryTake(String), staffCVFactoryAssign(String), staffCVFactoryDeliver(String),
         staffCVFactorySource(String), staffCVFactoryWrite(String)
    case staffRecruitments, staffRecruitment(String), staffRecruitmentCandidates(String), staffRecruitmentCandidate(String, candidate: String),
         staffRecruitmentAsk(String, candidate: String), staffRecruitmentClose(String)
    case staffEmployers, staffEmployerVerify(String)
    case staffAudit
    case staffOffers, staffOfferModerate(String)
    case staffEvents, staffEventNew, staffEvent(String), staffEventEdit(String), staffEventDelete(String)
    case staffNewsletter
    case staffIVR, staffIVRDiagram, staffIVRSimulate, staffIVRSteps, staffIVRStep(String), staffIVRStepDelete(String)
    case staffIVRPublish, staffIVRDiscard, staffIVRRollback, staffIVRFlows, staffIVRLines, staffIVRLineDelete(String)
    case staffKB, staffKBNew, staffKBEntry(String), staffKBEdit(String), staffKBVersions(String), staffKBDelete(String)
    case staffInteractions, staffInteraction(String), staffInteractionRecording(String, recording: String), staffInteractionMonitor(String)
    case staffAgent(String), staffAgentState(String), staffAgentSkills(String)
    case staffReports, staffReportsSubscription
    case staffForeigners, staffStatistics
    case staffContent, staffNews, staffNewsNew, staffNewsEntry(String), staffNewsEdit(String), staffNewsVersions(String), staffNewsDelete(String)
    case staffPartners, staffPartner(String), staffPartnerDelete(String), staffTheme
    case staffPages, staffPageNew, staffPage(String), staffPageEdit(String), staffPageVersions(String), staffPageDelete(String)
    case staffMenus, staffOfficeDetails, staffHomeBlocks
    case staffPolls, staffPollNew, staffPoll(String), staffPollEdit(String), staffPollDelete(String)
    case staffForum, staffForumPost(String), staffForumDecision(String), staffForumThread(String)
    case staffForms, staffFormNew, staffForm(String), staffFormEdit(String), staffFormDelete(String), staffFormAnswers(String)

    // The consultant's desktop and the wallboard
    case desktop, desktopPanel, desktopContacts, desktopState, desktopQueues, desktopSocket, desktopManual
    case desktopPhone, desktopPhoneVerify, desktopPhoneRemote, desktopPhoneForget
    case desktopOfferAccept(String), desktopOfferDecline(String)
    case desktopInteraction(String), desktopNotes(String), desktopEnd(String), desktopClose(String), desktopTransfer(String)
    case desktopArticles(String), desktopReply(String), desktopVisitReminder(String), desktopAttachment(String), desktopSendOffer(String)
    case desktopForeignerDraft(String)
    case desktopChat(String), desktopTyping(String)
    case wallboard, wallboardPanel, wallboardSocket

    // The carrier's webhooks and the SMS gateway's delivery reports
    case voiceIncoming, voiceStep, voiceWait, voiceQueued, voiceStatus, voiceRecording, voiceRecorded, voiceDialed
    case voiceLegStatus, voiceAgent, voiceMonitor, voiceRequeue, voiceWaitKey
    case smsDeliveryReport

    // The API
    case apiOffers, apiKBSuggest, apiReport(String), apiOccupations, apiOpenAPI
    case apiAppSignIn, apiAppTokenCurrent, apiAccountAlerts, apiAccountAlert(String), apiAccountCVs
    case apiAccountCV(String), apiAccountCVSharing(String), apiAccountExports, apiAccountExport(String), apiAccountExportFile(String)
    case apiContact, apiCallbacks, apiCallbackSlots, apiChats, apiChatCurrent, apiChatLines, apiChatEnd

    public var path: String {
        switch self {
        case .home: "/"
        case .offers: "/offers"
        case .offer(let id): "/offers/\(Self.segment(id))"
        case .trainings: "/trainings"
        case .jobFairs: "/job-fairs"
        case .training(let id): "/trainings/\(Self.segment(id))"
        case .jobFair(let id): "/job-fairs/\(Self.segment(id))"
        case .faq: "/faq"
        case .faqEntry(let id): "/faq/\(Self.segment(id))"
        case .faqHelpful(let id): "/faq/\(Self.segment(id))/helpful"
        case .occupations: "/occupations"
        case .contact: "/contact"
        case .returns: "/returns"
        case .cvFactory: "/cv-factory"
        // A request's key: a seeker's own by its id (their session proves it theirs), a
        // visitor's by the token of their status link, which stands in for a session.
        case .cvFactoryStatus(let token): "/cv-factory/status/\(Self.segment(token))"
        case .cvFactoryStep(let key): "/cv-factory/steps/\(Self.segment(key))"
        case .cvFactoryResultFile(let key): "/cv-factory/files/\(Self.segment(key))"
        case .offerRecruitmentApply(let id): "/offers/\(Self.segment(id))/recruitment"
        case .foreigners: "/foreigners"
        case .foreignerForm(let form): "/foreigners/\(Self.segment(form))"
        // A draft's token stands in for a session: whoever has the link may fill it.
        case .foreignerDraft(let form, let draft): "/foreigners/\(Self.segment(form))/drafts/\(Self.segment(draft))"
        case .foreignerStep(let form, let draft, let step): "/foreigners/\(Self.segment(form))/drafts/\(Self.segment(draft))/steps/\(Self.segment(step))"
        case .foreignerCheck(let form, let draft): "/foreigners/\(Self.segment(form))/drafts/\(Self.segment(draft))/check"
        case .foreignerPrint(let form, let draft): "/foreigners/\(Self.segment(form))/drafts/\(Self.segment(draft))/print"
        case .foreignerPDF(let form, let draft): "/foreigners/\(Self.segment(form))/drafts/\(Self.segment(draft))/application.pdf"
        case .foreignerDelete(let form, let draft): "/foreigners/\(Self.segment(form))/drafts/\(Self.segment(draft))/delete"
        case .appManifest: "/manifest.webmanifest"
        case .serviceWorker: "/sw.js"
        case .offline: "/offline"
        case .appIcon(let size): "/assets/app-\(size).png"
        case .pushKey: "/push/key"
        case .callback: "/callback"
        case .video: "/video"
        case .survey(let token): "/survey/\(Self.segment(token))"
        case .offices: "/offices"
        case .office(let id): "/offices/\(Self.segment(id))"
        case .accessibility: "/accessibility"
        case .privacy: "/privacy"
        case .complaints: "/complaints"
        case .stylesheet: "/assets/site.css"
        case .script(let name): "/assets/\(Self.segment(name))"
        case .chat: "/chat"
        case .chatNew: "/chat/new"
        case .chatSay: "/chat/say"
        case .chatEnd: "/chat/end"
        case .chatRate: "/chat/rate"
        case .chatTranscript: "/chat/transcript"
        case .chatSocket: "/chat/ws"
        case .newsletter: "/newsletter"
        case .newsletterConfirm: "/newsletter/confirm"
        case .newsletterUnsubscribe: "/newsletter/unsubscribe"
        case .alerts: "/alerts"
        case .alertsUnsubscribe: "/alerts/unsubscribe"
        case .alertsResubscribe: "/alerts/resubscribe"
        case .devMail: "/dev/mail"
        case .news: "/news"
        case .newsItem(let id): "/news/\(Self.segment(id))"
        case .newsImage(let id): "/news/\(Self.segment(id))/image"
        case .newsFeed: "/news/feed.atom"
        case .officeNews(let id): "/offices/\(Self.segment(id))/news"
        case .officeNewsFeed(let id): "/offices/\(Self.segment(id))/news/feed.atom"
        case .partners: "/partners"
        case .partnerLogo(let id): "/partners/\(Self.segment(id))/logo"
        case .themeStylesheet: "/assets/theme.css"
        case .themeLogo: "/assets/logo"
        case .sitePage(let slug): "/pages/\(Self.segment(slug))"
        case .polls: "/polls"
        case .poll(let id): "/polls/\(Self.segment(id))"
        case .pollVote(let id): "/polls/\(Self.segment(id))/vote"
        case .siteForm(let id): "/forms/\(Self.segment(id))"
        case .forum: "/forum"
        case .forumRules: "/forum/rules"
        case .forumSearch: "/forum/search"
        case .forumCategory(let slug): "/forum/\(Self.segment(slug))"
        case .forumNewThread(let slug): "/forum/\(Self.segment(slug))/new"
        case .forumThread(let id): "/forum/threads/\(Self.segment(id))"
        case .forumReply(let id): "/forum/threads/\(Self.segment(id))/reply"
        case .forumNotifications(let id): "/forum/threads/\(Self.segment(id))/notifications"
        case .forumReport(let id): "/forum/posts/\(Self.segment(id))/report"
        case .officePage(let id, let slug): "/offices/\(Self.segment(id))/pages/\(Self.segment(slug))"

        case .register: "/register"
        case .registerEmployer: "/register/employer"
        case .registerEmployerJoin: "/register/employer/join"
        case .login: "/login"
        case .loginTwoFactor: "/login/two-factor"
        case .loginTwoFactorSetup: "/login/two-factor/setup"
        case .logout: "/logout"
        case .account: "/account"
        case .accountPassword: "/account/password"
        case .accountEmail: "/account/email"
        case .accountEmailConfirm: "/account/email/confirm"
        case .accountSignOutEverywhere: "/account/sign-out-everywhere"
        case .accountClientLink: "/account/client-link"
        case .accountPhoto: "/account/photo"
        case .accountPhotoDelete: "/account/photo/delete"
        case .accountCompanyInvite: "/account/company/invite"
        case .accountSMS: "/account/sms"
        case .accountPrivacy: "/account/privacy"
        case .accountPrivacyWithdraw: "/account/privacy/withdraw"
        case .accountPrivacyObjection: "/account/privacy/objection"
        case .accountPrivacyRestriction: "/account/privacy/restriction"
        case .accountPrivacyErase: "/account/privacy/erase"
        case .accountPrivacyExport: "/account/privacy/export"
        case .accountPrivacyExportFile(let id): "/account/privacy/export/\(Self.segment(id))"
        case .accountAlerts: "/account/alerts"
        case .accountAlert(let id): "/account/alerts/\(Self.segment(id))"
        case .accountAlertDelete(let id): "/account/alerts/\(Self.segment(id))/delete"
        case .accountDeviceRevoke(let id): "/account/devices/\(Self.segment(id))/revoke"
        case .accountRecruitments: "/account/recruitments"
        case .accountNotifications: "/account/notifications"
        case .accountPushSubscriptions: "/account/notifications/devices"
        case .accountPushUnsubscribe: "/account/notifications/devices/remove"
        case .accountPushTest: "/account/notifications/test"
        case .accountRecruitmentAnswer(let id): "/account/recruitments/\(Self.segment(id))"
        case .accountMatches: "/account/matches"
        case .accountMatchesAlert: "/account/matches/alert"
        case .accountCVs: "/account/cvs"
        case .accountCVNew: "/account/cvs/new"
        case .accountCV(let id): "/account/cvs/\(Self.segment(id))"
        case .accountCVEdit(let id): "/account/cvs/\(Self.segment(id))/edit"
        case .accountCVPrint(let id): "/account/cvs/\(Self.segment(id))/print"
        case .accountCVDelete(let id): "/account/cvs/\(Self.segment(id))/delete"
        case .accountCVFile: "/account/cv-file"
        case .accountCVFileDelete: "/account/cv-file/delete"
        case .verifyEmail: "/verify-email"
        case .forgotPassword: "/forgot-password"
        case .resetPassword: "/reset-password"

        case .employerOffers: "/employer/offers"
        case .employerOfferNew: "/employer/offers/new"
        case .employerOffer(let id): "/employer/offers/\(Self.segment(id))"
        case .employerOfferEdit(let id): "/employer/offers/\(Self.segment(id))/edit"
        case .employerOfferRenew(let id): "/employer/offers/\(Self.segment(id))/renew"
        case .employerOfferClose(let id): "/employer/offers/\(Self.segment(id))/close"
        case .employerOfferCandidates(let id): "/employer/offers/\(Self.segment(id))/candidates"
        case .employerCandidates: "/employer/candidates"
        case .employerCandidate(let id): "/employer/candidates/\(Self.segment(id))"
        case .employerCandidateInterest(let id): "/employer/candidates/\(Self.segment(id))/interest"
        case .employerRecruitments: "/employer/recruitments"
        case .employerRecruitmentNew: "/employer/recruitments/new"
        case .employerRecruitment(let id): "/employer/recruitments/\(Self.segment(id))"

        case .staffHome: "/staff/home"
        case .staffPrivacy: "/staff/privacy"
        case .staffPrivacyRequest(let id): "/staff/privacy/\(Self.segment(id))"
        case .staffPrivacyAnswer(let id): "/staff/privacy/\(Self.segment(id))/answer"
        case .staffPrivacyExtend(let id): "/staff/privacy/\(Self.segment(id))/extend"
        case .staffPrivacyIdentity(let id): "/staff/privacy/\(Self.segment(id))/identity"
        case .staffPrivacyExport(let id): "/staff/privacy/\(Self.segment(id))/export"
        case .staffPrivacyRestrict(let id): "/staff/privacy/\(Self.segment(id))/restrict"
        case .staffPrivacyErase(let id): "/staff/privacy/\(Self.segment(id))/erase"
        case .staffSecurity: "/staff/security"
        case .staffRecoveryCodes: "/staff/security/recovery-codes"
        case .staffTokens: "/staff/security/tokens"
        case .staffTokenRevoke(let id): "/staff/security/tokens/\(Self.segment(id))/revoke"
        case .staffMembers: "/staff"
        case .staffMemberNew: "/staff/new"
        case .staffMember(let id): "/staff/members/\(Self.segment(id))"
        case .staffMemberReset2FA(let id): "/staff/members/\(Self.segment(id))/reset-2fa"
        case .staffClients: "/staff/clients"
        case .staffClient(let id): "/staff/clients/\(Self.segment(id))"
        case .staffClientPIN(let id): "/staff/clients/\(Self.segment(id))/pin"
        case .staffClientRegistration(let id): "/staff/clients/\(Self.segment(id))/registration"
        case .staffClientLinks: "/staff/client-links"
        case .staffCVFactory: "/staff/cv-factory"
        case .staffForeigners: "/staff/foreigners"
        case .staffStatistics: "/staff/statistics"
        case .staffContent: "/staff/content"
        case .staffNews: "/staff/content/news"
        case .staffNewsNew: "/staff/content/news/new"
        case .staffNewsEntry(let id): "/staff/content/news/\(Self.segment(id))"
        case .staffNewsEdit(let id): "/staff/content/news/\(Self.segment(id))/edit"
        case .staffNewsVersions(let id): "/staff/content/news/\(Self.segment(id))/versions"
        case .staffNewsDelete(let id): "/staff/content/news/\(Self.segment(id))/delete"
        case .staffPartners: "/staff/content/partners"
        case .staffPartner(let id): "/staff/content/partners/\(Self.segment(id))"
        case .staffPartnerDelete(let id): "/staff/content/partners/\(Self.segment(id))/delete"
        case .staffTheme: "/staff/content/theme"
        case .staffPages: "/staff/content/pages"
        case .staffPageNew: "/staff/content/pages/new"
        case .staffPage(let id): "/staff/content/pages/\(Self.segment(id))"
        case .staffPageEdit(let id): "/staff/content/pages/\(Self.segment(id))/edit"
        case .staffPageVersions(let id): "/staff/content/pages/\(Self.segment(id))/versions"
        case .staffPageDelete(let id): "/staff/content/pages/\(Self.segment(id))/delete"
        case .staffMenus: "/staff/content/menus"
        case .staffOfficeDetails: "/staff/content/office-details"
        case .staffHomeBlocks: "/staff/content/home"
        case .staffPolls: "/staff/content/polls"
        case .staffPollNew: "/staff/content/polls/new"
        case .staffPoll(let id): "/staff/content/polls/\(Self.segment(id))"
        case .staffPollEdit(let id): "/staff/content/polls/\(Self.segment(id))/edit"
        case .staffPollDelete(let id): "/staff/content/polls/\(Self.segment(id))/delete"
        case .staffForms: "/staff/content/forms"
        case .staffFormNew: "/staff/content/forms/new"
        case .staffForm(let id): "/staff/content/forms/\(Self.segment(id))"
        case .staffFormEdit(let id): "/staff/content/forms/\(Self.segment(id))/edit"
        case .staffFormDelete(let id): "/staff/content/forms/\(Self.segment(id))/delete"
        case .staffFormAnswers(let id): "/staff/content/forms/\(Self.segment(id))/answers.csv"
        case .staffForum: "/staff/forum"
        case .staffForumPost(let id): "/staff/forum/posts/\(Self.segment(id))"
        case .staffForumDecision(let id): "/staff/forum/posts/\(Self.segment(id))/decision"
        case .staffForumThread(let id): "/staff/forum/threads/\(Self.segment(id))"
        case .staffCVFactoryRequest(let id): "/staff/cv-factory/\(Self.segment(id))"
        case .staffCVFactoryTake(let id): "/staff/cv-factory/\(Self.segment(id))/take"
        case .staffCVFactoryAssign(let id): "/staff/cv-factory/\(Self.segment(id))/assign"
        case .staffCVFactoryDeliver(let id): "/staff/cv-factory/\(Self.segment(id))/deliver"
        case .staffCVFactorySource(let id): "/staff/cv-factory/\(Self.segment(id))/source"
        case .staffCVFactoryWrite(let id): "/staff/cv-factory/\(Self.segment(id))/write"
        case .staffRecruitments: "/staff/recruitments"
        case .staffRecruitment(let id): "/staff/recruitments/\(Self.segment(id))"
        case .staffRecruitmentCandidates(let id): "/staff/recruitments/\(Self.segment(id))/candidates"
        case .staffRecruitmentCandidate(let id, let c): "/staff/recruitments/\(Self.segment(id))/candidates/\(Self.segment(c))"
        case .staffRecruitmentAsk(let id, let c): "/staff/recruitments/\(Self.segment(id))/candidates/\(Self.segment(c))/ask"
        case .staffRecruitmentClose(let id): "/staff/recruitments/\(Self.segment(id))/close"
        case .staffClientLink(let id): "/staff/client-links/\(Self.segment(id))"
        case .staffEmployers: "/staff/employers"
        case .staffEmployerVerify(let id): "/staff/employers/\(Self.segment(id))/verify"
        case .staffAudit: "/staff/audit"
        case .staffOffers: "/staff/offers"
        case .staffOfferModerate(let id): "/staff/offers/\(Self.segment(id))/moderate"
        case .staffEvents: "/staff/events"
        case .staffEventNew: "/staff/events/new"
        case .staffEvent(let id): "/staff/events/\(Self.segment(id))"
        case .staffEventEdit(let id): "/staff/events/\(Self.segment(id))/edit"
        case .staffEventDelete(let id): "/staff/events/\(Self.segment(id))/delete"
        case .staffNewsletter: "/staff/newsletter"
        case .staffIVR: "/staff/ivr"
        case .staffIVRDiagram: "/staff/ivr/diagram.svg"
        case .staffIVRSimulate: "/staff/ivr/simulate"
        case .staffIVRSteps: "/staff/ivr/steps"
        case .staffIVRStep(let step): "/staff/ivr/steps/\(Self.segment(step))"
        case .staffIVRStepDelete(let step): "/staff/ivr/steps/\(Self.segment(step))/delete"
        case .staffIVRPublish: "/staff/ivr/publish"
        case .staffIVRDiscard: "/staff/ivr/discard"
        case .staffIVRRollback: "/staff/ivr/rollback"
        case .staffIVRFlows: "/staff/ivr/flows"
        case .staffIVRLines: "/staff/ivr/lines"
        case .staffIVRLineDelete(let number): "/staff/ivr/lines/\(Self.segment(number))/delete"
        case .staffKB: "/staff/kb"
        case .staffKBNew: "/staff/kb/new"
        case .staffKBEntry(let id): "/staff/kb/\(Self.segment(id))"
        case .staffKBEdit(let id): "/staff/kb/\(Self.segment(id))/edit"
        case .staffKBVersions(let id): "/staff/kb/\(Self.segment(id))/versions"
        case .staffKBDelete(let id): "/staff/kb/\(Self.segment(id))/delete"
        case .staffInteractions: "/staff/interactions"
        case .staffInteraction(let id): "/staff/interactions/\(Self.segment(id))"
        case .staffInteractionRecording(let id, let recording): "/staff/interactions/\(Self.segment(id))/recordings/\(Self.segment(recording))"
        case .staffInteractionMonitor(let id): "/staff/interactions/\(Self.segment(id))/monitor"
        case .staffAgent(let id): "/staff/agents/\(Self.segment(id))"
        case .staffAgentState(let id): "/staff/agents/\(Self.segment(id))/state"
        case .staffAgentSkills(let id): "/staff/agents/\(Self.segment(id))/skills"
        case .staffReports: "/staff/reports"
        case .staffReportsSubscription: "/staff/reports/subscription"

        case .desktop: "/desktop"
        case .desktopPanel: "/desktop/panel"
        case .desktopPhone: "/desktop/phone"
        case .desktopPhoneVerify: "/desktop/phone/verify"
        case .desktopPhoneRemote: "/desktop/phone/remote"
        case .desktopPhoneForget: "/desktop/phone/forget"
        case .desktopContacts: "/desktop/contacts"
        case .desktopState: "/desktop/state"
        case .desktopQueues: "/desktop/queues"
        case .desktopSocket: "/desktop/ws"
        case .desktopManual: "/desktop/manual"
        case .desktopOfferAccept(let id): "/desktop/offers/\(Self.segment(id))/accept"
        case .desktopOfferDecline(let id): "/desktop/offers/\(Self.segment(id))/decline"
        case .desktopInteraction(let id): "/desktop/interactions/\(Self.segment(id))"
        case .desktopNotes(let id): "/desktop/interactions/\(Self.segment(id))/notes"
        case .desktopEnd(let id): "/desktop/interactions/\(Self.segment(id))/end"
        case .desktopClose(let id): "/desktop/interactions/\(Self.segment(id))/close"
        case .desktopTransfer(let id): "/desktop/interactions/\(Self.segment(id))/transfer"
        case .desktopArticles(let id): "/desktop/interactions/\(Self.segment(id))/articles"
        case .desktopReply(let id): "/desktop/interactions/\(Self.segment(id))/reply"
        case .desktopVisitReminder(let id): "/desktop/interactions/\(Self.segment(id))/visit-reminder"
        case .desktopSendOffer(let id): "/desktop/interactions/\(Self.segment(id))/offers"
        case .desktopForeignerDraft(let id): "/desktop/interactions/\(Self.segment(id))/foreigner-draft"
        case .desktopAttachment(let id): "/desktop/interactions/\(Self.segment(id))/attachment"
        case .desktopChat(let id): "/desktop/interactions/\(Self.segment(id))/chat"
        case .desktopTyping(let id): "/desktop/interactions/\(Self.segment(id))/typing"
        case .wallboard: "/wallboard"
        case .wallboardPanel: "/wallboard/panel"
        case .wallboardSocket: "/wallboard/ws"

        case .voiceIncoming: "/voice/incoming"
        case .voiceStep: "/voice/step"
        case .voiceWait: "/voice/wait"
        case .voiceQueued: "/voice/queued"
        case .voiceStatus: "/voice/status"
        case .voiceRecording: "/voice/recording"
        case .voiceRecorded: "/voice/recorded"
        case .voiceDialed: "/voice/dialed"
        case .voiceLegStatus: "/voice/leg-status"
        case .voiceAgent: "/voice/agent"
        case .voiceMonitor: "/voice/monitor"
        case .voiceRequeue: "/voice/requeue"
        case .voiceWaitKey: "/voice/wait-key"
        case .smsDeliveryReport: "/sms/dlr"

        case .apiOffers: "/api/v1/offers"
        case .apiOccupations: "/api/v1/occupations"
        case .apiKBSuggest: "/api/v1/kb/suggest"
        case .apiReport(let kind): "/api/v1/reports/\(Self.segment(kind))"
        case .apiOpenAPI: "/api/openapi.json"
        case .apiAppSignIn: "/api/v1/app/sign-in"
        case .apiAppTokenCurrent: "/api/v1/app/tokens/current"
        case .apiAccountAlerts: "/api/v1/account/alerts"
        case .apiAccountCVs: "/api/v1/account/cvs"
        case .apiAccountCV(let id): "/api/v1/account/cvs/\(Self.segment(id))"
        case .apiAccountCVSharing(let id): "/api/v1/account/cvs/\(Self.segment(id))/sharing"
        case .apiAccountExports: "/api/v1/account/exports"
        case .apiContact: "/api/v1/contact"
        case .apiCallbacks: "/api/v1/callbacks"
        case .apiCallbackSlots: "/api/v1/callbacks/slots"
        case .apiChats: "/api/v1/chats"
        case .apiChatCurrent: "/api/v1/chats/current"
        case .apiChatLines: "/api/v1/chats/current/lines"
        case .apiChatEnd: "/api/v1/chats/current/end"
        case .apiAccountExport(let id): "/api/v1/account/exports/\(Self.segment(id))"
        case .apiAccountExportFile(let id): "/api/v1/account/exports/\(Self.segment(id))/file"
        case .apiAccountAlert(let id): "/api/v1/account/alerts/\(Self.segment(id))"
        }
    }

    /// The path with a query; values are percent-encoded, empty values are left out.
    public func with(_ query: KeyValuePairs<String, String>, fragment: String? = nil) -> String {
        let items = query.filter { !$0.value.isEmpty }.map { Self.encode($0.key) + "=" + Self.encode($0.value) }
        return path + (items.isEmpty ? "" : "?" + items.joined(separator: "&")) + (fragment.map { "#" + $0 } ?? "")
    }

    /// The path followed by an already encoded query string (a search's own parameters).
    public func with(rawQuery: String) -> String { rawQuery.isEmpty ? path : path + "?" + rawQuery }

    /// The path with a fragment.
    public func at(_ fragment: String) -> String { path + "#" + fragment }

    /// Whether a request path belongs to this route or below it.
    public func contains(_ requestPath: String) -> Bool { requestPath == path || requestPath.hasPrefix(path + "/") }

    /// A value inside a path, percent-encoded (a route pattern's `:id` stays as it is).
    static func segment(_ s: String) -> String { s.addingPercentEncoding(withAllowedCharacters: pathValue) ?? s }
    static let pathValue: CharacterSet = { var s = CharacterSet.urlPathAllowed; s.remove(charactersIn: "/?#;%"); return s }()
    static let queryValue: CharacterSet = { var s = CharacterSet.urlQueryAllowed; s.remove(charactersIn: "&=+?#"); return s }()
    static func encode(_ s: String) -> String { s.addingPercentEncoding(withAllowedCharacters: queryValue) ?? s }

    /// Everything under these is the API (bearer tokens, JSON errors) or the carrier's webhooks
    /// (signed requests, TwiML answers).
    public static let apiPrefix = "/api/"
    public static let voicePrefix = "/voice/"

    /// The list of trainings or of job fairs.
    public static func events(_ kind: EventKind) -> SiteRoute { kind == .training ? .trainings : .jobFairs }
    /// One training or job fair.
    public static func event(_ kind: EventKind, _ id: String) -> SiteRoute { kind == .training ? .training(id) : .jobFair(id) }

    /// The navigation of the page shell, with catalogue keys for the labels.
    public static let navigation: [(SiteRoute, String)] = [
        (.home, "nav.home"),
        (.news, "nav.news"),
        (.offers, "nav.offers"),
        (.trainings, "nav.trainings"),
        (.jobFairs, "nav.job_fairs"),
        (.offices, "nav.offices"),
        (.faq, "nav.faq"),
        (.contact, "nav.contact"),
        (.accessibility, "nav.accessibility"),
    ]
}
