import Testing
import Foundation
import Vapor
import VaporTesting
@testable import App
@testable import Storage
import ContactCenter
import Directory
import Identity
import Clients

/// The carrier's webhooks as a carrier calls them (form-encoded, signed): a call walks the
/// standard flow into its office's queue with the IVR context, waits hearing its place, is put
/// through to the consultant who accepts it; repeated requests change nothing, forged and
/// stale ones are refused, PINs cannot be guessed across calls, a flow published meanwhile
/// leaves calls in progress on theirs.
@Suite(.serialized) struct VoiceTests {
    /// A carrier: signs each request with the account's token, over the public URL.
    struct Carrier {
        let app: Application
        var token = VoiceConfiguration.developmentToken
        var sid = "CA" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        var from = "+48600100200"
        /// The number dialled, as the carrier reports it.
        var to = "+4819524"

        init(_ app: Application, from: String = "+48600100200", to: String = "+4819524") { self.app = app; self.from = from; self.to = to }

        @discardableResult
        func post(_ path: String, _ extra: [String: String] = [:], signature: String? = nil) async throws -> TestingHTTPResponse {
            var params = ["CallSid": sid, "From": from, "To": to, "AccountSid": "AC0123", "CallStatus": "in-progress"]
            params.merge(extra) { $1 }
            let url = app.services.config.publicURL + path
            let sig = signature ?? CarrierSignature.sign(url: url, parameters: params, token: token)
            let body = params.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
            var response: TestingHTTPResponse?
            try await app.testing().test(.POST, path, beforeRequest: { req in
                req.headers.contentType = .urlEncodedForm
                req.headers.replaceOrAdd(name: CarrierSignature.header, value: sig)
                req.body = ByteBuffer(string: body)
            }, afterResponse: { response = $0 })
            return response!
        }

        static func encode(_ s: String) -> String { s.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? s }

        /// The step address the last answer asks keys for.
        static func action(_ twiml: String, _ verb: String = "Gather") throws -> String {
            let pattern = try Regex("<\(verb)[^>]* action=\"([^\"]+)\"")
            let m = try #require(twiml.firstMatch(of: pattern))
            let url = String(m.output[1].substring!).replacingOccurrences(of: "&amp;", with: "&")
            return String(url.dropFirst("http://127.0.0.1:8080".count))
        }

        func keys(_ twiml: String, _ digits: String?) async throws -> TestingHTTPResponse {
            try await post(try Self.action(twiml), digits.map { ["Digits": $0] } ?? [:])
        }
    }

    static func interaction(_ app: Application) async throws -> Interaction {
        try #require(try await ContactCenterStore(db: app.db).open().first { $0.channel == .voice })
    }

