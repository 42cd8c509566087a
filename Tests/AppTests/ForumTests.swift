import Testing
import Foundation
import Vapor
import VaporTesting
import SQLKit
@testable import App
@testable import Storage
import Content
import Privacy

/// The forum from a member's first post to a moderator's decision: pre-moderation of new
/// members, reports that hide a post, the warning before personal data, floods, locks, moves,
/// edits with a reason, reply e-mails to who asked, search, and erasure of a member.
@Suite(.serialized) struct ForumTests {
    static func member(_ app: Application, _ name: String) async throws -> FormClient {
        try await MatchingTests.seeker(app, email: "\(name)@example.org", cv: nil)
    }

    static func thread(_ res: TestingHTTPResponse) throws -> UUID {
        let location = try #require(res.headers.first(name: .location))
        return try #require(UUID(uuidString: String(location.split(separator: "/")[2].prefix(36))))
    }

    static func account(_ app: Application, _ name: String) async throws -> UUID {
        try #require(try await AccountStore(db: app.db).find(email: "\(name)@example.org")).id
    }

    /// Lets the member's next posts out without a moderator, as after three approved ones.
    static func trust(_ app: Application, _ name: String) async throws {
        try await (app.db as! any SQLDatabase).update("forum_members").set("approved_posts", to: SQLBind(ForumRules.premoderatedPosts))
            .where("account_id", .equal, SQLBind(try await account(app, name))).run()
    }

    static func newThread(_ browser: FormClient, _ category: String = "pup-2002", title: String = "Kiedy dyżur doradcy zawodowego?",
                          body: String = "Czy ktoś wie, w które dni w urzędzie jest doradca zawodowy?", nickname: String? = "Anna z Białegostoku",
                          extra: [String: String] = [:]) async throws -> TestingHTTPResponse {
        var form = ["title": title, "body": body, "notify": "on"]
        if let nickname { form["nickname"] = nickname }
        return try await browser.post("/forum/\(category)/new?lang=en", form.merging(extra) { $1 }, csrfFrom: "/forum/\(category)/new")
    }

    @Test func aNewMembersPostWaitsForItsOfficesModeratorAndTheApprovedReplyIsMailedToWhoAsked() async throws {
        try await withTestApp { app in
            let anna = try await Self.member(app, "anna")
            let created = try await Self.newThread(anna)
            #expect(created.status == .seeOther && created.headers.first(name: .location)?.contains("notice=pending") == true)
            let id = try Self.thread(created)
            let visitor = FormClient(app)
            #expect(try await visitor.get("/forum/threads/\(id)").status == .notFound, "waiting: nobody else sees it")
            let own = try await anna.get("/forum/threads/\(id)?lang=en").body.string
            #expect(own.contains("Waiting for a moderator") && own.contains("doradca zawodowy"))
            #expect(!(try await visitor.get("/forum/pup-2002?lang=en").body.string.contains("Kiedy dyżur")))

            let post = try #require(try await ForumStore(db: app.db).posts(in: id).first)
            let foreign = try await TestStaff.create(app, email: "mod.lodz@example.org", roles: [.moderator], scope: .offices(["pup-2001"])).signIn(app)
            #expect(try await foreign.post("/staff/forum/posts/\(post.id)/decision", ["decision": "approve"], csrfFrom: "/staff/home").status == .forbidden)
            #expect(!(try await foreign.get("/staff/forum").body.string.contains("Kiedy dyżur")), "another office's queue")
            let editor = try await TestStaff.create(app, email: "ed@example.org", roles: [.officeEditor], scope: .offices(["pup-2002"])).signIn(app)
            #expect(try await editor.get("/staff/forum").status == .forbidden, "moderating is its own right")
            let moderator = try await TestStaff.create(app, email: "mod@example.org", roles: [.moderator], scope: .offices(["pup-2002"])).signIn(app)
            let queue = try await moderator.get("/staff/forum?lang=en").body.string
            #expect(queue.contains("Kiedy dyżur") && queue.contains("Anna z Białegostoku") && queue.contains("waiting for a check"))
            #expect(try await moderator.get("/staff/forum/posts/\(post.id)").status == .ok)
            #expect(try await AuditLog(db: app.db).entries(.init()).contains { $0.action == "forum.post.read" && $0.detail.contains(post.id.uuidString.lowercased()) })
            #expect(try await moderator.post("/staff/forum/posts/\(post.id)/decision", ["decision": "approve"], csrfFrom: "/staff/home").status == .seeOther)
            #expect(try await visitor.get("/forum/threads/\(id)?lang=en").body.string.contains("doradca zawodowy"))
            #expect(try await visitor.get("/forum/pup-2002").body.string.contains("Kiedy dyżur"))

            let bartek = try await Self.member(app, "bartek")
            let reply = try await bartek.post("/forum/threads/\(id)/reply?lang=en", ["nickname": "Bartek", "body": "Doradca jest we wtorki i czwartki."],
                                              csrfFrom: "/forum/threads/\(id)")
            #expect(reply.status == .seeOther)
            let replyPost = try #require(try await ForumStore(db: app.db).posts(in: id).last)
            #expect(replyPost.status == .pending)
            #expect(try await Outbox(db: app.db).recent().filter { $0.kind == "forum_reply" }.isEmpty, "not mailed before it is out")
            #expect(try await moderator.post("/staff/forum/posts/\(replyPost.id)/decision", ["decision": "approve"], csrfFrom: "/staff/home").status == .seeOther)
            let mails = try await Outbox(db: app.db).recent().filter { $0.kind == "forum_reply" }
            #expect(mails.map(\.recipient) == ["anna@example.org"], "the thread's author asked; the replier is not told of their own reply")
            #expect(mails.first?.textBody.contains("Kiedy dyżur doradcy zawodowego?") == true && mails.first?.textBody.contains("/forum/threads/\(id.uuidString.lowercased())") == true)
            #expect(try await ForumStore(db: app.db).thread(id)?.replies == 1)

            // Three posts let through: the member's next post goes out at once. Asking for no
            // more e-mails stops them.
            try await Self.trust(app, "bartek")
            #expect(try await anna.post("/forum/threads/\(id)/notifications", ["on": "0"], csrfFrom: "/forum/threads/\(id)").status == .seeOther)
            let direct = try await bartek.post("/forum/threads/\(id)/reply", ["body": "Lepiej zadzwonić wcześniej na 19524."], csrfFrom: "/forum/threads/\(id)")
            #expect(direct.headers.first(name: .location)?.contains("notice=posted") == true)
            #expect(try await Outbox(db: app.db).recent().filter { $0.kind == "forum_reply" }.count == 1)
            // Staff cannot write as members; anonymous readers are sent to sign in.
            #expect(try await visitor.get("/forum/pup-2002/new").headers.first(name: .location)?.hasPrefix("/login") == true)
            #expect(try await visitor.post("/forum/threads/\(id)/reply", ["body": "Anonim"], csrfFrom: "/contact").status == .forbidden)
        }
    }

