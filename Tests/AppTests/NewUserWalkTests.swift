import Testing
import Foundation
import Vapor
import VaporTesting
import SQLKit
@testable import App
@testable import Storage
import ContactCenter
import Directory
import Localization
import Knowledge

/// What a new user tripped over on the demo server, each fixed where it came from.
@Suite(.serialized) struct NewUserWalkTests {
    @Test func theIVREditorLinksItsFirstStepAndItsDraftButtonsDoNotLookAlike() async throws {
        try await withTestApp { app in
            let admin = try await IVREditorTests.admin(app)
            let page = try await admin.get("/staff/ivr?lang=en").body.string
            #expect(page.contains("<a href=\"/staff/ivr/steps/welcome?flow=main\">welcome (start)</a>"))
            #expect(try await admin.get("/staff/ivr/steps/welcome").status == .ok)
            #expect(page.contains("class=\"diagram-wrap\""), "the diagram scrolls in its own box")
            _ = try await admin.post("/staff/ivr/steps", ["id": "extra", "kind": "say"], csrfFrom: "/staff/ivr")
            let draft = try await admin.get("/staff/ivr?lang=en").body.string
            #expect(draft.contains("<button type=\"submit\" class=\"danger\">Discard the draft</button>"))
        }
    }

    @Test func aRecordingWithoutTheCarriersAPISaysSoPlainlyAndNoPlayIsLogged() async throws {
        try await withTestApp { app in
            let call = try await DesktopTests.call(app)
            let recording = VoiceRecording(interactionID: call.id, callSid: "CA1", recordingSid: "RE1", url: "https://api.carrier.example/RE1",
                                           durationSeconds: 30, kind: .conversation, createdAt: Date(), deleteAfter: Date().addingTimeInterval(86_400))
            try await VoiceStore(db: app.db).add(recording)
            let boss = try await TestStaff.create(app, email: "boss@example.org", roles: [.supervisor], scope: .offices(["pup-2002"])).signIn(app)
            let page = try await boss.get("/staff/interactions/\(call.id.uuidString)?lang=en").body.string
            #expect(page.contains("playing them needs the carrier") && !page.contains("<audio"))
            let play = try await boss.get("/staff/interactions/\(call.id.uuidString)/recordings/\(recording.id.uuidString)?lang=en")
            #expect(play.status == .serviceUnavailable && play.body.string.contains("VOICE_API_URL") && !play.body.string.contains("server error"))
            #expect(try await AuditLog(db: app.db).entries(.init(action: "recording.listen")).isEmpty)
        }
    }

    @Test func everySearchButtonNamesWhatItSearches() async throws {
        try await withTestApp { app in
            let visitor = FormClient(app)
            let faq = try await visitor.get("/faq?lang=en").body.string, trainings = try await visitor.get("/trainings?lang=en").body.string
            let fairs = try await visitor.get("/job-fairs?lang=en").body.string, polish = try await visitor.get("/faq?lang=pl").body.string
            #expect(faq.contains("Search answers</button>") && trainings.contains("Search trainings</button>") && fairs.contains("Search job fairs</button>"))
            #expect(!polish.contains("Szukaj ofert"))
        }
    }

    @Test func theHoursComeFromTheSettingInWordsOfTheVisitorsLanguage() async throws {
        try await withTestApp { app in
            app.reconfigure(contactCentre: BusinessCalendar(hours: WeeklyHours(notation: "mon-fri 09:00-17:30; sat 10:00-14:00")!))
            let visitor = FormClient(app)
            let chat = try await visitor.get("/chat?lang=en").body.string
            #expect(chat.contains("Monday–Friday 9:00–17:30; Saturday 10:00–14:00") && !chat.contains("mon-fri"))
            #expect(chat.contains("Mon–Fri 9:00–17:30; Sat 10:00–14:00"), "the header")
            let home = try await visitor.get("/?lang=pl").body.string
            #expect(home.contains("poniedziałek–piątek 9:00–17:30; sobota 10:00–14:00") && !home.contains("8:00–18:00"))
            #expect(try await visitor.get("/callback?lang=uk").body.string.contains("понеділок–п’ятниця 9:00–17:30; субота 10:00–14:00"))
        }
    }

