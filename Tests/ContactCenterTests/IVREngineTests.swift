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
    }

    let engine = IVREngine(flow: .standard, version: 3)

    static func said(_ actions: [IVRAction]) -> [String] {
        actions.compactMap { if case .say(let text, _) = $0 { return text } else { return nil } }
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
                                       IVRFlow.standard.steps["offer-callback"]!.prompt["uk"]!])
        #expect(night.path == ["welcome", "language", "hours", "closed", "offer-callback"])
        (night, actions) = try await engine.advance(night, .digits("1"), lookups: closed)
        #expect(actions == [.callback(office: nil, language: "uk")])
        // Declining the callback (2, or no key) says goodbye before hanging up.
        for answer in [IVRInput.digits("2"), .timeout] {
            var (declined, _) = try await engine.start()
            (declined, _) = try await engine.advance(declined, .digits("1"), lookups: closed)
            (declined, actions) = try await engine.advance(declined, answer, lookups: closed)
            #expect(Self.said(actions) == [IVRFlow.standard.steps["goodbye"]!.prompt["pl"]!])
            #expect(actions.last == .hangup && declined.outcome == .hangup)
        }
    }
}