    @Test func personalDataIsWarnedAboutBeforePostingAndMarkupIsOnlyText() async throws {
        try await withTestApp { app in
            let anna = try await Self.member(app, "anna")
            let warned = try await Self.newThread(anna, "job-search", title: "Pomocy <script>alert(1)</script>",
                                                  body: "Mój PESEL 85031501234, telefon 600 100 200, pisz na anna@example.org")
            #expect(warned.status == .ok)
            let html = warned.body.string
            #expect(html.contains("a PESEL number") && html.contains("a phone number") && html.contains("an e-mail address") && html.contains("name=\"confirm\""))
            #expect(try await ForumStore(db: app.db).latestThreads(limit: 5).isEmpty, "nothing written")
            #expect(!html.contains("<script>alert(1)</script>") && html.contains("&lt;script&gt;"))

            let bad = try await Self.newThread(anna, "job-search", title: "Hm", body: "!!!", nickname: "x")
            #expect(bad.status == .badRequest)
            #expect(bad.body.string.contains("Give a forum name") && bad.body.string.contains("The subject must have 5 to 150 characters")
                    && bad.body.string.contains("The text must contain words"))
            #expect(try await anna.post("/forum/no-such-forum/new", ["title": "Temat wątku", "body": "Treść wątku."], csrfFrom: "/forum/job-search/new").status == .notFound)
            #expect(try await anna.get("/forum/pup-9999").status == .notFound, "an office the directory does not have")

            let posted = try await Self.newThread(anna, "job-search", title: "Pomocy <script>alert(1)</script>",
                                                  body: "Mój PESEL 85031501234, telefon 600 100 200", extra: ["confirm": "on"])
            #expect(posted.status == .seeOther)
            let page = try await anna.get(try #require(posted.headers.first(name: .location))).body.string
            #expect(!page.contains("<script>alert(1)</script>") && page.contains("Pomocy &lt;script&gt;"))
            // The nickname is taken, whatever the letter case.
            let other = try await Self.member(app, "bartek")
            let taken = try await Self.newThread(other, nickname: "ANNA Z BIAŁEGOSTOKU")
            #expect(taken.status == .conflict && taken.body.string.contains("This name is taken"))
        }
    }

