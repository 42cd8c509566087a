import Testing
import Foundation
import Identity
@testable import ContactCenter

/// Calls walking the standard flow: the caller's language, identification or postal code, the
/// office and topic of the queue, wrong keys tried again and then the fallback, a locked
/// client, after hours the callback offer.
@Suite struct IVREngineTests {
    /// The client register and the clock as the flow sees them (client 100000009, PIN 4826).
    struct Lookups: IVRLookups {
        var open = true
        var locked = false
        func identify(clientNumber: String, pin: String) async throws -> IVRIdentification {
            if locked { return .locked }
            return clientNumber == "100000009" && pin == "4826" ? .identified(office: "pup-2002") : .wrong
        }
        func office(postalCode: PostalCode) async throws -> String? { postalCode.value == "15-371" ? "pup-2002" : nil }
        func isOpen() async throws -> Bool { open }
        func spokenHours(language: String) -> String { "hours in \(language)" }
        var registered: Set<String> = []
        func isRegisteredUnemployed(clientNumber: String) async throws -> Bool { registered.contains(clientNumber) }
        var topics: [IVRInformationTopic] = []
        func information(language: String, office: String?) async throws -> [IVRInformationTopic] { language == "pl" ? topics : [] }
    }

    static let topics = [
        IVRInformationTopic(label: "Rejestracja", answers: [.init(title: "Jak się zarejestrować?", text: "Jak się zarejestrować? Przez portal albo w urzędzie."),
                                                           .init(title: "Kto może się zarejestrować?", text: "Kto może? Osoba bez pracy.")]),
        IVRInformationTopic(label: "Zasiłek", answers: [.init(title: "Kiedy przysługuje zasiłek?", text: "Kiedy zasiłek? Po 365 dniach pracy.")]),
    ]

    let engine = IVREngine(flow: .standard, version: 3)

    static func said(_ actions: [IVRAction]) -> [String] {
        actions.compactMap { if case .say(let text, _) = $0 { return text } else { return nil } }
    }

