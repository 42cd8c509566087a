import Testing
import Foundation
import Vapor
@testable import App
@testable import Storage
import ContactCenter
import Portal

/// `GET /api/v1/queues`: what waits and how today went, per queue, only for the staff
/// member's own offices.
@Suite(.serialized) struct QueueFiguresTests {
    @Test func figuresPerQueueForOwnOfficesOnly() async throws {
        try await withTestApp { app in
            let store = ContactCenterStore(db: app.db)
            // The contacts below happened in the last 5 minutes: keep them all within today.
            let sinceMidnight = Date().timeIntervalSince(Calendar.polish.startOfDay(for: Date()))
            if sinceMidnight < 400 { try await Task.sleep(for: .seconds(400 - sinceMidnight)) }
            let now = Date()
            func call(_ office: String, _ topic: String, waited: Double) -> Interaction {
                Interaction(channel: .voice, language: "pl", topic: topic, officeID: office, voivodeshipCode: "20", queuedAt: now.addingTimeInterval(-waited))
            }
            // pup-2002 registration: one answered in 5 s, one after 60 s, one abandoned, two waiting (30 s and 90 s).
            let quick = try await store.enqueue(call("pup-2002", "registration", waited: 300))
            try await store.move(quick.id, to: .offered, agent: "a", now: quick.queuedAt.addingTimeInterval(4))
            try await store.move(quick.id, to: .connected, agent: "a", now: quick.queuedAt.addingTimeInterval(5))
            let slow = try await store.enqueue(call("pup-2002", "registration", waited: 200))
            try await store.move(slow.id, to: .offered, agent: "a", now: slow.queuedAt.addingTimeInterval(59))
            try await store.move(slow.id, to: .connected, agent: "a", now: slow.queuedAt.addingTimeInterval(60))
            let gone = try await store.enqueue(call("pup-2002", "registration", waited: 150))
            try await store.move(gone.id, to: .abandoned, now: gone.queuedAt.addingTimeInterval(40))
            try await store.enqueue(call("pup-2002", "registration", waited: 30))
            try await store.enqueue(call("pup-2002", "registration", waited: 90))
            try await store.enqueue(call("pup-2002", "benefits", waited: 10))
            try await store.enqueue(call("pup-2001", "registration", waited: 500))

            // Two of today's contacts were rated (5 and 3); a survey sent but not answered does not count.
            let surveys = SurveyStore(db: app.db)
            for (n, (i, rating)) in [(quick, 5), (slow, 3), (gone, 0)].enumerated() {
                try await surveys.create(interaction: i.id, tokenHash: "t\(n)", language: "pl", now: now)
                if rating > 0, let s = try await surveys.find(tokenHash: "t\(n)", now: now) { try await surveys.answer(s.id, rating: rating, comment: nil, now: now) }
            }

            let supervisor = try await TestStaff.create(app, email: "s@example.org", roles: [.supervisor], scope: .offices(["pup-2002"]))
            let browser = try await supervisor.signIn(app)
            let body = try JSONSerialization.jsonObject(with: Data(try await browser.get("/api/v1/queues").body.readableBytesView)) as? [String: Any]
            let queues = try #require(body?["queues"] as? [[String: Any]])
            #expect(queues.map { "\($0["office_id"]!)/\($0["topic"]!)" } == ["pup-2002/benefits", "pup-2002/registration"], "not pup-2001")
            let registration = queues[1]
            let elapsed = Int(Date().timeIntervalSince(now).rounded(.up))
            #expect(registration["waiting"] as? Int == 2 && (registration["longest_wait_seconds"] as? Int).map { (89...(91 + elapsed)).contains($0) } == true)
            #expect(registration["answered_today"] as? Int == 2 && registration["abandoned_today"] as? Int == 1)
            #expect(abs((registration["service_level_today"] as? Double ?? 0) - 1.0 / 3.0) < 0.001)
            #expect(queues[0]["service_level_today"] == nil || queues[0]["service_level_today"] is NSNull)
            #expect(registration["ratings_today"] as? Int == 2 && registration["satisfaction_today"] as? Double == 4.0)
            #expect(try await browser.get("/wallboard?lang=en").body.string.contains("4.0 (2)"))

            #expect(try await browser.get("/api/v1/queues?office=pup-2001").status == .forbidden)
            #expect(try await FormClient(app).get("/api/v1/queues").status == .unauthorized)
            let editor = try await TestStaff.create(app, email: "r@example.org", roles: [.officeEditor], scope: .offices(["pup-2002"]))
            #expect(try await editor.signIn(app).get("/api/v1/queues").status == .forbidden)
        }
    }
}
