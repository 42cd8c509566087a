import Vapor
import Views
import Access
import Content
import Storage
import Clients
import Privacy

/// Moderators keep the forums of their part: an office's moderators its forum, national ones the
/// national and topic forums. They let new members' posts through, look at reported posts, hide
/// or edit a post with a reason, lock and move threads — every step audited.
struct ForumModerationController: Sendable {
    static func target(_ c: ForumCategory) -> ActionTarget { c.officeID.map(ActionTarget.office) ?? .national }

    static func mayModerate(_ member: StaffMember, _ c: ForumCategory) -> Bool {
        AuthorizationMatrix.decide(member.principal, .moderateForum, on: target(c)) == .allowed
    }

    func audit(_ member: StaffMember, _ action: String, reason: String = "") -> AuditEntry {
        AuditEntry(actorID: member.id, actorOfficeID: member.primaryOffice, clientID: nil, action: action, detail: "", reason: reason)
    }

    /// The categories this moderator keeps, labelled (where a thread may be moved).
    func categories(_ req: Request, _ member: StaffMember) async throws -> [(value: String, label: String)] {
        var out: [(value: String, label: String)] = []
        for c in ForumCategory.shared where Self.mayModerate(member, c) { out.append((c.slug, try await ForumController.name(c, req))) }
        for o in try await req.directory.offices(matching: nil, voivodeship: nil) where Self.mayModerate(member, .office(o.id)) {
            out.append((o.id, o.name))
        }
        return out
    }

    func row(_ post: ForumPost, _ thread: ForumThread, names: [UUID: String], _ req: Request) async throws -> StaffForumQueuePage.Row {
        let t = req.catalogue
        let state = post.status == .held ? t.plural("forum.staff.state.held", count: post.reports, ["count": "\(post.reports)"]) : t.text("forum.staff.state." + post.status.rawValue)
        return .init(path: SiteRoute.staffForumPost(post.id.uuidString.lowercased()).path, thread: thread.title,
                     category: try await ForumController.name(thread.category, req),
                     author: post.authorID.flatMap { names[$0] } ?? t.text("forum.former_member"), excerpt: ForumController.excerpt(post.body),
                     state: state, date: DateText.dateTime(post.createdAt, req.language))
    }

    @Sendable func queue(req: Request, member: StaffMember) async throws -> Response {
        let store = ForumStore(db: req.db)
        let waiting = try await store.queue(where: { Self.mayModerate(member, $0) })
        let names = try await store.nicknames(Set(waiting.compactMap(\.post.authorID)))
        var rows: [StaffForumQueuePage.Row] = []
        for w in waiting { rows.append(try await row(w.post, w.thread, names: names, req)) }
        var threads: [(path: String, title: String, category: String, date: String)] = []
        for t in try await store.latestThreads(limit: 500) where Self.mayModerate(member, t.category) && threads.count < 50 {
            threads.append((SiteRoute.staffForumThread(t.id.uuidString.lowercased()).path, t.title, try await ForumController.name(t.category, req),
                            DateText.dateTime(t.lastPostAt, req.language)))
        }
        return .html(StaffForumQueue.render(.init(waiting: rows, threads: threads), req.pageContext))
    }

