import Testing
import Foundation
import Vapor
import VaporTesting
@testable import App
@testable import Storage
import Portal

/// What the Moja Praca app does with a seeker's data through the API beyond reading: CVs written,
/// shared, rewritten and deleted with the CV form's checks, and the copy of the account's data
/// asked for with the password and downloaded — each within its token's scope, another
/// seeker's things never found.
@Suite(.serialized) struct AppAPITests {
    static func call(_ app: Application, _ method: HTTPMethod, _ path: String, token: String, json: Any? = nil) async throws -> (HTTPStatus, [String: Any], ByteBuffer) {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = BearerAuthorization(token: token)
        var body = ByteBuffer()
        if let json { headers.contentType = .json; body = ByteBuffer(data: try JSONSerialization.data(withJSONObject: json)) }
        var out: (HTTPStatus, [String: Any], ByteBuffer) = (.ok, [:], ByteBuffer())
        try await app.testing().test(method, path, headers: headers, body: body) { res in
            out = (res.status, (try? JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [String: Any]) ?? [:], res.body)
        }
        return out
    }

    nonisolated(unsafe) static let cv: [String: Any] = [
        "title": "Magazyn z aplikacji", "desired_job": "Magazynier", "occupation": "432103", "desired_locality": "Białystok", "postal_code": "15-371",
        "education": "vocational", "experience_months": 36, "experience": "UKRYTE-Z-APLIKACJI",
        "languages": [["language": "en", "level": "B2"]], "licences": "UDT", "shared": ["desired", "languages"],
        "wish": ["commute_km": 40, "expected_wage": 5000, "expected_wage_type": "monthly"],
    ]

    @Test func aDeviceWritesSharesAndDeletesACVWithinItsScope() async throws {
        try await withTestApp { app in
            _ = try await MatchingTests.seeker(app, cv: nil)
            let reader = try await AppTokenTests.signIn(app, device: "Telefon", scopes: "read")
            let (refused, _, _) = try await Self.call(app, .POST, "/api/v1/account/cvs", token: reader, json: Self.cv)
            #expect(refused == .forbidden)
            let writer = try await AppTokenTests.signIn(app, device: "Tablet", scopes: "read cvs")

            var bad = Self.cv
            bad["postal_code"] = "15-37"; bad["languages"] = [["language": "en", "level": "Z9"]]; bad["shared"] = ["desired", "everything"]
            let (badStatus, problem, _) = try await Self.call(app, .POST, "/api/v1/account/cvs?lang=en", token: writer, json: bad)
            #expect(badStatus == .badRequest && (problem["errors"] as? [[String: String]])?.first?["field"] == "shared")
            bad["shared"] = ["desired"]
            let (badAgain, problems, _) = try await Self.call(app, .POST, "/api/v1/account/cvs?lang=en", token: writer, json: bad)
            let fields = Set(((problems["errors"] as? [[String: String]]) ?? []).compactMap { $0["field"] })
            #expect(badAgain == .badRequest && fields == ["postal_code", "languages"])
            #expect(try await CVStore(db: app.db).list(account: try #require(try await AccountStore(db: app.db).find(email: "anna.nowak@example.org")).id).isEmpty)

            let (made, cv, _) = try await Self.call(app, .POST, "/api/v1/account/cvs", token: writer, json: Self.cv)
            #expect(made == .created && cv["experience"] as? String == "UKRYTE-Z-APLIKACJI" && cv["shared"] as? [String] == ["desired", "languages"])
            #expect((cv["wish"] as? [String: Any])?["commute_km"] as? Int == 40)
            let id = try #require((cv["id"] as? String).flatMap(UUID.init(uuidString:)))
            // Employers see the shared sections only, and the search finds only those.
            #expect(try await CVStore(db: app.db).candidate(id)?.cv.experience == nil)
            let (read, whole, _) = try await Self.call(app, .GET, "/api/v1/account/cvs/\(id)", token: reader)
            #expect(read == .ok && whole["experience"] as? String == "UKRYTE-Z-APLIKACJI")

            let (shared, after, _) = try await Self.call(app, .PUT, "/api/v1/account/cvs/\(id)/sharing", token: writer, json: ["shared": ["desired", "experience"]])
            #expect(shared == .ok && after["shared"] as? [String] == ["desired", "experience"])
            #expect(try await CVStore(db: app.db).candidate(id)?.cv.experience == "UKRYTE-Z-APLIKACJI")
            #expect(try await Self.call(app, .PUT, "/api/v1/account/cvs/\(id)/sharing", token: writer, json: ["shared": ["all"]]).0 == .badRequest)
            #expect(try await Self.call(app, .PUT, "/api/v1/account/cvs/\(id)/sharing", token: reader, json: ["shared": []]).0 == .forbidden)

            var rewritten = Self.cv
            rewritten["skills"] = "obsługa skanerów"
            let (updated, again, _) = try await Self.call(app, .PUT, "/api/v1/account/cvs/\(id)", token: writer, json: rewritten)
            #expect(updated == .ok && again["skills"] as? String == "obsługa skanerów")

            // Another seeker's device finds nothing of it.
            _ = try await MatchingTests.seeker(app, email: "jan.kowalski@example.org", cv: nil)
            var other = ["email": "jan.kowalski@example.org", "password": AccountTests.goodForm["password"]!, "device": "Jan"]
            other["scopes"] = "read cvs"
            let (_, token, _) = try await AppTokenTests.call(app, .POST, "/api/v1/app/sign-in", json: other)
            let jan = try #require(token["token"] as? String)
            #expect(try await Self.call(app, .GET, "/api/v1/account/cvs/\(id)", token: jan).0 == .notFound)
            #expect(try await Self.call(app, .DELETE, "/api/v1/account/cvs/\(id)", token: jan).0 == .notFound)

            #expect(try await Self.call(app, .DELETE, "/api/v1/account/cvs/\(id)", token: writer).0 == .noContent)
            #expect(try await Self.call(app, .GET, "/api/v1/account/cvs/\(id)", token: reader).0 == .notFound)
        }
    }

