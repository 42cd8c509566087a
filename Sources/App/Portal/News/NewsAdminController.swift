import Vapor
import Clients
import Views
import Access
import Content
import Directory
import Storage
import Localization
import Privacy

/// Editors write news for their offices (a WUP's editors for the voivodeship, national
/// editors for everyone), with a picture, scheduled publishing and expiry; save drafts, send
/// for review, publish; translate; see every version. Every change is audited.
struct NewsAdminController: Sendable {
    struct Input: Content {
        var language: String?; var title: String?; var lead: String?; var body: String?; var scope: String?; var audience: String?
        var publish_at: String?; var expires_at: String?; var image_alt: String?; var remove_image: String?; var status: String?
        var version: String?; var translation_of: String?; var image: File?

        var values: [String: String] {
            ["language": language ?? "", "title": title ?? "", "lead": lead ?? "", "body": body ?? "", "scope": scope ?? "",
             "audience": audience ?? "", "publish_at": publish_at ?? "", "expires_at": expires_at ?? "", "image_alt": image_alt ?? "",
             "version": version ?? "", "translation_of": translation_of ?? ""]
        }
    }

    /// What an editor's rights are checked against: the office, the voivodeship's WUP, or national.
    static func target(_ scope: NewsScope) -> ActionTarget {
        switch scope {
        case .national: .portal
        case .voivodeship(let code): .office("wup-" + code)
        case .office(let id): .office(id)
        }
    }

    static func mayEdit(_ member: StaffMember, _ scope: NewsScope) -> Bool {
        AuthorizationMatrix.decide(member.principal, .editOfficeContent, on: target(scope)) == .allowed
    }

    static func scopeValue(_ scope: NewsScope) -> String { scope.kind + (scope.code.map { ":" + $0 } ?? "") }

    static func scope(_ value: String) -> NewsScope? {
        let parts = value.split(separator: ":", maxSplits: 1).map(String.init)
        return NewsScope(kind: parts.first ?? "", code: parts.count > 1 ? parts[1] : nil)
    }

    func audit(_ member: StaffMember, _ action: String, _ detail: String = "") -> AuditEntry {
        AuditEntry(actorID: member.id, actorOfficeID: member.primaryOffice, clientID: nil, action: action, detail: detail, reason: "")
    }

    /// The scopes this editor may write for, labelled.
    func scopes(_ req: Request, _ member: StaffMember) async throws -> [(value: String, label: String)] {
        let register = try await req.services.directoryCache.register(req.db)
        let offices = try await req.directory.offices(matching: nil, voivodeship: nil)
        var out: [(value: String, label: String)] = []
        if Self.mayEdit(member, .national) { out.append(("national", req.catalogue.text("news.scope.national"))) }
        for v in register.voivodeships where Self.mayEdit(member, .voivodeship(v.code)) {
            out.append(("voivodeship:" + v.code, req.catalogue.text("news.scope.voivodeship", ["name": v.name])))
        }
        for o in offices where Self.mayEdit(member, .office(o.id)) { out.append(("office:" + o.id, o.name)) }
        return out
    }

