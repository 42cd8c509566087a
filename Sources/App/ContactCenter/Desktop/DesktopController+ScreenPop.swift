import Vapor
import Directory
import Views
import Access
import ContactCenter
import Storage
import Localization
import Portal
import Clients
import Knowledge
import Privacy

/// The screen pop: a contact in hand, with its facts, context, client card and answers.
extension DesktopController {

    @Sendable func interaction(req: Request, member: StaffMember) async throws -> Response {
        try await interactionPage(req, member, form: FormState(), notice: Self.notice(req, Self.interactionNotices), status: .ok)
    }

    /// Why reading the card is logged: the channel the client came through.
    static func auditReason(_ c: ContactCenter.Channel) -> String {
        switch c {
        case .voice, .callback: "call"
        case .chat: "chat"
        case .email: "email"
        case .visit: "visit"
        case .webForm, .sms, .video: "case_handling"
        }
    }

    func interactionPage(_ req: Request, _ member: StaffMember, form: FormState, notice: String?, status: HTTPStatus) async throws -> Response {
        let t = req.catalogue, lang = req.language
        let store = ContactCenterStore(db: req.db)
        guard let (i, _) = try await store.find(try interactionID(req)) else { throw DesktopError.notFound }
        guard i.agentID == member.id.uuidString else { throw DesktopError.notYours }
        let now = try await ServerClock.now(req.db)
        let facts = try await ContactFacts.facts(i, now: now, req)
        let context = try await ContactFacts.contextRows(i, req)
        var card: InteractionPage.ClientCard? = nil
        if let clientID = i.clientID, let c = try await ClientStore(db: req.db).find(id: clientID) {
            // The card is personal data: every reading session of it is in the audit log.
            try await AuditLog(db: req.db, address: req.clientAddress).appendRead(AuditEntry(actorID: member.id, actorOfficeID: member.primaryOffice, clientID: c.id,
                                                             clientOfficeID: c.officeID, action: "client.read",
                                                             detail: "screen pop \(i.id.uuidString)", reason: Self.auditReason(i.channel)))
            card = try await clientCard(req, c, excluding: i.id)
        }
        let notes = try await store.notes(of: [i.id])[i.id] ?? []
        // Colleagues of the contact's line (its office and voivodeship): other offices are reached
        // through a transfer to their queue, and a list of every consultant in the country is
        // neither usable nor cheap.
        let agents = try await store.statuses(office: i.officeID, voivodeship: i.voivodeshipCode)
            .filter { $0.agent.isLoggedIn && $0.agent.id != member.id.uuidString }
        var agentChoices: [(value: String, label: String)] = []
        let names = try await StaffStore(db: req.db).names(Set(agents.compactMap { UUID(uuidString: $0.agent.id) }))
        for s in agents { agentChoices.append((s.agent.id, (names[s.agent.id] ?? s.agent.id) + " – " + ContactFacts.stateLabel(s.agent.state, t))) }
        var model = InteractionPage.Model(
            id: i.id.uuidString, title: try await ContactFacts.title(i, req), facts: facts, context: context, client: card,
            notes: notes.map { (DateText.dateTime($0.at, lang), $0.text) },
            connected: i.state == .connected, inWrapUp: i.state == .wrapUp,
            outcomes: OutcomeCode.allCases.map { ($0.rawValue, t.text("outcome." + $0.rawValue)) },
            topics: ContactTopic.allCases.map { ($0.rawValue, t.text("topic." + $0.rawValue)) },
            agents: agentChoices.sorted { $0.label < $1.label }, form: form, notice: notice)
        model.offices = try await Self.officesByVoivodeship(req, for: i)
        let kbText = ((try? req.query.get(String.self, at: "kb")) ?? "").trimmingCharacters(in: .whitespaces)
        model.kbQuery = kbText
        model.articles = try await articles(for: i, query: kbText, req)
        model.canEmail = try await clientEmail(i, req) != nil || (i.channel == .chat && i.state == .connected)
        model.mails = try await mailThread(i, req)
        model.reply = try await replyBox(i, hasThread: !model.mails.isEmpty, req)
        model.canRemind = try await reminderPhone(i, req) != nil
        model.canGuideForeigners = member.roles.contains { AuthorizationMatrix.allows($0, .guideForeigners) }
        if i.channel == .chat, let chat = try await ChatStore(db: req.db).find(interaction: i.id) {
            model.chat = try await ChatService(req).view(chat, forVisitor: false, language: lang)
        }
        return .live(InteractionPage.render(model, req.pageContext), status: status)
    }

