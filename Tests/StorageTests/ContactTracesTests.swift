import Testing
import Foundation
import ContactCenter
import Reporting
@testable import Storage

/// The reports' input read from the event stream on both databases: each contact once, with its
/// changes in order, by arrival and office.
@Suite struct ContactTracesTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    static func at(_ s: Double) -> Date { t0.addingTimeInterval(s) }

    static func call(_ office: String, _ queued: Double) -> Interaction {
        Interaction(channel: .voice, language: "pl", topic: "registration", officeID: office, voivodeshipCode: office == "pup-2002" ? "20" : "10",
                    queuedAt: at(queued))
    }

    @Test func answeredAndAbandonedContactsBecomeTracesTheMetricsRead() async throws {
        try await withTestDatabase(reference: true) { db in
            let store = ContactCenterStore(db: db)
            let answered = try await store.enqueue(Self.call("pup-2002", 0), now: Self.at(0))
            try await store.move(answered.id, to: .offered, agent: "a1", now: Self.at(8))
            try await store.move(answered.id, to: .connected, agent: "a1", now: Self.at(10))
            try await store.move(answered.id, to: .wrapUp, agent: "a1", now: Self.at(130))
            try await store.move(answered.id, to: .closed, agent: "a1", now: Self.at(150))
            let gaveUp = try await store.enqueue(Self.call("pup-2002", 60), now: Self.at(60))
            try await store.move(gaveUp.id, to: .abandoned, now: Self.at(100))
            let elsewhere = try await store.enqueue(Self.call("pup-1061", 70), now: Self.at(70))
            _ = try await store.enqueue(Self.call("pup-2002", 4_000), now: Self.at(4_000))   // after the period

            let traces = try await store.traces(arrivedFrom: Self.t0, until: Self.at(3_600), offices: ["pup-2002"])
            #expect(Set(traces.map(\.id)) == [answered.id, gaveUp.id])
            let first = try #require(traces.first { $0.id == answered.id })
            #expect(first.steps.map(\.state) == ["queued", "offered", "connected", "wrap_up", "closed"])
            #expect(first.outcome.wait == 10 && first.outcome.handleTime == 140 && first.outcome.agent == "a1")

            let m = ContactMetrics(traces, parameters: .init(answerWithin: 20))
            #expect(m.offered == 2 && m.answered == 1 && m.abandoned == 1 && m.abandonedAfterT == 1)
            #expect(m.serviceLevel == 0.5 && m.averageHandleTime == 140)

            let everywhere = try await store.traces(arrivedFrom: Self.t0, until: Self.at(3_600))
            #expect(everywhere.contains { $0.id == elsewhere.id } && everywhere.count == 3)
            #expect(try await store.traces(arrivedFrom: Self.t0, until: Self.at(3_600), offices: []).isEmpty)
        }
    }
}