    @Sendable func hub(req: Request, member: StaffMember) async throws -> Response {
        let t = req.catalogue
        var links: [StaffContentPage.Link] = [
            .init(path: SiteRoute.staffNews.path, label: t.text("news.staff.title"), hint: t.text("content.staff.news_hint")),
            .init(path: SiteRoute.staffPages.path, label: t.text("pages.staff.title"), hint: t.text("content.staff.pages_hint")),
            .init(path: SiteRoute.staffPolls.path, label: t.text("polls.staff.title"), hint: t.text("content.staff.polls_hint")),
            .init(path: SiteRoute.staffForms.path, label: t.text("forms.staff.title"), hint: t.text("content.staff.forms_hint")),
        ]
        // The office sections' own tools, then the portal's: each only to who keeps it.
        if AuthorizationMatrix.allows(member.roles, .editOfficeContent) {
            links += [.init(path: SiteRoute.staffKB.path, label: t.text("kb.staff.title"), hint: t.text("content.staff.kb_hint")),
                      .init(path: SiteRoute.staffEvents.path, label: t.text("event.staff_title"), hint: t.text("content.staff.events_hint"))]
        }
        links.append(.init(path: SiteRoute.staffStatistics.path, label: t.text("stats.title"), hint: t.text("content.staff.statistics_hint")))
        if AuthorizationMatrix.allows(member.roles, .editPortalContent) {
            links += [.init(path: SiteRoute.staffHomeBlocks.path, label: t.text("home.staff.title"), hint: t.text("content.staff.home_hint")),
                      .init(path: SiteRoute.staffPartners.path, label: t.text("partners.staff.title"), hint: t.text("content.staff.partners_hint")),
                      .init(path: SiteRoute.staffTheme.path, label: t.text("theme.staff.title"), hint: t.text("content.staff.theme_hint"))]
        }
        return .html(StaffContentPage.render(links, req.pageContext))
    }

    @Sendable func list(req: Request, member: StaffMember) async throws -> Response {
        let t = req.catalogue, now = Date()
        let items = try await NewsStore(db: req.db).all(offices: member.listedOffices(req))
            .filter { AuthorizationMatrix.decide(member.principal, .editOfficeContent, on: Self.target($0.draft.scope)) == .allowed }
        let versions = Dictionary(uniqueKeysWithValues: items.map { ($0.id, $0.version) })
        let text = try await NewsText(req)
        var rows: [StaffNewsListPage.Row] = []
        for item in items {
            var flags: [String] = []
            if item.status == .published && item.draft.publishAt > now { flags.append(t.text("news.staff.flag_scheduled")) }
            if let end = item.draft.expiresAt, end <= now { flags.append(t.text("news.staff.flag_expired")) }
            if item.draft.audience != .everyone { flags.append(t.text("news.zone." + item.draft.audience.rawValue)) }
            if let s = item.sourceID, let v = versions[s], v > (item.sourceVersion ?? 0) { flags.append(t.text("kb.staff.flag_outdated")) }
            rows.append(.init(title: item.draft.title, language: Language(rawValue: item.draft.language)?.nativeName ?? item.draft.language,
                              status: t.text("news.status." + item.status.rawValue), scope: try await text.scopeName(item),
                              publishAt: DateText.dateTime(item.draft.publishAt, req.language), flags: flags.joined(separator: ", "),
                              editPath: SiteRoute.staffNewsEdit(item.id.uuidString.lowercased()).path))
        }
        let notice = (try? req.query.get(String.self, at: "notice")).flatMap { $0 == "deleted" ? t.text("news.staff.notice_deleted") : nil }
        return .html(StaffNewsListPage.render(rows, notice: notice, req.pageContext))
    }

    static func values(_ item: NewsItem) -> [String: String] {
        let d = item.draft
        return ["language": d.language, "title": d.title, "lead": d.lead, "body": d.body, "scope": scopeValue(d.scope), "audience": d.audience.rawValue,
                "publish_at": CalendarText.minuteString(d.publishAt), "expires_at": d.expiresAt.map(CalendarText.minuteString) ?? "",
                "image_alt": d.imageAlt, "version": "\(item.version)", "translation_of": item.sourceID?.uuidString.lowercased() ?? ""]
    }

