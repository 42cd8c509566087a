import Vapor
import Clients
import Views
import Access
import Content
import Directory
import Storage
import Privacy

/// Editors run polls for their sections (an office's, or the portal's for national editors):
/// the question and answers in four languages, the dates, who votes and when results show.
struct PollsAdminController: Sendable {
    let pages = PagesAdminController()
    static let optionRows = 6

    static func values(_ p: Poll) -> [String: String] {
        let d = p.draft
        var v = ["section": d.section.key, "multiple": d.multiple ? "on" : "", "opens_at": CalendarText.minuteString(d.opensAt),
                 "closes_at": CalendarText.minuteString(d.closesAt), "voters": d.voters.rawValue, "results": d.results.rawValue,
                 "published": p.published ? "on" : ""]
        for l in NewsDraft.languages {
            v["question_" + l] = d.question[l] ?? ""
            for (i, option) in d.options.enumerated() { v["option\(i)_" + l] = option[l] ?? "" }
        }
        return v
    }

    @Sendable func list(req: Request, member: StaffMember) async throws -> Response {
        let t = req.catalogue, now = Date()
        let sections = try await pages.sections(req, member).compactMap { ContentSection(key: $0.value) }
        let store = PollStore(db: req.db)
        var rows: [StaffPollsPage.Row] = []
        for p in try await store.list(sections: sections, publishedOnly: false, limit: 500) {
            let state = !p.published ? t.text("news.status.draft") : p.draft.isOpen(at: now) ? t.text("polls.state.open")
                : p.draft.hasClosed(at: now) ? t.text("polls.state.closed") : t.text("polls.state.scheduled")
            rows.append(.init(question: p.draft.question(req.language.rawValue), section: try await PollsController.sectionName(p.draft.section, req),
                              dates: PollsController.dates(p.draft, req), state: state, voters: try await store.tally(p).voters,
                              editPath: SiteRoute.staffPollEdit(p.id.uuidString.lowercased()).path))
        }
        let notice = (try? req.query.get(String.self, at: "notice")) == "deleted" ? t.text("polls.staff.notice_deleted") : nil
        return .html(StaffPollsPage.render(rows, notice: notice, req.pageContext))
    }

    func formPage(_ req: Request, _ member: StaffMember, _ form: FormState, editing: Poll?, notice: String? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let fixed = try await editing.asyncMap { try await PollStore(db: req.db).tally($0).voters > 0 } ?? false
        let model = StaffPollFormPage.Model(form: form, editingID: editing?.id.uuidString.lowercased(), sections: try await pages.sections(req, member),
                                            optionRows: fixed ? editing!.draft.options.count : max(Self.optionRows, editing?.draft.options.count ?? 0),
                                            answersFixed: fixed, notice: notice)
        return .html(StaffPollFormPage.render(model, req.pageContext), status: status)
    }

    @Sendable func newForm(req: Request, member: StaffMember) async throws -> Response {
        let now = Date()
        return try await formPage(req, member, FormState(values: ["section": member.primaryOffice.map { "office:" + $0 } ?? "portal",
                                                                  "opens_at": CalendarText.minuteString(now), "closes_at": CalendarText.minuteString(now.addingTimeInterval(14 * 86_400)),
                                                                  "voters": "anyone", "results": "after_voting"]), editing: nil)
    }

    func read(_ form: [String: String], _ req: Request, rows: Int) -> (PollDraft?, [(field: String, message: String)]) {
        let t = req.catalogue
        var errors: [(field: String, message: String)] = []
        func texts(_ prefix: String) -> [String: String] {
            Dictionary(uniqueKeysWithValues: NewsDraft.languages.compactMap { l in
                let v = (form[prefix + l] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                return v.isEmpty ? nil : (l, v)
            })
        }
        let section = ContentSection(key: form["section"] ?? "")
        if section == nil { errors.append(("section", t.text("search.error.choice"))) }
        let opens = CalendarText.minute(form["opens_at"] ?? ""), closes = CalendarText.minute(form["closes_at"] ?? "")
        if opens == nil { errors.append(("opens_at", t.text("validation.date_format"))) }
        if closes == nil { errors.append(("closes_at", t.text("validation.date_format"))) }
        let voters = PollDraft.Voters(rawValue: form["voters"] ?? ""), results = PollDraft.Results(rawValue: form["results"] ?? "")
        if voters == nil { errors.append(("voters", t.text("search.error.choice"))) }
        if results == nil { errors.append(("results", t.text("search.error.choice"))) }
        guard let section, let opens, let closes, let voters, let results else { return (nil, errors) }
        let options = (0..<rows).map { texts("option\($0)_") }.filter { !$0.isEmpty }
        let draft = PollDraft(section: section, question: texts("question_"), options: options, multiple: form["multiple"] == "on",
                              opensAt: opens, closesAt: closes, voters: voters, results: results)
        let fields = ["question": "question_pl", "options": "option0_pl", "closes_at": "closes_at"]
        errors += draft.problems().map { (fields[$0.field] ?? $0.field,
                                          t.text("form.invalid_field", ["field": t.text("polls.field." + $0.field), "reason": t.text($0.key, $0.arguments)])) }
        return (errors.isEmpty ? draft : nil, errors)
    }

    func save(_ req: Request, _ member: StaffMember, editing: Poll?) async throws -> Response {
        let form = try req.content.decode([String: String].self)
        let rows = max(Self.optionRows, editing?.draft.options.count ?? 0)
        let (draft, errors) = read(form, req, rows: rows)
        guard let draft else { return try await formPage(req, member, FormState(values: form, errors: errors), editing: editing, status: .badRequest) }
        try pages.requireEdit(member, draft.section, from: editing?.draft.section, req)
        do {
            let id = try await PollStore(db: req.db).save(editing?.id, draft, published: form["published"] == "on", by: member.id,
                                                          audit: pages.audit(member, editing == nil ? "content.poll.create" : "content.poll.update"),
                                                          address: req.clientAddress)
            return req.redirect(to: SiteRoute.staffPollEdit(id.uuidString.lowercased()).with(["notice": "saved"]), redirectType: .normal)
        } catch PollStoreError.answersFixed {
            return try await formPage(req, member, FormState(values: form, errors: [("option0_pl", req.catalogue.text("polls.staff.answers_fixed"))]),
                                      editing: editing, status: .conflict)
        }
    }

    @Sendable func create(req: Request, member: StaffMember) async throws -> Response { try await save(req, member, editing: nil) }

    func poll(_ req: Request) async throws -> Poll {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)), let p = try await PollStore(db: req.db).find(id) else { throw Abort(.notFound) }
        return p
    }

    @Sendable func editForm(req: Request, member: StaffMember) async throws -> Response {
        let p = try await poll(req)
        let notice = (try? req.query.get(String.self, at: "notice")) == "saved" ? req.catalogue.text("polls.staff.notice_saved") : nil
        return try await formPage(req, member, FormState(values: Self.values(p)), editing: p, notice: notice)
    }

    @Sendable func update(req: Request, member: StaffMember) async throws -> Response { try await save(req, member, editing: try await poll(req)) }

    @Sendable func delete(req: Request, member: StaffMember) async throws -> Response {
        let p = try await poll(req)
        try await PollStore(db: req.db).delete(p.id, audit: pages.audit(member, "content.poll.delete"), address: req.clientAddress)
        return req.redirect(to: SiteRoute.staffPolls.with(["notice": "deleted"]), redirectType: .normal)
    }
}
