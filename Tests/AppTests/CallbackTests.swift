import Testing
import Foundation
import Vapor
import VaporTesting
@testable import App
@testable import Storage
import ContactCenter

/// "Zamów rozmowę": only hours in opening hours can be chosen; the callback rings at its hour
/// (not before) for the powiat's office, ahead of new calls; not reached → tried again, three
/// times in all.
@Suite(.serialized) struct CallbackTests {
    static func firstSlot(_ html: String) throws -> String {
        let marker = "<select id=\"slot\" name=\"slot\">"
        let start = try #require(html.range(of: marker))
        let rest = html[start.upperBound...]
        let options = rest.components(separatedBy: "value=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        return try #require(options.first { !$0.isEmpty })
    }

    @Test func aCallbackRingsAtItsHourAndIsTriedAgainWhenNotReached() async throws {
        try await withTestApp { app in
            let visitor = FormClient(app)
            let page = try await visitor.get("/callback").body.string
            let slot = try Self.firstSlot(page)
            let form = ["phone": "600 100 200", "slot": slot, "powiat": "2061", "locality": "Białystok", "postal_code": "15-371",
                        "who": "seeker", "topic": "registration"]
            var bad = form
            bad["slot"] = "2026-12-25T10:00"; bad["phone"] = "12"
            let refused = try await visitor.post("/callback?lang=en", bad, csrfFrom: "/callback")
            #expect(refused.status == .badRequest && refused.body.string.contains("Time: choose an hour from the list")
                    && refused.body.string.contains("Phone number"))
            let booked = try await visitor.post("/callback?lang=pl", form, csrfFrom: "/callback")
            #expect(booked.status == .ok && booked.body.string.contains("Numer sprawy: ZL-"))

            let store = ContactCenterStore(db: app.db)
            let call = try #require(try await store.open().first)
            #expect(call.channel == .callback && call.officeID == "pup-2002" && call.priority == IntakePolicy.bookedPriority)
            let context = try await store.context(of: call.id)
            #expect(context.phone == "+48600100200" && context.attempt == 1)

            let (staff, desk) = try await DesktopTests.consultant(app, "k1@example.org")
            let service = RoutingService(db: app.db, router: ContactCenter.Router())
            #expect(try await service.tick(now: call.queuedAt.addingTimeInterval(-60)).offered == 0, "not before its hour")
            #expect(try await service.tick(now: call.queuedAt).agents == [staff.id.uuidString])

            // Three attempts in all, each an hour or more after the last, in opening hours.
            var current = call
            for attempt in 1...3 {
                #expect(try await desk.post("/desktop/offers/\(current.id)/accept", [:], csrfFrom: "/desktop").status == .seeOther)
                #expect(try await desk.post("/desktop/interactions/\(current.id)/close", ["outcome": "not_reached"],
                                            csrfFrom: "/desktop/interactions/\(current.id)").status == .seeOther)
                let next = try await store.open().filter { $0.channel == .callback }
                if attempt == 3 { #expect(next.isEmpty, "no fourth attempt"); break }
                let retry = try #require(next.first)
                #expect(try await store.context(of: retry.id).attempt == attempt + 1)
                #expect(retry.queuedAt >= Date().addingTimeInterval(3_500) && app.services.contactCentre.isOpen(at: retry.queuedAt))
                _ = try await service.tick(now: retry.queuedAt)
                current = retry
            }
        }
    }
}