    func formPage(_ req: Request, _ member: StaffMember, _ form: FormState, editing: NewsItem?, notice: String? = nil,
                  status: HTTPStatus = .ok) async throws -> Response {
        let t = req.catalogue
        let store = NewsStore(db: req.db)
        var source: NewsItem? = nil
        if let s = UUID(uuidString: form["translation_of"]) { source = try await store.find(s) }
        let shown = editing.flatMap { $0.sourceID == nil ? $0 : nil } ?? source
        var translations: [(label: String, path: String)] = []
        if let e = editing {
            translations = try await store.translations(of: e.id).map { (label: (Language(rawValue: $0.draft.language)?.nativeName ?? $0.draft.language) + ": " + $0.draft.title,
                                                                         path: SiteRoute.staffNewsEdit($0.id.uuidString.lowercased()).path) }
        }
        let picture = shown?.image.map { NewsCard.Picture(src: SiteRoute.newsImage(shown!.id.uuidString.lowercased()).with(["v": "\(shown!.version)"]),
                                                          alt: shown!.draft.imageAlt, width: $0.width, height: $0.height) }
        let live = editing.map { e in (source ?? e).isLive(at: Date()) ? SiteRoute.newsItem((e.sourceID ?? e.id).uuidString.lowercased()).path : nil } ?? nil
        let model = StaffNewsFormPage.Model(
            form: form, editingID: editing?.id.uuidString.lowercased(), languages: Language.allCases.map { ($0.rawValue, $0.nativeName) },
            scopes: try await scopes(req, member), audiences: ContentAudience.allCases.map { ($0.rawValue, t.text("news.audience." + $0.rawValue)) },
            sourceTitle: source?.draft.title, outdated: editing.map { e in source.map { $0.version > (e.sourceVersion ?? 0) } ?? false } ?? false,
            picture: picture, translations: translations, notice: notice, livePath: live)
        return .html(StaffNewsFormPage.render(model, req.pageContext), status: status)
    }

    @Sendable func newForm(req: Request, member: StaffMember) async throws -> Response {
        let first = try await scopes(req, member).first?.value ?? ""
        var values = ["language": "pl", "scope": member.primaryOffice.map { "office:" + $0 } ?? first, "audience": "everyone",
                      "publish_at": CalendarText.minuteString(Date())]
        if let s = (try? req.query.get(String.self, at: "translation_of")).flatMap(UUID.init(uuidString:)),
           let source = try await NewsStore(db: req.db).find(s), source.sourceID == nil {
            values = Self.values(source)
            values["translation_of"] = source.id.uuidString.lowercased(); values["language"] = "en"; values["version"] = ""
        }
        return try await formPage(req, member, FormState(values: values), editing: nil)
    }

