import Vapor
import Clients
import Localization
import Views
import Access
import Content
import Directory
import Storage
import Privacy

/// A section's menu, an office's own contact details, and the home page's blocks.
struct SectionAdminController: Sendable {
    let pages = PagesAdminController()
    static let blankRows = 3

    func section(_ raw: String?, _ req: Request, _ member: StaffMember) throws -> ContentSection {
        guard let section = ContentSection(key: raw ?? "") else {
            throw FieldValidationError(field: "section", reason: req.catalogue.text("search.error.choice"))
        }
        guard pages.mayEdit(member, section) else { throw Abort(.forbidden, reason: req.catalogue.text("error.foreign_office")) }
        return section
    }

    // MARK: menus

    func menuPage(_ req: Request, _ member: StaffMember, _ section: ContentSection, items: [MenuItem], version: Int, form: FormState? = nil,
                  notice: String? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let t = req.catalogue
        var values: [String: String] = [:], rows: [StaffMenuPage.Row] = []
        // Entries in the tree's order when it is one; as they are when the form brought a loop.
        let ordered: [MenuItem]
        if let tree = try? MenuTree(items) {
            func walk(_ nodes: [MenuTree.Node]) -> [MenuItem] { nodes.flatMap { [$0.item] + walk($0.children) } }
            ordered = walk(tree.roots)
        } else { ordered = items }
        for (i, item) in ordered.enumerated() {
            let p = "item\(i)_"
            for l in NewsDraft.languages { values[p + "label_" + l] = item.labels[l] ?? "" }
            values[p + "target"] = item.target; values[p + "parent"] = item.parentID?.uuidString.lowercased() ?? ""; values[p + "position"] = "\(item.position)"
            rows.append(.init(index: i, id: item.id.uuidString.lowercased(), depthLabel: t.text("menus.entry", ["label": item.label("pl")])))
        }
        for j in 0..<Self.blankRows {
            let i = ordered.count + j
            rows.append(.init(index: i, id: "", depthLabel: t.text("menus.new_entry", ["number": "\(j + 1)"])))
        }
        let state = form.map { FormState(values: $0.values.merging(values) { a, _ in a }, errors: $0.errors) } ?? FormState(values: values)
        let model = StaffMenuPage.Model(section: section.key, sectionName: try await pages.sectionName(section, req), version: version, rows: rows,
                                        parents: ordered.map { ($0.id.uuidString.lowercased(), $0.label("pl")) }, form: state, notice: notice,
                                        preview: req.services.menus.links(section, language: req.language.rawValue, viewer: .staff))
        return .html(StaffMenuPage.render(model, req.pageContext), status: status)
    }

    @Sendable func menus(req: Request, member: StaffMember) async throws -> Response {
        let section = try section(try? req.query.get(String.self, at: "section"), req, member)
        let (items, version) = try await MenuStore(db: req.db).items(section)
        let notice = (try? req.query.get(String.self, at: "notice")) == "saved" ? req.catalogue.text("menus.notice_saved") : nil
        return try await menuPage(req, member, section, items: items, version: version, notice: notice)
    }

