import Testing
import Foundation
import Vapor
import VaporTesting
import NIOConcurrencyHelpers
@testable import App
@testable import Storage
import ContactCenter
import Access
import Clients
import TestSupport

/// Calls put through in a conference when the carrier's REST API is configured: the system
/// calls the consultant's phone into the caller's conference, supervisors join muted or coach
/// (each in the audit log), a consultant's phone that does not answer sends the caller back to
/// the queue, and recordings are played through the server from the carrier. The carrier's API
/// is played by routes of the test server, checking the account's credentials.
@Suite(.serialized) struct VoiceConferenceTests {
    /// What the fake carrier API was asked (under /api/, as the site's forms' CSRF check does not apply there).
    final class CarrierLog: Sendable {
        let calls = NIOLockedValueBox<[[String: String]]>([])
        let redirects = NIOLockedValueBox<[(call: String, url: String)]>([])
        let deleted = NIOLockedValueBox<[String]>([])
        /// While true the API answers 503, as a carrier's API does in an outage; what it refused.
        let down = NIOLockedValueBox(false)
        let refused = NIOLockedValueBox<[String]>([])
    }

    static func fakeCarrier(_ app: Application) -> CarrierLog {
        let log = CarrierLog()
        let token = app.services.config.voice.authToken!
        func authorized(_ req: Request) -> Bool { req.headers.basicAuthorization.map { $0.username == "AC1" && $0.password == token } ?? false }
        app.post("api", "fake", "2010-04-01", "Accounts", "AC1", "Calls.json") { req async throws -> Response in
            guard authorized(req) else { return Response(status: .unauthorized) }
            let params = VoiceController.formParameters(req.body.string ?? "")
            let n = log.calls.withLockedValue { $0.append(params); return $0.count }
            return Response(status: .created, body: .init(string: #"{"sid":"CAleg\#(n)","status":"queued"}"#))
        }
        app.post("api", "fake", "2010-04-01", "Accounts", "AC1", "Calls", ":call") { req async throws -> Response in
            guard authorized(req) else { return Response(status: .unauthorized) }
            let call = String(req.parameters.get("call")!.dropLast(".json".count))
            log.redirects.withLockedValue { $0.append((call, VoiceController.formParameters(req.body.string ?? "")["Url"] ?? "")) }
            return Response(status: .ok, body: .init(string: #"{"sid":"\#(call)"}"#))
        }
        app.delete("api", "fake", "2010-04-01", "Accounts", "AC1", "Recordings", ":file") { req -> HTTPStatus in
            guard authorized(req) else { return .unauthorized }
            let file = req.parameters.get("file")!
            if log.down.withLockedValue({ $0 }) { log.refused.withLockedValue { $0.append(file) }; return .serviceUnavailable }
            log.deleted.withLockedValue { $0.append(file) }
            return .noContent
        }
        app.get("api", "fake", "recordings", ":file") { req async throws -> Response in
            guard authorized(req), req.parameters.get("file") == "RE1.mp3" else { return Response(status: .notFound) }
            return Response(status: .ok, body: .init(string: "ID3-fake-audio"))
        }
        return log
    }

    static func configure(_ app: Application, port: Int) {
        app.reconfigure(config: { config in
            config.voice.apiURL = "http://127.0.0.1:\(port)/api/fake"
            config.voice.accountSID = "AC1"
        })
    }

    /// A test app, open around the clock, listening, whose carrier API is the fake one.
    static func withCarrier(_ body: @escaping (Application, CarrierLog, Int) async throws -> Void) async throws {
        try await withTestApp { app in
            ChatTests.hours(app, open: true)
            let log = Self.fakeCarrier(app)
            let port = try await ChatTests.listen(app)
            defer { Task { await app.server.shutdown() } }
            Self.configure(app, port: port)
            try await body(app, log, port)
        }
    }

    /// A call in the queue (Polish, by postal code, topic 0).
    static func queue(_ carrier: VoiceTests.Carrier) async throws -> String {
        let welcome = try await carrier.post("/voice/incoming").body.string
        let who = try await carrier.keys(welcome, "1").body.string
        let postal = try await carrier.keys(who, "2").body.string
        let topics = try await carrier.keys(postal, "15371").body.string
        return try await carrier.keys(topics, "0").body.string
    }

    @Test func theConsultantIsCalledIntoTheConferenceAndSupervisorsListenOrCoach() async throws {
        try await Self.withCarrier { app, log, port in
            let (staff, desk) = try await DesktopTests.consultant(app, "k1@example.org")
            let supervisor = try await TestStaff.create(app, email: "kierownik@example.org", roles: [.supervisor], scope: .offices(["pup-2002"]))
            let boss = try await supervisor.signIn(app)

            let caller = VoiceTests.Carrier(app)
            let enqueued = try await Self.queue(caller)
            let call = try await VoiceTests.interaction(app)
            _ = try await DesktopTests.route(app)
            #expect(try await desk.post("/desktop/offers/\(call.id)/accept", [:], csrfFrom: "/desktop").status == .seeOther)
            let bridge = try await caller.post(try VoiceTests.Carrier.action(enqueued, "Enqueue"), ["QueueResult": "leave"]).body.string
            let conference = "zl-" + call.id.uuidString.lowercased()
            #expect(bridge.contains("<Conference muted=\"false\" beep=\"false\" startConferenceOnEnter=\"false\" endConferenceOnExit=\"true\" record=\"record-from-start\""))
            #expect(bridge.contains(">\(conference)</Conference>") && !bridge.contains("<Client>"))
            let placed = log.calls.withLockedValue { $0 }
            try #require(placed.count == 1)
            #expect(placed[0]["To"] == "client:agent-\(staff.id.uuidString)" && placed[0]["From"] == "+4819524")
            #expect(placed[0]["Url"] == "http://127.0.0.1:8080/voice/agent?interaction=\(call.id.uuidString)")

            // The consultant's phone answers: into the conference, which starts.
            var agentLeg = VoiceTests.Carrier(app, from: "+4819524")
            agentLeg.sid = "CAleg1"
            let joined = try await agentLeg.post("/voice/agent?interaction=\(call.id.uuidString)").body.string
            #expect(joined.contains("<Conference muted=\"false\" beep=\"false\" startConferenceOnEnter=\"true\" endConferenceOnExit=\"true\">\(conference)</Conference>"))
            var stranger = VoiceTests.Carrier(app)
            stranger.sid = "CAnobody"
            #expect(try await stranger.post("/voice/agent?interaction=\(call.id.uuidString)").status == .notFound)

            // The supervisor listens, then coaches; each is audited.
            let page = try await boss.get("/staff/interactions/\(call.id.uuidString)?lang=en").body.string
            #expect(page.contains("Listen (muted)") && page.contains("welcome › choice of language › opening hours › how to identify"))
            #expect(try await boss.post("/staff/interactions/\(call.id.uuidString)/monitor", ["mode": "listen"], csrfFrom: "/staff/home").status == .seeOther)
            let listenCall = try #require(log.calls.withLockedValue { $0.last })
            #expect(listenCall["To"] == "client:agent-\(supervisor.id.uuidString)" && listenCall["Url"]?.contains("/voice/monitor?interaction=") == true)
            var listenLeg = VoiceTests.Carrier(app, from: "+4819524")
            listenLeg.sid = "CAleg2"
            #expect(try await listenLeg.post("/voice/monitor?interaction=\(call.id.uuidString)").body.string
                .contains("<Conference muted=\"true\" beep=\"false\" startConferenceOnEnter=\"false\" endConferenceOnExit=\"false\">"))
            #expect(try await boss.post("/staff/interactions/\(call.id.uuidString)/monitor", ["mode": "coach"], csrfFrom: "/staff/home").status == .seeOther)
            var coachLeg = VoiceTests.Carrier(app, from: "+4819524")
            coachLeg.sid = "CAleg3"
            #expect(try await coachLeg.post("/voice/monitor?interaction=\(call.id.uuidString)").body.string.contains("coach=\"CAleg1\""))
            let audited = try await AuditLog(db: app.db).entries(.init(actorID: supervisor.id)).map(\.action)
            #expect(audited.contains("call.listen") && audited.contains("call.coach") && audited.contains("interaction.read"))
            #expect(try await boss.get("/staff/interactions/\(call.id.uuidString)?lang=en").body.string.contains("listening"))
            // A consultant may not join calls.
            #expect(try await desk.post("/staff/interactions/\(call.id.uuidString)/monitor", ["mode": "listen"], csrfFrom: "/desktop").status == .forbidden)

            // The recording, played through the server with the account's credentials, and audited.
            try await caller.post("/voice/recording", ["RecordingSid": "RE1", "RecordingUrl": "http://127.0.0.1:\(port)/api/fake/recordings/RE1",
                                                       "RecordingStatus": "completed", "RecordingDuration": "61"])
            let recording = try #require(try await VoiceStore(db: app.db).recordings(interaction: call.id).first)
            let list = try await boss.get("/staff/interactions?lang=en").body.string
            #expect(list.contains("<a href=\"/staff/interactions/\(call.id.uuidString)\">Phone · Other matters · ") && list.contains("<td>1</td>"))
            let audio = try await boss.get("/staff/interactions/\(call.id.uuidString)/recordings/\(recording.id.uuidString)")
            #expect(audio.status == .ok && audio.headers.contentType?.subType == "mpeg" && audio.body.string == "ID3-fake-audio")
            #expect(try await AuditLog(db: app.db).entries(.init(actorID: supervisor.id, action: "recording.listen")).count == 1)
            #expect(try await desk.get("/staff/interactions/\(call.id.uuidString)/recordings/\(recording.id.uuidString)").status == .forbidden)

            // Past its retention the recording is forgotten here and deleted at the carrier.
            let retention = RecordingRetention(app: app)
            #expect(try await retention.sweep(now: Date().addingTimeInterval(6 * 86_400)) == 0)
            #expect(try await VoiceStore(db: app.db).call(caller.sid) != nil, "kept for a week")
            #expect(try await retention.sweep(now: recording.deleteAfter.addingTimeInterval(1)) == 1)
            #expect(try await VoiceStore(db: app.db).recordings(interaction: call.id).isEmpty)
            #expect(log.deleted.withLockedValue { $0 } == ["RE1.json"])
            // By then the IVR's state of the call (the caller's number, the keys) is gone too; the contact keeps its context.
            #expect(try await VoiceStore(db: app.db).call(caller.sid) == nil)
            #expect(try await VoiceStore(db: app.db).legs(interaction: call.id).isEmpty)
            #expect(try await ContactCenterStore(db: app.db).context(of: call.id).caller == "+48600100200")
        }
    }

    @Test func aConsultantsPhoneThatDoesNotAnswerSendsTheCallerBackToTheQueue() async throws {
        try await Self.withCarrier { app, log, port in
            let (_, desk) = try await DesktopTests.consultant(app, "k1@example.org")
            let caller = VoiceTests.Carrier(app)
            let enqueued = try await Self.queue(caller)
            let call = try await VoiceTests.interaction(app)
            _ = try await DesktopTests.route(app)
            #expect(try await desk.post("/desktop/offers/\(call.id)/accept", [:], csrfFrom: "/desktop").status == .seeOther)
            _ = try await caller.post(try VoiceTests.Carrier.action(enqueued, "Enqueue"), ["QueueResult": "leave"])
            var agentLeg = VoiceTests.Carrier(app, from: "+4819524")
            agentLeg.sid = "CAleg1"
            #expect(try await agentLeg.post("/voice/leg-status?interaction=\(call.id.uuidString)", ["CallStatus": "no-answer"]).status == .ok)
            let redirect = try #require(log.redirects.withLockedValue { $0.first })
            #expect(redirect.call == caller.sid && redirect.url.hasPrefix("http://127.0.0.1:8080/voice/requeue?seq="))
            let back = try await caller.post(String(redirect.url.dropFirst("http://127.0.0.1:8080".count))).body.string
            #expect(back.contains("Konsultant nie odebrał") && back.contains("<Enqueue"))
            #expect(try await ContactCenterStore(db: app.db).find(call.id)?.interaction.state == .queued)
            // The carrier repeats the redirect's request: the same answer.
            #expect(try await caller.post(String(redirect.url.dropFirst("http://127.0.0.1:8080".count))).body.string == back)
        }
    }

    /// The carrier's API away — first not even reachable, then answering 503 — while recordings
    /// pass their retention: they are forgotten here at once, their deletions wait, and when the
    /// API is back each copy is deleted exactly once, not again.
    @Test func recordingDeletionsWaitOutACarrierOutageAndAreSentOnceWhenItIsBack() async throws {
        try await Self.withCarrier { app, log, _ in
            _ = try await Self.queue(VoiceTests.Carrier(app))
            let call = try await VoiceTests.interaction(app)
            let start = Date()
            for n in 1...3 {
                try await VoiceStore(db: app.db).add(VoiceRecording(interactionID: call.id, callSid: "CAx", recordingSid: "RE\(n)", url: "http://127.0.0.1:9/RE\(n)",
                                                                    durationSeconds: 30, kind: .voicemail, createdAt: start, deleteAfter: start.addingTimeInterval(86_400)))
            }
            let queue = CarrierDeletionStore(db: app.db)
            let later = start.addingTimeInterval(2 * 86_400)

            // Nothing listens where the API should be: the first attempt fails and the turn stops there.
            var unreachable = app.services.config.voice
            unreachable.apiURL = "http://127.0.0.1:\(freeLocalPort())/api/fake"
            let cut = RecordingRetention(db: app.db, carrier: CarrierAPI(unreachable, client: app.client), logger: app.logger)
            #expect(try await cut.sweep(now: later) == 3)
            #expect(try await VoiceStore(db: app.db).recordings(interaction: call.id).isEmpty, "forgotten here at once")
            #expect(try await queue.count() == 3)
            #expect(try await queue.due(now: later) == ["RE2", "RE3"], "the one tried waits for its back-off")

            // The API answers 503: the first due deletion is refused and kept, and the turn stops there.
            let retention = RecordingRetention(app: app)
            log.down.withLockedValue { $0 = true }
            #expect(try await retention.deleteCarrierCopies(now: later) == 0)
            #expect(log.refused.withLockedValue { $0 } == ["RE2.json"])
            #expect(try await retention.deleteCarrierCopies(now: later.addingTimeInterval(30)) == 0)
            #expect(log.refused.withLockedValue { $0 } == ["RE2.json", "RE3.json"], "the next turn tries the next, not the one in back-off")
            #expect(try await queue.count() == 3)

            // Back: each copy deleted once, the queue empty, and nothing asked again.
            log.down.withLockedValue { $0 = false }
            #expect(try await retention.deleteCarrierCopies(now: later.addingTimeInterval(3_600)) == 3)
            #expect(log.deleted.withLockedValue { $0.sorted() } == ["RE1.json", "RE2.json", "RE3.json"])
            #expect(try await queue.count() == 0)
            #expect(try await retention.sweep(now: later.addingTimeInterval(7_200)) == 0)
            #expect(log.deleted.withLockedValue { $0.count } == 3)
        }
    }
}