    @Test func aCallWalksTheFlowIntoItsOfficesQueueAndIsPutThroughToTheConsultantWhoAccepts() async throws {
        try await withTestApp { app in
            ChatTests.hours(app, open: true)
            let (staff, desk) = try await DesktopTests.consultant(app, "k1@example.org")
            // The call will be in English: a consultant who speaks it.
            var agent = try #require(try await ContactCenterStore(db: app.db).agent(staff.id.uuidString))
            agent.languages = ["pl", "en"]
            try await ContactCenterStore(db: app.db).save(agent)
            let carrier = Carrier(app)
            let welcome = try await carrier.post("/voice/incoming")
            #expect(welcome.status == .ok && welcome.headers.contentType?.subType == "xml")
            #expect(welcome.body.string.contains("<Say language=\"pl-PL\">Dzień dobry, tu Zielona Linia"))
            #expect(welcome.body.string.contains("<Gather input=\"dtmf\" action=\"http://127.0.0.1:8080/voice/step?seq=1\""))
            // The carrier repeats the request (no answer in time): the same answer, nothing new.
            #expect(try await carrier.post("/voice/incoming").body.string == welcome.body.string)

            let english = try await carrier.keys(welcome.body.string, "2")
            #expect(english.body.string.contains("<Say language=\"en-GB\">If you have a client number and PIN, press 1."))
            let postal = try await carrier.keys(english.body.string, "2")
            #expect(postal.body.string.contains("Enter your five-digit postal code.") && postal.body.string.contains("numDigits=\"5\""))
            let topics = try await carrier.keys(postal.body.string, "15371")
            #expect(topics.body.string.contains("Benefits – 2"))
            let queued = try await carrier.keys(topics.body.string, "2")
            #expect(queued.body.string.contains("<Enqueue action=\"http://127.0.0.1:8080/voice/queued?seq=5\" method=\"POST\" waitUrl=\"http://127.0.0.1:8080/voice/wait\""))

            let call = try await Self.interaction(app)
            #expect(call.officeID == "pup-2002" && call.topic == "benefits" && call.language == "en" && call.state == .queued)
            let context = try await ContactCenterStore(db: app.db).context(of: call.id)
            #expect(context.caller == "+48600100200" && context.identifiedBy == .postalCode && context.postalCode?.value == "15-371")
            #expect(context.ivrPath == ["welcome", "language", "hours", "who", "postal", "located", "topic", "q-benefits"])
            #expect(context.keys == [.init(step: "postal", digits: "15371"), .init(step: "topic", digits: "2"), .init(step: "who", digits: "2")])

            // Waiting: the place in the line first, then pauses until the next announcement is due.
            let wait = try await carrier.post("/voice/wait", ["QueuePosition": "1", "QueueTime": "0"]).body.string
            #expect(wait.contains("You are number 1 in the queue. Expected wait: about 3 min.") && wait.contains("<Pause length=\"5\"/>"))
            let again = try await carrier.post("/voice/wait", ["QueuePosition": "1", "QueueTime": "5"]).body.string
            #expect(!again.contains("<Say") && again.contains("<Pause"))

            // The consultant accepts on the desktop: the call leaves the carrier's queue and is dialled through.
            #expect(try await DesktopTests.route(app).agents == [staff.id.uuidString])
            // The way through the menu in words, with the keys and what they meant.
            let pop = try await desk.get("/desktop/interactions/\(call.id)?lang=en").body.string
            #expect(pop.contains("welcome › choice of language › opening hours › how to identify › postal code › office from the postal code › topic"))
            #expect(pop.contains("topic: 2 (queue: Benefits)") && !pop.contains("Powiat (TERYT)"))
            #expect(try await desk.post("/desktop/offers/\(call.id)/accept", [:], csrfFrom: "/desktop").status == .seeOther)
            #expect(try await carrier.post("/voice/wait", ["QueuePosition": "1", "QueueTime": "10"]).body.string.contains("<Leave/>"))
            let dial = try await carrier.post(try Carrier.action(queued.body.string, "Enqueue"), ["QueueResult": "leave", "QueueTime": "12"]).body.string
            #expect(dial.contains("<Say language=\"en-GB\">Connecting you to a consultant.</Say>"))
            #expect(dial.contains("<Client>agent-\(staff.id.uuidString)</Client>") && dial.contains("record=\"record-from-answer-dual\""))

            // Its recording is kept with the interaction until its retention ends.
            let recorded = try await carrier.post("/voice/recording", ["RecordingSid": "RE1", "RecordingUrl": "https://api.carrier.example/RE1",
                                                                        "RecordingStatus": "completed", "RecordingDuration": "95"])
            #expect(recorded.status == .ok)
            try await carrier.post("/voice/recording", ["RecordingSid": "RE1", "RecordingUrl": "https://api.carrier.example/RE1",
                                                        "RecordingStatus": "completed", "RecordingDuration": "95"])
            let recordings = try await VoiceStore(db: app.db).recordings(interaction: call.id)
            #expect(recordings.count == 1 && recordings[0].durationSeconds == 95 && recordings[0].kind == .conversation)
            #expect(abs(recordings[0].deleteAfter.timeIntervalSince(recordings[0].createdAt) - 90 * 86_400) < 1)

            let done = try await carrier.post(try Carrier.action(dial, "Dial"), ["DialCallStatus": "completed", "DialCallDuration": "95"])
            #expect(done.body.string.contains("<Hangup/>"))
            try await carrier.post("/voice/status", ["CallStatus": "completed"])
            #expect(try await ContactCenterStore(db: app.db).find(call.id)?.interaction.state == .connected, "the consultant ends it on the desktop")
        }
    }