    @Test func threeReportsHideAPostUntilAModeratorLetsItBack() async throws {
        try await withTestApp { app in
            let anna = try await Self.member(app, "anna")
            _ = try await Self.newThread(anna, "national")
            try await Self.trust(app, "anna")
            let id = try Self.thread(try await Self.newThread(anna, "national", title: "Zasiłek po stażu", body: "Czy po stażu należy się zasiłek?"))
            let post = try #require(try await ForumStore(db: app.db).posts(in: id).first)
            #expect(post.status == .visible)
            #expect(try await anna.post("/forum/posts/\(post.id)/report", ["reason": "spam"], csrfFrom: "/forum/threads/\(id)").status == .badRequest, "not one's own")
            for (n, name) in ["bartek", "celina", "dawid"].enumerated() {
                let reader = try await Self.member(app, name)
                #expect(try await reader.post("/forum/posts/\(post.id)/report", ["reason": "offensive"], csrfFrom: "/forum/threads/\(id)").status == .seeOther)
                if n == 0 {
                    let again = try await reader.post("/forum/posts/\(post.id)/report", ["reason": "spam"], csrfFrom: "/forum/threads/\(id)")
                    #expect(again.headers.first(name: .location)?.contains("already_reported") == true)
                    #expect(try await reader.post("/forum/posts/\(post.id)/report", ["reason": "<b>"], csrfFrom: "/forum/threads/\(id)").status == .badRequest)
                }
                let visible = try await ForumStore(db: app.db).post(post.id)?.status == .visible
                #expect(visible == (n < 2), "held at the third report")
            }
            // The thread's first post held: the thread leaves the list until a moderator looks.
            #expect(!(try await FormClient(app).get("/forum/national").body.string.contains("Zasiłek po stażu")))
            let officeModerator = try await TestStaff.create(app, email: "mod@example.org", roles: [.moderator], scope: .offices(["pup-2002"])).signIn(app)
            #expect(try await officeModerator.post("/staff/forum/posts/\(post.id)/decision", ["decision": "approve"], csrfFrom: "/staff/home").status == .forbidden,
                    "the national forum is the national moderators'")
            let national = try await TestStaff.create(app, email: "kraj@example.org", roles: [.moderator], scope: .national).signIn(app)
            #expect(try await national.get("/staff/forum?lang=en").body.string.contains("hidden after 3 reports"))
            #expect(try await national.post("/staff/forum/posts/\(post.id)/decision?lang=en", ["decision": "hide", "reason": ""], csrfFrom: "/staff/home")
                .body.string.contains("Give the reason"))
            #expect(try await national.post("/staff/forum/posts/\(post.id)/decision", ["decision": "approve"], csrfFrom: "/staff/home").status == .seeOther)
            let back = try #require(try await ForumStore(db: app.db).post(post.id))
            let reportsLeft = try await ForumStore(db: app.db).reports(post.id)
            #expect(back.status == .visible && back.reports == 0 && reportsLeft.isEmpty)
            #expect(try await FormClient(app).get("/forum/national").body.string.contains("Zasiłek po stażu"))
            // Hidden with a reason: the reason shows, the text does not, search does not find it.
            #expect(try await national.post("/staff/forum/posts/\(post.id)/decision", ["decision": "hide", "reason": "Wpis nie na temat"],
                                            csrfFrom: "/staff/home").status == .seeOther)
            #expect(try await AuditLog(db: app.db).entries(.init()).contains { $0.action == "forum.post.hide" && $0.reason == "Wpis nie na temat" })
        }
    }

    @Test func floodsLocksMovesAndEditsWithAReason() async throws {
        try await withTestApp { app in
            let anna = try await Self.member(app, "anna")
            _ = try await Self.newThread(anna)
            try await Self.trust(app, "anna")
            let id = try Self.thread(try await Self.newThread(anna, title: "Szkolenie na wózki widłowe",
                                                              body: "Szukam szkolenia na wózki widłowe z egzaminem UDT."))
            for n in 1..<(ForumRules.postsPerWindow - 1) {
                #expect(try await anna.post("/forum/threads/\(id)/reply", ["body": "Uzupełnienie numer \(String(repeating: "I", count: n))."],
                                            csrfFrom: "/forum/threads/\(id)").status == .seeOther)
            }
            let flood = try await anna.post("/forum/threads/\(id)/reply?lang=en", ["body": "Jeszcze jedno."], csrfFrom: "/forum/threads/\(id)")
            #expect(flood.status == .tooManyRequests && flood.body.string.contains("Too many posts at once"))

            let moderator = try await TestStaff.create(app, email: "mod@example.org", roles: [.moderator], scope: .offices(["pup-2002"])).signIn(app)
            #expect(try await moderator.post("/staff/forum/threads/\(id)?lang=en", ["locked": "on", "category": "pup-2002", "reason": ""],
                                             csrfFrom: "/staff/home").body.string.contains("Give the reason"))
            #expect(try await moderator.post("/staff/forum/threads/\(id)", ["locked": "on", "category": "pup-2002", "reason": "Temat wyczerpany"],
                                             csrfFrom: "/staff/home").status == .seeOther)
            let bartek = try await Self.member(app, "bartek")
            let locked = try await bartek.post("/forum/threads/\(id)/reply", ["nickname": "Bartek", "body": "A ja mam pytanie."], csrfFrom: "/forum/pup-2002/new")
            #expect(locked.status == .conflict)
            #expect(try await moderator.post("/staff/forum/threads/\(id)?lang=en", ["locked": "on", "category": "pup-2001", "reason": "Inny urząd"],
                                             csrfFrom: "/staff/home").body.string.contains("Choose a forum you moderate"))
            #expect(try await moderator.post("/staff/forum/threads/\(id)", ["locked": "on", "category": "training", "reason": "Temat ogólny"],
                                             csrfFrom: "/staff/home").status == .badRequest, "the topic forums are the national moderators'")
            let national = try await TestStaff.create(app, email: "kraj@example.org", roles: [.moderator], scope: .national).signIn(app)
            #expect(try await national.post("/staff/forum/threads/\(id)", ["category": "training", "reason": "Temat ogólny"], csrfFrom: "/staff/home").status == .seeOther)
            let moved = try #require(try await ForumStore(db: app.db).thread(id))
            #expect(moved.category == .topic(.training) && !moved.locked)
            #expect(try await moderator.get("/staff/forum/threads/\(id)").status == .forbidden, "no longer the office's")

            let first = try #require(try await ForumStore(db: app.db).posts(in: id).first)
            #expect(try await national.post("/staff/forum/posts/\(first.id)", ["body": "Szukam szkolenia na wózki widłowe.", "edit_reason": "Usunięto reklamę"],
                                            csrfFrom: "/staff/home").status == .seeOther)
            let page = try await FormClient(app).get("/forum/threads/\(id)?lang=en").body.string
            #expect(page.contains("Edited by a moderator. Reason: Usunięto reklamę") && !page.contains("egzaminem UDT"))
            #expect(try await AuditLog(db: app.db).entries(.init()).contains { $0.action == "forum.post.edit" && $0.detail.contains("egzaminem UDT") })

            // Search with Polish folding: "widlowe" finds "widłowe"; a hidden post is not found.
            let hits = try await FormClient(app).get("/forum/search?q=widlowe&lang=en").body.string
            #expect(hits.contains("Szkolenie na wózki widłowe"))
            #expect(try await national.post("/staff/forum/posts/\(first.id)/decision", ["decision": "hide", "reason": "Reklama"], csrfFrom: "/staff/home").status == .seeOther)
            #expect(try await FormClient(app).get("/forum/search?q=widlowe&lang=en").body.string.contains("Nothing found"))
            #expect(try await FormClient(app).get("/forum/search?q=%21%21&lang=en").status == .badRequest)
        }
    }

    @Test func erasingAMemberEmptiesTheirPostsAndForgetsTheirName() async throws {
        try await withTestApp { app in
            let anna = try await Self.member(app, "anna")
            _ = try await Self.newThread(anna)
            try await Self.trust(app, "anna")
            let id = try Self.thread(try await Self.newThread(anna, title: "Praca sezonowa w Niemczech", body: "Kto pracował sezonowo przy zbiorach?"))
            let bartek = try await Self.member(app, "bartek")
            _ = try await bartek.post("/forum/threads/\(id)/notifications", ["on": "1"], csrfFrom: "/forum/threads/\(id)")
            let outcome = try await AccountErasure(db: app.db).erase(account: try await Self.account(app, "anna"))
            #expect(outcome.erased.contains { $0.name == "forum_posts" && $0.count == 2 } && outcome.erased.contains { $0.name == "forum_nickname" })
            let page = try await FormClient(app).get("/forum/threads/\(id)?lang=en")
            #expect(page.status == .notFound, "its only post erased: the thread is no longer listed")
            let rows = try await ForumStore(db: app.db).posts(in: id)
            #expect(rows.allSatisfy { $0.body.isEmpty && $0.authorID == nil && $0.status == .erased })
            let bartekID = try await Self.account(app, "bartek")
            #expect(try await ForumStore(db: app.db).nicknames([bartekID]).isEmpty, "bartek never wrote")
            #expect(try await FormClient(app).get("/forum/search?q=sezonowo").body.string.contains("Praca sezonowa") == false)
        }
    }
}