    @Test func theCopyOfTheDataIsAskedForWithThePasswordAndDownloaded() async throws {
        try await withTestApp { app in
            _ = try await MatchingTests.seeker(app)
            let reader = try await AppTokenTests.signIn(app, device: "Telefon", scopes: "read")
            #expect(try await Self.call(app, .POST, "/api/v1/account/exports", token: reader, json: ["password": AccountTests.goodForm["password"]!]).0 == .forbidden)
            let device = try await AppTokenTests.signIn(app, device: "Tablet", scopes: "privacy")
            #expect(try await Self.call(app, .POST, "/api/v1/account/exports", token: device, json: ["password": "nie to"]).0 == .unauthorized)
            let (asked, job, _) = try await Self.call(app, .POST, "/api/v1/account/exports", token: device, json: ["password": AccountTests.goodForm["password"]!])
            #expect(asked == .accepted && job["status"] as? String == "queued" && job["file"] == nil)
            let id = try #require(job["id"] as? String)
            #expect(try await Self.call(app, .POST, "/api/v1/account/exports", token: device, json: ["password": AccountTests.goodForm["password"]!]).0 == .conflict)
            #expect(try await Self.call(app, .GET, "/api/v1/account/exports/\(id)/file", token: device).0 == .conflict, "not made yet")

            #expect(try await DataExportBuilder(db: app.db, publicURL: app.services.config.publicURL, cipher: app.services.cipher).buildNext())
            let (ready, status, _) = try await Self.call(app, .GET, "/api/v1/account/exports/\(id)", token: device)
            #expect(ready == .ok && status["status"] as? String == "ready")
            let file = try #require(status["file"] as? String)
            let (downloaded, _, zip) = try await Self.call(app, .GET, file, token: device)
            #expect(downloaded == .ok && zip.readableBytesView.prefix(2).elementsEqual([0x50, 0x4B]), "a ZIP")
        }
    }

    @Test func aDeviceWritesToTheOfficeAndBooksACallbackAsTheSeeker() async throws {
        try await withTestApp { app in
            _ = try await MatchingTests.seeker(app, cv: nil)
            let reader = try await AppTokenTests.signIn(app, device: "Telefon", scopes: "read")
            let message: [String: Any] = ["powiat": "2061", "topic": "registration", "message": "Jak zarejestrować się jako bezrobotna?"]
            #expect(try await Self.call(app, .POST, "/api/v1/contact", token: reader, json: message).0 == .forbidden)
            let device = try await AppTokenTests.signIn(app, device: "Tablet", scopes: "contact")
            let (bad, problem, _) = try await Self.call(app, .POST, "/api/v1/contact?lang=en", token: device,
                                                        json: ["powiat": "9999", "topic": "registration", "message": "krótko"])
            let fields = Set(((problem["errors"] as? [[String: String]]) ?? []).compactMap { $0["field"] })
            #expect(bad == .badRequest && fields == ["powiat", "message"])
            let (sent, accepted, _) = try await Self.call(app, .POST, "/api/v1/contact", token: device, json: message)
            let caseNumber = try #require(accepted["case_number"] as? String)
            #expect(sent == .created && (accepted["office"] as? [String: Any])?["id"] as? String == "pup-2002")
            // As the seeker: their address gets the confirmation with the case number.
            #expect(try await Outbox(db: app.db).recent().contains { $0.kind == "contact_confirmation" && $0.recipient == "anna.nowak@example.org"
                && $0.textBody.contains(caseNumber) })

