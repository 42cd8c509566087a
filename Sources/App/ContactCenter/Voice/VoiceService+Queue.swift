import Vapor
import Privacy
import Views
import Fluent
import ContactCenter
import Storage
import Localization
import Reporting

/// A call in the ACD's queue: what the caller hears while waiting, putting the call through to
/// the consultant who accepted it, and what the carrier reports afterwards.
extension VoiceService {
    /// The queue's wait answer: the caller's place and expected wait now and then, a pause, and
    /// — once a consultant has accepted the contact, or it ended — leaving the queue.
    func wait(sid: String) async throws -> String {
        let store = VoiceStore(db: db)
        guard let record = try await store.call(sid) else { throw VoiceRequestError.unknownCall }
        guard let id = record.interactionID, let (i, _) = try await ContactCenterStore(db: db).find(id), [.queued, .offered].contains(i.state) else {
            return TwiML.document([.leave])
        }
        let now = try await ServerClock.now(db)
        var verbs: [TwiMLVerb] = []
        let t = Catalogues.bundled[Language(rawValue: record.call.language) ?? .pl]
        let options = try await offersWhileWaiting(record, store)
        if record.announcedAt.map({ now.timeIntervalSince($0) >= Double(config.voice.announceSeconds) }) ?? true {
            let (position, minutes) = try await wait.told(i, now: now)
            verbs.append(.say(t.text("voice.queue_position", ["position": "\(position)", "minutes": "\(minutes)"]), language: record.call.language))
            if options { verbs.append(.say(t.text("voice.queue_options"), language: record.call.language)) }
            try await store.setAnnounced(sid, at: now)
        }
        verbs.append(.pause(seconds: config.voice.pollSeconds))
        // The keys are heard all the while: the announcement and the pause are inside the Gather.
        guard options else { return TwiML.document(verbs) }
        return TwiML.document([.gather(action: url(SiteRoute.voiceWaitKey.path), timeout: 1, numDigits: 1, prompts: verbs)])
    }

    /// Whether the step the call waits at offers information and a callback to a waiting caller.
    func offersWhileWaiting(_ record: VoiceCallRecord, _ store: VoiceStore) async throws -> Bool {
        guard case .enqueue = record.call.outcome, let flow = try await flows.flow(record.call.flowVersion, store) else { return false }
        return flow.steps[record.call.step]?.information.flatMap { flow.steps[$0] }?.kind == .information
    }

    /// A key pressed while waiting: 1 recorded information, 2 a callback that keeps the place.
    /// The caller leaves the carrier's queue (the contact stays in the ACD's) and the Enqueue's
    /// action does the rest; any other key, or a call not waiting, goes on waiting.
    func waitKey(sid: String, digits: String?) async throws -> String {
        let store = VoiceStore(db: db)
        guard let record = try await store.call(sid) else { throw VoiceRequestError.unknownCall }
        guard let exit = digits.flatMap({ $0.first }).flatMap({ IVRCall.QueueExit(rawValue: String($0)) }),
              try await offersWhileWaiting(record, store) else { return TwiML.document([]) }
        var next = record
        next.call.leaving = exit
        guard try await store.update(next, expectedSeq: record.seq, now: try await ServerClock.now(db)) else { return TwiML.document([]) }
        return TwiML.document([.leave])
    }

    /// A number as the carrier's voice should read it back: digit by digit in groups of three
    /// ("6 0 0, 1 0 0, 2 0 0"), without the country code.
    static func spokenPhone(_ number: String) -> String {
        var digits = number.filter(\.isNumber)
        if number.hasPrefix("+48") { digits = String(digits.dropFirst(2)) }
        return stride(from: 0, to: digits.count, by: 3).map { start in
            digits.dropFirst(start).prefix(3).map(String.init).joined(separator: " ")
        }.joined(separator: ", ")
    }

    /// The caller put through to the consultant who accepted: their phone dialled, or (with the
    /// carrier's REST API) the contact's conference, which the consultant's phone joins.
    func putThrough(_ i: Interaction, agent: String, _ record: VoiceCallRecord, on db: any Database) async throws -> [TwiMLVerb] {
        let t = Catalogues.bundled[Language(rawValue: record.call.language) ?? .pl]
        let recording = config.voice.recordingDays > 0 ? url(SiteRoute.voiceRecording.path) : nil
        let dialed = url(SiteRoute.voiceDialed.path, [("seq", String(record.seq))])
        guard carrier != nil else {
            return [.say(t.text("voice.connecting"), language: record.call.language),
                    .dial(try await endpoint(agent, on: db), action: dialed, timeout: 20, callerID: nil, recordingCallback: recording)]
        }
        return [.say(t.text("voice.connecting"), language: record.call.language),
                .dial(.conference(Self.conferenceName(i.id), .init(startsIt: false, endsIt: true, recordingCallback: recording)),
                      action: dialed, timeout: 20, callerID: nil, recordingCallback: nil)]
    }