    @Test func forgedStaleAndMalformedRequestsAreRefusedAndChangeNothing() async throws {
        try await withTestApp { app in
            ChatTests.hours(app, open: true)
            let carrier = Carrier(app)
            #expect(try await carrier.post("/voice/incoming", signature: "").status == .forbidden)
            var other = Carrier(app)
            other.token = "not-the-token"
            #expect(try await other.post("/voice/incoming").status == .forbidden)
            #expect(try await VoiceStore(db: app.db).call(carrier.sid) == nil)
            // Signed, but the parameters were changed on the way.
            let welcome = try await carrier.post("/voice/incoming").body.string
            let tampered = CarrierSignature.sign(url: "http://127.0.0.1:8080/voice/step?seq=1", parameters: ["CallSid": carrier.sid, "Digits": "1"],
                                                 token: carrier.token)
            #expect(try await carrier.post("/voice/step?seq=1", ["Digits": "2"], signature: tampered).status == .forbidden)

            var unknown = Carrier(app)
            unknown.sid = "CAdoesnotexist"
            #expect(try await unknown.post("/voice/step?seq=1", ["Digits": "1"]).status == .notFound)
            #expect(try await carrier.keys(welcome, "1a").status == .badRequest)
            let polish = try await carrier.keys(welcome, "1")
            #expect(polish.status == .ok && polish.body.string.contains("Jeśli masz numer klienta i PIN"))
            // A replay of the same signed request: the same answer, the call stays where it is.
            #expect(try await carrier.keys(welcome, "1").body.string == polish.body.string)
            // An earlier step answered differently: refused.
            #expect(try await carrier.keys(welcome, "2").status == .conflict)
            #expect(try await VoiceStore(db: app.db).call(carrier.sid)?.seq == 2)
        }
    }

    @Test func pinsCannotBeGuessedAcrossCallsFromOneNumber() async throws {
        try await withTestApp { app in
            ChatTests.hours(app, open: true)
            let pin = try app.password.hash("4826")
            _ = try await ClientStore(db: app.db).create(NewClient(number: "100000009", kind: .seeker, firstName: "Jan", lastName: "Kowalski",
                                                                   pinHash: pin, officeID: "pup-2002"))
            /// One call: Polish, "identify", a client number and a PIN; what the caller hears next.
            func attempt(_ number: String, _ pinTried: String, from: String) async throws -> String {
                let carrier = Carrier(app, from: from)
                let welcome = try await carrier.post("/voice/incoming").body.string
                let who = try await carrier.keys(welcome, "1").body.string
                let asked = try await carrier.keys(who, "1").body.string
                let pinPrompt = try await carrier.keys(asked, number + "#").body.string
                #expect(pinPrompt.contains("Teraz wpisz PIN"))
                return try await carrier.keys(pinPrompt, pinTried + "#").body.string
            }
            let asksAgain = "Wpisz numer klienta i zatwierdź", postalWay = "Wpisz pięciocyfrowy kod pocztowy", topics = "Rejestracja – 1."
            // Three wrong PINs for one client, whichever number calls: that client is locked (the third goes the postal-code way).
            #expect(try await attempt("100000009", "0000", from: "+48600999001").contains(asksAgain))
            #expect(try await attempt("100000009", "0001", from: "+48600999002").contains(asksAgain))
            #expect(try await attempt("100000009", "0002", from: "+48600999003").contains(postalWay))
            #expect(try await attempt("100000009", "4826", from: "+48600100200").contains(postalWay), "locked even with the right PIN")

            // One number guessing across many client numbers is stopped too.
            let guesser = "+48600999888"
            for _ in 0..<PINPolicy.perCaller.attempts {
                _ = try await attempt(ClientNumber.random().value, "1234", from: guesser)
            }
            _ = try await ClientStore(db: app.db).create(NewClient(number: "200000008", kind: .seeker, firstName: "Anna", lastName: "Nowak",
                                                                   pinHash: pin, officeID: "pup-2002"))
            #expect(try await attempt("200000008", "4826", from: guesser).contains(postalWay), "the guessing number is locked")
            #expect(try await attempt("200000008", "4826", from: "+48600100203").contains(topics), "another caller with the right PIN is identified")
        }
    }

