import Testing
import Foundation
@testable import ContactCenter
import Directory

/// A voivode's foreigners' helpline on the same engine: its contacts go to its consultants
/// only, however long they wait; its consultants take none of the labour offices' overflow;
/// its flow asks the language first and queues by matter at its own office.
struct ServiceLineTests {
    let router = Router(policy: RoutingPolicy(voivodeshipAfter: 60, nationalAfter: 180))

    static func helplineAgent(_ id: String, languages: Set<String> = ["pl", "uk"]) -> Agent {
        Agent(id: id, offices: ["uw-10"], voivodeships: [], nationalPool: false, languages: languages,
              topics: Set(ContactTopic.helpline.map(\.rawValue)), idleSince: RouterTests.at(0))
    }

    static func helplineCall(queued: Double = 0, language: String = "uk") -> Interaction {
        Interaction(channel: .voice, language: language, topic: "foreigners_stay", officeID: "uw-10", voivodeshipCode: "10",
                    queuedAt: RouterTests.at(queued))
    }

    @Test func aHelplineCallNeverOverflowsToLabourOfficesOrTheNationalPool() {
        let labour = RouterTests.agent("pup-lodz", office: "pup-1061", voivodeship: "10", languages: ["pl", "uk"])
        let national = RouterTests.agent("national", office: "", national: true, languages: ["pl", "uk"])
        let call = Self.helplineCall()
        #expect(call.isOnOwnLine)
        // Ten minutes with nobody of the helpline free: still nobody else.
        #expect(router.bestAgent(for: call, agents: [labour, national], now: RouterTests.at(600)) == nil)
        let own = Self.helplineAgent("uw-1")
        #expect(router.bestAgent(for: call, agents: [labour, national, own], now: RouterTests.at(1))
                == RoutingDecision(interactionID: call.id, agentID: "uw-1", tier: .office))
        // In Ukrainian only to those who speak it.
        #expect(router.bestAgent(for: Self.helplineCall(language: "ru"), agents: [own], now: RouterTests.at(600)) == nil)
        let index = Router.Index([labour, national], handleTimes: HandleTimes())
        #expect(router.bestInteraction(for: national, waiting: [call], index: index, now: RouterTests.at(900)) == nil)
    }

    @Test func helplineConsultantsTakeNoneOfTheLabourOfficesOverflow() {
        let own = Self.helplineAgent("uw-1", languages: ["pl"])
        var labourCall = RouterTests.call(office: "pup-1061", voivodeship: "10", queued: 0)
        labourCall.topic = ContactTopic.foreigners.rawValue
        #expect(!labourCall.isOnOwnLine)
        #expect(router.bestAgent(for: labourCall, agents: [own], now: RouterTests.at(900)) == nil)
        let index = Router.Index([own], handleTimes: HandleTimes())
        #expect(router.bestInteraction(for: own, waiting: [labourCall], index: index, now: RouterTests.at(900)) == nil)
    }

    @Test func transfersStayOnTheContactsLine() {
        let helpline = Self.helplineCall(), labour = RouterTests.call(office: "pup-1061", voivodeship: "10")
        let uw = Office(id: "uw-10", kind: .uw, name: "ŁUW", locality: "Łódź", voivodeshipCode: "10", powiatCodes: [])
        let pup = Office(id: "pup-1061", kind: .pup, name: "PUP Łódź", locality: "Łódź", voivodeshipCode: "10", powiatCodes: ["1061"])
        #expect(helpline.staysOnItsLine(at: uw) && !helpline.staysOnItsLine(at: pup))
        #expect(labour.staysOnItsLine(at: pup) && !labour.staysOnItsLine(at: uw))
        let own = Self.helplineAgent("uw-1"), other = RouterTests.agent("pup", office: "pup-1061", voivodeship: "10")
        #expect(helpline.staysOnItsLine(with: own) && !helpline.staysOnItsLine(with: other))
        #expect(labour.staysOnItsLine(with: other) && !labour.staysOnItsLine(with: own))
    }

    @Test func theHelplineFlowAsksTheLanguageFirstAndQueuesByMatterAtItsOffice() async throws {
        let flow = IVRFlow.lodzForeignersHelpline
        #expect(flow.problems().isEmpty)
        #expect(flow.steps[flow.start]?.kind == .language)
        let engine = IVREngine(flow: flow, version: 1)
        var (call, actions) = try await engine.start()
        #expect(IVREngineTests.said(actions).first?.contains("Українською") == true)
        (call, actions) = try await engine.advance(call, .digits("4"), lookups: IVREngineTests.Lookups())
        #expect(call.language == "uk" && IVREngineTests.said(actions).first?.contains("гаряча лінія для іноземців") == true)
        (call, actions) = try await engine.advance(call, .digits("2"), lookups: IVREngineTests.Lookups())
        #expect(call.outcome == .enqueue(office: "uw-10", topic: "foreigners_work", language: "uk"))
        // Closed: the hours and the generator, no callback into a labour office's queue.
        var closed = IVREngineTests.Lookups()
        closed.open = false
        (call, _) = try await engine.start()
        (call, actions) = try await engine.advance(call, .digits("2"), lookups: closed)
        #expect(IVREngineTests.said(actions).contains { $0.contains("hours in en") } && actions.last == .hangup)
    }
}