    @Test func theInformationServiceReadsAnswersByTopicAndGoesOnWhenTheCallerIsDone() async throws {
        var lookups = Lookups()
        lookups.open = false; lookups.topics = Self.topics
        var (call, actions) = try await engine.start()
        (call, _) = try await engine.advance(call, .digits("1"), lookups: lookups)
        (call, actions) = try await engine.advance(call, .digits("1"), lookups: lookups)
        #expect(call.step == "info")
        #expect(Self.said(actions) == ["Nagrane informacje.",
                                       "Rejestracja – naciśnij 1. Zasiłek – naciśnij 2. Aby zakończyć słuchanie informacji, naciśnij 0."])
        #expect(actions.last == .gather(digits: 1, timeoutSeconds: 8))
        (call, actions) = try await engine.advance(call, .digits("7"), lookups: lookups)
        #expect(call.failures == 1 && Self.said(actions).count == 1, "a key with no topic: the list again")
        (call, actions) = try await engine.advance(call, .digits("2"), lookups: lookups)
        #expect(Self.said(actions) == ["Kiedy przysługuje zasiłek? – naciśnij 1. Aby wrócić do listy tematów, naciśnij 0."])
        (call, actions) = try await engine.advance(call, .digits("1"), lookups: lookups)
        #expect(Self.said(actions).first == "Kiedy zasiłek? Po 365 dniach pracy." && actions.last == .gather(digits: 1, timeoutSeconds: 8))
        (call, actions) = try await engine.advance(call, .digits("0"), lookups: lookups)
        #expect(call.informationTopic == nil && Self.said(actions).first?.hasPrefix("Rejestracja – naciśnij 1.") == true)
        (call, actions) = try await engine.advance(call, .digits("0"), lookups: lookups)
        #expect(call.step == "offer-callback" && Self.said(actions) == [IVRFlow.standard.steps["offer-callback"]!.prompt["pl"]!])
        // Nothing in the caller's language: said so, and on.
        var english = try await engine.start().0
        english = try await engine.advance(english, .digits("2"), lookups: lookups).0
        let (after, said) = try await engine.advance(english, .digits("1"), lookups: lookups)
        #expect(Self.said(said).first == "There is no recorded information in this language now." && after.step == "offer-callback")
    }

    @Test func aWaitingCallerHearsInformationAndGoesBackToTheirPlace() async throws {
        var lookups = Lookups()
        lookups.topics = Self.topics
        var (call, actions) = try await engine.start()
        for keys in ["1", "2", "15371", "2"] { (call, actions) = try await engine.advance(call, .digits(keys), lookups: lookups) }
        let queued = IVRAction.enqueue(office: "pup-2002", topic: "benefits", language: "pl")
        #expect(call.outcome == queued)
        let entered = try #require(try await engine.enterInformation(call, lookups: lookups))
        (call, actions) = entered
        #expect(call.step == "info" && call.fromQueue == true && call.outcome == nil && actions.last == .gather(digits: 1, timeoutSeconds: 8))
        (call, actions) = try await engine.advance(call, .digits("1"), lookups: lookups)
        (call, actions) = try await engine.advance(call, .digits("2"), lookups: lookups)
        #expect(Self.said(actions).first == "Kto może? Osoba bez pracy.")
        (call, _) = try await engine.advance(call, .digits("0"), lookups: lookups)
        (call, actions) = try await engine.advance(call, .digits("0"), lookups: lookups)
        #expect(actions == [.requeue] && call.outcome == queued && call.step == "q-benefits" && call.fromQueue == nil)
        // Silence after the retries goes back too.
        (call, _) = try #require(try await engine.enterInformation(call, lookups: lookups))
        for _ in 0...2 { (call, actions) = try await engine.advance(call, .timeout, lookups: lookups) }
        #expect(actions.last == .requeue && call.outcome == queued)
        // A call not waiting in a queue has no information to enter from it.
        #expect(try await engine.enterInformation(try await engine.start().0, lookups: lookups) == nil)
    }

    @Test func theFreeLineChecksTheRegisterAfterTheClientNumberAndPIN() async throws {
        let free = IVREngine(flow: .unemployedLine, version: 2)
        var lookups = Lookups()
        func dial(_ lookups: Lookups) async throws -> (IVRCall, [IVRAction]) {
            var (call, actions) = try await free.start()
            #expect(Self.said(actions).first?.contains("bezpłatna infolinia dla osób zarejestrowanych jako bezrobotne") == true)
            for keys in ["1", "100000009#", "4826#"] { (call, actions) = try await free.advance(call, .digits(keys), lookups: lookups) }
            return (call, actions)
        }
        var (c, actions) = try await dial(lookups)
        #expect(c.step == "goodbye" || c.outcome == .hangup)
        #expect(Self.said(actions).first == IVRFlow.unemployedLine.steps["not-registered"]!.prompt["pl"]! && actions.last == .hangup)
        lookups.registered = ["100000009"]
        (c, actions) = try await dial(lookups)
        #expect(c.step == "topic" && c.clientNumber == "100000009" && c.path.suffix(3) == ["identify", "registered", "topic"])
    }

    @Test func aCallerInEnglishGivesAPostalCodeAndLandsInTheirOfficesQueue() async throws {
        let lookups = Lookups()
        var (call, actions) = try await engine.start()
        #expect(call.flowVersion == 3 && call.step == "language")
        #expect(Self.said(actions).first == "Dzień dobry, tu Zielona Linia, infolinia urzędów pracy." && actions.last == .gather(digits: 1, timeoutSeconds: 5))
        (call, actions) = try await engine.advance(call, .digits("2"), lookups: lookups)
        #expect(call.language == "en" && Self.said(actions) == [IVRFlow.standard.steps["who"]!.prompt["en"]!])
        (call, actions) = try await engine.advance(call, .digits("2"), lookups: lookups)
        #expect(actions.last == .gather(digits: 5, timeoutSeconds: 5))
        // Not digits, or too few: asked again.
        (call, actions) = try await engine.advance(call, .digits("15-37"), lookups: lookups)
        #expect(call.step == "postal" && call.failures == 1)
        (call, actions) = try await engine.advance(call, .digits("15371"), lookups: lookups)
        #expect(call.officeID == "pup-2002" && call.step == "topic")
        (call, actions) = try await engine.advance(call, .digits("2"), lookups: lookups)
        #expect(actions.last == .enqueue(office: "pup-2002", topic: "benefits", language: "en"))
        #expect(call.outcome == .enqueue(office: "pup-2002", topic: "benefits", language: "en"))
        #expect(call.path == ["welcome", "language", "hours", "who", "postal", "located", "topic", "q-benefits"])
        #expect(call.entered["postal"] == "15371" && call.entered["topic"] == "2")
        // An ended call does not move.
        #expect(try await engine.advance(call, .digits("1"), lookups: lookups).1 == [.hangup])
    }

    @Test func identificationWithAWrongPinIsTriedAgainAndALockedClientGoesThePostalWay() async throws {
        let lookups = Lookups()
        var (call, _) = try await engine.start()
        (call, _) = try await engine.advance(call, .digits("1"), lookups: lookups)
        (call, _) = try await engine.advance(call, .digits("1"), lookups: lookups)
        #expect(call.step == "identify")
        var actions: [IVRAction]
        (call, actions) = try await engine.advance(call, .digits("100000009#"), lookups: lookups)
        #expect(Self.said(actions) == [IVRFlow.pinPrompt["pl"]!] && call.pendingClientNumber == "100000009")
        (call, _) = try await engine.advance(call, .digits("1111#"), lookups: lookups)
        #expect(call.step == "identify" && call.failures == 1 && call.clientNumber == nil)
        (call, _) = try await engine.advance(call, .digits("100000009#"), lookups: lookups)
        (call, _) = try await engine.advance(call, .digits("4826#"), lookups: lookups)
        #expect(call.clientNumber == "100000009" && call.officeID == "pup-2002" && call.step == "topic")
        #expect(call.entered["identify"] == nil, "no PIN kept")

        var locked = Lookups()
        locked.locked = true
        var (other, _) = try await engine.start()
        (other, _) = try await engine.advance(other, .digits("1"), lookups: locked)
        (other, _) = try await engine.advance(other, .digits("1"), lookups: locked)
        (other, _) = try await engine.advance(other, .digits("100000009"), lookups: locked)
        (other, _) = try await engine.advance(other, .digits("4826"), lookups: locked)
        #expect(other.step == "postal" && other.clientNumber == nil)
    }

    @Test func wrongKeysEndInTheFallbackAndAfterHoursTheCallerMayOrderACallBack() async throws {
        let lookups = Lookups()
        var (call, _) = try await engine.start()
        (call, _) = try await engine.advance(call, .timeout, lookups: lookups)
        #expect(call.step == "language" && call.language == "pl", "asked again")
        (call, _) = try await engine.advance(call, .digits("1"), lookups: lookups)
        (call, _) = try await engine.advance(call, .digits("2"), lookups: lookups)
        (call, _) = try await engine.advance(call, .digits("99999"), lookups: lookups)
        #expect(call.step == "topic" && call.officeID == nil, "an unknown postal code: the national queue")
        var actions: [IVRAction] = []
        for key in ["9", "8", "#"] { (call, actions) = try await engine.advance(call, .digits(key), lookups: lookups) }
        #expect(actions.last == .enqueue(office: nil, topic: "other", language: "pl"))

        // After hours the caller hears so right after choosing the language, before any other question.
        var closed = Lookups()
        closed.open = false
        var (night, _) = try await engine.start()
        (night, actions) = try await engine.advance(night, .digits("4"), lookups: closed)
        #expect(Self.said(actions) == [IVRFlow.standard.steps["closed"]!.prompt["uk"]!.replacingOccurrences(of: "{hours}", with: "hours in uk"),
                                       IVRFlow.standard.steps["info-offer"]!.prompt["uk"]!])
        #expect(night.path == ["welcome", "language", "hours", "closed", "info-offer"])
        (night, actions) = try await engine.advance(night, .digits("2"), lookups: closed)
        #expect(Self.said(actions) == [IVRFlow.standard.steps["offer-callback"]!.prompt["uk"]!])
        (night, actions) = try await engine.advance(night, .digits("1"), lookups: closed)
        #expect(actions == [.callback(office: nil, language: "uk")])
        // Declining the callback (2, or no key) says goodbye before hanging up.
        for answer in [IVRInput.digits("2"), .timeout] {
            var (declined, _) = try await engine.start()
            (declined, _) = try await engine.advance(declined, .digits("1"), lookups: closed)
            (declined, _) = try await engine.advance(declined, .digits("2"), lookups: closed)
            (declined, actions) = try await engine.advance(declined, answer, lookups: closed)
            #expect(Self.said(actions) == [IVRFlow.standard.steps["goodbye"]!.prompt["pl"]!])
            #expect(actions.last == .hangup && declined.outcome == .hangup)
        }
    }
}
