import Testing
import Foundation
import Vapor
import VaporTesting
@testable import App
@testable import Storage
import Content
import Directory

/// Polls from the editor's form to the reader's vote: one vote per browser session or account,
/// results when the poll says, answers fixed once people voted, who voted gone after retention.
@Suite(.serialized) struct PollTests {
    static func form(section: String = "office:pup-2002", multiple: Bool = false, voters: String = "anyone", results: String = "after_voting",
                     opens: Date = Date().addingTimeInterval(-120), closes: Date = Date().addingTimeInterval(86_400)) -> [String: String] {
        ["section": section, "question_pl": "Jak oceniasz obsługę w urzędzie?", "question_uk": "Як ви оцінюєте обслуговування?",
         "option0_pl": "Dobrze", "option0_uk": "Добре", "option1_pl": "Średnio", "option2_pl": "Źle", "multiple": multiple ? "on" : "",
         "opens_at": CalendarText.minuteString(opens), "closes_at": CalendarText.minuteString(closes), "voters": voters, "results": results, "published": "on"]
    }

    static func id(_ res: TestingHTTPResponse) throws -> UUID {
        let location = try #require(res.headers.first(name: .location))
        return try #require(UUID(uuidString: location.split(separator: "/")[3].description))
    }

    @Test func anyoneVotesOncePerBrowserSessionAndSeesResultsAfterVoting() async throws {
        try await withTestApp { app in
            let ewa = try await TestStaff.create(app, email: "ewa@example.org", roles: [.officeEditor], scope: .offices(["pup-2002"]))
            let a = try await ewa.signIn(app)
            #expect(try await a.post("/staff/content/polls", Self.form(section: "office:pup-2001"), csrfFrom: "/staff/content/polls/new").status == .forbidden)
            var bad = Self.form(closes: Date().addingTimeInterval(-3600))
            bad["option1_pl"] = ""; bad["option2_pl"] = ""
            let refused = try await a.post("/staff/content/polls?lang=en", bad, csrfFrom: "/staff/content/polls/new")
            #expect(refused.status == .badRequest && refused.body.string.contains("Answers: give 2 to 12 answers") && refused.body.string.contains("Closes: must be later"))
            let id = try Self.id(try await a.post("/staff/content/polls", Self.form(), csrfFrom: "/staff/content/polls/new"))

            let visitor = FormClient(app)
            let page = try await visitor.get("/polls/\(id)?lang=uk").body.string
            #expect(page.contains("Як ви оцінюєте обслуговування?") && page.contains("Добре") && page.contains("Średnio") && !page.contains("results-heading"))
            #expect(try await visitor.post("/polls/\(id)/vote?lang=en", ["choice[]": "7"], csrfFrom: "/polls/\(id)").status == .badRequest)
            #expect(try await visitor.post("/polls/\(id)/vote", ["choice[]": "0"], csrfFrom: "/polls/\(id)").status == .seeOther)
            let after = try await visitor.get("/polls/\(id)?lang=en").body.string
            #expect(after.contains("your vote was counted") && after.contains("results-heading") && after.contains("1 person voted"))
            // The page has no voting form any more; the browser's token from another form.
            let again = try await visitor.post("/polls/\(id)/vote?lang=en", ["choice[]": "1"], csrfFrom: "/contact")
            #expect(again.status == .conflict && again.body.string.contains("already counted"))

            let other = FormClient(app)
            #expect(try await other.post("/polls/\(id)/vote", ["choice[]": "2"], csrfFrom: "/polls/\(id)").status == .seeOther)
            let poll = try #require(try await PollStore(db: app.db).find(id))
            #expect(try await PollStore(db: app.db).tally(poll) == PollTally(votes: [1, 0, 1], voters: 2))
            // Answers stay once people voted.
            var more = Self.form()
            more["option3_pl"] = "Nie mam zdania"
            #expect(try await a.post("/staff/content/polls/\(id)", more, csrfFrom: "/staff/content/polls/\(id)/edit").status == .conflict)
            #expect(try await PollStore(db: app.db).find(id)?.draft.options.count == 3)
        }
    }

    @Test func signedInPollsCountAccountsAndHideResultsUntilClosedAndRetentionForgetsTheVoters() async throws {
        try await withTestApp { app in
            let ewa = try await TestStaff.create(app, email: "ewa@example.org", roles: [.officeEditor], scope: .offices(["pup-2002"]))
            let a = try await ewa.signIn(app)
            let id = try Self.id(try await a.post("/staff/content/polls", Self.form(multiple: true, voters: "signed_in", results: "after_closing"),
                                                  csrfFrom: "/staff/content/polls/new"))
            let visitor = FormClient(app)
            #expect(try await visitor.post("/polls/\(id)/vote", ["choice[]": "0"], csrfFrom: "/contact").status == .forbidden)
            let seeker = try await SessionSecurityTests.seeker(app)
            var res: TestingHTTPResponse?
            let token = try await seeker.csrfToken(from: "/polls/\(id)")
            var headers = seeker.cookieHeader
            headers.contentType = .urlEncodedForm
            // Two boxes ticked: the field twice, as a browser sends it.
            try await app.testing().test(.POST, "/polls/\(id)/vote", headers: headers, body: ByteBuffer(string: "_csrf=\(token)&choice%5B%5D=0&choice%5B%5D=2")) { res = $0 }
            #expect(res?.status == .seeOther)
            let page = try await seeker.get("/polls/\(id)?lang=en").body.string
            #expect(page.contains("your vote was counted") && !page.contains("results-heading") && page.contains("once the poll closes"))
            let poll = try #require(try await PollStore(db: app.db).find(id))
            #expect(try await PollStore(db: app.db).tally(poll) == PollTally(votes: [1, 0, 1], voters: 1))

            // 30 days after closing, who voted is forgotten; the counts stay.
            let report = try await PrivacyRetention(app: app).sweep(now: poll.draft.closesAt.addingTimeInterval(31 * 86_400))
            #expect(report.pollVoters == 1)
            #expect(try await PollStore(db: app.db).tally(poll) == PollTally(votes: [1, 0, 1], voters: 1))
        }
    }
}
