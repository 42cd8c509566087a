import Testing
import Foundation
import Vapor
import VaporTesting
@testable import App
@testable import Storage
import ContactCenter
import Access
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The IVR editor of national administrators: steps edited in a draft with each field checked,
/// the diagram redrawn, publishing refused while the flow has problems, versions restored, and
/// the simulated caller walking the draft as a real call would.
@Suite(.serialized) struct IVREditorTests {
    static func admin(_ app: Application) async throws -> FormClient {
        try await TestStaff.create(app, email: "admin.krajowy@example.org", roles: [.administrator], scope: .national).signIn(app)
    }

    static let topicForm: [String: String] = [
        "kind": "menu", "prompt_pl": "Zasiłek – 1. Inne – 0.", "prompt_en": "Benefits – 1. Other – 0.", "prompt_ru": "Пособие – 1. Другое – 0.",
        "prompt_uk": "Допомога – 1. Інше – 0.", "otherwise": "q-other", "choice_1": "q-benefits", "choice_0": "q-other", "retries": "1", "timeout": "6",
    ]

    @Test func aStepIsEditedInADraftThatIsPublishedForNewCallsAndAnEarlierVersionRestored() async throws {
        try await withTestApp { app in
            let admin = try await Self.admin(app)
            let overview = try await admin.get("/staff/ivr?lang=en").body.string
            #expect(overview.contains("New calls take version 1.") && overview.contains("The flow is complete and can be published."))
            #expect(overview.contains("<svg") && overview.contains("aria-labelledby=\"ivr-diagram-title ivr-diagram-desc\""))
            let form = try await admin.get("/staff/ivr/steps/topic?lang=en").body.string
            #expect(form.contains("Registration – 1.") && form.contains("name=\"choice_6\""))

            let saved = try await admin.post("/staff/ivr/steps/topic?lang=en", Self.topicForm, csrfFrom: "/staff/ivr/steps/topic")
            #expect(saved.status == .seeOther)
            let store = VoiceStore(db: app.db)
            let draft = try #require(try await store.draft())
            // Versions are numbered across the flows: the main line's 1, the free line's 2, the
            // foreigners' helpline's 3, then this draft.
            #expect(draft.version == 4 && draft.flow.steps["topic"]?.choices == ["1": "q-benefits", "0": "q-other"])
            #expect(draft.flow.steps["topic"]?.retries == 1 && draft.flow.steps["topic"]?.timeoutSeconds == 6)
            #expect(try await store.current()?.version == 1, "a draft changes nothing for callers")
            // q-registration and the others are now unreachable: publishing is refused, naming them.
            let refused = try await admin.post("/staff/ivr/publish?lang=en", [:], csrfFrom: "/staff/ivr")
            #expect(refused.status == .badRequest && refused.body.string.contains("No path leads to step q-registration."))
            // The diagram marks them (dashed red border) and is served as SVG too.
            let svg = try await admin.get("/staff/ivr/diagram.svg")
            #expect(svg.headers.contentType?.subType == "svg+xml")
            #expect(XMLParser(data: Data(svg.body.string.utf8)).parse(), "well-formed")
            #expect(svg.body.string.components(separatedBy: "<rect").count - 1 == draft.flow.steps.count)
            #expect(svg.body.string.contains("stroke-dasharray"))

            for gone in ["q-registration", "q-offers", "q-trainings", "q-employers", "q-foreigners"] {
                #expect(try await admin.post("/staff/ivr/steps/\(gone)/delete", [:], csrfFrom: "/staff/ivr").status == .seeOther)
            }
            #expect(try await admin.post("/staff/ivr/publish?lang=en", [:], csrfFrom: "/staff/ivr").status == .seeOther)
            #expect(try await store.current()?.version == 4)
            #expect(try await store.draft() == nil)
            #expect(try await store.current(flow: "unemployed")?.version == 2, "the other flow is untouched")
            let after = try await admin.get("/staff/ivr?lang=pl").body.string
            #expect(after.contains("Nowe połączenia obsługuje wersja 4.") && after.contains("Opublikuj ponownie wersję 1"))

            #expect(try await admin.post("/staff/ivr/rollback", ["version": "1"], csrfFrom: "/staff/ivr").status == .seeOther)
            let restored = try #require(try await store.current())
            #expect(restored.version == 5 && restored.flow == IVRFlow.standard && restored.note == "rollback to 1")
            // A version of another flow is not this flow's to restore.
            #expect(try await admin.post("/staff/ivr/rollback?lang=en", ["version": "2"], csrfFrom: "/staff/ivr").status == .badRequest)
            #expect(try await admin.post("/staff/ivr/rollback?lang=en", ["version": "99"], csrfFrom: "/staff/ivr").body.string.contains("Choose a published version."))
        }
    }