    /// The caller left the queue (the Enqueue's action): put through to the consultant who
    /// accepted, or told why not.
    func queued(sid: String, seq: Int?, result: String, key: String) async throws -> String {
        let response = try await answer(sid: sid, seq: seq, key: key) { next, tx, now in
            let t = Catalogues.bundled[Language(rawValue: next.call.language) ?? .pl]
            guard let id = next.interactionID, let (i, _) = try await ContactCenterStore(db: tx).findForChange(id) else { return [.hangup] }
            if result == "hangup" {
                try await self.abandon(i, note: "caller hung up while waiting", now: now, tx)
                return [.hangup]
            }
            let exit = next.call.leaving
            next.call.leaving = nil
            if i.state == .connected, let agent = i.agentID { return try await self.putThrough(i, agent: agent, next, on: tx) }
            if result == "leave", exit == .information, [.queued, .offered].contains(i.state),
               let flow = try await self.flows.flow(next.call.flowVersion, VoiceStore(db: tx)),
               let (call, actions) = try await IVREngine(flow: flow, version: next.call.flowVersion).enterInformation(next.call, lookups: self.lookups(next.caller, now: now, on: tx)) {
                next.call = call
                return try await self.perform(actions, on: &next, now: now, tx)
            }
            if result == "leave", exit == .callback, i.state == .queued {
                // One contact still: the call becomes a callback in the same place of the line.
                try await ContactCenterStore(db: tx).keepPlaceForCallback(i.id, phone: next.caller, now: now)
                return [.say(t.text("voice.callback_kept", ["phone": Self.spokenPhone(next.caller)]), language: next.call.language), .hangup]
            }
            if [.queued, .offered].contains(i.state) {
                // Left the carrier's queue by itself (queue full, an error): back in it, the ACD keeps its place.
                return [.enqueue("zl-\(i.officeID)-\(i.topic)", action: self.url(SiteRoute.voiceQueued.path, [("seq", String(next.seq))]), waitURL: self.url(SiteRoute.voiceWait.path))]
            }
            return [.say(t.text("voice.no_consultant"), language: next.call.language), .hangup]
        }
        if carrier != nil, result != "hangup" { try await callConsultant(sid: sid) }
        return response
    }

    /// A later request of a call (its step counter in `seq`): answered once, repeated as it was.
    func answer(sid: String, seq: Int?, key: String,
                _ body: @escaping @Sendable (inout VoiceCallRecord, any Database, Date) async throws -> [TwiMLVerb]) async throws -> String {
        guard let record = try await VoiceStore(db: db).call(sid) else { throw VoiceRequestError.unknownCall }
        if record.lastKey == key { return record.lastResponse }
        guard seq == record.seq else { throw VoiceRequestError.stale }
        let now = try await ServerClock.now(db)
        return try await save(record, key: key, now: now) { try await body(&$0, $1, now) }
    }

    /// A staff member's phone as the carrier addresses it (client:…, sip:…, +48…).
    /// A consultant working remotely is called on the number they proved theirs.
    func endpointAddress(_ staffID: String, on db: (any Database)? = nil) async throws -> String {
        if let phone = try await AgentPhoneStore(db: db ?? self.db).find(agent: staffID), phone.takesCalls { return phone.phone }
        return config.voice.agentEndpoint.replacingOccurrences(of: "{agent}", with: staffID)
    }

    /// Where the consultant's phone is: the configured endpoint with their id.
    func endpoint(_ agent: String, on db: any Database) async throws -> TwiMLVerb.DialTarget {
        let e = try await endpointAddress(agent, on: db)
        if e.hasPrefix("client:") { return .client(String(e.dropFirst("client:".count))) }
        if e.hasPrefix("sip:") { return .sip(e) }
        return .number(e)
    }

    /// After a Dial: a conversation that happened ends the call; a consultant's phone that did
    /// not answer puts the caller back in the queue (another consultant gets the offer).
    func dialed(sid: String, seq: Int?, status: String, key: String) async throws -> String {
        let response = try await answer(sid: sid, seq: seq, key: key) { next, tx, now in
            guard case .enqueue = next.call.outcome, ["busy", "no-answer", "failed"].contains(status),
                  let id = next.interactionID, let (i, _) = try await ContactCenterStore(db: tx).findForChange(id), i.state == .connected, let agent = i.agentID else {
                return [.hangup]
            }
            return try await self.requeue(i, agent: agent, status: status, &next, now: now, tx)
        }
        await events.publish(DesktopMessage(agents: [], kind: "queue"), on: db, logger: logger)
        return response
    }

