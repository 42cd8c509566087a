import Vapor
import Views
import Content
import Storage
import Identity
import Localization
import TextSearch

/// The forum for readers and members: categories (national, topics, each office's), threads
/// and replies by signed-in members, reports, reply notifications by e-mail, search and rules.
/// A new member's first posts wait for a moderator; a text that looks like it holds someone's
/// PESEL, phone or e-mail is posted only after the writer confirms.
struct ForumController: RouteCollection {
    static let perPage = 30

    func boot(routes: any RoutesBuilder) throws {
        routes.get("forum", use: home)
        routes.get("forum", "rules", use: rules)
        routes.get("forum", "search", use: search)
        routes.get("forum", ":category", use: category)
        routes.get("forum", ":category", "new", use: newThreadForm)
        routes.post("forum", ":category", "new", use: createThread)
        routes.get("forum", "threads", ":id", use: thread)
        routes.post("forum", "threads", ":id", "reply", use: reply)
        routes.post("forum", "threads", ":id", "notifications", use: notifications)
        routes.post("forum", "posts", ":id", "report", use: report)
    }

    // MARK: reading

    func home(req: Request) async throws -> Response {
        let counts = try await ForumStore(db: req.db).threadCounts()
        let t = req.catalogue
        var offices: [ForumHomePage.Category] = []
        for (slug, n) in counts.sorted(by: { $0.key < $1.key }) {
            guard case .office(let id)? = ForumCategory(slug: slug), let office = try await req.directory.office(id: id) else { continue }
            offices.append(.init(path: SiteRoute.forumCategory(slug).path, name: office.name, hint: t.text("forum.category.office_hint", ["office": office.name]),
                                 threads: n))
        }
        var own: ForumHomePage.Category? = nil
        if let account = try await member(req), let id = try await Self.ownOffice(account, req), let office = try await req.directory.office(id: id) {
            own = .init(path: SiteRoute.forumCategory(id).path, name: office.name, hint: t.text("forum.category.office_hint", ["office": office.name]),
                        threads: counts[id] ?? 0)
        }
        var shared: [ForumHomePage.Category] = []
        for c in ForumCategory.shared {
            shared.append(.init(path: SiteRoute.forumCategory(c.slug).path, name: try await Self.name(c, req), hint: Self.hint(c, name: "", req),
                                threads: counts[c.slug] ?? 0))
        }
        return .html(ForumHomePage.render(.init(shared: shared, offices: offices, ownOffice: own), req.pageContext))
    }

    /// A seeker's office: the one of their postal code.
    static func ownOffice(_ account: Account, _ req: Request) async throws -> String? {
        guard account.kind == .seeker, let code = try await AccountStore(db: req.db).profile(account.id)?.postalCode,
              let postal = try? PostalCode(code) else { return nil }
        return try await VoiceLookups.office(postalCode: postal, req.db)
    }

    func rules(req: Request) async throws -> Response { .html(ForumRulesPage.render(req.pageContext)) }

    static func name(_ c: ForumCategory, _ req: Request) async throws -> String {
        switch c {
        case .national: req.catalogue.text("forum.category.national")
        case .topic(let topic): req.catalogue.text("forum.topic." + topic.rawValue)
        case .office(let id): try await req.directory.office(id: id)?.name ?? id
        }
    }

    static func hint(_ c: ForumCategory, name: String, _ req: Request) -> String {
        switch c {
        case .national: req.catalogue.text("forum.category.national_hint")
        case .topic(let topic): req.catalogue.text("forum.topic." + topic.rawValue + "_hint")
        case .office: req.catalogue.text("forum.category.office_hint", ["office": name])
        }
    }

    /// The category of the address: a shared one, or an office of the directory.
    static func category(_ slug: String?, _ req: Request) async throws -> ForumCategory {
        guard let slug, let c = ForumCategory(slug: slug) else { throw NotFoundError(detail: req.catalogue.text("forum.not_found")) }
        if let id = c.officeID, try await req.directory.office(id: id) == nil { throw NotFoundError(detail: req.catalogue.text("forum.not_found")) }
        return c
    }

    func category(req: Request) async throws -> Response {
        let c = try await Self.category(req.parameters.get("category"), req)
        let page = max(1, (try? req.query.get(Int.self, at: "page")) ?? 1)
        let store = ForumStore(db: req.db)
        let (total, threads) = try await store.threads(in: c, page: page, perPage: Self.perPage)
        let names = try await store.nicknames(Set(threads.compactMap(\.authorID)))
        let name = try await Self.name(c, req)
        let rows = threads.map { t in
            ForumCategoryPage.Thread(path: SiteRoute.forumThread(t.id.uuidString.lowercased()).path, title: t.title,
                                     author: t.authorID.flatMap { names[$0] } ?? req.catalogue.text("forum.former_member"), replies: t.replies,
                                     lastPost: DateText.dateTime(t.lastPostAt, req.language), locked: t.locked)
        }
        return .html(ForumCategoryPage.render(.init(slug: c.slug, name: name, hint: Self.hint(c, name: name, req), threads: rows, total: total, page: page,
                                                     perPage: Self.perPage, signedIn: try await member(req) != nil, notice: nil), req.pageContext))
    }

