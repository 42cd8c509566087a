import Testing
import Identity
import Foundation
import SQLKit
@testable import Storage
import TestSupport
import ContactCenter

/// The contact centre's state in the database (SQLite and PostgreSQL): what waits survives a
/// restart in its place, every change is an event, and of two agents accepting one offer only
/// one succeeds.
@Suite(.serialized) struct ContactCenterStoreTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    static func at(_ s: Double) -> Date { t0.addingTimeInterval(s) }

    static func call(_ queued: Double) -> Interaction {
        Interaction(channel: .voice, language: "pl", topic: "registration", officeID: "pup-2002", voivodeshipCode: "20", queuedAt: at(queued))
    }

    @Test func aContextStoredBeforeItWasTypedStillReadsOnTheScreenPop() async throws {
        try await withTestDatabase(reference: true) { db in
            let store = ContactCenterStore(db: db)
            let i = try await store.enqueue(Self.call(0), now: Self.at(0))
            // What version 1 wrote: a flat map of strings.
            let old = #"{"caller":"+48600100200","identified_by":"postal_code","postal_code":"15-371","ivr_path":"pl › who › postal","digits":"postal: 15371"}"#
            try await (db as! any SQLDatabase).update("cc_interactions").set("context", to: SQLBind(old)).where("id", .equal, SQLBind(i.id)).run()
            let context = try await store.context(of: i.id)
            #expect(context.caller == "+48600100200" && context.identifiedBy == .postalCode && context.postalCode?.value == "15-371")
            #expect(context.ivrPath == ["pl", "who", "postal"] && context.keys == [.init(step: "postal", digits: "15371")])
        }
    }

    @Test func waitingInteractionsAndAgentsSurviveARestartAndRouteTheSame() async throws {
        try await withTestDatabase(reference: true) { db in
            let store = ContactCenterStore(db: db)
            let later = try await store.enqueue(Self.call(10), context: ContactContext(postalCode: try PostalCode("15-371"), ivrPath: ["pl", "1"]), now: Self.at(10))
            let first = try await store.enqueue(Self.call(0), now: Self.at(0))
            var agent = Agent(id: "konsultant", offices: ["pup-2002"], voivodeships: ["20"], languages: ["pl", "uk"], idleSince: Self.at(-100))
            agent.state = .wrapUp(until: Self.at(5))
            try await store.save(agent, now: Self.at(0))

            // "Restart": a new store over the same database sees the same queue and agents.
            let again = ContactCenterStore(db: db)
            #expect(try await again.open().map(\.id) == [first.id, later.id])
            #expect(try await again.agents() == [agent])
            #expect(try await again.context(of: later.id).postalCode?.value == "15-371")
            let decisions = Router().route(waiting: try await again.open(), agents: try await again.agents(), now: Self.at(20))
            #expect(decisions == [RoutingDecision(interactionID: first.id, agentID: "konsultant", tier: .office)])
        }
    }

    @Test func everyChangeIsAnEventAndOnlyOneAgentGetsAnOffer() async throws {
        try await withTestDatabase(reference: true) { db in
            let store = ContactCenterStore(db: db)
            let call = try await store.enqueue(Self.call(0), now: Self.at(0))
            try await store.move(call.id, to: .offered, agent: "a", now: Self.at(3))
            await #expect(throws: ContactCenterStoreError.move(.heldByAnother("a"))) {
                try await store.move(call.id, to: .connected, agent: "b", now: Self.at(4))
            }
            // The same agent in two browser tabs accepting at once: one wins, the other is told.
            async let one = Result(catching: { try await store.move(call.id, to: .connected, agent: "a", now: Self.at(5)) })
            async let two = Result(catching: { try await store.move(call.id, to: .connected, agent: "a", now: Self.at(5)) })
            let outcomes = await [one, two]
            #expect(outcomes.filter { if case .success = $0 { true } else { false } }.count == 1)
            try await store.move(call.id, to: .wrapUp, agent: "a", now: Self.at(200))
            try await store.move(call.id, to: .closed, agent: "a", note: "registered", now: Self.at(230))
            let events = try await store.events(of: call.id)
            #expect(events.map(\.to) == [.queued, .offered, .connected, .wrapUp, .closed])
            #expect(events.last?.note == "registered" && events[2].agentID == "a" && events[2].at == Self.at(5))
            #expect(try await store.open().isEmpty)
            await #expect(throws: ContactCenterStoreError.move(.notAllowed(from: .closed, to: .queued))) {
                try await store.move(call.id, to: .queued, now: Self.at(300))
            }
        }
    }
}
