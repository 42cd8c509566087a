import Vapor
import Views
import Storage
import ContactCenter
import Localization
import Access
import Clients
import Privacy

/// Supervisors (and data protection officers, for recordings) look at contacts of their
/// offices: what happened, the recordings — played through this server from the carrier, each
/// play in the audit log — and, for a call in progress, joining it muted or to coach the
/// consultant.
struct InteractionReviewController: Sendable {
    @Sendable func list(req: Request, member: StaffMember) async throws -> Response {
        let t = req.catalogue
        let recent = try await ContactCenterStore(db: req.db).recent(offices: member.listedOffices(req))
        let counts = try await VoiceStore(db: req.db).recordingCounts(interactions: recent.map(\.id))
        var offices: [String: String] = [:]
        for id in Set(recent.map(\.officeID)) { offices[id] = try await req.directory.office(id: id)?.name ?? id }
        let rows = recent.map { i in
            InteractionReviewPages.Row(id: i.id.uuidString, when: DateText.dateTime(i.queuedAt, req.language),
                                       title: ContactFacts.title(i, office: offices[i.officeID] ?? i.officeID, t),
                                       state: t.text("interaction.state_" + i.state.rawValue), recordings: counts[i.id] ?? 0)
        }
        return .html(InteractionReviewPages.list(rows, req.pageContext))
    }

    func interaction(_ req: Request) async throws -> Interaction {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)), let (i, _) = try await ContactCenterStore(db: req.db).find(id) else {
            throw Abort(.notFound)
        }
        return i
    }

    @Sendable func show(req: Request, member: StaffMember) async throws -> Response {
        try await page(req, member, notice: (try? req.query.get(String.self, at: "done")) == "ringing" ? req.catalogue.text("review.ringing") : nil)
    }

    func page(_ req: Request, _ member: StaffMember, notice: String?, status: HTTPStatus = .ok) async throws -> Response {
        let t = req.catalogue, lang = req.language
        let i = try await interaction(req)
        let now = try await ServerClock.now(req.db)
        // What the channel learned names the caller (their number): personal data, so the showing is in the audit log.
        try await AuditLog(db: req.db, address: req.clientAddress).appendRead(AuditEntry(actorID: member.id, actorOfficeID: member.primaryOffice, clientID: i.clientID, clientOfficeID: i.officeID,
                                                         action: "interaction.read", detail: i.id.uuidString, reason: "supervision"))
        let store = VoiceStore(db: req.db)
        let recordings = try await store.recordings(interaction: i.id).map { r in
            InteractionReviewPages.Recording(src: SiteRoute.staffInteractionRecording(i.id.uuidString, recording: r.id.uuidString).path,
                                             label: t.text("review.recording_" + r.kind.rawValue, ["date": DateText.dateTime(r.createdAt, lang),
                                                                                                   "duration": ContactFacts.duration(Double(r.durationSeconds)),
                                                                                                   "until": DateText.date(r.deleteAfter, lang)]))
        }
        let live = try await store.legs(interaction: i.id).filter { $0.isLive && $0.role != .agent }
        let names = try await StaffStore(db: req.db).names(Set(live.compactMap { UUID(uuidString: $0.staffID) }))
        let callStatus = try await store.call(interaction: i.id)?.status
        let inCall = i.channel == .voice && i.state == .connected && callStatus == "in-progress"
        let conference = req.services.config.voice.usesConference
        let canMonitor = inCall && conference && member.roles.contains { AuthorizationMatrix.allows($0, .monitorCalls) }
        let note = !inCall ? t.text("review.not_live") : !conference ? t.text("review.no_conference") : canMonitor ? nil : t.text("error.no_permission")
        let history = try await ContactCenterStore(db: req.db).events(of: i.id).map { e in
            (DateText.dateTime(e.at, lang), ContactFacts.eventText(e, t))
        }
        let model = InteractionReviewPages.Model(
            id: i.id.uuidString, title: try await ContactFacts.title(i, req), facts: try await ContactFacts.facts(i, now: now, req),
            context: try await ContactFacts.contextRows(i, req), history: history, recordings: recordings,
            monitors: live.map { (names[$0.staffID] ?? $0.staffID) + " – " + t.text("review.role_" + $0.role.rawValue) },
            canMonitor: canMonitor, monitorNote: note, notice: notice, playable: CarrierAPI(req.services.config.voice, client: req.client) != nil)
        return .html(InteractionReviewPages.detail(model, req.pageContext), status: status)
    }

    /// One recording, fetched from the carrier with the account's credentials and passed on.
    @Sendable func play(req: Request, member: StaffMember) async throws -> Response {
        let i = try await interaction(req)
        guard let rid = req.parameters.get("recording").flatMap(UUID.init(uuidString:)), let r = try await VoiceStore(db: req.db).recording(rid),
              r.interactionID == i.id else { throw Abort(.notFound) }
        // Without the carrier's API nothing can be played: the page says why, and no play is logged.
        guard let carrier = CarrierAPI(req.services.config.voice, client: req.client) else {
            return try await page(req, member, notice: req.catalogue.text("review.no_carrier"), status: .serviceUnavailable)
        }
        try await AuditLog(db: req.db, address: req.clientAddress).append(AuditEntry(actorID: member.id, actorOfficeID: member.primaryOffice, clientID: i.clientID, clientOfficeID: i.officeID,
                                                         action: "recording.listen", detail: "\(i.id.uuidString) \(r.recordingSid)", reason: "supervision"))
        let audio: ClientResponse
        do { audio = try await carrier.recording(r.url) } catch {
            throw Abort(.badGateway, reason: req.catalogue.text("review.carrier_failed"))
        }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "audio", subType: "mpeg")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        headers.replaceOrAdd(name: .contentDisposition, value: "inline; filename=\"\(r.recordingSid).mp3\"")
        return Response(status: .ok, headers: headers, body: audio.body.map { .init(buffer: $0) } ?? .empty)
    }

    struct MonitorInput: Content { var mode: String? }

    /// The supervisor's phone is called into the conversation, muted or coaching.
    @Sendable func monitor(req: Request, member: StaffMember) async throws -> Response {
        let i = try await interaction(req)
        let t = req.catalogue
        guard let role = VoiceLeg.Role(rawValue: try req.content.decode(MonitorInput.self).mode ?? ""), role != .agent else {
            return try await page(req, member, notice: t.text("search.error.choice"), status: .badRequest)
        }
        let store = VoiceStore(db: req.db)
        guard i.channel == .voice, i.state == .connected, (try await store.call(interaction: i.id))?.status == "in-progress",
              req.services.config.voice.usesConference else {
            return try await page(req, member, notice: t.text("review.not_live"), status: .conflict)
        }
        try await AuditLog(db: req.db, address: req.clientAddress).append(AuditEntry(actorID: member.id, actorOfficeID: member.primaryOffice, clientID: i.clientID, clientOfficeID: i.officeID,
                                                         action: "call." + role.rawValue, detail: i.id.uuidString, reason: "supervision"))
        do { try await VoiceService(req).monitor(i, supervisor: member.id.uuidString, role: role) } catch {
            return try await page(req, member, notice: t.text("review.carrier_failed"), status: .badGateway)
        }
        return req.redirect(to: SiteRoute.staffInteraction(i.id.uuidString).with(["done": "ringing"]), redirectType: .normal)
    }
}
