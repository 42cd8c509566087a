import Testing
import Foundation
@testable import ContactCenter

/// The router on a fake clock: every overflow tier, the tie-breaks, ageing and capacity.
struct RouterTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    static func at(_ seconds: Double) -> Date { t0.addingTimeInterval(seconds) }

    static func agent(_ id: String, office: String, voivodeship: String = "20", idle: Double = 0, state: AgentState = .available,
                      national: Bool = false, languages: Set<String> = ["pl"], topics: Set<String> = []) -> Agent {
        Agent(id: id, offices: national ? [] : [office], voivodeships: national ? [] : [voivodeship], nationalPool: national,
              languages: languages, topics: topics, state: state, idleSince: at(idle))
    }

    static func call(office: String = "pup-2002", voivodeship: String = "20", queued: Double = 0, priority: Int = 0,
                     language: String = "pl", channel: Channel = .voice) -> Interaction {
        Interaction(channel: channel, language: language, topic: "registration", officeID: office, voivodeshipCode: voivodeship,
                    queuedAt: at(queued), priority: priority)
    }

    let router = Router(policy: RoutingPolicy(voivodeshipAfter: 60, nationalAfter: 180, secondsPerAgeingPoint: 30, offerTimeout: 20))
    /// The rule before issue 22: only the waits widen the reach (still the cap of the predictive rule).
    let timeOnly = Router(policy: RoutingPolicy(voivodeshipAfter: 60, nationalAfter: 180, predictive: false))

    static func busy(_ a: Agent) -> Agent { var a = a; a.state = .busy; a.load = [.voice: 1]; return a }
    /// Calls of pup-2002 take 240 s there.
    static let slowOffice = HandleTimes(["pup-2002": [.voice: 240]])

    @Test func anIdleAgentElsewhereTakesACallTheOfficeWouldAnswerTooLate() {
        // Two consultants, both busy, four minutes a call: the next place frees in about two
        // minutes, far past 20 s — so the call goes wider at once, not after 60 s.
        let own = [Self.busy(Self.agent("own-1", office: "pup-2002")), Self.busy(Self.agent("own-2", office: "pup-2002"))]
        let national = Self.agent("national", office: "", national: true)
        let c = Self.call()
        #expect(router.bestAgent(for: c, agents: own + [national], handleTimes: Self.slowOffice, now: Self.at(0))
                == RoutingDecision(interactionID: c.id, agentID: "national", tier: .national))
        #expect(timeOnly.bestAgent(for: c, agents: own + [national], handleTimes: Self.slowOffice, now: Self.at(179)) == nil, "the old rule waited 180 s")
        // Seen from the national consultant as they become free: the call is theirs to take.
        let index = Router.Index(own + [national], handleTimes: Self.slowOffice)
        #expect(router.bestInteraction(for: national, waiting: [c], index: index, now: Self.at(1))?.tier == .national)
        // A neighbouring office with two free lends one before the national pool; with one free
        // it keeps them for its own next caller and the national pool takes the call.
        let neighbours = [Self.agent("neighbour", office: "pup-2003"), Self.agent("neighbour-2", office: "pup-2003", idle: 5)]
        #expect(router.bestAgent(for: c, agents: own + [national] + neighbours, handleTimes: Self.slowOffice, now: Self.at(0))?.agentID == "neighbour")
        #expect(router.bestAgent(for: c, agents: own + [national, neighbours[0]], handleTimes: Self.slowOffice, now: Self.at(0))?.agentID == "national")
        // Nobody else free: the last free consultant of the neighbour takes it after all.
        #expect(router.bestAgent(for: c, agents: own + [Self.busy(national), neighbours[0]], handleTimes: Self.slowOffice, now: Self.at(0))?.agentID == "neighbour")
    }

    @Test func aCallStaysInItsOfficeWhileAColleagueFreesUpInTime() {
        // Twelve consultants, two minutes a call: one frees every 10 s, so the first in line is
        // answered well within 20 s at home; an idle neighbour does not take it.
        let quick = HandleTimes(["pup-2002": [.voice: 120]])
        let own = (1...12).map { Self.busy(Self.agent("own-\($0)", office: "pup-2002")) }
        let neighbour = Self.agent("neighbour", office: "pup-2003"), national = Self.agent("national", office: "", national: true)
        let agents = own + [neighbour, Self.agent("neighbour-2", office: "pup-2003", idle: 5), national]
        let c = Self.call()
        #expect(router.predictedWait(position: 1, office: "pup-2002", channel: .voice, index: Router.Index(agents, handleTimes: quick)) == 10)
        #expect(router.bestAgent(for: c, agents: agents, handleTimes: quick, now: Self.at(0)) == nil)
        #expect(router.bestAgent(for: c, agents: agents, handleTimes: quick, now: Self.at(9)) == nil)
        let index = Router.Index(agents, handleTimes: quick)
        #expect(router.bestInteraction(for: neighbour, waiting: [c], index: index, now: Self.at(9)) == nil)
        // A colleague frees up at 8 s: theirs.
        var freed = own[0]; freed.state = .available; freed.load = [:]; freed.idleSince = Self.at(8)
        #expect(router.bestInteraction(for: freed, waiting: [c], index: index, now: Self.at(8))?.tier == .office)
        // Nobody has by 10 s: waited 10 + 10 more would pass 20 s, so the neighbour takes it.
        #expect(router.bestAgent(for: c, agents: agents, handleTimes: quick, now: Self.at(10.5)) == RoutingDecision(interactionID: c.id, agentID: "neighbour", tier: .voivodeship))
        // Third in line would wait 30 s: it goes at once.
        #expect(router.bestAgent(for: c, position: 3, agents: agents, handleTimes: quick, now: Self.at(0))?.agentID == "neighbour")
    }

    @Test func aPassPlacesOnlyTheCallsTheirOfficeWouldAnswerTooLate() {
        // Four busy consultants, one minute a call: first in line 15 s (stays), second 30 s (goes).
        let quick = HandleTimes(["pup-2002": [.voice: 60]])
        let agents = (1...4).map { Self.busy(Self.agent("own-\($0)", office: "pup-2002")) } + [Self.agent("neighbour", office: "pup-2003")]
        let first = Self.call(queued: 0), second = Self.call(queued: 1)
        #expect(router.route(waiting: [second, first], agents: agents, handleTimes: quick, now: Self.at(2)).map(\.interactionID) == [second.id])
        // Without observed figures the policy's default (180 s) says both would be late.
        #expect(router.predictedWait(position: 1, office: "pup-2002", channel: .voice, index: Router.Index(agents)) == 45)
        // Chats: three at once each, so the places are three times as many.
        #expect(router.predictedWait(position: 1, office: "pup-2002", channel: .chat, index: Router.Index(agents, handleTimes: quick)) == 15)
        // A channel with hours to answer (e-mail) stays home however busy the office.
        let mail = Interaction(channel: .email, language: "pl", topic: "registration", officeID: "pup-2002", voivodeshipCode: "20", queuedAt: Self.at(0))
        var full = agents
        for n in 0..<4 { full[n].load = [.email: 5] }
        #expect(router.bestAgent(for: mail, agents: full, now: Self.at(30)) == nil)
    }

    @Test func theWaitToldIsWhereTheCallWillBeAnswered() {
        // Two busy at home, four minutes a call: two minutes there. Eight more busy in the
        // voivodeship and two in a national pool spread over one staffed voivodeship: twelve
        // places share what waits in the voivodeship.
        let agents = (1...2).map { Self.busy(Self.agent("own-\($0)", office: "pup-2002")) }
            + (1...8).map { Self.busy(Self.agent("n-\($0)", office: "pup-2003")) }
            + (1...2).map { Self.busy(Self.agent("national-\($0)", office: "", national: true)) }
        let index = Router.Index(agents, handleTimes: Self.slowOffice)
        let c = Self.call()
        #expect(router.expectedWait(c, position: 1, waitingInVoivodeship: 0, index: index, now: Self.at(0)) == 20)
        #expect(router.expectedWait(c, position: 1, waitingInVoivodeship: 11, index: index, now: Self.at(0)) == 120, "the pool is busier than home")
        // An office that answers in time says its own figure.
        let quick = Router.Index(agents, handleTimes: HandleTimes(["pup-2002": [.voice: 30]]))
        #expect(router.expectedWait(c, position: 1, waitingInVoivodeship: 0, index: quick, now: Self.at(0)) == 15)
    }

    @Test func ownOfficeFirstThenTheVoivodeshipAfterAWaitThenTheNationalPool() {
        let router = timeOnly
        let agents = [Self.agent("own", office: "pup-2002", state: .busy), Self.agent("neighbour", office: "pup-2003"),
                      Self.agent("national", office: "", national: true)]
        var busyOwn = agents
        busyOwn[0].load = [.voice: 1]
        let c = Self.call()
        #expect(router.bestAgent(for: c, agents: busyOwn, now: Self.at(59)) == nil, "own office staffed: wait for it")
        #expect(router.bestAgent(for: c, agents: busyOwn, now: Self.at(60))?.agentID == "neighbour")
        #expect(router.bestAgent(for: c, agents: busyOwn, now: Self.at(60))?.tier == .voivodeship)
        var neighbourBusy = busyOwn
        neighbourBusy[1].state = .onBreak(reason: "lunch")
        #expect(router.bestAgent(for: c, agents: neighbourBusy, now: Self.at(179)) == nil)
        #expect(router.bestAgent(for: c, agents: neighbourBusy, now: Self.at(180)) == RoutingDecision(interactionID: c.id, agentID: "national", tier: .national))
        // Free again in its own office: back to the first tier.
        #expect(router.bestAgent(for: c, agents: agents.map { var a = $0; a.state = .available; return a }, now: Self.at(500))?.agentID == "own")
    }

    @Test func aNationalTopicGoesToWhoeverTakesItAtOnceAfterItsOwnOffice() {
        // Everyone of the returns office busy: a returns question does not wait its minute for
        // them; a general question of the same office does.
        var agents = [Self.busy(Self.agent("own", office: "pup-2002")), Self.agent("national", office: "", national: true),
                      Self.agent("general-only", office: "", national: true, topics: ["registration"])]
        let question = Interaction(channel: .webForm, language: "pl", topic: ContactTopic.returns.rawValue, officeID: "pup-2002",
                               voivodeshipCode: "20", queuedAt: Self.at(0))
        #expect(timeOnly.bestAgent(for: question, agents: agents, now: Self.at(0)) == RoutingDecision(interactionID: question.id, agentID: "national", tier: .national))
        #expect(timeOnly.bestAgent(for: Self.call(channel: .webForm), agents: agents, now: Self.at(0)) == nil)
        // A consultant who chose other topics is not offered it; one of its own office free comes first.
        agents.remove(at: 1)
        #expect(timeOnly.bestAgent(for: question, agents: agents, now: Self.at(0)) == nil)
        agents[0] = Self.agent("own", office: "pup-2002")
        #expect(timeOnly.bestAgent(for: question, agents: agents + [Self.agent("national", office: "", national: true)], now: Self.at(0))?.agentID == "own")
        #expect(ContactTopic.general.contains(.registration) && !ContactTopic.general.contains(.returns))
    }

    @Test func nobodyOfTheOfficeLoggedInOverflowsAtOnce() {
        let agents = [Self.agent("own", office: "pup-2002", state: .offline), Self.agent("neighbour", office: "pup-2003"),
                      Self.agent("neighbour-2", office: "pup-2003", idle: 5), Self.agent("national", office: "", national: true)]
        #expect(router.bestAgent(for: Self.call(), agents: agents, now: Self.at(0))?.agentID == "neighbour")
        let lonely = [Self.agent("own", office: "pup-2002", state: .offline), Self.agent("national", office: "", national: true)]
        #expect(router.bestAgent(for: Self.call(), agents: lonely, now: Self.at(0))?.tier == .national, "nobody in the voivodeship either")
    }

    @Test func longestIdleFirstThenByID() {
        let agents = [Self.agent("b", office: "pup-2002", idle: 10), Self.agent("a", office: "pup-2002", idle: 10),
                      Self.agent("c", office: "pup-2002", idle: 5)]
        #expect(router.bestAgent(for: Self.call(), agents: agents, now: Self.at(30))?.agentID == "c")
        #expect(router.bestAgent(for: Self.call(), agents: Array(agents.prefix(2)), now: Self.at(30))?.agentID == "a")
    }

    @Test func priorityAndAgeingDecideWhoGoesFirstAndNothingStarves() {
        let agents = [Self.agent("only", office: "pup-2002")]
        let old = Self.call(queued: 0), callbackDue = Self.call(queued: 50, priority: 2)
        // At 60 s: the old call has 2 ageing points, the due callback 2 + 0.33: the callback first.
        #expect(router.route(waiting: [old, callbackDue], agents: agents, now: Self.at(60)).map(\.interactionID) == [callbackDue.id])
        // Ageing: a long wait outranks priority that arrived later, so the old call is not
        // held back for ever by a stream of due callbacks.
        let laterCallback = Self.call(queued: 100, priority: 2)
        #expect(router.route(waiting: [old, laterCallback], agents: agents, now: Self.at(120)).map(\.interactionID) == [old.id])
        // Equal urgency: the one that waited longer.
        let a = Self.call(queued: 0), b = Self.call(queued: 0)
        let first = router.route(waiting: [b, a], agents: agents, now: Self.at(10)).first?.interactionID
        #expect(first == [a, b].min { $0.id.uuidString < $1.id.uuidString }?.id)
    }

    @Test func skillsAndCapacityAreRespected() {
        var agents = [Self.agent("pl", office: "pup-2002"), Self.agent("uk", office: "pup-2002", idle: 100, languages: ["pl", "uk"])]
        #expect(router.bestAgent(for: Self.call(language: "uk"), agents: agents, now: Self.at(0))?.agentID == "uk")
        // Three chats at once, then no more; a call is not offered to someone chatting.
        let chats = (0..<4).map { Self.call(queued: Double($0), channel: .chat) }
        agents = [Self.agent("chatter", office: "pup-2002")]
        #expect(router.route(waiting: chats, agents: agents, now: Self.at(10)).count == 3)
        agents[0].load = [.chat: 1]; agents[0].state = .busy
        #expect(router.bestAgent(for: Self.call(), agents: agents, now: Self.at(10)) == nil)
        #expect(router.bestAgent(for: Self.call(channel: .chat), agents: agents, now: Self.at(10))?.agentID == "chatter")
        // Wrap-up holds offers back until it ends; "not responding" until the agent returns.
        agents = [Self.agent("w", office: "pup-2002", state: .wrapUp(until: Self.at(30))), Self.agent("n", office: "pup-2002", state: .notResponding)]
        #expect(router.bestAgent(for: Self.call(), agents: agents, now: Self.at(29)) == nil)
        #expect(router.bestAgent(for: Self.call(), agents: agents, now: Self.at(30))?.agentID == "w")
    }

    @Test func aLapsedOfferGoesToTheNextAgentAndIsNotOfferedBack() throws {
        let agents = [Self.agent("first", office: "pup-2002", idle: 0), Self.agent("second", office: "pup-2002", idle: 5)]
        var c = Self.call()
        let decision = try #require(router.bestAgent(for: c, agents: agents, now: Self.at(1)))
        #expect(decision.agentID == "first")
        _ = try c.move(to: .offered, at: Self.at(1), agent: "first")
        #expect(router.lapsedOffers([c], now: Self.at(20)).isEmpty)
        #expect(router.lapsedOffers([c], now: Self.at(21)).map(\.agentID) == ["first"])
        _ = try c.move(to: .queued, at: Self.at(21))
        #expect(router.bestAgent(for: c, agents: agents, now: Self.at(21))?.agentID == "second")
    }

    @Test func theStateMachineRefusesImpossibleMovesAndASecondTaker() throws {
        var c = Self.call()
        #expect(throws: Interaction.MoveError.notAllowed(from: .queued, to: .closed)) { try c.move(to: .closed, at: Self.at(1)) }
        _ = try c.move(to: .offered, at: Self.at(1), agent: "a")
        #expect(throws: Interaction.MoveError.heldByAnother("a")) { try c.move(to: .connected, at: Self.at(2), agent: "b") }
        let connected = try c.move(to: .connected, at: Self.at(2), agent: "a")
        #expect(connected.from == .offered && connected.to == .connected && connected.agentID == "a")
        _ = try c.move(to: .transferred, at: Self.at(30), note: "do doradcy EURES")
        c.retarget(officeID: "wup-20", voivodeshipCode: "20", onlyAgent: "eures")
        _ = try c.move(to: .queued, at: Self.at(31))
        #expect(c.queuedAt == Self.at(31) && c.onlyAgent == "eures")
        let agents = [Self.agent("a", office: "wup-20"), Self.agent("eures", office: "wup-20", idle: 100)]
        #expect(router.bestAgent(for: c, agents: agents, now: Self.at(32))?.agentID == "eures", "a transfer to a named agent")
        #expect(InteractionState.allCases.filter(\.isFinal) == [.closed, .abandoned, .expired])
    }

    @Test func aTransferToANamedAgentWaitsForThatAgentWhereverTheyWork() {
        var c = Self.call(office: "pup-2002")
        c.retarget(officeID: "pup-2002", voivodeshipCode: "20", onlyAgent: "far")
        let far = Self.agent("far", office: "pup-1201", voivodeship: "12", idle: 100, state: .busy)
        let near = Self.agent("near", office: "pup-2002", idle: -500)
        var busyFar = far
        busyFar.load = [.voice: 1]
        #expect(router.bestAgent(for: c, agents: [near, busyFar], now: Self.at(1_000)) == nil, "only the named agent, not the longest idle")
        #expect(router.bestAgent(for: c, agents: [near, far], now: Self.at(1)) == RoutingDecision(interactionID: c.id, agentID: "far", tier: .office))
        #expect(router.bestInteraction(for: far, waiting: [c], index: Router.Index([near, far]), now: Self.at(1))?.interaction.id == c.id)
        #expect(router.bestInteraction(for: near, waiting: [c], index: Router.Index([near, far]), now: Self.at(1)) == nil)
    }

    @Test func aContactQueuedForLaterWaitsForItsTime() {
        let later = Interaction(channel: .callback, language: "pl", topic: "registration", officeID: "pup-2002", voivodeshipCode: "20",
                                queuedAt: Self.at(3_600), priority: 2)
        let agents = [Self.agent("own", office: "pup-2002")]
        #expect(router.route(waiting: [later], agents: agents, now: Self.at(3_599)).isEmpty)
        #expect(router.bestInteraction(for: agents[0], waiting: [later], index: Router.Index(agents), now: Self.at(3_599)) == nil)
        #expect(router.route(waiting: [later], agents: agents, now: Self.at(3_600)).map(\.agentID) == ["own"])
    }
}