    @Test func registrationAndCVFieldsAreAskedForAsPeopleKnowThem() async throws {
        try await withTestApp { app in
            let register = try await FormClient(app).get("/register?lang=en").body.string
            #expect(register.contains("Five digits with a dash, e.g. 15-371") && !register.contains("Augustów"))
            // The occupation is found by its name, without script too.
            let found = try await FormClient(app).get("/occupations?q=spawacz&lang=en").body.string
            #expect(found.contains("721204") && found.contains("Spawacz"))
            #expect(try await FormClient(app).get("/occupations?q=x").status == .badRequest)

            let seeker = try await CVFlowTests.seekerWithPhone(app)
            let form = try await seeker.get("/account/cvs/new?lang=en").body.string
            #expect(form.contains("list=\"occupation-list\"") && form.contains("data-suggest=\"/api/v1/occupations?q=\"") && form.contains("href=\"/occupations\""))
            #expect(form.contains("no formal education") && !form.contains("no requirement"), "a seeker's words, not an offer's")
            #expect(form.contains("id=\"languages_level_1\"") && form.contains("B2 – upper intermediate"))
            // A CV with the occupation as the type-ahead writes it and languages chosen from the lists.
            var cv = CVFlowTests.cvForm
            cv["occupation"] = "721204 – Spawacz"; cv["languages"] = nil
            cv["languages_1"] = "en"; cv["languages_level_1"] = "B2"; cv["languages_2"] = "uk"; cv["languages_level_2"] = "C2"
            #expect(try await seeker.post("/account/cvs", cv, csrfFrom: "/account/cvs/new").status == .seeOther)
            let stored = try await CVFlowTests.firstCV(app)
            #expect(stored.draft.occupationCode == "721204" && stored.draft.languages.map { "\($0.language):\($0.level.rawValue)" } == ["en:B2", "uk:C2"])
            // A language without its level is refused by field, and the rows come back as chosen.
            cv["languages_level_2"] = ""; cv["occupation"] = "spawacz"
            let refused = try await seeker.post("/account/cvs?lang=en", cv, csrfFrom: "/account/cvs/new")
            #expect(refused.status == .badRequest && refused.body.string.contains("choose a level (A1–C2) for each language"))
            #expect(refused.body.string.contains("<option value=\"uk\" selected=\"selected\">"))
        }
    }

    @Test func datesInSentencesReadRightAndSnippetsHaveNoDoublePunctuation() {
        let date = Date(timeIntervalSince1970: 1_796_212_800) // Wednesday 2 December 2026, noon UTC
        for language in Language.allCases {
            let text = DateText.dateTime(date, language)
            let weekday = Catalogues.bundled[language].text("weekday.3")
            #expect(!text.lowercased().hasPrefix(weekday.lowercased()), "\(language): \(text)")
        }
        #expect(Catalogues.bundled[.pl].text("weekday.on.3") == "w środę")
        #expect(KBMarkup.plainText("Przygotuj:\n\n- dowód,\n- świadectwa pracy;\n- dyplom") == "Przygotuj:\ndowód, świadectwa pracy; dyplom")
    }

    @Test func aDeploymentThatNeverChangedTheShippedFlowGetsTheCorrectedOne() async throws {
        try await withTestApp { app in
            let store = VoiceStore(db: app.db)
            #expect(try await store.current()?.flow == .standard)
            // An older shipped flow (another goodbye), installed by the system.
            var old = IVRFlow.standard
            old.steps["goodbye"]?.prompt["pl"] = "Do widzenia."
            try await store.saveDraft(old, by: VoiceStore.system, now: Date())
            _ = try await store.publishDraft(by: VoiceStore.system, now: Date())
            #expect(try await store.current()?.flow == old)
            try await store.installStandard(now: Date())
            let upgraded = try await store.current()
            #expect(upgraded?.flow == .standard && upgraded?.createdBy == VoiceStore.system)
            // An administrator's own flow is never replaced.
            try await store.saveDraft(old, by: "Anna Admin", now: Date())
            _ = try await store.publishDraft(by: "Anna Admin", now: Date())
            try await store.installStandard(now: Date())
            #expect(try await store.current()?.flow == old)
        }
    }
}
