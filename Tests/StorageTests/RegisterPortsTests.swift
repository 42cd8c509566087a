import Testing
import Foundation
import Clients
@testable import Storage

/// The register's ports as Storage implements them: the same lockouts as the in-memory rule,
/// counted in the database, so every process of a deployment shares them.
@Suite struct RegisterPortsTests {
    @Test func phoneIdentificationLocksANumberThroughTheDatabase() async throws {
        try await withTestDatabase { db in
            let id = try await ClientStore(db: db).create(NewClient(number: "100000009", kind: .seeker, pinHash: "pin:4826"))
            let ivr = PhoneIdentification(clients: ClientStore(db: db), attempts: RateLimiter(db: db), dummyHash: "none") { pin, hash in
                hash == "pin:" + pin
            }
            let t0 = Date(timeIntervalSince1970: 1_800_000_000)
            #expect(try await ivr.identify(clientNumber: "100000009", pin: "4826", callerDigest: "a", now: t0) == .identified(id))
            for (n, caller) in ["a", "b"].enumerated() {
                #expect(try await ivr.identify(clientNumber: "100000009", pin: "000\(n)", callerDigest: caller, now: t0) == .refused)
            }
            #expect(try await ivr.identify(clientNumber: "100000009", pin: "0002", callerDigest: "c", now: t0) == .locked)
            // A second process reads the same counts.
            let other = PhoneIdentification(clients: ClientStore(db: db), attempts: RateLimiter(db: db), dummyHash: "none") { _, _ in true }
            #expect(try await other.identify(clientNumber: "100000009", pin: "4826", callerDigest: "d", now: t0.addingTimeInterval(60)) == .locked)
            #expect(try await other.identify(clientNumber: "100000009", pin: "4826", callerDigest: "d",
                                             now: t0.addingTimeInterval(PINPolicy.perClient.window + 1)) == .identified(id))
        }
    }

    @Test func anAttemptCounterForgetsAttemptsOutsideItsWindowAndOnReset() async throws {
        try await withTestDatabase { db in
            let counter: any AttemptCounter = RateLimiter(db: db)
            let t0 = Date(timeIntervalSince1970: 1_800_000_000)
            #expect(try await counter.hit("k", limit: 2, window: 60, now: t0))
            #expect(try await !counter.isBlocked("k", limit: 2, window: 60, now: t0))
            #expect(try await counter.hit("k", limit: 2, window: 60, now: t0.addingTimeInterval(1)), "the second attempt is within the limit")
            #expect(try await counter.isBlocked("k", limit: 2, window: 60, now: t0.addingTimeInterval(2)), "and uses it up")
            #expect(try await !counter.hit("k", limit: 2, window: 60, now: t0.addingTimeInterval(3)), "a third is over it")
            #expect(try await !counter.isBlocked("k", limit: 2, window: 60, now: t0.addingTimeInterval(61)), "the window passed")
            _ = try await counter.hit("k", limit: 2, window: 60, now: t0.addingTimeInterval(62))
            try await counter.reset("k")
            #expect(try await !counter.isBlocked("k", limit: 2, window: 60, now: t0.addingTimeInterval(63)))
        }
    }
}
