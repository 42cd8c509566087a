import Vapor
import Views
import Fluent
import ContactCenter
import Storage
import Directory
import Localization
import Clients
import Identity

/// Why a carrier request was refused; nothing was changed.
enum VoiceRequestError: Error, Equatable {
    /// No call with this CallSid (never started, or a made-up one): 404.
    case unknownCall
    /// A step of the call that has been answered already with another request: 409.
    case stale
    /// `Digits` holds something a phone keypad cannot send: 400.
    case badDigits
}

/// Walks the carrier's calls through the IVR flow. Each request of a call is answered once:
/// the call's state, the step counter and the answer are stored together (with whatever the
/// step did: an interaction queued, a callback booked), so a repeated request gets the same
/// answer and changes nothing, and a request of an earlier step is refused.
struct VoiceService {
    let db: any Database
    let config: AppConfig
    let calendar: BusinessCalendar
    let identification: PhoneIdentification
    let events: DesktopEvents
    let flows: IVRFlowCache
    let logger: Logger
    /// The carrier's REST API, when configured: calls are then put through in a conference.
    let carrier: CarrierAPI?
    /// What a waiting caller is told.
    let wait: WaitEstimate

    init(_ req: Request) {
        db = req.db; config = req.services.config; calendar = req.services.contactCentre; identification = req.phoneIdentification
        events = req.application.desktopEvents; flows = req.application.ivrFlows; logger = req.logger
        carrier = CarrierAPI(req.services.config.voice, client: req.client); wait = WaitEstimate(app: req.application)
    }

    /// What identifies one request of the carrier: its address and parameters (a retry repeats both).
    static func requestKey(url: String, parameters: [String: String]) -> String {
        Secrets.sha256Hex(url + "\u{1F}" + parameters.keys.sorted().map { $0 + "=" + parameters[$0]! }.joined(separator: "\u{1F}"))
    }

    func url(_ path: String, _ query: [(String, String)] = []) -> String {
        let base = CarrierSignature.base(config.publicURL)
        guard !query.isEmpty else { return base + path }
        return base + path + "?" + query.map { $0.0 + "=" + CarrierSignature.encode($0.1) }.joined(separator: "&")
    }

    /// `on`: the transaction a request is inside, when it is (a second connection would wait for it).
    func lookups(_ caller: String, now: Date, on db: (any Database)? = nil) -> VoiceLookups {
        VoiceLookups(db: db ?? self.db, identification: identification, calendar: calendar, caller: caller, now: now)
    }

    // MARK: the flow

    /// A new call: the flow of the number dialled (`To`; a number not mapped takes the main
    /// flow), from its first step.
    func incoming(sid: String, from caller: String, to dialled: String?, key: String) async throws -> String {
        let store = VoiceStore(db: db)
        if let existing = try await store.call(sid) { return existing.lastResponse }
        let now = try await ServerClock.now(db)
        let line: VoiceLine? = if let dialled { try await store.line(dialled: dialled) } else { nil }
        var flow = try await store.current(flow: line?.flowID ?? VoiceStore.mainFlow)
        if flow == nil { flow = try await store.current(flow: VoiceStore.mainFlow) }
        guard let current = flow else { throw Abort(.serviceUnavailable, reason: "no IVR flow published") }
        let (call, actions) = try await IVREngine(flow: current.flow, version: current.version).start(lookups: lookups(caller, now: now))
        let fresh = VoiceCallRecord(callSid: sid, caller: caller, call: call, seq: 1, lastKey: key, lastResponse: "", createdAt: now, line: line?.number)
        let stored: VoiceCallRecord? = try await db.transaction { tx in
            var record = fresh
            record.lastResponse = TwiML.document(try await self.perform(actions, on: &record, now: now, tx))
            return try await VoiceStore(db: tx).insert(record, now: now) ? record : nil
        }
        guard let stored else { return try await store.call(sid)?.lastResponse ?? "" }
        await announceQueue(stored)
        return stored.lastResponse
    }

