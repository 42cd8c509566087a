import Testing
import Foundation
@testable import ContactCenter

@Suite struct PolicyTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func agent(_ state: AgentState, load: [Channel: Int] = [:]) -> Agent {
        var a = Agent(id: "a", offices: ["pup-2002"], voivodeships: ["20"], languages: ["pl", "uk"], state: state, idleSince: now)
        a.load = load
        return a
    }

    @Test func oneAvailabilityRuleForEveryChannel() {
        let chat = Interaction(channel: .chat, language: "uk", topic: "registration", officeID: "pup-2002", voivodeshipCode: "20", queuedAt: now)
        // (state, on duty: the chat page and transfers count them, ready: the router offers now)
        for (state, onDuty, ready) in [(AgentState.available, true, true), (.busy, true, true),
                                       (.wrapUp(until: now.addingTimeInterval(-1)), true, true),
                                       (.wrapUp(until: now.addingTimeInterval(30)), true, false), (.onBreak(reason: "lunch"), false, false),
                                       (.offline, false, false), (.notResponding, false, false)] {
            let a = agent(state)
            #expect(a.isOnDuty == onDuty && a.isReady(now: now) == ready, "\(state)")
            #expect(a.serves(.chat, language: "uk") == onDuty, "the chat page asks the same question: \(state)")
            #expect(a.canTake(chat, now: now) == ready, "and the router adds the wrap-up: \(state)")
        }
        #expect(!agent(.available).serves(.chat, language: "ru"), "a language the agent does not speak")
        var noChats = agent(.available); noChats.capacity[.chat] = 0
        #expect(!noChats.serves(.chat, language: "pl"))
    }

    @Test func wrapUpEndsOnlyWhenOverAndNothingIsInHand() {
        let until = now.addingTimeInterval(-5)
        let freed = agent(.wrapUp(until: until)).afterWrapUp(now: now)
        #expect(freed?.state == .available && freed?.idleSince == until)
        #expect(agent(.wrapUp(until: now.addingTimeInterval(5))).afterWrapUp(now: now) == nil)
        #expect(agent(.wrapUp(until: until), load: [.email: 1]).afterWrapUp(now: now) == nil)
        #expect(agent(.available).afterWrapUp(now: now) == nil)
    }

    @Test func aLapsedOfferFreesTheSlotAndStopsFurtherOffers() {
        let a = agent(.busy, load: [.chat: 2]).lapsedOffer(of: .chat)
        #expect(a.state == .notResponding && a.load[.chat] == 1)
        #expect(agent(.busy).lapsedOffer(of: .voice).load[.voice] == 0, "never below zero")
    }

    @Test func callbacksAreTriedThreeTimesInOpeningHours() {
        var asked: [Date] = []
        let opening: (Date) -> Date? = { asked.append($0); return $0.addingTimeInterval(600) }
        #expect(CallbackPolicy.retry(after: 1, now: now, nextOpening: opening) == now.addingTimeInterval(3_600 + 600))
        #expect(asked == [now.addingTimeInterval(3_600)], "an hour later, moved to the next opening")
        #expect(CallbackPolicy.retry(after: 2, now: now, nextOpening: opening) != nil)
        #expect(CallbackPolicy.retry(after: 3, now: now, nextOpening: opening) == nil, "three attempts in all")
        #expect(CallbackPolicy.retry(after: 1, now: now, nextOpening: { _ in nil }) == nil, "never open again")
    }

    @Test func theSurveyGoesByEmailElseBySMSAndNeverForChatsOrUnreachedCalls() {
        #expect(SurveyPolicy.route(channel: .voice, reached: true, email: "a@example.org", phone: "+48600100200") == .email("a@example.org"))
        #expect(SurveyPolicy.route(channel: .webForm, reached: true, email: nil, phone: "+48600100200") == .sms("+48600100200"))
        #expect(SurveyPolicy.route(channel: .voice, reached: true, email: nil, phone: nil) == nil)
        #expect(SurveyPolicy.route(channel: .callback, reached: false, email: "a@example.org", phone: nil) == nil)
        #expect(SurveyPolicy.route(channel: .chat, reached: true, email: "a@example.org", phone: nil) == nil, "chats rate in the window")
    }
}