    @Test func badFieldsAreNamedAndStepsInUseCannotBeDeleted() async throws {
        try await withTestApp { app in
            let admin = try await Self.admin(app)
            var form = Self.topicForm
            form["retries"] = "9"; form["choice_2"] = "nowhere"; form["prompt_en"] = String(repeating: "a", count: 601)
            let bad = try await admin.post("/staff/ivr/steps/topic?lang=en", form, csrfFrom: "/staff/ivr/steps/topic")
            #expect(bad.status == .badRequest)
            #expect(bad.body.string.contains("href=\"#retries\">Give a number from 0 to 5."))
            #expect(bad.body.string.contains("href=\"#choice_2\">Choose an existing step."))
            #expect(bad.body.string.contains("href=\"#prompt_en\">The text can have at most 600 characters."))
            #expect(try await VoiceStore(db: app.db).draft() == nil, "nothing saved")

            let transfer = try await admin.post("/staff/ivr/steps?lang=en", ["id": "to-pbx", "kind": "transfer"], csrfFrom: "/staff/ivr")
            #expect(transfer.status == .seeOther && transfer.headers.first(name: .location) == "/staff/ivr/steps/to-pbx?flow=main")
            let number = try await admin.post("/staff/ivr/steps/to-pbx?lang=en", ["kind": "transfer", "number": "85 123"], csrfFrom: "/staff/ivr")
            #expect(number.status == .badRequest && number.body.string.contains("Give the number as +48…"))
            #expect(try await admin.post("/staff/ivr/steps/to-pbx", ["kind": "transfer", "number": "+48 85 744 00 00"], csrfFrom: "/staff/ivr").status == .seeOther)
            #expect(try await VoiceStore(db: app.db).draft()?.flow.steps["to-pbx"]?.number == "+48857440000")
            #expect(try await admin.post("/staff/ivr/steps?lang=en", ["id": "to-pbx", "kind": "say"], csrfFrom: "/staff/ivr").body.string.contains("Step to-pbx already exists."))
            #expect(try await admin.post("/staff/ivr/steps?lang=en", ["id": "Bad Name!", "kind": "say"], csrfFrom: "/staff/ivr").status == .badRequest)

            let used = try await admin.post("/staff/ivr/steps/goodbye/delete?lang=en", [:], csrfFrom: "/staff/ivr")
            #expect(used.status == .conflict && used.body.string.contains("This step is still used by: offer-callback."))
            #expect(try await admin.post("/staff/ivr/steps/welcome/delete?lang=en", [:], csrfFrom: "/staff/ivr").body.string.contains("The start step cannot be deleted."))
            #expect(try await admin.post("/staff/ivr/discard", [:], csrfFrom: "/staff/ivr").status == .seeOther)
            #expect(try await VoiceStore(db: app.db).draft() == nil)
        }
    }

    @Test func theSimulatedCallerWalksTheFlowAsACallWould() async throws {
        try await withTestApp { app in
            let admin = try await Self.admin(app)
            let start = try await admin.get("/staff/ivr/simulate?lang=en").body.string
            #expect(start.contains("Dzień dobry, tu Zielona Linia") && start.contains("The system waits for 1 digit(s)."))
            let postal = try await admin.get("/staff/ivr/simulate?lang=en&version=1&hours=open&history=2+2&keys=15371&press=1").body.string
            #expect(postal.contains("Enter your five-digit postal code.") && postal.contains("presses 15371") && postal.contains("Benefits – 2."))
            let queued = try await admin.get("/staff/ivr/simulate?lang=en&version=1&hours=open&history=2+2+15371&keys=2&press=1").body.string
            #expect(queued.contains("queue: ") && queued.contains("topic: Benefits, language: English") && queued.contains("The call has ended."))
            // After hours: said right after the language, the hours in words; past the recorded
            // information (2), no key at the callback offer is a goodbye.
            let closed = try await admin.get("/staff/ivr/simulate?lang=en&version=1&hours=closed&history=1+2&silence=1").body.string
            #expect(closed.contains("Infolinia jest teraz nieczynna. Konsultanci odbierają: ") && !closed.contains("{hours}") && closed.contains("presses nothing")
                    && closed.contains("Dziękujemy za telefon. Do usłyszenia.") && closed.contains("The call has ended."))
            let bad = try await admin.get("/staff/ivr/simulate?lang=en&version=1&history=1&keys=12a&press=1")
            #expect(bad.status == .badRequest && bad.body.string.contains("Type keys: digits, * or # (at most 32)."))
        }
    }
}