    /// The caller's keys (or nothing: the step timed out) for the step numbered `seq`.
    func step(sid: String, seq: Int?, digits: String?, key: String) async throws -> String {
        let store = VoiceStore(db: db)
        guard let record = try await store.call(sid) else { throw VoiceRequestError.unknownCall }
        if record.lastKey == key { return record.lastResponse }
        if let digits, !digits.allSatisfy({ "0123456789*#".contains($0) }) || digits.count > 32 { throw VoiceRequestError.badDigits }
        guard seq == record.seq, record.call.outcome == nil else { throw VoiceRequestError.stale }
        guard let flow = try await flows.flow(record.call.flowVersion, store) else { throw Abort(.internalServerError, reason: "flow version missing") }
        let now = try await ServerClock.now(db)
        // Listening to recorded information out of the queue: a consultant who took the contact meanwhile gets the caller now.
        if record.call.fromQueue == true, let id = record.interactionID, let (i, _) = try await ContactCenterStore(db: db).find(id),
           i.state == .connected, let agent = i.agentID {
            let response = try await save(record, key: key, now: now) { next, tx in
                next.call.fromQueue = nil; next.call.informationTopic = nil
                if let queue = next.call.queueStep, let step = flow.steps[queue] {
                    next.call.step = queue; next.call.queueStep = nil
                    next.call.outcome = .enqueue(office: i.officeID, topic: step.topic ?? i.topic, language: next.call.language)
                }
                return try await self.putThrough(i, agent: agent, next, on: tx)
            }
            if carrier != nil { try await callConsultant(sid: sid) }
            return response
        }
        let keys = (digits ?? "").filter { $0 != "#" }
        let input: IVRInput = keys.isEmpty ? .timeout : .digits(keys)
        let (call, actions) = try await IVREngine(flow: flow, version: record.call.flowVersion)
            .advance(record.call, input, lookups: lookups(record.caller, now: now))
        // Only a queue or a callback writes more than the call itself; otherwise one UPDATE is atomic on its own.
        let writes = actions.contains { if case .enqueue = $0 { true } else if case .callback = $0 { true } else { false } }
        return try await save(record, key: key, now: now, transaction: writes) { next, tx in
            next.call = call
            return try await self.perform(actions, on: &next, now: now, tx)
        }
    }

    /// Stores the call's next state and answer if no other request moved it on meanwhile; the
    /// answer stored by the request that did otherwise.
    func save(_ record: VoiceCallRecord, key: String, now: Date, transaction: Bool = true,
              _ body: @escaping @Sendable (inout VoiceCallRecord, any Database) async throws -> [TwiMLVerb]) async throws -> String {
        let step: @Sendable (any Database) async throws -> VoiceCallRecord? = { tx in
            var n = record
            n.seq = record.seq + 1
            n.lastKey = key
            n.lastResponse = TwiML.document(try await body(&n, tx))
            return try await VoiceStore(db: tx).update(n, expectedSeq: record.seq, now: now) ? n : nil
        }
        let saved = transaction ? try await db.transaction(step) : try await step(db)
        guard let saved else { return try await VoiceStore(db: db).call(record.callSid)?.lastResponse ?? "" }
        if record.interactionID == nil { await announceQueue(saved) }
        return saved.lastResponse
    }

    /// Turns the engine's actions into TwiML, doing what the call's end asks for.
    func perform(_ actions: [IVRAction], on record: inout VoiceCallRecord, now: Date, _ tx: any Database) async throws -> [TwiMLVerb] {
        var out: [TwiMLVerb] = []
        var prompts: [TwiMLVerb] = []
        let seq = record.seq
        let t = Catalogues.bundled[Language(rawValue: record.call.language) ?? .pl]
        for action in actions {
            switch action {
            case let .say(text, language): prompts.append(.say(text, language: language))
            case let .play(audio): prompts.append(.play(audio))
            case let .gather(digits, timeout):
                let here = url(SiteRoute.voiceStep.path, [("seq", String(seq))])
                out.append(.gather(action: here, timeout: timeout, numDigits: digits, prompts: prompts))
                // No keys before the timeout: the carrier goes on to the next verb, which reports it.
                out.append(.redirect(here))
                prompts = []
            case let .enqueue(office, topic, language):
                out += prompts; prompts = []
                let i = try await queueCall(record, office: office, topic: topic, language: language, now: now, tx)
                record.interactionID = i.id
                out.append(.enqueue("zl-\(i.officeID)-\(i.topic)", action: url(SiteRoute.voiceQueued.path, [("seq", String(seq))]), waitURL: url(SiteRoute.voiceWait.path)))
            case let .callback(office, language):
                out += prompts; prompts = []
                let slot = try await bookCallback(record, office: office, language: language, now: now, tx)
                out.append(.say(slot.map { t.text("voice.callback_booked", ["slot": $0]) } ?? t.text("voice.callback_none"),
                                language: record.call.language))
                out.append(.hangup)
            case .record:
                out += prompts; prompts = []
                out.append(.record(action: url(SiteRoute.voiceRecorded.path, [("seq", String(seq))]), maxLength: 120, recordingCallback: url(SiteRoute.voiceRecording.path)))
            case let .transfer(number):
                out += prompts; prompts = []
                out.append(.dial(.number(number), action: url(SiteRoute.voiceDialed.path, [("seq", String(seq))]), timeout: 30, callerID: config.voice.callerID,
                                 recordingCallback: nil))
            case .hangup:
                out += prompts; prompts = []
                out.append(.hangup)
            case .requeue:
                out += prompts; prompts = []
                guard let id = record.interactionID, let (i, _) = try await ContactCenterStore(db: tx).findForChange(id), [.queued, .offered, .connected].contains(i.state) else {
                    out.append(.say(t.text("voice.no_consultant"), language: record.call.language)); out.append(.hangup); continue
                }
                if i.state == .connected, let agent = i.agentID { out += try await putThrough(i, agent: agent, record, on: tx); continue }
                out.append(.say(t.text("voice.back_in_queue"), language: record.call.language))
                out.append(.enqueue("zl-\(i.officeID)-\(i.topic)", action: url(SiteRoute.voiceQueued.path, [("seq", String(seq))]), waitURL: url(SiteRoute.voiceWait.path)))
            }
        }
        return out + prompts
    }

