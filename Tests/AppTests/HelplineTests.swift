import Testing
import Foundation
import Vapor
import VaporTesting
import SQLKit
@testable import App
@testable import Storage
import ContactCenter
import Clients
import Access

/// The Łódź voivode's foreigners' helpline on the same engine: its own number and flow
/// (language first), its queues at its office, five consultants of its own with their
/// languages, scoped to it (no labour office's client in sight), and contacts that never
/// cross between the helpline and the labour offices by transfer.
@Suite(.serialized) struct HelplineTests {
    @Test func theDemoLineHasItsNumberFlowAndFiveConsultantsOfItsOwn() async throws {
        try await withTestApp { app in
            try await DemoHelpline.load(app)
            try await DemoHelpline.load(app)   // once only
            let line = try #require(try await VoiceStore(db: app.db).line(number: DemoHelpline.number))
            #expect(line.flowID == VoiceStore.foreignersFlow)
            var agents: [Agent] = []
            for c in DemoHelpline.consultants {
                let account = try #require(try await AccountStore(db: app.db).find(email: c.email))
                let member = try #require(try await StaffStore(db: app.db).find(account.id))
                #expect(member.scope == .offices(["uw-10"]) && member.roles == [.consultant])
                agents.append(try #require(try await ContactCenterStore(db: app.db).agent(account.id.uuidString)))
            }
            #expect(agents.count == 5 && agents.allSatisfy { $0.offices == ["uw-10"] && $0.voivodeships.isEmpty && !$0.nationalPool })
            // Every language of the line is spoken by at least two of them.
            for language in ["pl", "en", "ru", "uk"] { #expect(agents.filter { $0.languages.contains(language) }.count >= 2, "\(language)") }
        }
    }

    @Test func aCallerChoosesUkrainianAndWorkAndWaitsInTheHelplinesQueue() async throws {
        try await withTestApp { app in
            ChatTests.hours(app, open: true)
            try await DemoHelpline.load(app)
            let carrier = VoiceTests.Carrier(app, to: "+48" + DemoHelpline.number)
            let welcome = try await carrier.post("/voice/incoming").body.string
            #expect(welcome.contains("Українською"))
            var answer = try await carrier.keys(welcome, "4").body.string
            #expect(answer.contains("гаряча лінія для іноземців"))
            answer = try await carrier.keys(answer, "2").body.string
            #expect(answer.contains("<Enqueue"))
            let waiting = try await ContactCenterStore(db: app.db).open()
            #expect(waiting.count == 1 && waiting.first?.officeID == "uw-10" && waiting.first?.topic == "foreigners_work" && waiting.first?.language == "uk")
            #expect(waiting.first?.clientID == nil)
        }
    }

    @Test func helplineStaffSeeNoLabourOfficeClientAndContactsDoNotCrossLines() async throws {
        try await withTestApp { app in
            _ = try await ClientStore(db: app.db).create(NewClient(number: "100000009", kind: .seeker, firstName: "Jan", lastName: "Kowalski",
                                                                    officeID: "pup-2002"))
            let (_, helpline) = try await DesktopTests.consultant(app, "uw1@example.org", office: "uw-10")
            let search = try await helpline.get("/staff/clients?by=number&q=100000009&reason=call&lang=en").body.string
            #expect(!search.contains("Kowalski"))
            // A labour office's call cannot be handed to the helpline, by office or by name.
            let (_, desk) = try await DesktopTests.consultant(app, "k@example.org")
            let call = try await DesktopTests.call(app)
            _ = try await DesktopTests.route(app)
            #expect(try await desk.post("/desktop/offers/\(call.id)/accept", [:], csrfFrom: "/desktop").status == .seeOther)
            let pop = "/desktop/interactions/\(call.id)"
            #expect(!(try await desk.get(pop).body.string.contains("value=\"uw-10\"")))
            var res = try await desk.post(pop + "/transfer?lang=en", ["office": "uw-10", "transfer_note": "Pyta o kartę pobytu"], csrfFrom: pop)
            #expect(res.status == .badRequest && res.body.string.contains("only be transferred within its line"))
            let helper = try #require(try await AccountStore(db: app.db).find(email: "uw1@example.org"))
            res = try await desk.post(pop + "/transfer?lang=en", ["agent": helper.id.uuidString, "transfer_note": "Pyta o kartę pobytu"], csrfFrom: pop)
            #expect(res.status == .badRequest && res.body.string.contains("only be transferred within its line"))
            // A helpline call waiting a quarter of an hour while its consultant is on a break is
            // still nobody else's: an available labour consultant of the same voivodeship is not offered it.
            #expect(try await helpline.post("/desktop/state", ["state": "break", "reason": "lunch"], csrfFrom: "/desktop").status == .seeOther)
            let (lodz, _) = try await DesktopTests.consultant(app, "lodz@example.org", office: "pup-1061")
            let waiting = try await ContactCenterStore(db: app.db).enqueue(
                Interaction(channel: .voice, language: "pl", topic: "foreigners_stay", officeID: "uw-10", voivodeshipCode: "10",
                            queuedAt: Date(timeIntervalSinceNow: -900)), context: ContactContext())
            #expect(try await ContactCenterStore(db: app.db).agent(lodz.id.uuidString)?.voivodeships == ["10"])
            _ = try await DesktopTests.route(app)
            #expect(try await ContactCenterStore(db: app.db).find(waiting.id)?.0.agentID == nil)
            #expect(try await helpline.post("/desktop/state", ["state": "available"], csrfFrom: "/desktop").status == .seeOther)
            _ = try await DesktopTests.route(app)
            #expect(try await ContactCenterStore(db: app.db).find(waiting.id)?.0.agentID == helper.id.uuidString)
        }
    }
}
