import Testing
import Foundation
import Vapor
@testable import App
@testable import Storage
import Clients

@Suite(.serialized) struct PhoneIdentificationTests {
    @Test func threeWrongPINsLockTheClientNumberForAQuarterOfAnHour() async throws {
        try await withTestApp { app in
            let id = try await ClientStore(db: app.db).create(NewClient(number: "100000009", kind: .seeker,
                                                                         pinHash: try app.password.hash("4826"), officeID: "pup-2002"))
            let ivr = PhoneIdentification.live(db: app.db, hasher: app.password.async,
                                          dummyHash: app.services.dummyPasswordHash)
            let t0 = Date()
            #expect(try await ivr.identify(clientNumber: "1000 0000 9", pin: "4826", caller: "+48600100200", now: t0) == .identified(id))
            #expect(try await ivr.identify(clientNumber: "100000009", pin: "1111", caller: "+48600100200", now: t0) == .refused)
            #expect(try await ivr.identify(clientNumber: "100000009", pin: "2222", caller: "+48600100201", now: t0) == .refused)
            #expect(try await ivr.identify(clientNumber: "100000009", pin: "3333", caller: "+48600100202", now: t0) == .locked)
            #expect(try await ivr.identify(clientNumber: "100000009", pin: "4826", caller: "+48600100200", now: t0.addingTimeInterval(60)) == .locked,
                    "locked whoever calls, even with the right PIN")
            #expect(try await ivr.identify(clientNumber: "100000009", pin: "4826", caller: "+48600100200",
                                           now: t0.addingTimeInterval(16 * 60)) == .identified(id))
        }
    }

    @Test func aCallerTryingManyNumbersIsStopped() async throws {
        try await withTestApp { app in
            let ivr = PhoneIdentification.live(db: app.db, hasher: app.password.async,
                                          dummyHash: app.services.dummyPasswordHash)
            var outcomes: [PhoneIdentification.Outcome] = []
            for n in 0..<PINPolicy.perCaller.attempts + 1 {
                outcomes.append(try await ivr.identify(clientNumber: "12345\(n)", pin: "4826", caller: "+48700000000"))
            }
            #expect(outcomes.dropLast().allSatisfy { $0 == .refused })
            #expect(outcomes.last == .locked)
        }
    }
}
