import Testing
import Foundation
@testable import Clients

/// The PIN lockouts over in-memory ports: the rule, without a database.
@Suite struct PhoneIdentificationRuleTests {
    actor Counter: AttemptCounter {
        var hits: [String: [Date]] = [:]
        func hit(_ key: String, limit: Int, window: TimeInterval, now: Date) async throws -> Bool {
            hits[key, default: []].append(now)
            return hits[key]!.filter { $0 > now.addingTimeInterval(-window) }.count <= limit
        }
        func isBlocked(_ key: String, limit: Int, window: TimeInterval, now: Date) async throws -> Bool {
            (hits[key] ?? []).filter { $0 > now.addingTimeInterval(-window) }.count >= limit
        }
        func reset(_ key: String) async throws { hits[key] = nil }
    }

    struct Register: ClientRepository {
        let clients: [Client]
        func find(number: String) async throws -> Client? { clients.first { $0.number == number } }
    }

    let anna = Client(id: UUID(), number: "100000009", kind: .seeker, hasPIN: true, pinHash: "pin:4826", phones: [], emails: [])

    func identification(_ counter: Counter) -> PhoneIdentification {
        PhoneIdentification(clients: Register(clients: [anna]), attempts: counter, dummyHash: "none") { pin, hash in hash == "pin:" + pin }
    }

    @Test func threeWrongPINsLockTheNumberWhoeverCallsUntilTheWindowPasses() async throws {
        let ivr = identification(Counter())
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(try await ivr.identify(clientNumber: "1000 0000 9", pin: "4826", callerDigest: "a", now: t0) == .identified(anna.id))
        #expect(try await ivr.identify(clientNumber: "100000009", pin: "1111", callerDigest: "a", now: t0) == .refused)
        #expect(try await ivr.identify(clientNumber: "100000009", pin: "2222", callerDigest: "b", now: t0) == .refused)
        #expect(try await ivr.identify(clientNumber: "100000009", pin: "3333", callerDigest: "c", now: t0) == .locked)
        #expect(try await ivr.identify(clientNumber: "100000009", pin: "4826", callerDigest: "a", now: t0.addingTimeInterval(60)) == .locked)
        #expect(try await ivr.identify(clientNumber: "100000009", pin: "4826", callerDigest: "a",
                                       now: t0.addingTimeInterval(PINPolicy.perClient.window + 1)) == .identified(anna.id))
    }

    @Test func aPhoneTryingManyNumbersIsStoppedAndAnUnknownNumberIsJustRefused() async throws {
        let ivr = identification(Counter())
        var outcomes: [PhoneIdentification.Outcome] = []
        for n in 0..<PINPolicy.perCaller.attempts + 1 {
            outcomes.append(try await ivr.identify(clientNumber: "20000000\(n)", pin: "4826", callerDigest: "guesser"))
        }
        #expect(outcomes.dropLast().allSatisfy { $0 == .refused } && outcomes.last == .locked)
        #expect(try await ivr.identify(clientNumber: "not a number", pin: "4826", callerDigest: "other") == .refused)
    }
}
