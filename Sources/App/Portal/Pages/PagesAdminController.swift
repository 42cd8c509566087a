import Vapor
import Clients
import Localization
import Views
import Access
import Content
import Directory
import Storage
import Privacy

/// Editors build their sections: an office's editors its pages, menu and confirmed contact
/// details; portal editors the portal's pages, main menu and home page. Pages are
/// drafted, reviewed, published and translated, every version kept; every change audited.
struct PagesAdminController: Sendable {
    static func target(_ section: ContentSection) -> ActionTarget {
        switch section { case .portal: .portal; case .office(let id): .office(id) }
    }

    func audit(_ member: StaffMember, _ action: String, _ detail: String = "") -> AuditEntry {
        AuditEntry(actorID: member.id, actorOfficeID: member.primaryOffice, clientID: nil, action: action, detail: detail, reason: "")
    }

    func mayEdit(_ member: StaffMember, _ section: ContentSection) -> Bool {
        AuthorizationMatrix.decide(member.principal, .editOfficeContent, on: Self.target(section)) == .allowed
    }

    /// Moving something from `old` (nil: new) to `new` needs the right on both sections.
    func requireEdit(_ member: StaffMember, _ new: ContentSection, from old: ContentSection?, _ req: Request) throws {
        guard mayEdit(member, new), old.map({ mayEdit(member, $0) }) ?? true else { throw Abort(.forbidden, reason: req.catalogue.text("error.foreign_office")) }
    }

    /// The sections this editor keeps, labelled.
    func sections(_ req: Request, _ member: StaffMember) async throws -> [(value: String, label: String)] {
        var out: [(value: String, label: String)] = []
        if mayEdit(member, .portal) { out.append(("portal", req.catalogue.text("pages.section.portal"))) }
        for o in try await req.directory.offices(matching: nil, voivodeship: nil) where mayEdit(member, .office(o.id)) { out.append(("office:" + o.id, o.name)) }
        return out
    }

    func sectionName(_ section: ContentSection, _ req: Request) async throws -> String {
        switch section {
        case .portal: req.catalogue.text("pages.section.portal")
        case .office(let id): try await req.directory.office(id: id)?.name ?? id
        }
    }

    // MARK: pages

    struct Input: Content {
        var language: String?; var section: String?; var slug: String?; var title: String?; var body: String?; var audience: String?
        var status: String?; var version: String?; var translation_of: String?
        var values: [String: String] {
            ["language": language ?? "", "section": section ?? "", "slug": slug ?? "", "title": title ?? "", "body": body ?? "",
             "audience": audience ?? "", "version": version ?? "", "translation_of": translation_of ?? ""]
        }
    }

    static func values(_ p: SitePage) -> [String: String] {
        ["language": p.draft.language, "section": p.section.key, "slug": p.draft.slug, "title": p.draft.title, "body": p.draft.body,
         "audience": p.draft.audience.rawValue, "version": "\(p.version)", "translation_of": p.sourceID?.uuidString.lowercased() ?? ""]
    }

    @Sendable func list(req: Request, member: StaffMember) async throws -> Response {
        let t = req.catalogue
        let sections = try await sections(req, member)
        let pages = try await PageStore(db: req.db).all(sections: sections.compactMap { ContentSection(key: $0.value) })
        let versions = Dictionary(uniqueKeysWithValues: pages.map { ($0.id, $0.version) })
        var rows: [StaffPagesListPage.Row] = []
        for p in pages {
            var flags: [String] = []
            if p.draft.audience != .everyone { flags.append(t.text("news.zone." + p.draft.audience.rawValue)) }
            if let s = p.sourceID, let v = versions[s], v > (p.sourceVersion ?? 0) { flags.append(t.text("kb.staff.flag_outdated")) }
            rows.append(.init(title: p.draft.title, address: p.path, language: Language(rawValue: p.draft.language)?.nativeName ?? p.draft.language,
                              status: t.text("news.status." + p.status.rawValue), section: try await sectionName(p.section, req),
                              flags: flags.joined(separator: ", "), editPath: SiteRoute.staffPageEdit(p.id.uuidString.lowercased()).path))
        }
        let notice = (try? req.query.get(String.self, at: "notice")) == "deleted" ? t.text("pages.staff.notice_deleted") : nil
        return .html(StaffPagesListPage.render(.init(rows: rows, sections: sections.map { ($0.value, $0.label) }, notice: notice), req.pageContext))
    }

