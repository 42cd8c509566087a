import Vapor
import Views
import Fluent
import ContactCenter
import Storage
import Localization

/// Calls put through in a conference (when the carrier's REST API is configured): the caller
/// waits in the contact's conference, the system calls the consultant's phone into it, and
/// supervisors can be called into it muted (listen) or heard by the consultant only (coach).
extension VoiceService {
    static func conferenceName(_ interaction: UUID) -> String { "zl-" + interaction.uuidString.lowercased() }

    /// The consultant's phone called into the conference of the call `sid` — once, whatever the
    /// carrier repeats; a phone that cannot be called puts the caller back in the queue.
    func callConsultant(sid: String) async throws {
        guard let carrier, let record = try await VoiceStore(db: db).call(sid), let id = record.interactionID,
              let (i, _) = try await ContactCenterStore(db: db).find(id), i.state == .connected, let agent = i.agentID else { return }
        guard try await !VoiceStore(db: db).legs(interaction: id).contains(where: { $0.role == .agent && $0.isLive }) else { return }
        let now = try await ServerClock.now(db)
        do {
            let leg = try await carrier.call(to: try await endpointAddress(agent), from: config.voice.fromNumber,
                                             url: url(SiteRoute.voiceAgent.path, [("interaction", id.uuidString)]),
                                             statusCallback: url(SiteRoute.voiceLegStatus.path, [("interaction", id.uuidString)]))
            try await VoiceStore(db: db).add(VoiceLeg(callSid: leg, interactionID: id, role: .agent, staffID: agent, createdAt: now))
        } catch {
            logger.error("voice: the consultant's phone could not be called", metadata: ["error": "\(error)"])
            do { try await consultantUnreachable(id, status: "failed") } catch {
                // The caller stays in the conference's wait; the desktop still shows the contact, and the consultant can end it.
                logger.error("voice: the caller could not be moved back to the queue", metadata: ["error": "\(error)"])
            }
        }
    }

    /// The TwiML of a leg the system placed (`/voice/agent`, `/voice/monitor`): into the
    /// contact's conference as its role says, or a goodbye when the conversation is over.
    func legAnswer(sid: String, interaction: UUID?) async throws -> String {
        guard let interaction, let leg = try await VoiceStore(db: db).leg(sid), leg.interactionID == interaction else {
            throw VoiceRequestError.unknownCall
        }
        guard let (i, _) = try await ContactCenterStore(db: db).find(interaction), i.state == .connected else {
            return TwiML.document([.say(Catalogues.bundled[.pl].text("voice.conversation_over"), language: "pl"), .hangup])
        }
        let name = Self.conferenceName(interaction)
        let options: TwiMLVerb.Conference
        switch leg.role {
        case .agent: options = .init(startsIt: true, endsIt: true)
        case .listen: options = .init(muted: true, startsIt: false, endsIt: false)
        case .coach:
            let agentLeg = try await VoiceStore(db: db).legs(interaction: interaction).last { $0.role == .agent && $0.isLive }
            options = .init(muted: false, startsIt: false, endsIt: false, coach: agentLeg?.callSid)
        }
        return TwiML.document([.dial(.conference(name, options), action: url(SiteRoute.voiceLegStatus.path, [("interaction", interaction.uuidString)]), timeout: 30,
                                     callerID: nil, recordingCallback: nil)])
    }

    /// The carrier's status of a leg the system placed; a consultant's phone that did not answer
    /// sends the caller back to the queue.
    func legStatus(sid: String, status: String) async throws {
        guard let leg = try await VoiceStore(db: db).leg(sid) else { throw VoiceRequestError.unknownCall }
        try await VoiceStore(db: db).setLegStatus(sid, status, now: try await ServerClock.now(db))
        if leg.role == .agent, ["busy", "no-answer", "failed", "canceled"].contains(status) {
            try await consultantUnreachable(leg.interactionID, status: status)
        }
    }

    /// The contact goes back to the queue and the caller, waiting in the conference, is moved
    /// back into the carrier's queue.
    func consultantUnreachable(_ interaction: UUID, status: String) async throws {
        guard let carrier, let record = try await VoiceStore(db: db).call(interaction: interaction), record.status == "in-progress" else { return }
        try await carrier.redirect(record.callSid, to: url(SiteRoute.voiceRequeue.path, [("seq", String(record.seq)), ("status", status)]))
    }

    /// The caller's new instructions after the consultant's phone failed (the carrier asks on
    /// the redirect of `consultantUnreachable`).
    func requeued(sid: String, seq: Int?, status: String, key: String) async throws -> String {
        let response = try await answer(sid: sid, seq: seq, key: key) { next, tx, now in
            guard let id = next.interactionID, let (i, _) = try await ContactCenterStore(db: tx).findForChange(id) else { return [.hangup] }
            if i.state == .connected, let agent = i.agentID { return try await self.requeue(i, agent: agent, status: status, &next, now: now, tx) }
            return [.enqueue("zl-\(i.officeID)-\(i.topic)", action: self.url(SiteRoute.voiceQueued.path, [("seq", String(next.seq))]), waitURL: self.url(SiteRoute.voiceWait.path))]
        }
        await events.publish(DesktopMessage(agents: [], kind: "queue"), on: db, logger: logger)
        return response
    }

    /// A supervisor's phone called into a conversation in progress, muted or coaching.
    func monitor(_ interaction: Interaction, supervisor: String, role: VoiceLeg.Role) async throws {
        guard let carrier else { throw Abort(.serviceUnavailable) }
        let sid = try await carrier.call(to: try await endpointAddress(supervisor), from: config.voice.fromNumber,
                                         url: url(SiteRoute.voiceMonitor.path, [("interaction", interaction.id.uuidString)]),
                                         statusCallback: url(SiteRoute.voiceLegStatus.path, [("interaction", interaction.id.uuidString)]))
        try await VoiceStore(db: db).add(VoiceLeg(callSid: sid, interactionID: interaction.id, role: role, staffID: supervisor,
                                                  createdAt: try await ServerClock.now(db)))
    }
}
