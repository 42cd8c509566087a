import Testing
import Foundation
import Vapor
import VaporTesting
@testable import App
@testable import Storage
import ContactCenter

/// Consultants set their own state; supervisors change an agent's state in their offices, and
/// that is audit-logged.
@Suite(.serialized) struct AgentStateTests {
    func json(_ res: TestingHTTPResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [String: Any]) ?? [:]
    }

    @Test func consultantsSetTheirStateAndSupervisorsOfTheOfficeMayOverrideIt() async throws {
        try await withTestApp { app in
            let consultant = try await TestStaff.create(app, email: "k@example.org", roles: [.consultant], scope: .offices(["pup-2002"]))
            let desk = try await consultant.signIn(app)
            let first = json(try await desk.get("/api/v1/agent"))
            #expect(first["state"] as? String == "offline" && first["offices"] as? [String] == ["pup-2002"])
            #expect(json(try await desk.post("/api/v1/agent/state", ["state": "available"], csrfFrom: "/staff/home"))["state"] as? String == "available")
            let noReason = try await desk.post("/api/v1/agent/state?lang=en", ["state": "break"], csrfFrom: "/staff/home")
            #expect(noReason.status == .badRequest && noReason.body.string.contains("reason"))
            let lunch = json(try await desk.post("/api/v1/agent/state", ["state": "break", "reason": "lunch"], csrfFrom: "/staff/home"))
            #expect(lunch["state"] as? String == "break" && lunch["reason"] as? String == "lunch")

            let id = try #require(first["id"] as? String)
            let foreign = try await TestStaff.create(app, email: "f@example.org", roles: [.supervisor], scope: .offices(["pup-2001"]))
            #expect(try await foreign.signIn(app).post("/staff/agents/\(id)/state", ["state": "offline"], csrfFrom: "/staff/home").status == .forbidden)
            #expect(try await desk.post("/staff/agents/\(id)/state", ["state": "offline"], csrfFrom: "/staff/home").status == .forbidden)
            let supervisor = try await TestStaff.create(app, email: "s@example.org", roles: [.supervisor], scope: .offices(["pup-2002"]))
            let forced = try await supervisor.signIn(app).post("/staff/agents/\(id)/state", ["state": "offline"], csrfFrom: "/staff/home")
            #expect(forced.status == .ok && json(forced)["state"] as? String == "offline")
            #expect(try await ContactCenterStore(db: app.db).agents().first { $0.id == id }?.state == .offline)
            let audit = try await AuditLog(db: app.db).entries(.init(action: "agent.state_changed"))
            #expect(audit.count == 1 && audit.first?.detail.contains("break → offline") == true)
        }
    }
}