    /// The call becomes an interaction of the ACD, with what the IVR learned for the screen pop.
    func queueCall(_ record: VoiceCallRecord, office: String?, topic: String, language: String, origin: ContactContext.Origin? = nil, now: Date,
                   _ tx: any Database) async throws -> Interaction {
        guard let target = try await officeOrDefault(office, tx) else { throw Abort(.internalServerError, reason: "no office for the call") }
        let client = try await identifiedClient(record, tx)
        let i = Interaction(channel: .voice, clientID: client, language: language, topic: topic, officeID: target.id,
                            voivodeshipCode: target.voivodeshipCode, queuedAt: now)
        var context = ContactContext(caller: record.caller, ivrPath: record.call.path,
                                     keys: record.call.entered.sorted { $0.key < $1.key }.map { ContactContext.Key(step: $0.key, digits: $0.value) },
                                     origin: origin)
        if record.call.clientNumber != nil { context.identifiedBy = .clientNumberPIN }
        else if let postal = record.call.postalCode { context.identifiedBy = .postalCode; context.postalCode = postal }
        return try await ContactCenterStore(db: tx).enqueue(i, context: context, line: record.line, now: now)
    }

    /// A callback at the first free hour the centre is open; nil when none is in sight.
    func bookCallback(_ record: VoiceCallRecord, office: String?, language: String, now: Date, _ tx: any Database) async throws -> String? {
        guard let slot = calendar.slots(after: now, days: 10).first else { return nil }
        var client = try await identifiedClient(record, tx)
        var office = office
        // Asked for nothing (after hours the flow books before any question): the one client whose
        // number is calling, and their office.
        if client == nil, let phone = try? PhoneNumber(record.caller).value {
            let known = try await ClientStore(db: tx).find(contact: "phone", value: phone)
            if known.count == 1 { client = known[0].id; office = office ?? known[0].officeID }
        }
        guard let target = try await officeOrDefault(office, tx) else { return nil }
        let i = Interaction(channel: .callback, clientID: client, language: language, topic: ContactTopic.other.rawValue, officeID: target.id,
                            voivodeshipCode: target.voivodeshipCode, queuedAt: slot, priority: IntakePolicy.bookedPriority)
        let label = DateText.dayAndTime(slot, Language(rawValue: language) ?? .pl)
        _ = try await ContactCenterStore(db: tx).enqueue(i, context: ContactContext(ivrPath: record.call.path, phone: record.caller, caseNumber: ContactMessage.caseNumber(i.id),
                                                                                            slot: label, attempt: 1, origin: .ivr),
                                                        now: now)
        return label
    }

    /// The register id of the client who gave number and PIN during the call.
    func identifiedClient(_ record: VoiceCallRecord, _ tx: any Database) async throws -> UUID? {
        guard let number = record.call.clientNumber else { return nil }
        return try await ClientStore(db: tx).find(number: number)?.id
    }

    /// The office the flow found, or the default office for calls nobody could place.
    func officeOrDefault(_ id: String?, _ tx: any Database) async throws -> Office? {
        let directory = FluentDirectoryStore(db: tx)
        if let id, let office = try await directory.office(id: id) { return office }
        return try await directory.office(id: config.mailDefaultOffice)
    }

    /// Desktops hear of a call that joined a queue.
    func announceQueue(_ record: VoiceCallRecord) async {
        guard case .enqueue = record.call.outcome, record.interactionID != nil else { return }
        await events.publish(DesktopMessage(agents: [], kind: "queue"), on: db, logger: logger)
    }
}