    func clientCard(_ req: Request, _ c: OfficeClient, excluding: UUID?) async throws -> InteractionPage.ClientCard {
        let t = req.catalogue, lang = req.language
        var cvs: [String] = [], offers: [String] = []
        if let account = c.accountID {
            cvs = try await CVStore(db: req.db).list(account: account).map { cv in
                [cv.draft.title, t.text("desktop.cv_updated", ["date": DateText.date(cv.updatedAt, lang)])].joined(separator: " – ")
            }
            offers = try await CVStore(db: req.db).interestedOffers(account: account)
        }
        let past = try await ContactCenterStore(db: req.db).history(client: c.id).filter { $0.interaction.id != excluding }
        let surveys = try await SurveyStore(db: req.db).of(interactions: past.map(\.interaction.id))
        let history = past.map { h in
            InteractionPage.HistoryRow(when: DateText.dateTime(h.createdAt, lang),
                                       channel: t.text("channel." + h.interaction.channel.rawValue) + (h.manual ? " (" + t.text("desktop.logged_by_hand") + ")" : ""),
                                       topic: t.text("topic." + h.interaction.topic), state: t.text("interaction.state_" + h.interaction.state.rawValue),
                                       outcome: h.outcome.map { t.text("outcome." + $0.rawValue)
                                           + (surveys[h.interaction.id]?.rating.map { " · " + t.text("survey.rated", ["rating": "\($0)"]) } ?? "") },
                                       notes: h.notes.map { DateText.dateTime($0.at, lang) + ": " + $0.text })
        }
        var card = InteractionPage.ClientCard(
            name: [c.firstName, c.lastName].compactMap { $0 }.joined(separator: " "), number: c.number,
            office: try await c.officeID.asyncMap { try await req.directory.office(id: $0)?.name ?? $0 } ?? nil,
            kind: t.text("clients.kind_" + c.kind.rawValue), cvs: cvs, offers: offers, history: history)
        if let account = c.accountID { card.fitting = try await fittingOffers(account: account, req) }
        return card
    }

    /// The reply box and where its answer goes, in words.
    func replyBox(_ i: Interaction, hasThread: Bool, _ req: Request) async throws -> InteractionPage.Reply? {
        let t = req.catalogue
        if i.channel == .email { return hasThread ? .init(hint: t.text("desktop.mail_reply_hint"), sms: false) : nil }
        let language = Language(rawValue: i.language)?.nativeName ?? i.language
        switch try await replyRoute(i, req) {
        case .email(let address)?:
            let caseNumber = try await ContactCenterStore(db: req.db).context(of: i.id).caseNumber ?? ContactMessage.caseNumber(i.id)
            return .init(hint: t.text("desktop.reply_hint_email", ["to": address, "language": language, "case": caseNumber]), sms: false)
        case .sms(let phone)?:
            return .init(hint: t.text("desktop.reply_hint_sms", ["to": phone, "max": "\(Self.smsReplyLimit)"]), sms: true)
        case nil:
            return nil
        }
    }

    /// Every office by name, grouped by voivodeship, to transfer a contact to (never by its id).
    /// The offices a contact may be transferred to, by voivodeship: those of its own line.
    static func officesByVoivodeship(_ req: Request, for i: Interaction) async throws -> [(label: String, options: [(value: String, label: String)])] {
        let offices = Dictionary(grouping: try await req.directory.offices(matching: nil, voivodeship: nil).filter(i.staysOnItsLine(at:)), by: \.voivodeshipCode)
        return try await req.directory.voivodeships().compactMap { v in
            guard let here = offices[v.code], !here.isEmpty else { return nil }
            return (v.name, here.sorted { $0.name < $1.name }.map { ($0.id, $0.name) })
        }
    }

