import Vapor
import Views
import Access
import ContactCenter
import Storage
import Localization
import Portal
import Clients
import Knowledge
import Privacy

/// The consultant desktop (`/desktop`): presence and queues, offers with accept / decline,
/// the screen pop of a contact in hand with notes, outcome, transfer, and contacts logged by
/// hand. Declared in `StaffRoutes`; the live socket is registered by `LiveSocketController`.
struct DesktopController: Sendable {
    func agent(_ req: Request, _ member: StaffMember) async throws -> Agent { try await AgentController.agent(for: member, req) }

    // MARK: the desktop and its live panel

    static let desktopNotices = ["closed", "transferred", "transferred_waiting", "logged"]
    static let interactionNotices = ["note", "ended", "article_sent", "article_noted", "replied", "visit_reminder", "visit_opted_out"]

    /// The confirmation a redirect asked for with `?done=`, if it is one of ours.
    static func notice(_ req: Request, _ known: [String]) -> String? {
        guard let done = try? req.query.get(String.self, at: "done"), known.contains(done) else { return nil }
        return req.catalogue.text("desktop.done_" + done)
    }

    @Sendable func page(req: Request, member: StaffMember) async throws -> Response {
        try await page(req, member, notice: Self.notice(req, Self.desktopNotices), error: nil, status: .ok)
    }

    func page(_ req: Request, _ member: StaffMember, notice: String?, error: String?, status: HTTPStatus) async throws -> Response {
        let t = req.catalogue
        let a = try await agent(req, member)
        var model = DesktopPage.Model(
            panel: try await panelModel(req, a),
            breakReasons: AgentController.breakReasons.map { ($0, t.text("agent.break_" + $0)) },
            topics: ContactTopic.allCases.map { ($0.rawValue, t.text("topic." + $0.rawValue), a.topics.contains($0.rawValue)) },
            notice: notice, error: error)
        model.chats = try await chatBoxes(req, agent: a.id)
        return .live(DesktopPage.render(model, req.pageContext), status: status)
    }

    @Sendable func panel(req: Request, member: StaffMember) async throws -> Response {
        return .live(DesktopPage.panel(try await panelModel(req, try await agent(req, member)), req.pageContext))
    }

    func panelModel(_ req: Request, _ a: Agent) async throws -> DesktopPage.Panel {
        let now = try await ServerClock.now(req.db)
        let timeout = ContactCenter.RoutingPolicy().offerTimeout
        let held = try await ContactCenterStore(db: req.db).held(by: a.id)
        var offers: [DesktopPage.Offer] = [], active: [DesktopPage.Active] = []
        for i in held {
            let title = try await Self.title(i, req)
            if i.state == .offered, let at = i.offeredAt {
                let deadline = at.addingTimeInterval(timeout)
                let details = req.catalogue.text("desktop.offer_details", ["language": Language(rawValue: i.language)?.nativeName ?? i.language,
                                                                           "waited": Self.duration(now.timeIntervalSince(i.queuedAt))])
                offers.append(.init(id: i.id.uuidString, title: title, details: details, deadlineMillis: Int64(deadline.timeIntervalSince1970 * 1000),
                                    secondsLeft: max(0, Int(deadline.timeIntervalSince(now).rounded()))))
            } else {
                active.append(.init(id: i.id.uuidString, title: title, state: req.catalogue.text("interaction.state_" + i.state.rawValue),
                                    since: DateText.time(i.offeredAt ?? i.queuedAt, req.language)))
            }
        }
        return DesktopPage.Panel(state: Self.stateLabel(a.state, req.catalogue), serverNowMillis: Int64(now.timeIntervalSince1970 * 1000),
                                 offers: offers, active: active)
    }

    /// "Chat · Registration · PUP w Białymstoku"
    static func title(_ i: Interaction, _ req: Request) async throws -> String {
        title(i, office: try await req.directory.office(id: i.officeID)?.name ?? i.officeID, req.catalogue)
    }

    static func title(_ i: Interaction, office: String, _ t: Catalogue) -> String {
        [t.text("channel." + i.channel.rawValue), t.text("topic." + i.topic), office].joined(separator: " · ")
    }