    @Test func theRightPinIdentifiesTheClientAndAFlowPublishedMeanwhileLeavesTheCallOnItsVersion() async throws {
        try await withTestApp { app in
            ChatTests.hours(app, open: true)
            let pin = try app.password.hash("4826")
            let client = try await ClientStore(db: app.db).create(NewClient(number: "100000009", kind: .seeker, firstName: "Jan", lastName: "Kowalski",
                                                                            pinHash: pin, officeID: "pup-2002"))
            let carrier = Carrier(app)
            let welcome = try await carrier.post("/voice/incoming").body.string
            let who = try await carrier.keys(welcome, "1").body.string

            // An administrator publishes a flow whose topic menu is different.
            var edited = IVRFlow.standard
            edited.steps["topic"]?.prompt = ["pl": "Nowe menu – 1.", "en": "New menu – 1.", "ru": "Новое меню – 1.", "uk": "Нове меню – 1."]
            let store = VoiceStore(db: app.db)
            try await store.saveDraft(edited, by: "admin", now: Date())
            #expect(try await store.publishDraft(by: "admin", now: Date()) == 4, "after the shipped main line (1), free line (2) and foreigners' helpline (3)")

            let number = try await carrier.keys(who, "1").body.string
            let pinPrompt = try await carrier.keys(number, "100000009#").body.string
            let topics = try await carrier.keys(pinPrompt, "4826#").body.string
            #expect(topics.contains("Rejestracja – 1.") && !topics.contains("Nowe menu"), "the call finishes on version 1")
            _ = try await carrier.keys(topics, "1")
            let call = try await Self.interaction(app)
            #expect(call.clientID == client && call.topic == "registration")
            let context = try await ContactCenterStore(db: app.db).context(of: call.id)
            #expect(context.identifiedBy == .clientNumberPIN && !context.keys.contains { $0.digits.contains("4826") }, "a PIN is never kept")

            // A new call takes the published version.
            let next = Carrier(app, from: "+48600100201")
            let w2 = try await next.post("/voice/incoming").body.string
            let who2 = try await next.keys(w2, "1").body.string
            let postal = try await next.keys(who2, "2").body.string
            #expect(try await next.keys(postal, "15371").body.string.contains("Nowe menu – 1."))
        }
    }

    @Test func aCallerWhoHangsUpWhileWaitingGivesTheContactUpAndAnUnansweredPhoneRequeues() async throws {
        try await withTestApp { app in
            ChatTests.hours(app, open: true)
            let (_, desk) = try await DesktopTests.consultant(app, "k1@example.org")
            func queue(_ carrier: Carrier) async throws -> String {
                let welcome = try await carrier.post("/voice/incoming").body.string
                let who = try await carrier.keys(welcome, "1").body.string
                let postal = try await carrier.keys(who, "2").body.string
                let topics = try await carrier.keys(postal, "15371").body.string
                return try await carrier.keys(topics, "0").body.string
            }
            let leaving = Carrier(app)
            _ = try await queue(leaving)
            let first = try await Self.interaction(app)
            try await leaving.post("/voice/status", ["CallStatus": "completed"])
            #expect(try await ContactCenterStore(db: app.db).find(first.id)?.interaction.state == .abandoned)
            // The carrier repeats the report: nothing else happens.
            #expect(try await leaving.post("/voice/status", ["CallStatus": "completed"]).status == .ok)

            let staying = Carrier(app, from: "+48600100202")
            let enqueued = try await queue(staying)
            let second = try await Self.interaction(app)
            _ = try await DesktopTests.route(app)
            #expect(try await desk.post("/desktop/offers/\(second.id)/accept", [:], csrfFrom: "/desktop").status == .seeOther)
            let dial = try await staying.post(try Carrier.action(enqueued, "Enqueue"), ["QueueResult": "leave"]).body.string
            let back = try await staying.post(try Carrier.action(dial, "Dial"), ["DialCallStatus": "no-answer"]).body.string
            #expect(back.contains("The consultant did not answer") == false && back.contains("Konsultant nie odebrał") && back.contains("<Enqueue"))
            #expect(try await ContactCenterStore(db: app.db).find(second.id)?.interaction.state == .queued)
        }
    }