    /// The draft in the form, its picture, and what is wrong with them (in the editor's language).
    func read(_ input: Input, _ req: Request, translation: NewsItem?, keepsPicture: Bool)
        -> (NewsDraft?, NewsStatus, ContentImage.Prepared?, [(field: String, message: String)]) {
        let t = req.catalogue
        var errors: [(field: String, message: String)] = []
        let status = NewsStatus(rawValue: input.status ?? "") ?? .draft
        var picture: ContentImage.Prepared? = nil
        if translation == nil, let file = input.image, file.data.readableBytes > 0 {
            do { picture = try ContentImage.prepare(Data(file.data.readableBytesView), maxWidth: 1200, maxHeight: 900, scaler: req.services.imageScaler) }
            catch { errors.append(("image", t.text(error.rawValue, ["max": "5 MB"]))) }
        }
        let scope: NewsScope?, audience: ContentAudience?, publishAt: Date?, expiresAt: Date?
        if let source = translation {
            scope = source.draft.scope; audience = source.draft.audience; publishAt = source.draft.publishAt; expiresAt = source.draft.expiresAt
        } else {
            scope = Self.scope(input.scope ?? "")
            if scope == nil { errors.append(("scope", t.text("search.error.choice"))) }
            audience = ContentAudience(rawValue: input.audience ?? "")
            if audience == nil { errors.append(("audience", t.text("search.error.choice"))) }
            publishAt = CalendarText.minute(input.publish_at ?? "")
            if publishAt == nil { errors.append(("publish_at", t.text("validation.date_format"))) }
            let end = (input.expires_at ?? "").trimmingCharacters(in: .whitespaces)
            expiresAt = end.isEmpty ? nil : CalendarText.minute(end)
            if !end.isEmpty && expiresAt == nil { errors.append(("expires_at", t.text("validation.date_format"))) }
        }
        guard let scope, let audience, let publishAt else { return (nil, status, picture, errors) }
        let draft = NewsDraft(language: input.language ?? "", title: (input.title ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
                              lead: (input.lead ?? "").trimmingCharacters(in: .whitespacesAndNewlines), body: input.body ?? "", scope: scope,
                              audience: audience, publishAt: publishAt, expiresAt: expiresAt,
                              imageAlt: (input.image_alt ?? "").trimmingCharacters(in: .whitespacesAndNewlines))
        let hasImage = picture != nil || keepsPicture
        errors += draft.problems(hasImage: hasImage).map { ($0.field, t.text("form.invalid_field", ["field": t.text("news.staff.field." + $0.field),
                                                                                                     "reason": t.text($0.key, $0.arguments)])) }
        return (errors.isEmpty ? draft : nil, status, picture, errors)
    }

    /// The office or voivodeship must exist and be one the member edits for.
    func check(_ d: NewsDraft, _ member: StaffMember, _ req: Request) async throws -> (voivodeship: String?, error: (field: String, message: String)?) {
        var voivodeship: String? = nil
        switch d.scope {
        case .national: break
        case .voivodeship(let code):
            guard try await req.services.directoryCache.register(req.db).voivodeship(code) != nil else {
                return (nil, ("scope", req.catalogue.text("validation.unknown_voivodeship")))
            }
            voivodeship = code
        case .office(let id):
            guard let office = try await req.directory.office(id: id) else {
                return (nil, ("scope", req.catalogue.text("desktop.office_unknown", ["office": id])))
            }
            voivodeship = office.voivodeshipCode
        }
        guard AuthorizationMatrix.decide(member.principal, .editOfficeContent, on: Self.target(d.scope)) == .allowed else {
            throw Abort(.forbidden, reason: req.catalogue.text("error.foreign_office"))
        }
        return (voivodeship, nil)
    }

    func redirect(_ req: Request, _ id: UUID, _ status: NewsStatus) -> Response {
        req.redirect(to: SiteRoute.staffNewsEdit(id.uuidString.lowercased()).with(["notice": status.rawValue]), redirectType: .normal)
    }

    @Sendable func create(req: Request, member: StaffMember) async throws -> Response {
        let input = try req.content.decode(Input.self)
        let store = NewsStore(db: req.db)
        let sourceID = input.translation_of.flatMap { UUID(uuidString: $0) }
        var source: NewsItem? = nil
        if let sourceID {
            guard let found = try await store.find(sourceID), found.sourceID == nil else {
                return try await formPage(req, member, FormState(values: input.values, errors: [("language", req.catalogue.text("kb.staff.source_missing"))]),
                                          editing: nil, status: .conflict)
            }
            source = found
        }
        let (draft, status, picture, errors) = read(input, req, translation: source, keepsPicture: source?.image != nil)
        guard var draft else { return try await formPage(req, member, FormState(values: input.values, errors: errors), editing: nil, status: .badRequest) }
        let (voivodeship, problem) = try await check(draft, member, req)
        if let problem { return try await formPage(req, member, FormState(values: input.values, errors: [problem]), editing: nil, status: .badRequest) }
        if (draft.language == "pl") != (source == nil) {
            let key = source == nil ? "kb.staff.translation_needs_source" : "kb.staff.polish_is_source"
            return try await formPage(req, member, FormState(values: input.values, errors: [("language", req.catalogue.text(key))]), editing: nil, status: .badRequest)
        }
        if let source { draft.scope = source.draft.scope }
        do {
            let id = try await store.create(draft, status: status, voivodeship: voivodeship, image: picture, sourceID: sourceID, by: member.id,
                                            audit: audit(member, "content.news.create", status.rawValue), address: req.clientAddress)
            return redirect(req, id, status)
        } catch NewsStoreError.sourceMissing {
            return try await formPage(req, member, FormState(values: input.values, errors: [("language", req.catalogue.text("kb.staff.source_missing"))]),
                                      editing: nil, status: .conflict)
        }
    }

    func item(_ req: Request) async throws -> NewsItem {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)), let item = try await NewsStore(db: req.db).find(id) else { throw Abort(.notFound) }
        return item
    }

    @Sendable func editForm(req: Request, member: StaffMember) async throws -> Response {
        let item = try await item(req)
        let notice = (try? req.query.get(String.self, at: "notice")).flatMap(NewsStatus.init(rawValue:)).map { req.catalogue.text("news.staff.notice_" + $0.rawValue) }
        return try await formPage(req, member, FormState(values: Self.values(item)), editing: item, notice: notice)
    }

    @Sendable func update(req: Request, member: StaffMember) async throws -> Response {
        let item = try await item(req)
        let input = try req.content.decode(Input.self)
        var values = input.values
        values["translation_of"] = item.sourceID?.uuidString.lowercased() ?? ""
        values["language"] = item.draft.language
        let store = NewsStore(db: req.db)
        var source: NewsItem? = nil
        if let sourceID = item.sourceID { source = try await store.find(sourceID) }
        let removing = input.remove_image == "on"
        var (draft, status, picture, errors) = read(input, req, translation: source, keepsPicture: (source ?? item).image != nil && !removing)
        if var d = draft { d.language = item.draft.language; draft = d }
        guard let draft, let version = Int(input.version ?? "") else {
            if Int(input.version ?? "") == nil { errors.append(("title", req.catalogue.text("kb.staff.version_missing"))) }
            return try await formPage(req, member, FormState(values: values, errors: errors), editing: item, status: .badRequest)
        }
        let (voivodeship, problem) = try await check(draft, member, req)
        if let problem { return try await formPage(req, member, FormState(values: values, errors: [problem]), editing: item, status: .badRequest) }
        let change: ImageChange = picture.map { .replace($0) } ?? (removing ? .remove : .keep)
        do {
            try await store.update(item.id, draft, status: status, voivodeship: voivodeship, image: change, expectedVersion: version, by: member.id,
                                   audit: audit(member, "content.news.update", status.rawValue), address: req.clientAddress)
        } catch NewsStoreError.changedMeanwhile(let current, let by, let at) {
            // Keep what this editor typed; say who saved in between and when.
            let who = try await StaffStore(db: req.db).names([by])[by.uuidString] ?? req.catalogue.text("kb.staff.someone")
            values["version"] = "\(current)"
            return try await formPage(req, member, FormState(values: values), editing: try await self.item(req),
                                      notice: req.catalogue.text("kb.staff.conflict", ["who": who, "when": DateText.dateTime(at, req.language), "version": "\(current)"]),
                                      status: .conflict)
        }
        return redirect(req, item.id, status)
    }

    @Sendable func versions(req: Request, member: StaffMember) async throws -> Response {
        let item = try await item(req)
        let list = try await NewsStore(db: req.db).versions(of: item.id)
        let names = try await StaffStore(db: req.db).names(Set(list.map(\.changedBy)))
        let versions = list.map { v in
            StaffKBVersionsPage.Version(number: v.version, when: DateText.dateTime(v.changedAt, req.language),
                                        who: names[v.changedBy.uuidString] ?? req.catalogue.text("kb.staff.system"),
                                        status: req.catalogue.text("news.status." + v.status.rawValue), title: v.draft.title,
                                        body: v.draft.lead + "\n\n" + v.draft.body)
        }
        return .html(StaffKBVersionsPage.render(backPath: SiteRoute.staffNewsEdit(item.id.uuidString.lowercased()).path, title: item.draft.title,
                                                versions: versions, req.pageContext))
    }

    @Sendable func delete(req: Request, member: StaffMember) async throws -> Response {
        let item = try await item(req)
        do {
            try await NewsStore(db: req.db).delete(item.id, audit: audit(member, "content.news.delete", item.draft.title), address: req.clientAddress)
        } catch NewsStoreError.hasTranslations(let n) {
            return try await formPage(req, member, FormState(values: Self.values(item)), editing: item,
                                      notice: req.catalogue.text("kb.staff.has_translations", ["count": "\(n)"]), status: .conflict)
        }
        return req.redirect(to: SiteRoute.staffNews.with(["notice": "deleted"]), redirectType: .normal)
    }
}