            var slots: [String: Any] = [:]
            try await app.testing().test(.GET, "/api/v1/callbacks/slots?lang=en") { res in
                slots = (try? JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [String: Any]) ?? [:]
            }
            let slot = try #require((slots["items"] as? [[String: String]])?.first?["value"])
            var booking: [String: Any] = ["slot": slot, "powiat": "2061", "locality": "Białystok", "postal_code": "15-371", "topic": "benefits"]
            let (noPhone, missing, _) = try await Self.call(app, .POST, "/api/v1/callbacks?lang=en", token: device, json: booking)
            #expect(noPhone == .badRequest && ((missing["errors"] as? [[String: String]])?.map { $0["field"] } ?? []) == ["phone"], "no phone in the profile")
            booking["phone"] = "600 100 200"
            let (booked, callback, _) = try await Self.call(app, .POST, "/api/v1/callbacks", token: device, json: booking)
            #expect(booked == .created && callback["slot"] as? String != nil)
            #expect(try await SMSStore(db: app.db).recent().contains { $0.kind == "callback_confirmation" && $0.phone == "+48600100200" })
        }
    }

    static func chatCall(_ app: Application, _ method: HTTPMethod, _ path: String, token: String, chat: String?, json: Any? = nil) async throws -> (HTTPStatus, [String: Any]) {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = BearerAuthorization(token: token)
        if let chat { headers.add(name: ChatAPIController.tokenHeader, value: chat) }
        var body = ByteBuffer()
        if let json { headers.contentType = .json; body = ByteBuffer(data: try JSONSerialization.data(withJSONObject: json)) }
        var out: (HTTPStatus, [String: Any]) = (.ok, [:])
        try await app.testing().test(method, path, headers: headers, body: body) { res in
            out = (res.status, (try? JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [String: Any]) ?? [:])
        }
        return out
    }

    @Test func aDeviceChatsWithTheConsultantUntilTheSeekerEndsIt() async throws {
        try await withTestApp { app in
            ChatTests.hours(app, open: false)
            _ = try await MatchingTests.seeker(app, cv: nil)
            let device = try await AppTokenTests.signIn(app, device: "Telefon", scopes: "contact")
            let start: [String: Any] = ["topic": "registration", "powiat": "2061", "language": "pl", "message": "Dzień dobry, jak się zarejestrować?"]
            // Nobody can chat after hours: the app is told to write instead.
            let (closed, _) = try await Self.chatCall(app, .POST, "/api/v1/chats?lang=en", token: device, chat: nil, json: start)
            #expect(closed == .conflict)
            ChatTests.hours(app, open: true)
            let (staff, desk) = try await DesktopTests.consultant(app, "k1@example.org")
            let (badStatus, problem) = try await Self.chatCall(app, .POST, "/api/v1/chats?lang=en", token: device, chat: nil,
                                                               json: ["topic": "nothing", "powiat": "2061"])
            #expect(badStatus == .badRequest && ((problem["errors"] as? [[String: String]])?.map { $0["field"] } ?? []) == ["topic"])
            let (started, chat) = try await Self.chatCall(app, .POST, "/api/v1/chats", token: device, chat: nil, json: start)
            let chatToken = try #require(chat["token"] as? String)
            #expect(started == .created && chat["phase"] as? String == "waiting")
            let interaction = try await ChatTests.chat(app)
            #expect(interaction.officeID == "pup-2002" && interaction.topic == "registration")

            // The token is the chat: none or another opens nothing.
            #expect(try await Self.chatCall(app, .GET, "/api/v1/chats/current", token: device, chat: nil).0 == .notFound)
            #expect(try await Self.chatCall(app, .GET, "/api/v1/chats/current", token: device, chat: "x" + chatToken).0 == .notFound)

            #expect(try await DesktopTests.route(app).agents == [staff.id.uuidString])
            #expect(try await desk.post("/desktop/offers/\(interaction.id)/accept", [:], csrfFrom: "/desktop").status == .seeOther)
            try await ChatService(app: app, logger: app.logger).agentSays(interaction.id, agent: staff.id.uuidString, text: "Dzień dobry, w czym mogę pomóc?")
            let (read, talking) = try await Self.chatCall(app, .GET, "/api/v1/chats/current", token: device, chat: chatToken)
            let lines = (talking["lines"] as? [[String: Any]]) ?? []
            #expect(read == .ok && talking["phase"] as? String == "talking" && lines.contains { $0["author"] as? String == "agent" && $0["text"] as? String == "Dzień dobry, w czym mogę pomóc?" })

            #expect(try await Self.chatCall(app, .POST, "/api/v1/chats/current/lines", token: device, chat: chatToken, json: ["text": " "]).0 == .badRequest)
            let (said, after) = try await Self.chatCall(app, .POST, "/api/v1/chats/current/lines", token: device, chat: chatToken, json: ["text": "Dziękuję!"])
            #expect(said == .created && ((after["lines"] as? [[String: Any]])?.last?["text"] as? String) == "Dziękuję!")
            let (ended, over) = try await Self.chatCall(app, .POST, "/api/v1/chats/current/end", token: device, chat: chatToken)
            #expect(ended == .ok && over["phase"] as? String == "ended")
            #expect(try await Self.chatCall(app, .POST, "/api/v1/chats/current/lines", token: device, chat: chatToken, json: ["text": "Halo?"]).0 == .conflict)
        }
    }
}