    @Test func afterHoursTheCallerBooksACallbackOrLeavesAVoiceMessage() async throws {
        try await withTestApp { app in
            // Closed today (Warsaw), open all day on the other days: a callback can be booked for tomorrow.
            var warsaw = Calendar(identifier: .gregorian)
            warsaw.timeZone = BusinessCalendar.warsaw
            let today = (warsaw.component(.weekday, from: Date()) + 5) % 7 + 1
            let days = Dictionary(uniqueKeysWithValues: (1...7).filter { $0 != today }.map { ($0, [WeeklyHours.Interval(open: 0, close: 1_440)]) })
            app.reconfigure(contactCentre: BusinessCalendar(hours: WeeklyHours(days: days), closedOnHolidays: false))
            // A flow whose after-hours path ends in voicemail when no callback is wanted.
            var flow = IVRFlow.standard
            var voicemail = IVRStep(id: "voicemail", kind: .record, prompt: ["pl": "Zostaw wiadomość po sygnale.", "en": "Leave a message after the tone.",
                                                                              "ru": "Оставьте сообщение после сигнала.", "uk": "Залиште повідомлення після сигналу."])
            voicemail.office = "pup-2002"
            flow.steps["voicemail"] = voicemail
            flow.steps["offer-callback"]?.next = "voicemail"
            flow.steps["goodbye"] = nil
            flow.steps["end"] = nil
            let store = VoiceStore(db: app.db)
            try await store.saveDraft(flow, by: "admin", now: Date())
            _ = try await store.publishDraft(by: "admin", now: Date())

            func afterHours(_ carrier: Carrier) async throws -> String {
                // Closed: said right after the language, with the hours in words, before any other question.
                let welcome = try await carrier.post("/voice/incoming").body.string
                let closed = try await carrier.keys(welcome, "1").body.string
                #expect(closed.contains("Infolinia jest teraz nieczynna. Konsultanci odbierają: ") && closed.contains("0:00–24:00")
                        && !closed.contains("{hours}") && closed.contains("Aby wysłuchać nagranych informacji, naciśnij 1."))
                let offer = try await carrier.keys(closed, "2").body.string
                #expect(offer.contains("Aby konsultant oddzwonił"))
                return offer
            }
            let booking = Carrier(app)
            let booked = try await booking.keys(try await afterHours(booking), "1").body.string
            #expect(booked.contains("Dziękujemy. Konsultant oddzwoni:") && booked.contains("<Hangup/>"))
            let callback = try #require(try await ContactCenterStore(db: app.db).open().first { $0.channel == .callback })
            #expect(callback.officeID == "pup-2002" && callback.queuedAt > Date())
            #expect(try await ContactCenterStore(db: app.db).context(of: callback.id).phone == "+48600100200")

            let leaving = Carrier(app, from: "+48600100201")
            let record = try await leaving.keys(try await afterHours(leaving), nil).body.string
            #expect(record.contains("Zostaw wiadomość po sygnale.") && record.contains("<Record action=\"http://127.0.0.1:8080/voice/recorded?seq="))
            try await leaving.post("/voice/recording", ["RecordingSid": "RE9", "RecordingUrl": "https://api.carrier.example/RE9",
                                                        "RecordingStatus": "completed", "RecordingDuration": "14"])
            #expect(try await leaving.post(try Carrier.action(record, "Record"), ["RecordingUrl": "https://api.carrier.example/RE9",
                                                                                   "RecordingDuration": "14"]).body.string.contains("Dziękujemy za wiadomość."))
            let message = try #require(try await ContactCenterStore(db: app.db).open().first { $0.channel == .voice })
            #expect(message.officeID == "pup-2002")
            #expect(try await ContactCenterStore(db: app.db).context(of: message.id).origin == .voicemail)
            let kept = try await VoiceStore(db: app.db).recordings(interaction: message.id)
            #expect(kept.count == 1 && kept[0].kind == .voicemail && kept[0].durationSeconds == 14)
        }
    }
}