    static func stateLabel(_ s: AgentState, _ t: Localization.Catalogue) -> String {
        switch s {
        case .available: t.text("agent.state_available")
        case .busy: t.text("agent.state_busy")
        case .wrapUp: t.text("agent.state_wrap_up")
        case .onBreak(let reason): t.text("agent.state_break") + " (" + t.text("agent.break_" + reason) + ")"
        case .offline: t.text("agent.state_offline")
        case .notResponding: t.text("agent.state_not_responding")
        }
    }

    static func duration(_ seconds: TimeInterval) -> String {
        let s = max(0, Int(seconds.rounded()))
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }

    /// A refused action shows the desktop again with the reason (409 and the like).
    func refused(_ req: Request, _ member: StaffMember, _ e: DesktopError) async throws -> Response {
        try await page(req, member, notice: nil, error: req.catalogue.text(e.key), status: e.status)
    }

    // MARK: presence

    @Sendable func setState(req: Request, member: StaffMember) async throws -> Response {
        let a = try await agent(req, member)
        let next = try AgentController.requestedState(try req.content.decode(AgentController.StateInput.self), req)
        do { _ = try await DesktopService(req).changeState(of: a.id, to: next, forced: false) } catch let e as DesktopError { return try await refused(req, member, e) }
        return req.redirect(to: "/desktop", redirectType: .normal)
    }

    @Sendable func setQueues(req: Request, member: StaffMember) async throws -> Response {
        let a = try await agent(req, member)
        let chosen = Set(ContactTopic.allCases.map(\.rawValue).filter { (try? req.content.get(String.self, at: "topic_" + $0)) == "on" })
        _ = try await DesktopService(req).setQueues(of: a.id, topics: chosen)
        return req.redirect(to: "/desktop", redirectType: .normal)
    }

    // MARK: offers