    @Sendable func saveMenu(req: Request, member: StaffMember) async throws -> Response {
        let t = req.catalogue
        let form = try req.content.decode([String: String].self)
        let section = try section(form["section"], req, member)
        let version = Int(form["version"] ?? "") ?? -1
        var items: [MenuItem] = []
        var i = 0
        while form["item\(i)_id"] != nil || form["item\(i)_label_pl"] != nil {
            let p = "item\(i)_"
            defer { i += 1 }
            let labels = Dictionary(uniqueKeysWithValues: NewsDraft.languages.map { ($0, (form[p + "label_" + $0] ?? "").trimmingCharacters(in: .whitespaces)) })
            let target = (form[p + "target"] ?? "").trimmingCharacters(in: .whitespaces)
            let existing = UUID(uuidString: form[p + "id"] ?? "")
            if form[p + "remove"] == "on" || (existing == nil && labels.values.allSatisfy(\.isEmpty) && target.isEmpty) { continue }
            items.append(MenuItem(id: existing ?? UUID(), parentID: UUID(uuidString: form[p + "parent"] ?? ""), labels: labels.filter { !$0.value.isEmpty },
                                  target: target, position: Int(form[p + "position"] ?? "") ?? 0))
            if i > 200 { break }
        }
        // Entries under a removed one go with it.
        let removed = Set((0..<i).compactMap { form["item\($0)_remove"] == "on" ? UUID(uuidString: form["item\($0)_id"] ?? "") : nil })
        var gone = removed
        while true {
            let under = Set(items.filter { $0.parentID.map(gone.contains) ?? false }.map(\.id))
            if under.isSubset(of: gone) { break }
            gone.formUnion(under)
        }
        items.removeAll { gone.contains($0.id) }
        do {
            _ = try MenuTree(items)
        } catch {
            let (field, key): (String, String) = switch error {
            case .loop: ("parent", "menus.error.loop")
            case .missingParent: ("parent", "menus.error.parent")
            case .tooDeep: ("parent", "menus.error.too_deep")
            case .label: ("label_pl", "menus.error.label")
            case .target: ("target", "menus.error.target")
            }
            let index = { (id: UUID) in items.firstIndex { $0.id == id } ?? 0 }
            let at: Int = switch error { case .loop(let id), .missingParent(let id), .tooDeep(let id), .label(let id), .target(let id): index(id) }
            let message = t.text("menus.error.in_entry", ["label": items.indices.contains(at) ? items[at].label("pl") : "", "reason": t.text(key)])
            return try await menuPage(req, member, section, items: items, version: version,
                                      form: FormState(values: form, errors: [("item\(at)_" + field, message)]), status: .badRequest)
        }
        do {
            try await MenuStore(db: req.db).save(section, items, expectedVersion: version, by: member.id,
                                                 audit: pages.audit(member, "content.menu.update"), address: req.clientAddress)
        } catch PageStoreError.changedMeanwhile {
            let (current, now) = try await MenuStore(db: req.db).items(section)
            return try await menuPage(req, member, section, items: current, version: now, notice: t.text("menus.error.changed"), status: .conflict)
        }
        try await req.services.menus.reload(req.db)
        return req.redirect(to: SiteRoute.staffMenus.with(["section": section.key, "notice": "saved"]), redirectType: .normal)
    }

    // MARK: an office's details

    func detailsPage(_ req: Request, _ office: Office, form: FormState, notice: String? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let confirmed = try await MenuStore(db: req.db).officeDetails()[office.id]
        let model = StaffOfficeDetailsPage.Model(officeID: office.id, officeName: office.name,
                                                 confirmedAt: confirmed.map { DateText.dateTime($0.at, req.language) }, form: form, notice: notice)
        return .html(StaffOfficeDetailsPage.render(model, req.pageContext), status: status)
    }

    func office(_ id: String?, _ req: Request) async throws -> Office {
        guard let id, let office = try await req.directory.office(id: id) else { throw NotFoundError(detail: req.catalogue.text("offices.not_found", ["id": id ?? ""])) }
        return office
    }

    @Sendable func detailsForm(req: Request, member: StaffMember) async throws -> Response {
        let office = try await office(try? req.query.get(String.self, at: "office"), req)
        let values = ["street": office.street ?? "", "postal_code": office.postalCode ?? "", "locality": office.locality, "phone": office.phone ?? "",
                      "email": office.email ?? "", "website": office.website ?? "", "hours": office.hours?.notation ?? ""]
        let notice = (try? req.query.get(String.self, at: "notice")) == "saved" ? req.catalogue.text("offices.staff.notice_confirmed") : nil
        return try await detailsPage(req, office, form: FormState(values: values), notice: notice)
    }