    func found(_ req: Request) async throws -> (post: ForumPost, thread: ForumThread) {
        let store = ForumStore(db: req.db)
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)), let p = try await store.post(id), let t = try await store.thread(p.threadID) else {
            throw Abort(.notFound)
        }
        return (p, t)
    }

    func postPage(_ req: Request, _ member: StaffMember, _ p: ForumPost, _ t: ForumThread, form: FormState? = nil, notice: String? = nil,
                  status: HTTPStatus = .ok) async throws -> Response {
        let store = ForumStore(db: req.db), tr = req.catalogue
        // A post not yet shown to anyone is a member's personal data: reading it is logged.
        try await AuditLog(db: req.db, address: req.clientAddress).appendRead(
            AuditEntry(actorID: member.id, actorOfficeID: member.primaryOffice, clientID: nil, action: "forum.post.read",
                       detail: "forum post " + p.id.uuidString.lowercased(), reason: ""))
        let names = try await store.nicknames(Set([p.authorID].compactMap { $0 }))
        let r = try await row(p, t, names: names, req)
        let reports = try await store.reports(p.id).map { tr.text("forum.report_reason." + $0.reason) + " · " + DateText.dateTime($0.at, req.language) }
        let model = StaffForumPostPage.Model(
            id: p.id.uuidString.lowercased(), threadTitle: t.title, threadPath: SiteRoute.staffForumThread(t.id.uuidString.lowercased()).path,
            category: r.category, author: r.author, date: r.date, state: r.state, paragraphs: ForumController.paragraphs(p.body), reports: reports,
            form: form ?? FormState(values: ["decision": p.status == .visible ? "hide" : "approve", "body": p.body]), notice: notice)
        return .html(StaffForumPostPage.render(model, req.pageContext), status: status)
    }

    @Sendable func post(req: Request, member: StaffMember) async throws -> Response {
        let (p, t) = try await found(req)
        let notice = (try? req.query.get(String.self, at: "notice")) == "edited" ? req.catalogue.text("forum.staff.notice_edited") : nil
        return try await postPage(req, member, p, t, notice: notice)
    }

    struct DecisionInput: Content { var decision: String?; var reason: String? }

    @Sendable func decide(req: Request, member: StaffMember) async throws -> Response {
        let (p, t) = try await found(req)
        let input = (try? req.content.decode(DecisionInput.self)) ?? DecisionInput()
        let reason = (input.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let values = ["decision": input.decision ?? "", "reason": reason, "body": p.body]
        guard let decision = input.decision.flatMap(ForumDecision.init(rawValue:)) else {
            return try await postPage(req, member, p, t, form: FormState(values: values, errors: [("decision", req.catalogue.text("forum.staff.error.decision"))]),
                                      status: .badRequest)
        }
        if decision == .hide && reason.count < 3 {
            return try await postPage(req, member, p, t, form: FormState(values: values, errors: [("reason", req.catalogue.text("forum.staff.error.reason"))]),
                                      status: .badRequest)
        }
        try await ForumStore(db: req.db).decide(p.id, decision, reason: reason, analyzer: req.services.analyzer, mail: ForumController().replyMail(req),
                                                audit: audit(member, "forum.post." + decision.rawValue, reason: reason), address: req.clientAddress)
        return req.redirect(to: SiteRoute.staffForum.path, redirectType: .normal)
    }

    struct EditInput: Content { var body: String?; var edit_reason: String? }

    @Sendable func edit(req: Request, member: StaffMember) async throws -> Response {
        let (p, t) = try await found(req)
        let input = (try? req.content.decode(EditInput.self)) ?? EditInput()
        let draft = ForumPostDraft(title: nil, body: input.body ?? "")
        let reason = (input.edit_reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var errors = draft.problems().map { (field: $0.field, message: req.catalogue.text($0.key, $0.arguments)) }
        if reason.count < 3 { errors.append(("edit_reason", req.catalogue.text("forum.staff.error.reason"))) }
        if !errors.isEmpty {
            return try await postPage(req, member, p, t, form: FormState(values: ["body": input.body ?? "", "edit_reason": reason, "decision": "approve"], errors: errors),
                                      status: .badRequest)
        }
        try await ForumStore(db: req.db).edit(p.id, body: draft.body, reason: reason, by: member.id, analyzer: req.services.analyzer,
                                              audit: audit(member, "forum.post.edit", reason: reason), address: req.clientAddress)
        return req.redirect(to: SiteRoute.staffForumPost(p.id.uuidString.lowercased()).with(["notice": "edited"]), redirectType: .normal)
    }

    func threadPage(_ req: Request, _ member: StaffMember, _ t: ForumThread, form: FormState? = nil, notice: String? = nil,
                    status: HTTPStatus = .ok) async throws -> Response {
        let store = ForumStore(db: req.db)
        let posts = try await store.posts(in: t.id)
        let names = try await store.nicknames(Set(posts.compactMap(\.authorID)))
        var rows: [StaffForumQueuePage.Row] = []
        for p in posts { rows.append(try await row(p, t, names: names, req)) }
        let model = StaffForumThreadPage.Model(
            id: t.id.uuidString.lowercased(), title: t.title, publicPath: SiteRoute.forumThread(t.id.uuidString.lowercased()).path,
            category: try await ForumController.name(t.category, req), locked: t.locked, posts: rows, categories: try await categories(req, member),
            form: form ?? FormState(values: ["locked": t.locked ? "on" : "", "category": t.category.slug]), notice: notice)
        return .html(StaffForumThreadPage.render(model, req.pageContext), status: status)
    }

    @Sendable func thread(req: Request, member: StaffMember) async throws -> Response {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)), let t = try await ForumStore(db: req.db).thread(id) else { throw Abort(.notFound) }
        let notice = (try? req.query.get(String.self, at: "notice")) == "saved" ? req.catalogue.text("forum.staff.notice_thread") : nil
        return try await threadPage(req, member, t, notice: notice)
    }

    struct ThreadInput: Content { var locked: String?; var category: String?; var reason: String? }

    @Sendable func changeThread(req: Request, member: StaffMember) async throws -> Response {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)), let t = try await ForumStore(db: req.db).thread(id) else { throw Abort(.notFound) }
        let input = (try? req.content.decode(ThreadInput.self)) ?? ThreadInput()
        let reason = (input.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let values = ["locked": input.locked ?? "", "category": input.category ?? "", "reason": reason]
        func refuse(_ field: String, _ key: String) async throws -> Response {
            try await threadPage(req, member, t, form: FormState(values: values, errors: [(field, req.catalogue.text(key))]), status: .badRequest)
        }
        // Moving needs the right on both ends: a moderator moves only between forums they keep.
        guard let category = ForumCategory(slug: input.category ?? ""), try await categories(req, member).contains(where: { $0.value == category.slug }) else {
            return try await refuse("category", "forum.staff.error.category")
        }
        let locked = input.locked == "on"
        guard locked != t.locked || category != t.category else { return req.redirect(to: SiteRoute.staffForumThread(t.id.uuidString.lowercased()).path, redirectType: .normal) }
        guard reason.count >= 3 else { return try await refuse("reason", "forum.staff.error.reason") }
        try await ForumStore(db: req.db).change(t.id, locked: locked != t.locked ? locked : nil, category: category != t.category ? category : nil,
                                                audit: audit(member, "forum.thread.change", reason: reason), address: req.clientAddress)
        return req.redirect(to: SiteRoute.staffForumThread(t.id.uuidString.lowercased()).with(["notice": "saved"]), redirectType: .normal)
    }
}