    /// The contact's topic as a knowledge-base category (to suggest answers).
    static func category(_ topic: String) -> KBCategory? {
        switch ContactTopic(rawValue: topic) {
        case .registration: .registration
        case .benefits: .benefits
        case .offers: .offers
        case .trainings: .trainings
        case .employers: .employers
        case .foreigners, .foreignersWork: .foreigners
        case .foreignersStay: .foreignersStay
        case .citizenship: .citizenship
        case .other, .returns, nil: nil
        }
    }

    /// Published answers in the contact's language for its office: found for the consultant's
    /// words, or (none typed) the most helpful of the contact's topic.
    func articles(for i: Interaction, query text: String, _ req: Request) async throws -> [(id: String, title: String, note: String?)] {
        let analyzer = req.services.analyzer
        var c = KBCriteria(query: text.isEmpty ? nil : try? analyzer.query(text), language: i.language, office: i.officeID, perPage: 5)
        if text.isEmpty { c.category = Self.category(i.topic) }
        if !text.isEmpty && c.query == nil { return [] }
        return try await KnowledgeBaseStore(db: req.db).search(c, analyzer: analyzer).items.map {
            ($0.id.uuidString.lowercased(), $0.draft.title, $0.draft.internalNote.isEmpty ? nil : $0.draft.internalNote)
        }
    }

    func clientEmail(_ i: Interaction, _ req: Request) async throws -> String? {
        guard let id = i.clientID, let c = try await ClientStore(db: req.db).find(id: id) else { return nil }
        return c.emails.first
    }

    struct ArticleInput: Content { var entry: String? }

    /// Gives an answer to the client: noted on the contact, and sent by e-mail when the client
    /// has an address (in the contact's language).
    @Sendable func sendArticle(req: Request, member: StaffMember) async throws -> Response {
        guard let (i, _) = try await ContactCenterStore(db: req.db).find(try interactionID(req)) else { throw DesktopError.notFound }
        guard let entryID = try req.content.decode(ArticleInput.self).entry.flatMap(UUID.init(uuidString:)),
              let e = try await KnowledgeBaseStore(db: req.db).find(entryID), e.status == .published else {
            throw FieldValidationError(field: "entry", reason: req.catalogue.text("faq.not_found"))
        }
        // In a chat in progress the answer goes into the chat itself; otherwise by e-mail when there is an address.
        let inChat = i.channel == .chat && i.state == .connected
        let email = inChat ? nil : try await clientEmail(i, req)
        let language = Language(rawValue: i.language) ?? .pl
        let url = req.services.config.publicURL + SiteRoute.faqEntry(e.id.uuidString.lowercased()).with(["lang": language.rawValue])
        let text = req.catalogue.text(email == nil && !inChat ? "desktop.kb_noted_text" : "desktop.kb_sent_text", ["title": e.draft.title, "url": url])
        let mail = email.map { MailComposer(publicURL: req.services.config.publicURL).knowledgeArticle(to: $0, title: e.draft.title, id: e.id, language: language) }
        let (events, logger, wrapUp) = (req.application.desktopEvents, req.logger, req.services.config.wrapUpSeconds)
        let agent = member.id.uuidString
        let response = try await acting(req, member, done: email == nil && !inChat ? "article_noted" : "article_sent") {
            // The note and the e-mail (or the chat line) together or not at all.
            try await req.db.transaction { tx in
                try await DesktopService(db: tx, events: events, logger: logger, wrapUpSeconds: wrapUp).addNote(i.id, agent: agent, text: text)
                if let mail { try await Outbox(db: tx).enqueue(mail) }
                if inChat { try await ChatStore(db: tx).add(i.id, author: .agent, agent: agent, text: e.draft.title + ": " + url, at: Date()) }
            }
        }
        if inChat { await events.publish(DesktopService.changed([agent], i), on: req.db, logger: req.logger) }
        return response
    }

    struct NoteInput: Content { var note: String? }

    static let noteLimit = 4000
}