    @Sendable func confirmDetails(req: Request, member: StaffMember) async throws -> Response {
        let t = req.catalogue
        let form = try req.content.decode([String: String].self)
        let office = try await office(form["office_id"], req)
        let (details, problems) = OfficeDetails(street: form["street"] ?? "", postalCode: form["postal_code"] ?? "", locality: form["locality"] ?? "",
                                                phone: form["phone"] ?? "", email: form["email"] ?? "", website: form["website"] ?? "",
                                                hours: form["hours"] ?? "").checked()
        guard let details else {
            let labels = ["street": "offices.address", "postal_code": "offices.staff.postal_code", "locality": "offices.locality", "phone": "offices.phone",
                          "email": "offices.email", "website": "offices.website", "hours": "offices.hours"]
            let errors = problems.map { ($0.field, t.text("form.invalid_field", ["field": t.text(labels[$0.field] ?? $0.field), "reason": t.text($0.key, $0.arguments)])) }
            return try await detailsPage(req, office, form: FormState(values: form, errors: errors), status: .badRequest)
        }
        try await MenuStore(db: req.db).confirm(office: office.id, details, by: member.id, audit: pages.audit(member, "content.office.confirm"),
                                                address: req.clientAddress)
        await req.services.directoryCache.invalidate()
        return req.redirect(to: SiteRoute.staffOfficeDetails.with(["office": office.id, "notice": "saved"]), redirectType: .normal)
    }

    // MARK: the home page

    /// Every block that may be shown: the built-in ones and each published portal page.
    func available(_ req: Request) async throws -> [(value: String, label: String)] {
        let t = req.catalogue
        let builtIn = HomePage.builtInBlocks.map { ($0, t.text("home.block." + $0)) }
        let pagesBlocks = try await PageStore(db: req.db).all(sections: [.portal])
            .filter { $0.sourceID == nil && $0.status == .published && $0.draft.audience == .everyone }
            .map { ("page:" + $0.draft.slug, t.text("home.block.page", ["title": $0.draft.title])) }
        return builtIn + pagesBlocks
    }

    @Sendable func homeForm(req: Request, member: StaffMember) async throws -> Response {
        let current = try await MenuStore(db: req.db).homeBlocks() ?? HomePage.standardBlocks
        let all = try await available(req)
        let shown = current.compactMap { v in all.first { $0.value == v } }.map { ($0.value, $0.label, true) }
        let hidden = all.filter { !current.contains($0.value) }.map { ($0.value, $0.label, false) }
        let notice = (try? req.query.get(String.self, at: "notice")) == "saved" ? req.catalogue.text("home.staff.notice_saved") : nil
        return .html(StaffHomeBlocksPage.render(.init(blocks: shown + hidden, notice: notice, form: FormState()), req.pageContext))
    }

    @Sendable func saveHome(req: Request, member: StaffMember) async throws -> Response {
        let form = try req.content.decode([String: String].self)
        let all = try await available(req)
        let chosen = all.enumerated().filter { form["show_" + $0.element.value] == "on" }
            .sorted { (Int(form["position_" + $0.element.value] ?? "") ?? 1_000 + $0.offset, $0.offset) < (Int(form["position_" + $1.element.value] ?? "") ?? 1_000 + $1.offset, $1.offset) }
            .map(\.element.value)
        guard !chosen.isEmpty else {
            let shown = all.map { ($0.value, $0.label, false) }
            return .html(StaffHomeBlocksPage.render(.init(blocks: shown, notice: nil,
                                                          form: FormState(errors: [("show_hotline", req.catalogue.text("home.staff.error_empty"))])), req.pageContext),
                         status: .badRequest)
        }
        try await MenuStore(db: req.db).saveHomeBlocks(chosen, by: member.id, audit: pages.audit(member, "content.home.update"), address: req.clientAddress)
        try await req.services.menus.reload(req.db)
        return req.redirect(to: SiteRoute.staffHomeBlocks.with(["notice": "saved"]), redirectType: .normal)
    }
}
