import Testing
import Foundation
import Vapor
import VaporTesting
import SQLKit
@testable import App
@testable import Storage
import ContactCenter

/// Booking a sign-language video call: the meeting link goes out by e-mail with the
/// confirmation, and only a consultant with the PJM skill is offered it, at its hour.
@Suite(.serialized) struct VideoBookingTests {
    @Test func aPJMBookingGoesOnlyToAConsultantWhoSigns() async throws {
        try await withTestApp { app in
            let visitor = FormClient(app)
            let slot = try CallbackTests.firstSlot(try await visitor.get("/video").body.string)
            let bad = try await visitor.post("/video?lang=en", ["slot": slot, "email": "nope", "phone": "12", "powiat": ""], csrfFrom: "/video")
            #expect(bad.status == .badRequest && bad.body.string.contains("Phone number: give a Polish number")
                    && bad.body.string.contains("Powiat: choose a powiat from the list."))
            let booked = try await visitor.post("/video?lang=pl", ["slot": slot, "email": "ola@example.org", "powiat": "2061"], csrfFrom: "/video")
            #expect(booked.status == .ok && booked.body.string.contains("Numer sprawy: ZL-"))
            let store = ContactCenterStore(db: app.db)
            let call = try #require(try await store.open().first)
            #expect(call.channel == .video && call.language == "pjm" && call.officeID == "pup-2002")
            let meeting = try #require(try await store.context(of: call.id).meeting)
            #expect(meeting.hasPrefix("https://meet.jit.si/zl-"))
            let mails = try await (app.db as! any SQLDatabase).raw("SELECT text_body FROM outbox WHERE kind = 'video_booking'").all()
                .map { try $0.decode(column: "text_body", as: String.self) }
            #expect(mails.count == 1 && mails[0].contains(meeting))

            let (plain, _) = try await DesktopTests.consultant(app, "k1@example.org")
            let service = RoutingService(db: app.db, router: ContactCenter.Router())
            #expect(try await service.tick(now: call.queuedAt).offered == 0, "nobody here signs")
            let (signer, _) = try await DesktopTests.consultant(app, "k2@example.org")
            var agent = try #require(try await store.agent(signer.id.uuidString))
            agent.languages.insert("pjm")
            try await store.save(agent)
            #expect(try await service.tick(now: call.queuedAt.addingTimeInterval(1)).agents == [signer.id.uuidString])
            _ = plain
        }
    }
}