    func formPage(_ req: Request, _ member: StaffMember, _ form: FormState, editing: SitePage?, notice: String? = nil,
                  status: HTTPStatus = .ok) async throws -> Response {
        let t = req.catalogue
        let store = PageStore(db: req.db)
        var source: SitePage? = nil
        if let s = UUID(uuidString: form["translation_of"]) { source = try await store.find(s) }
        var translations: [(label: String, path: String)] = []
        if let e = editing {
            translations = try await store.translations(of: e.id).map { ((Language(rawValue: $0.draft.language)?.nativeName ?? $0.draft.language) + ": " + $0.draft.title,
                                                                         SiteRoute.staffPageEdit($0.id.uuidString.lowercased()).path) }
        }
        let live = editing.flatMap { e in (source ?? e).status == .published ? e.path : nil }
        let model = StaffPageFormPage.Model(
            form: form, editingID: editing?.id.uuidString.lowercased(), sections: try await sections(req, member),
            languages: Language.allCases.map { ($0.rawValue, $0.nativeName) },
            audiences: ContentAudience.allCases.map { ($0.rawValue, t.text("news.audience." + $0.rawValue)) },
            sourceTitle: source?.draft.title, outdated: editing.map { e in source.map { $0.version > (e.sourceVersion ?? 0) } ?? false } ?? false,
            translations: translations, notice: notice, livePath: live)
        return .html(StaffPageFormPage.render(model, req.pageContext), status: status)
    }

    @Sendable func newForm(req: Request, member: StaffMember) async throws -> Response {
        var values = ["language": "pl", "section": member.primaryOffice.map { "office:" + $0 } ?? "portal", "audience": "everyone"]
        if let s = (try? req.query.get(String.self, at: "translation_of")).flatMap(UUID.init(uuidString:)),
           let source = try await PageStore(db: req.db).find(s), source.sourceID == nil {
            values = Self.values(source)
            values["translation_of"] = source.id.uuidString.lowercased(); values["language"] = "en"; values["version"] = ""
        }
        return try await formPage(req, member, FormState(values: values), editing: nil)
    }

    func read(_ input: Input, _ req: Request) -> (PageDraft?, ContentSection?, NewsStatus, [(field: String, message: String)]) {
        let t = req.catalogue
        var errors: [(field: String, message: String)] = []
        let section = ContentSection(key: input.section ?? "")
        if section == nil { errors.append(("section", t.text("search.error.choice"))) }
        let audience = ContentAudience(rawValue: input.audience ?? "") ?? .everyone
        let draft = PageDraft(language: input.language ?? "", slug: (input.slug ?? "").trimmingCharacters(in: .whitespaces).lowercased(),
                              title: (input.title ?? "").trimmingCharacters(in: .whitespacesAndNewlines), body: input.body ?? "", audience: audience)
        errors += draft.problems().map { ($0.field, t.text("form.invalid_field", ["field": t.text("pages.field." + $0.field), "reason": t.text($0.key, $0.arguments)])) }
        return (errors.isEmpty ? draft : nil, section, NewsStatus(rawValue: input.status ?? "") ?? .draft, errors)
    }

    func saved(_ req: Request, _ id: UUID, _ status: NewsStatus) async throws -> Response {
        try await req.services.menus.reload(req.db)
        return req.redirect(to: SiteRoute.staffPageEdit(id.uuidString.lowercased()).with(["notice": status.rawValue]), redirectType: .normal)
    }

    @Sendable func create(req: Request, member: StaffMember) async throws -> Response {
        let input = try req.content.decode(Input.self)
        let store = PageStore(db: req.db)
        var source: SitePage? = nil
        if let s = input.translation_of.flatMap(UUID.init(uuidString:)) {
            guard let found = try await store.find(s), found.sourceID == nil else {
                return try await formPage(req, member, FormState(values: input.values, errors: [("language", req.catalogue.text("kb.staff.source_missing"))]),
                                          editing: nil, status: .conflict)
            }
            source = found
        }
        var values = input.values
        if let source { values["section"] = source.section.key; values["slug"] = source.draft.slug; values["audience"] = source.draft.audience.rawValue }
        var fixed = input
        fixed.section = values["section"]; fixed.slug = values["slug"]; fixed.audience = values["audience"]
        let (draft, section, status, errors) = read(fixed, req)
        guard let draft, let section else { return try await formPage(req, member, FormState(values: values, errors: errors), editing: nil, status: .badRequest) }
        guard mayEdit(member, section) else { throw Abort(.forbidden, reason: req.catalogue.text("error.foreign_office")) }
        if (draft.language == "pl") != (source == nil) {
            let key = source == nil ? "kb.staff.translation_needs_source" : "kb.staff.polish_is_source"
            return try await formPage(req, member, FormState(values: values, errors: [("language", req.catalogue.text(key))]), editing: nil, status: .badRequest)
        }
        do {
            let id = try await store.create(draft, section: section, status: status, sourceID: source?.id, by: member.id,
                                            audit: audit(member, "content.page.create", status.rawValue), address: req.clientAddress)
            return try await saved(req, id, status)
        } catch PageStoreError.slugTaken {
            return try await formPage(req, member, FormState(values: values, errors: [("slug", req.catalogue.text("pages.error.slug_taken"))]),
                                      editing: nil, status: .conflict)
        }
    }