    /// A portal account that may write (a seeker's or an employer's), when one is signed in.
    func member(_ req: Request) async throws -> Account? {
        guard let account = try await req.signedInAccount(), account.kind != .staff else { return nil }
        return account
    }

    func thread(req: Request) async throws -> Response {
        let notice = (try? req.query.get(String.self, at: "notice")).flatMap { ["posted", "pending", "reported", "already_reported", "notify_on", "notify_off"].contains($0) ? $0 : nil }
        return try await threadPage(req, try await visibleThread(req), notice: notice.map { req.catalogue.text("forum.notice." + $0) })
    }

    /// The thread of `:id`, when the reader may see it: listed, or their own thread still waiting.
    func visibleThread(_ req: Request) async throws -> ForumThread {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)), let t = try await ForumStore(db: req.db).thread(id) else {
            throw NotFoundError(detail: req.catalogue.text("forum.not_found"))
        }
        if !t.listed {
            let viewer = try await member(req)
            guard let viewer, t.authorID == viewer.id else { throw NotFoundError(detail: req.catalogue.text("forum.not_found")) }
        }
        return t
    }

    func threadPage(_ req: Request, _ t: ForumThread, reply: ForumWriting? = nil, notice: String? = nil, error: String? = nil,
                    status: HTTPStatus = .ok) async throws -> Response {
        let store = ForumStore(db: req.db), tr = req.catalogue
        let viewer = try await member(req)
        let posts = try await store.posts(in: t.id)
        let names = try await store.nicknames(Set(posts.compactMap(\.authorID)))
        var shown: [ForumThreadPage.Post] = []
        for p in posts {
            let mine = viewer != nil && p.authorID == viewer?.id
            var paragraphs: [String] = [], note: String? = nil
            switch p.status {
            case .visible:
                paragraphs = Self.paragraphs(p.body)
                if p.editedAt != nil { note = tr.text("forum.edited_by_moderator", ["reason": p.moderationReason ?? ""]) }
            case .pending:
                guard mine else { continue }
                paragraphs = Self.paragraphs(p.body); note = tr.text("forum.pending_note")
            case .held: note = tr.text("forum.held_note")
            case .hidden: note = tr.text("forum.hidden_note", ["reason": p.moderationReason ?? ""])
            case .erased: note = tr.text("forum.erased_note")
            }
            shown.append(.init(id: p.id.uuidString.lowercased(), author: p.authorID.flatMap { names[$0] } ?? tr.text("forum.former_member"),
                               date: DateText.dateTime(p.createdAt, req.language), paragraphs: paragraphs, note: note,
                               mayReport: viewer != nil && !mine && p.status == .visible))
        }
        var writing = reply
        if writing == nil, let viewer, !t.locked, t.listed {
            writing = ForumWriting(form: FormState(values: ["notify": "on"]), needsNickname: try await store.nickname(of: viewer.id) == nil, warning: [])
        }
        let subscribed = try await viewer.asyncMap { try await store.isSubscribed(t.id, $0.id) }
        let model = ForumThreadPage.Model(id: t.id.uuidString.lowercased(), title: t.title, categoryPath: SiteRoute.forumCategory(t.category.slug).path,
                                          categoryName: try await Self.name(t.category, req), locked: t.locked, posts: shown, signedIn: viewer != nil,
                                          subscribed: subscribed, reply: t.locked ? nil : writing, notice: notice, error: error)
        return .html(ForumThreadPage.render(model, req.pageContext), status: status)
    }

    /// Paragraphs as the writer separated them (blank lines), each line's spaces kept simple.
    static func paragraphs(_ body: String) -> [String] {
        body.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
            .map { $0.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ") }
            .filter { !$0.isEmpty }
    }

    func search(req: Request) async throws -> Response {
        let text = ((try? req.query.get(String.self, at: "q")) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return .html(ForumSearchPage.render(.init(query: "", hits: nil, error: nil), req.pageContext)) }
        let query: SearchQuery
        do { query = try req.services.analyzer.query(text) } catch {
            let message = switch error {
            case .tooLong(let max): req.catalogue.text("forum.search.too_long", ["max": "\(max)"])
            case .noWords: req.catalogue.text("forum.search.no_words")
            }
            return .html(ForumSearchPage.render(.init(query: text, hits: nil, error: message), req.pageContext), status: .badRequest)
        }
        let hits = try await ForumStore(db: req.db).search(query).map { hit in
            ForumSearchPage.Hit(path: SiteRoute.forumThread(hit.thread.id.uuidString.lowercased()).path + "#post-" + hit.post.id.uuidString.lowercased(),
                                title: hit.thread.title, excerpt: Self.excerpt(hit.post.body), date: DateText.dateTime(hit.post.createdAt, req.language))
        }
        return .html(ForumSearchPage.render(.init(query: text, hits: hits, error: nil), req.pageContext))
    }

    static func excerpt(_ body: String) -> String {
        let flat = body.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return flat.count <= 200 ? flat : String(flat.prefix(200)) + "…"
    }

    // MARK: writing

    struct Input: Content {
        var nickname: String?; var title: String?; var body: String?; var notify: String?; var confirm: String?
        var values: [String: String] {
            ["nickname": nickname ?? "", "title": title ?? "", "body": body ?? "", "notify": notify ?? "", "confirm": confirm ?? ""]
        }
    }

    func newThreadForm(req: Request) async throws -> Response {
        let c = try await Self.category(req.parameters.get("category"), req)
        guard let account = try await member(req) else {
            // Staff accounts do not write here; anyone else signs in first (sent back afterwards).
            if try await req.signedInAccount() != nil { throw Abort(.forbidden, reason: req.catalogue.text("forum.members_only")) }
            return req.redirect(to: SiteRoute.login.with(["next": SiteRoute.forumNewThread(c.slug).path]))
        }
        let writing = ForumWriting(form: FormState(values: ["notify": "on"]), needsNickname: try await ForumStore(db: req.db).nickname(of: account.id) == nil,
                                   warning: [])
        return .html(ForumNewThreadPage.render(.init(slug: c.slug, categoryName: try await Self.name(c, req), writing: writing), req.pageContext))
    }

    /// What is wrong with the input (field errors), or what in it looks like personal data (the
    /// warning), before anything is written.
    func check(_ input: Input, title: Bool, needsNickname: Bool, _ req: Request) -> (draft: ForumPostDraft, nickname: String?, writing: ForumWriting?) {
        let t = req.catalogue
        let draft = ForumPostDraft(title: title ? (input.title ?? "") : nil, body: input.body ?? "")
        var errors = draft.problems().map { (field: $0.field, message: t.text($0.key, $0.arguments)) }
        var nickname: String? = nil
        if needsNickname {
            nickname = ForumRules.nickname(input.nickname ?? "")
            if nickname == nil { errors.insert((field: "nickname", message: t.text("forum.error.nickname")), at: 0) }
        }
        if !errors.isEmpty { return (draft, nickname, ForumWriting(form: FormState(values: input.values, errors: errors), needsNickname: needsNickname, warning: [])) }
        let found = PersonalDataSpotter.find((draft.title ?? "") + "\n" + draft.body)
        if !found.isEmpty && input.confirm != "on" {
            let warning = PersonalDataSpotter.Kind.allCases.filter(found.contains).map { t.text("forum.warning." + $0.rawValue) }
            return (draft, nickname, ForumWriting(form: FormState(values: input.values), needsNickname: needsNickname, warning: warning))
        }
        return (draft, nickname, nil)
    }

    func replyMail(_ req: Request) -> ForumStore.ReplyMail {
        let composer = MailComposer(publicURL: req.services.config.publicURL)
        return { email, language, thread in
            composer.compose(to: email, kind: "forum_reply", language: Language(rawValue: language) ?? .pl, subjectKey: "forum.mail.subject",
                             paragraphs: ["forum.mail.body", "forum.mail.stop"], link: composer.publicURL + SiteRoute.forumThread(thread.id.uuidString.lowercased()).path,
                             args: ["title": thread.title])
        }
    }

    /// The store's refusal as the writer reads it: which field, or the whole post.
    func refusal(_ error: ForumStoreError, _ req: Request) -> (field: String?, message: String, status: HTTPStatus) {
        let t = req.catalogue
        return switch error {
        case .nicknameTaken: ("nickname", t.text("forum.error.nickname_taken"), .conflict)
        case .flood: (nil, t.text("forum.error.flood", ["count": "\(ForumRules.postsPerWindow)", "minutes": "\(Int(ForumRules.floodWindow / 60))"]), .tooManyRequests)
        case .locked: (nil, t.text("forum.locked"), .conflict)
        default: (nil, t.text("forum.not_found"), .notFound)
        }
    }

    func createThread(req: Request) async throws -> Response {
        let c = try await Self.category(req.parameters.get("category"), req)
        guard let account = try await member(req) else { throw Abort(.forbidden, reason: req.catalogue.text("forum.sign_in_to_write")) }
        let input = (try? req.content.decode(Input.self)) ?? Input()
        let store = ForumStore(db: req.db)
        let needsNickname = try await store.nickname(of: account.id) == nil
        let name = try await Self.name(c, req)
        func again(_ w: ForumWriting, _ status: HTTPStatus) -> Response {
            .html(ForumNewThreadPage.render(.init(slug: c.slug, categoryName: name, writing: w), req.pageContext), status: status)
        }
        let checked = check(input, title: true, needsNickname: needsNickname, req)
        if let w = checked.writing { return again(w, w.warning.isEmpty ? .badRequest : .ok) }
        do {
            let made = try await store.startThread(in: c, checked.draft, author: account.id, nickname: checked.nickname, subscribe: input.notify == "on",
                                                   analyzer: req.services.analyzer, mail: replyMail(req))
            return req.redirect(to: SiteRoute.forumThread(made.thread.uuidString.lowercased()).with(["notice": made.status == .pending ? "pending" : "posted"]),
                                redirectType: .normal)
        } catch let error as ForumStoreError {
            let r = refusal(error, req)
            return again(ForumWriting(form: FormState(values: input.values, errors: [(r.field ?? "body", r.message)]), needsNickname: needsNickname, warning: []), r.status)
        }
    }

    func reply(req: Request) async throws -> Response {
        let t = try await visibleThread(req)
        guard let account = try await member(req) else { throw Abort(.forbidden, reason: req.catalogue.text("forum.sign_in_to_write")) }
        let input = (try? req.content.decode(Input.self)) ?? Input()
        let store = ForumStore(db: req.db)
        let needsNickname = try await store.nickname(of: account.id) == nil
        let checked = check(input, title: false, needsNickname: needsNickname, req)
        if let w = checked.writing { return try await threadPage(req, t, reply: w, status: w.warning.isEmpty ? .badRequest : .ok) }
        do {
            let made = try await store.reply(to: t.id, body: checked.draft.body, author: account.id, nickname: checked.nickname, subscribe: input.notify == "on",
                                             analyzer: req.services.analyzer, mail: replyMail(req))
            return req.redirect(to: SiteRoute.forumThread(t.id.uuidString.lowercased()).with(["notice": made.status == .pending ? "pending" : "posted"])
                                + "#post-" + made.post.uuidString.lowercased(), redirectType: .normal)
        } catch let error as ForumStoreError {
            let r = refusal(error, req)
            let w = ForumWriting(form: FormState(values: input.values, errors: r.field.map { [($0, r.message)] } ?? []), needsNickname: needsNickname, warning: [])
            return try await threadPage(req, t, reply: w, error: r.field == nil ? r.message : nil, status: r.status)
        }
    }

    struct NotificationsInput: Content { var on: String? }

    func notifications(req: Request) async throws -> Response {
        let t = try await visibleThread(req)
        guard let account = try await member(req) else { throw Abort(.forbidden, reason: req.catalogue.text("forum.sign_in_to_write")) }
        let on = (try? req.content.decode(NotificationsInput.self))?.on == "1"
        try await ForumStore(db: req.db).setSubscribed(t.id, account.id, on)
        return req.redirect(to: SiteRoute.forumThread(t.id.uuidString.lowercased()).with(["notice": on ? "notify_on" : "notify_off"]), redirectType: .normal)
    }

    struct ReportInput: Content { var reason: String? }

    func report(req: Request) async throws -> Response {
        let t = req.catalogue
        guard let account = try await member(req) else { throw Abort(.forbidden, reason: t.text("forum.sign_in_to_write")) }
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)), let post = try await ForumStore(db: req.db).post(id),
              let thread = try await ForumStore(db: req.db).thread(post.threadID), thread.listed else {
            throw NotFoundError(detail: t.text("forum.not_found"))
        }
        guard let reason = (try? req.content.decode(ReportInput.self))?.reason, ForumReport.reasons.contains(reason) else {
            throw Abort(.badRequest, reason: t.text("forum.error.report_reason"))
        }
        var notice = "reported"
        do { try await ForumStore(db: req.db).report(id, by: account.id, reason: reason) }
        catch ForumStoreError.alreadyReported { notice = "already_reported" }
        catch ForumStoreError.ownPost { throw Abort(.badRequest, reason: t.text("forum.error.own_post")) }
        catch ForumStoreError.notFound { throw NotFoundError(detail: t.text("forum.not_found")) }
        return req.redirect(to: SiteRoute.forumThread(thread.id.uuidString.lowercased()).with(["notice": notice]), redirectType: .normal)
    }
}