    /// The consultant's phone did not take the call: the contact goes back to the queue (another
    /// consultant gets the offer) and the caller waits in it again.
    func requeue(_ i: Interaction, agent: String, status: String, _ next: inout VoiceCallRecord, now: Date, _ tx: any Database) async throws -> [TwiMLVerb] {
        let cc = ContactCenterStore(db: tx)
        _ = try await cc.move(i.id, to: .transferred, note: "consultant's phone: \(status)", now: now)
        _ = try await cc.move(i.id, to: .queued, note: "back in the queue", now: now)
        try await DesktopService(db: tx, events: events, logger: logger, wrapUpSeconds: 0).release(agent, channel: .voice, after: .declined, now: now, cc)
        next.announcedAt = nil
        let t = Catalogues.bundled[Language(rawValue: next.call.language) ?? .pl]
        return [.say(t.text("voice.agent_unreachable"), language: next.call.language),
                .enqueue("zl-\(i.officeID)-\(i.topic)", action: url(SiteRoute.voiceQueued.path, [("seq", String(next.seq))]), waitURL: url(SiteRoute.voiceWait.path))]
    }

    /// The Record's action: the message is taken (the recording itself is reported separately).
    func recorded(sid: String, seq: Int?, key: String) async throws -> String {
        try await answer(sid: sid, seq: seq, key: key) { next, _, _ in
            let t = Catalogues.bundled[Language(rawValue: next.call.language) ?? .pl]
            return [.say(t.text("voice.recorded"), language: next.call.language), .hangup]
        }
    }

    /// The carrier's call status: a caller who hangs up while waiting gives up the contact.
    func status(sid: String, status: String) async throws {
        let store = VoiceStore(db: db)
        guard let record = try await store.call(sid) else { throw VoiceRequestError.unknownCall }
        let now = try await ServerClock.now(db)
        try await store.setStatus(sid, status, now: now)
        guard ["completed", "busy", "failed", "no-answer", "canceled"].contains(status), let id = record.interactionID else { return }
        let agent: String? = try await db.transaction { tx in
            // A caller who asked to be called back hung up on purpose: the contact keeps its place.
            guard let (i, _) = try await ContactCenterStore(db: tx).findForChange(id), i.channel == .voice else { return nil }
            try await self.abandon(i, note: "caller hung up while waiting", now: now, tx)
            return i.state == .offered ? i.agentID : nil
        }
        await events.publish(DesktopMessage(agents: agent.map { [$0] } ?? [], kind: agent == nil ? "queue" : "changed"), on: db, logger: logger)
    }

    /// A waiting call given up; one ringing at a consultant's desktop goes away from it.
    func abandon(_ i: Interaction, note: String, now: Date, _ tx: any Database) async throws {
        guard [.queued, .offered].contains(i.state) else { return }
        let cc = ContactCenterStore(db: tx)
        _ = try await cc.move(i.id, to: .abandoned, note: note, now: now)
        if i.state == .offered, let agent = i.agentID {
            try await DesktopService(db: tx, events: events, logger: logger, wrapUpSeconds: 0).release(agent, channel: .voice, after: .declined, now: now, cc)
        }
    }

    /// A finished recording: kept with the call's interaction until its retention ends. A
    /// voicemail becomes a contact of its own (the caller's office, to be called back).
    func recording(sid: String, recordingSid: String, url recordingURL: String, duration: Int, status: String) async throws {
        let store = VoiceStore(db: db)
        guard let record = try await store.call(sid) else { throw VoiceRequestError.unknownCall }
        guard status == "completed", duration > 0, config.voice.recordingDays > 0 else { return }
        let now = try await ServerClock.now(db)
        let kept = Retention.recordings(days: config.voice.recordingDays).keptUntil(now)
        let voicemail: Bool = if case .record = record.call.outcome { true } else { false }
        let queued: Bool = try await db.transaction { tx in
            var interaction = record.interactionID
            if interaction == nil, case .record(let office) = record.call.outcome {
                let i = try await self.queueCall(record, office: office, topic: ContactTopic.other.rawValue, language: record.call.language,
                                                 origin: .voicemail, now: now, tx)
                try await VoiceStore(db: tx).link(sid, interaction: i.id)
                interaction = i.id
            }
            guard let interaction else { return false }
            try await VoiceStore(db: tx).add(VoiceRecording(interactionID: interaction, callSid: sid, recordingSid: recordingSid, url: recordingURL,
                                                            durationSeconds: duration, kind: voicemail ? .voicemail : .conversation,
                                                            createdAt: now, deleteAfter: kept))
            return interaction != record.interactionID
        }
        if queued { await events.publish(DesktopMessage(agents: [], kind: "queue"), on: db, logger: logger) }
    }
}
