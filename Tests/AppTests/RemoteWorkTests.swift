import Testing
import Foundation
import Vapor
import VaporTesting
@testable import App
@testable import Storage
import ContactCenter

/// A consultant working remotely: their own number proved by a call that reads a code, calls
/// put through to it from then on, the supervisor seeing who works remotely; without the
/// carrier's API, the page says why nothing can be proved.
@Suite(.serialized) struct RemoteWorkTests {
    /// The code the carrier's voice read (the inline TwiML of the last call placed).
    static func code(_ log: VoiceConferenceTests.CarrierLog) throws -> (to: String, code: String) {
        let call = try #require(log.calls.withLockedValue { $0.last })
        let twiml = try #require(call["Twiml"])
        // "Kod Zielonej Linii: 4 0 7 1 9 2." in the language of the consultant's page.
        let m = try #require(twiml.firstMatch(of: #/: ([0-9](?: [0-9]){5})\./#))
        return (call["To"] ?? "", String(m.output.1).filter(\.isNumber))
    }

    @Test func aConsultantProvesTheirNumberAndCallsArePutThroughToIt() async throws {
        try await VoiceConferenceTests.withCarrier { app, log, _ in
            let (staff, desk) = try await DesktopTests.consultant(app, "k1@example.org")
            #expect(try await desk.get("/desktop?lang=en").body.string.contains("href=\"/desktop/phone\""))
            let page = try await desk.get("/desktop/phone?lang=en").body.string
            #expect(page.contains("No number given: calls go to your desk") && page.contains("name=\"phone\""))
            #expect(try await desk.post("/desktop/phone?lang=en", ["phone": "12"], csrfFrom: "/desktop/phone").body.string
                .contains("Phone number: 9 digits, or + and the number with its country code."))
            #expect(try await desk.post("/desktop/phone", ["phone": "600 999 888"], csrfFrom: "/desktop/phone").status == .seeOther)
            let (to, code) = try Self.code(log)
            #expect(to == "+48600999888" && code.count == 6)
            // Not again within the minute.
            #expect(try await desk.post("/desktop/phone", ["phone": "600 999 888"], csrfFrom: "/desktop/phone").status == .tooManyRequests)
            let wrong = code == "000000" ? "111111" : "000000"
            let refused = try await desk.post("/desktop/phone/verify?lang=en", ["code": wrong], csrfFrom: "/desktop/phone")
            #expect(refused.status == .badRequest && refused.body.string.contains("Tries left: 4."))
            #expect(try await AgentPhoneStore(db: app.db).find(agent: staff.id.uuidString)?.takesCalls == false)
            #expect(try await desk.post("/desktop/phone/verify", ["code": code], csrfFrom: "/desktop/phone").status == .seeOther)
            #expect(try await AgentPhoneStore(db: app.db).find(agent: staff.id.uuidString)?.takesCalls == true)
            #expect(try await AgentPhoneStore(db: app.db).find(agent: staff.id.uuidString)?.codeHash == nil, "the code is spent")

            // The supervisor sees who works remotely.
            let boss = try await TestStaff.create(app, email: "kierownik@example.org", roles: [.supervisor], scope: .offices(["pup-2002"])).signIn(app)
            #expect(try await boss.get("/wallboard?lang=en").body.string.contains("<span class=\"badge\">remote</span>"))

            // A call is put through to the consultant's own number.
            let caller = VoiceTests.Carrier(app)
            let enqueued = try await VoiceConferenceTests.queue(caller)
            let call = try await VoiceTests.interaction(app)
            _ = try await DesktopTests.route(app)
            #expect(try await desk.post("/desktop/offers/\(call.id)/accept", [:], csrfFrom: "/desktop").status == .seeOther)
            _ = try await caller.post(try VoiceTests.Carrier.action(enqueued, "Enqueue"), ["QueueResult": "leave"])
            #expect(log.calls.withLockedValue { $0.last?["To"] } == "+48600999888")

            // Back at the desk: calls go to the desk's phone again.
            #expect(try await desk.post("/desktop/phone/remote", ["remote": "off"], csrfFrom: "/desktop/phone").status == .seeOther)
            #expect(try await AgentPhoneStore(db: app.db).remoteNumbers().isEmpty)
            #expect(try await desk.post("/desktop/phone/forget", [:], csrfFrom: "/desktop/phone").status == .seeOther)
            #expect(try await AgentPhoneStore(db: app.db).find(agent: staff.id.uuidString) == nil)
        }
    }

    @Test func fiveWrongCodesSpendTheCode() async throws {
        try await VoiceConferenceTests.withCarrier { app, log, _ in
            let (staff, desk) = try await DesktopTests.consultant(app, "k2@example.org")
            _ = try await desk.post("/desktop/phone", ["phone": "+48 600 999 777"], csrfFrom: "/desktop/phone")
            let (_, code) = try Self.code(log)
            let wrong = code == "000000" ? "111111" : "000000"
            for _ in 1...RemoteWork.attempts { _ = try await desk.post("/desktop/phone/verify", ["code": wrong], csrfFrom: "/desktop/phone") }
            let late = try await desk.post("/desktop/phone/verify?lang=en", ["code": code], csrfFrom: "/desktop/phone")
            #expect(late.status == .badRequest && late.body.string.contains("Ask for a new call with a code."))
            #expect(try await AgentPhoneStore(db: app.db).find(agent: staff.id.uuidString)?.verifiedAt == nil)
        }
    }

    @Test func withoutTheCarriersAPINoNumberCanBeProved() async throws {
        try await withTestApp { app in
            let (_, desk) = try await DesktopTests.consultant(app, "k3@example.org")
            let page = try await desk.get("/desktop/phone?lang=en").body.string
            #expect(page.contains("Proving a number needs the telephone carrier") && !page.contains("name=\"phone\""))
            #expect(try await desk.post("/desktop/phone", ["phone": "600 999 888"], csrfFrom: "/desktop/phone").status == .serviceUnavailable)
        }
    }
}