    func page(_ req: Request) async throws -> SitePage {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)), let p = try await PageStore(db: req.db).find(id) else { throw Abort(.notFound) }
        return p
    }

    @Sendable func editForm(req: Request, member: StaffMember) async throws -> Response {
        let p = try await page(req)
        let notice = (try? req.query.get(String.self, at: "notice")).flatMap(NewsStatus.init(rawValue:)).map { req.catalogue.text("news.staff.notice_" + $0.rawValue) }
        return try await formPage(req, member, FormState(values: Self.values(p)), editing: p, notice: notice)
    }

    @Sendable func update(req: Request, member: StaffMember) async throws -> Response {
        let p = try await page(req)
        var input = try req.content.decode(Input.self)
        // The section and language stay; a translation's address and readers are its source's.
        input.section = p.section.key; input.language = p.draft.language
        if p.sourceID != nil { input.slug = p.draft.slug; input.audience = p.draft.audience.rawValue }
        var values = input.values
        values["translation_of"] = p.sourceID?.uuidString.lowercased() ?? ""
        let (draft, _, status, readErrors) = read(input, req)
        var errors = readErrors
        guard let d = draft, let version = Int(input.version ?? "") else {
            if Int(input.version ?? "") == nil { errors.append(("title", req.catalogue.text("kb.staff.version_missing"))) }
            return try await formPage(req, member, FormState(values: values, errors: errors), editing: p, status: .badRequest)
        }
        do {
            try await PageStore(db: req.db).update(p.id, d, status: status, expectedVersion: version, by: member.id,
                                                   audit: audit(member, "content.page.update", status.rawValue), address: req.clientAddress)
        } catch PageStoreError.slugTaken {
            return try await formPage(req, member, FormState(values: values, errors: [("slug", req.catalogue.text("pages.error.slug_taken"))]),
                                      editing: p, status: .conflict)
        } catch PageStoreError.changedMeanwhile(let current, let by, let at) {
            let who = try await StaffStore(db: req.db).names([by])[by.uuidString] ?? req.catalogue.text("kb.staff.someone")
            values["version"] = "\(current)"
            return try await formPage(req, member, FormState(values: values), editing: try await page(req),
                                      notice: req.catalogue.text("kb.staff.conflict", ["who": who, "when": DateText.dateTime(at, req.language), "version": "\(current)"]),
                                      status: .conflict)
        }
        return try await saved(req, p.id, status)
    }

    @Sendable func versions(req: Request, member: StaffMember) async throws -> Response {
        let p = try await page(req)
        let list = try await PageStore(db: req.db).versions(of: p.id)
        let names = try await StaffStore(db: req.db).names(Set(list.map(\.by)))
        let versions = list.map { v in
            StaffKBVersionsPage.Version(number: v.version, when: DateText.dateTime(v.at, req.language), who: names[v.by.uuidString] ?? req.catalogue.text("kb.staff.system"),
                                        status: req.catalogue.text("news.status." + v.status.rawValue), title: v.draft.title, body: v.draft.body)
        }
        return .html(StaffKBVersionsPage.render(backPath: SiteRoute.staffPageEdit(p.id.uuidString.lowercased()).path, title: p.draft.title,
                                                versions: versions, req.pageContext))
    }

    @Sendable func delete(req: Request, member: StaffMember) async throws -> Response {
        let p = try await page(req)
        do { try await PageStore(db: req.db).delete(p.id, audit: audit(member, "content.page.delete", p.draft.title), address: req.clientAddress) }
        catch PageStoreError.hasTranslations(let n) {
            return try await formPage(req, member, FormState(values: Self.values(p)), editing: p,
                                      notice: req.catalogue.text("kb.staff.has_translations", ["count": "\(n)"]), status: .conflict)
        }
        try await req.services.menus.reload(req.db)
        return req.redirect(to: SiteRoute.staffPages.with(["notice": "deleted"]), redirectType: .normal)
    }
}