    func interactionID(_ req: Request) throws -> UUID {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw DesktopError.notFound }
        return id
    }

    @Sendable func accept(req: Request, member: StaffMember) async throws -> Response {
        let id = try interactionID(req)
        do { _ = try await DesktopService(req).accept(id, agent: member.id.uuidString) } catch let e as DesktopError { return try await refused(req, member, e) }
        return req.redirect(to: "/desktop/interactions/\(id)", redirectType: .normal)
    }

    @Sendable func decline(req: Request, member: StaffMember) async throws -> Response {
        do { try await DesktopService(req).decline(try interactionID(req), agent: member.id.uuidString) } catch let e as DesktopError {
            return try await refused(req, member, e)
        }
        return req.redirect(to: "/desktop", redirectType: .normal)
    }

    // MARK: the screen pop

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

    /// What, where and how long: the facts a contact's page starts with.
    static func facts(_ i: Interaction, now: Date, _ req: Request) async throws -> [(label: String, value: String)] {
        let t = req.catalogue
        let answered = try await ContactCenterStore(db: req.db).events(of: i.id).first { $0.to == .connected }?.at
        return [
            (t.text("desktop.channel"), t.text("channel." + i.channel.rawValue)),
            (t.text("desktop.topic"), t.text("topic." + i.topic)),
            (t.text("desktop.language"), Language(rawValue: i.language)?.nativeName ?? i.language),
            (t.text("clients.office"), try await req.directory.office(id: i.officeID)?.name ?? i.officeID),
            (t.text("desktop.state"), t.text("interaction.state_" + i.state.rawValue)),
            (t.text("desktop.waited"), Self.duration((answered ?? now).timeIntervalSince(i.queuedAt))),
        ]
    }

    /// What the channel learned (IVR path, form fields), labelled; codes shown in words when known.
    static func contextRows(_ i: Interaction, _ req: Request) async throws -> [(label: String, value: String)] {
        let t = req.catalogue
        return try await ContactCenterStore(db: req.db).context(of: i.id).lines.map { item in
            let words = t.text("context.\(item.name).\(item.value)")
            return (label: t.text("context." + item.name), value: words.hasPrefix("context.") ? item.value : words)
        }
    }

    func interactionPage(_ req: Request, _ member: StaffMember, form: FormState, notice: String?, status: HTTPStatus) async throws -> Response {
        let t = req.catalogue, lang = req.language
        let store = ContactCenterStore(db: req.db)
        guard let (i, _) = try await store.find(try interactionID(req)) else { throw DesktopError.notFound }
        guard i.agentID == member.id.uuidString else { throw DesktopError.notYours }
        let now = try await ServerClock.now(req.db)
        let facts = try await Self.facts(i, now: now, req)
        let context = try await Self.contextRows(i, req)
        var card: InteractionPage.ClientCard? = nil
        if let clientID = i.clientID, let c = try await ClientStore(db: req.db).find(id: clientID) {
            // The card is personal data: every showing is in the audit log.
            try await AuditLog(db: req.db, address: req.clientAddress).append(AuditEntry(actorID: member.id, actorOfficeID: member.primaryOffice, clientID: c.id,
                                                             clientOfficeID: c.officeID, action: "client.read",
                                                             detail: "screen pop \(i.id.uuidString)", reason: Self.auditReason(i.channel)))
            card = try await clientCard(req, c, excluding: i.id)
        }
        let notes = try await store.notes(of: [i.id])[i.id] ?? []
        let agents = try await store.statuses().filter { $0.agent.isLoggedIn && $0.agent.id != member.id.uuidString }
        var agentChoices: [(value: String, label: String)] = []
        let names = try await StaffStore(db: req.db).names(Set(agents.compactMap { UUID(uuidString: $0.agent.id) }))
        for s in agents { agentChoices.append((s.agent.id, (names[s.agent.id] ?? s.agent.id) + " – " + Self.stateLabel(s.agent.state, t))) }
        var model = InteractionPage.Model(
            id: i.id.uuidString, title: try await Self.title(i, req), facts: facts, context: context, client: card,
            notes: notes.map { (DateText.dateTime($0.at, lang), $0.text) },
            connected: i.state == .connected, inWrapUp: i.state == .wrapUp,
            outcomes: OutcomeCode.allCases.map { ($0.rawValue, t.text("outcome." + $0.rawValue)) },
            topics: ContactTopic.allCases.map { ($0.rawValue, t.text("topic." + $0.rawValue)) },
            agents: agentChoices.sorted { $0.label < $1.label }, form: form, notice: notice)
        let kbText = ((try? req.query.get(String.self, at: "kb")) ?? "").trimmingCharacters(in: .whitespaces)
        model.kbQuery = kbText
        model.articles = try await articles(for: i, query: kbText, req)
        model.canEmail = try await clientEmail(i, req) != nil || (i.channel == .chat && i.state == .connected)
        model.mails = try await mailThread(i, req)
        model.canRemind = try await reminderPhone(i, req) != nil
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
        return InteractionPage.ClientCard(
            name: [c.firstName, c.lastName].compactMap { $0 }.joined(separator: " "), number: c.number,
            office: try await c.officeID.asyncMap { try await req.directory.office(id: $0)?.name ?? $0 } ?? nil,
            kind: t.text("clients.kind_" + c.kind.rawValue), cvs: cvs, offers: offers, history: history)
    }

    /// The contact's topic as a knowledge-base category (to suggest answers).
    static func category(_ topic: String) -> KBCategory? {
        switch ContactTopic(rawValue: topic) {
        case .registration: .registration
        case .benefits: .benefits
        case .offers: .offers
        case .trainings: .trainings
        case .employers: .employers
        case .foreigners: .foreigners
        case .other, nil: nil
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
        let url = req.services.config.publicURL + "/faq/" + e.id.uuidString.lowercased() + "?lang=" + language.rawValue
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

    /// A note's text, or the field error in the consultant's language.
    static func noteText(_ value: String?, field: String, required: Bool, _ req: Request) -> (String?, FormState?) {
        let text = (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty && required { return (nil, FormState(values: [field: ""], errors: [(field, req.catalogue.text("desktop.note_required"))])) }
        if text.count > noteLimit {
            return (nil, FormState(values: [field: text], errors: [(field, req.catalogue.text("desktop.note_too_long", ["max": "\(noteLimit)"]))]))
        }
        return (text.isEmpty ? nil : text, nil)
    }

    func acting(_ req: Request, _ member: StaffMember, done: String, _ body: () async throws -> Void) async throws -> Response {
        do { try await body() } catch let e as DesktopError {
            if e == .notFound || e == .notYours { throw e }
            return try await interactionPage(req, member, form: FormState(errors: [("action", req.catalogue.text(e.key))]), notice: nil, status: e.status)
        }
        let id = try interactionID(req)
        return req.redirect(to: done == "closed" || done == "transferred" ? "/desktop?done=\(done)" : "/desktop/interactions/\(id)?done=\(done)",
                            redirectType: .normal)
    }

    @Sendable func note(req: Request, member: StaffMember) async throws -> Response {
        let (text, problem) = Self.noteText(try req.content.decode(NoteInput.self).note, field: "note", required: true, req)
        if let problem { return try await interactionPage(req, member, form: problem, notice: nil, status: .badRequest) }
        return try await acting(req, member, done: "note") {
            try await DesktopService(req).addNote(try interactionID(req), agent: member.id.uuidString, text: text!)
        }
    }

    @Sendable func end(req: Request, member: StaffMember) async throws -> Response {
        try await acting(req, member, done: "ended") { try await DesktopService(req).end(try interactionID(req), agent: member.id.uuidString) }
    }

    struct CloseInput: Content { var outcome: String?; var closing_note: String? }

    @Sendable func close(req: Request, member: StaffMember) async throws -> Response {
        let input = try req.content.decode(CloseInput.self)
        guard let outcome = input.outcome.flatMap(OutcomeCode.init(rawValue:)) else {
            return try await interactionPage(req, member, form: FormState(values: ["closing_note": input.closing_note ?? ""],
                                                                          errors: [("outcome", req.catalogue.text("desktop.outcome_required"))]),
                                             notice: nil, status: .badRequest)
        }
        let (note, problem) = Self.noteText(input.closing_note, field: "closing_note", required: false, req)
        if let problem { return try await interactionPage(req, member, form: problem, notice: nil, status: .badRequest) }
        return try await acting(req, member, done: "closed") {
            try await DesktopService(req).close(try interactionID(req), agent: member.id.uuidString, outcome: outcome, note: note)
        }
    }

    struct TransferInput: Content { var office: String?; var topic: String?; var agent: String?; var transfer_note: String? }

    @Sendable func transfer(req: Request, member: StaffMember) async throws -> Response {
        let input = try req.content.decode(TransferInput.self)
        let t = req.catalogue
        let values = ["office": input.office ?? "", "topic": input.topic ?? "", "agent": input.agent ?? "", "transfer_note": input.transfer_note ?? ""]
        func problem(_ field: String, _ key: String, _ args: [String: String] = [:]) async throws -> Response {
            try await interactionPage(req, member, form: FormState(values: values, errors: [(field, t.text(key, args))]), notice: nil, status: .badRequest)
        }
        let (note, noteProblem) = Self.noteText(input.transfer_note, field: "transfer_note", required: true, req)
        if let noteProblem { return try await interactionPage(req, member, form: FormState(values: values, errors: noteProblem.errors), notice: nil, status: .badRequest) }
        guard let (current, _) = try await ContactCenterStore(db: req.db).find(try interactionID(req)) else { throw DesktopError.notFound }
        let office = (input.office ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let agentID = (input.agent ?? "").trimmingCharacters(in: .whitespaces)
        let target: DesktopService.TransferTarget
        if !agentID.isEmpty {
            guard office.isEmpty else { return try await problem("agent", "desktop.transfer_one_target") }
            target = .agent(agentID)
        } else {
            if let topic = input.topic, !topic.isEmpty, ContactTopic(rawValue: topic) == nil { return try await problem("topic", "desktop.topic_unknown") }
            let officeID = office.isEmpty ? current.officeID : office
            guard let o = try await req.directory.office(id: officeID) else { return try await problem("office", "desktop.office_unknown", ["office": office]) }
            if office.isEmpty && (input.topic ?? "").isEmpty { return try await problem("office", "desktop.transfer_target_required") }
            target = .queue(officeID: o.id, voivodeshipCode: o.voivodeshipCode, topic: (input.topic ?? "").isEmpty ? current.topic : input.topic!)
        }
        var result: DesktopService.TransferResult = .queued
        let response = try await acting(req, member, done: "transferred") {
            result = try await DesktopService(req).transfer(try interactionID(req), agent: member.id.uuidString, to: target, note: note!)
        }
        if result == .queuedWithoutEligibleAgent, response.status == .seeOther {
            return req.redirect(to: "/desktop?done=transferred_waiting", redirectType: .normal)
        }
        return response
    }

    // MARK: contacts logged by hand

    static let manualChannels: [ContactCenter.Channel] = [.visit, .voice, .email, .sms]

    @Sendable func manualForm(req: Request, member: StaffMember) async throws -> Response {
        .html(ManualInteractionPage.render(manualModel(req, FormState(values: ["channel": "visit", "language": req.language.rawValue])), req.pageContext))
    }

    func manualModel(_ req: Request, _ form: FormState) -> ManualInteractionPage.Model {
        let t = req.catalogue
        return .init(channels: Self.manualChannels.map { ($0.rawValue, t.text("channel." + $0.rawValue)) },
                     topics: ContactTopic.allCases.map { ($0.rawValue, t.text("topic." + $0.rawValue)) },
                     languages: Language.allCases.map { ($0.rawValue, $0.nativeName) },
                     outcomes: OutcomeCode.allCases.map { ($0.rawValue, t.text("outcome." + $0.rawValue)) }, form: form)
    }

    struct ManualInput: Content { var channel: String?; var topic: String?; var language: String?; var client_number: String?; var outcome: String?; var note: String? }

    @Sendable func logManual(req: Request, member: StaffMember) async throws -> Response {
        let input = try req.content.decode(ManualInput.self)
        let t = req.catalogue
        var form = FormState(values: ["channel": input.channel ?? "", "topic": input.topic ?? "", "language": input.language ?? "",
                                      "client_number": input.client_number ?? "", "outcome": input.outcome ?? "", "note": input.note ?? ""])
        let channel = input.channel.flatMap(ContactCenter.Channel.init(rawValue:)).flatMap { Self.manualChannels.contains($0) ? $0 : nil }
        if channel == nil { form.errors.append(("channel", t.text("desktop.channel_required"))) }
        let topic = input.topic.flatMap(ContactTopic.init(rawValue:))
        if topic == nil { form.errors.append(("topic", t.text("desktop.topic_unknown"))) }
        let language = input.language.flatMap(Language.init(rawValue:))
        if language == nil { form.errors.append(("language", t.text("desktop.language_required"))) }
        let outcome = input.outcome.flatMap(OutcomeCode.init(rawValue:))
        if outcome == nil { form.errors.append(("outcome", t.text("desktop.outcome_required"))) }
        let (note, noteProblem) = Self.noteText(input.note, field: "note", required: false, req)
        if let noteProblem { form.errors += noteProblem.errors }
        var client: OfficeClient? = nil
        let number = (input.client_number ?? "").filter { !$0.isWhitespace }
        if !number.isEmpty {
            client = try await ClientStore(db: req.db).find(number: number)
            // A client of another office is not named to someone whose scope does not cover it.
            if let c = client, !(c.officeID.map(member.scope.covers) ?? (member.scope == .national)) { client = nil }
            if client == nil { form.errors.append(("client_number", t.text("desktop.client_unknown"))) }
        }
        guard form.errors.isEmpty, let channel, let topic, let language, let outcome else {
            return .html(ManualInteractionPage.render(manualModel(req, form), req.pageContext), status: .badRequest)
        }
        let a = try await agent(req, member)
        let officeID = client?.officeID ?? member.primaryOffice ?? a.offices.sorted().first ?? ""
        guard let office = try await req.directory.office(id: officeID) else {
            form.errors.append(("client_number", t.text("desktop.no_office")))
            return .html(ManualInteractionPage.render(manualModel(req, form), req.pageContext), status: .badRequest)
        }
        let now = try await ServerClock.now(req.db)
        let i = Interaction(channel: channel, clientID: client?.id, language: language.rawValue, topic: topic.rawValue, officeID: office.id,
                            voivodeshipCode: office.voivodeshipCode, queuedAt: now)
        try await ContactCenterStore(db: req.db).logManual(i, agent: a.id, outcome: outcome, note: note, at: now)
        return req.redirect(to: "/desktop?done=logged", redirectType: .normal)
    }
}
