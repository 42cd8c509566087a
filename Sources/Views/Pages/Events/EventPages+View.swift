import Plot

/// Trainings or job fairs: the search form, the count and the list.
public enum EventListPage {
    public struct Item: Sendable {
        public let id: String, title: String, organiser: String, when: String, place: String
        public let cost: String?, seats: String?
        public init(id: String, title: String, organiser: String, when: String, place: String, cost: String?, seats: String?) {
            self.id = id; self.title = title; self.organiser = organiser; self.when = when; self.place = place; self.cost = cost; self.seats = seats
        }
    }
    public struct Model: Sendable {
        /// "training" or "job_fair".
        public let kind: String
        public let path: String
        public let form: FormState
        public let voivodeships: [(value: String, label: String)]
        public let total: Int?
        public let page: Int, perPage: Int
        public let items: [Item]
        public init(kind: String, path: String, form: FormState, voivodeships: [(value: String, label: String)], total: Int?, page: Int,
                    perPage: Int, items: [Item]) {
            self.kind = kind; self.path = path; self.form = form; self.voivodeships = voivodeships; self.total = total; self.page = page
            self.perPage = perPage; self.items = items
        }
    }

    public static func render(_ model: Model, _ ctx: PageContext) -> String {
        let f = model.form
        let isTraining = model.kind == "training"
        let title = ctx.t("event.list_title." + model.kind)
        let filters: Node<HTML.BodyContext> = .form(.method(.get), .action(model.path), .class("search-form"),
            .attribute(named: "role", value: "search"), .attribute(named: "novalidate", value: "novalidate"),
            Forms.field("q", label: ctx.t("event.search.q"), type: .search, state: f, required: false, hint: ctx.t("event.q_hint." + model.kind), ctx: ctx),
            Forms.select("voivodeship", label: ctx.t("event.search.voivodeship"), options: model.voivodeships, state: f, blank: ctx.t("offers.any"), ctx: ctx),
            Forms.field("from", label: ctx.t("event.search.from"), type: .date, state: f, required: false, ctx: ctx),
            .if(isTraining, Forms.checkbox("no_cost", label: ctx.t("event.search.no_cost"), state: f)),
            .if(isTraining, Forms.checkbox("online", label: ctx.t("event.search.online"), state: f)),
            .button(.type(.submit), .text(ctx.t("event.search_button." + model.kind))))
        let count: Node<HTML.BodyContext> = model.total.map { total in
            .p(.class("result-count"), .attribute(named: "role", value: "status"), .text(ctx.plural("event.count." + model.kind, total, ["count": "\(total)"])))
        } ?? .empty
        let list: Node<HTML.BodyContext> = .ol(.class("offer-list"), .forEach(model.items) { item in
            .li(.article(
                .h2(.a(.href("\(model.path)/\(item.id)"), .text(item.title))),
                .p(.text(item.organiser)),
                .p(.text(item.when)),
                .p(.text(item.place)),
                .p(.text([item.cost, item.seats].compactMap { $0 }.joined(separator: " · ")))))
        })
        return Layout.render(ctx, title: title, main: .group(
            .h1(.text(title)),
            .p(.text(ctx.t("event.list_intro." + model.kind))),
            Forms.errorSummary(f, ctx),
            filters, count, list,
            .if(model.total != nil, SaveSearchForm.render(kind: model.kind == "training" ? "trainings" : "job_fairs", ctx: ctx)),
            Components.pagination(path: model.path, total: model.total, page: model.page, perPage: model.perPage, ctx)
        ))
    }
}

/// One training or job fair.
public enum EventDetailPage {
    public struct Model: Sendable {
        public let kind: String, listPath: String
        public let item: EventListPage.Item
        public let topic: String?, description: String
        /// Name and page of the office that added it.
        public let office: (name: String, path: String)?
        public init(kind: String, listPath: String, item: EventListPage.Item, topic: String?, description: String, office: (name: String, path: String)?) {
            self.kind = kind; self.listPath = listPath; self.item = item; self.topic = topic; self.description = description; self.office = office
        }
    }

    public static func render(_ model: Model, _ ctx: PageContext) -> String {
        let i = model.item
        let unknown = ctx.t("offers.not_required")
        return Layout.render(ctx, title: i.title, main: .group(
            .p(.class("breadcrumb"), .a(.href(model.listPath), .text("← " + ctx.t("event.list_title." + model.kind)))),
            .h1(.text(i.title)),
            .dl(.class("facts"),
                Components.fact(ctx.t("event.field.organiser"), i.organiser, unknown: unknown),
                Components.fact(ctx.t("event.field.topic"), model.topic, unknown: unknown),
                Components.fact(ctx.t("event.when"), i.when, unknown: unknown),
                Components.fact(ctx.t("event.where"), i.place, unknown: unknown),
                .if(model.kind == "training", Components.fact(ctx.t("event.field.funding"), i.cost, unknown: unknown)),
                .if(i.seats != nil, Components.fact(ctx.t("event.field.seats"), i.seats, unknown: unknown))),
            .h2(.text(ctx.t("event.field.description"))),
            .p(.class("prewrap"), .text(model.description)),
            model.office.map { o in .p(.text(ctx.t("event.questions") + " "), .a(.href(o.path), .text(o.name))) } ?? .empty
        ))
    }
}

/// The staff list of an office's trainings and job fairs.
public enum StaffEventsPage {
    public struct Row: Sendable {
        public let id: String, kind: String, title: String, when: String, office: String, publicPath: String
        public init(id: String, kind: String, title: String, when: String, office: String, publicPath: String) {
            self.id = id; self.kind = kind; self.title = title; self.when = when; self.office = office; self.publicPath = publicPath
        }
    }
    public struct Model: Sendable {
        public let rows: [Row]
        public let notice: String?
        public init(rows: [Row], notice: String?) { self.rows = rows; self.notice = notice }
    }

    public static func render(_ model: Model, _ ctx: PageContext) -> String {
        let rows: [[Node<HTML.BodyContext>]] = model.rows.map { r in
            [.text(r.kind), .a(.href(r.publicPath), .text(r.title)), .text(r.when), .text(r.office),
             .group(.a(.href(SiteRoute.staffEventEdit(r.id).path), .text(ctx.t("cv.edit")), .span(.class("visually-hidden"), .text(": " + r.title))),
                    .text(" "),
                    Forms.button(SiteRoute.staffEventDelete(r.id).path, label: ctx.t("cv.delete"), accessibleLabel: ctx.t("cv.delete") + ": " + r.title, ctx: ctx))]
        }
        return Layout.render(ctx, title: ctx.t("event.staff_title"), main: .group(
            .p(.class("breadcrumb"), .a(.href(SiteRoute.staffHome.path), .text("← " + ctx.t("staff.home_title")))),
            .h1(.text(ctx.t("event.staff_title"))),
            model.notice.map { Components.notice($0) } ?? .empty,
            .p(.a(.class("button"), .href(SiteRoute.staffEventNew.with(["kind": "training"])), .text(ctx.t("event.new.training"))), .text(" "),
               .a(.class("button"), .href(SiteRoute.staffEventNew.with(["kind": "job_fair"])), .text(ctx.t("event.new.job_fair")))),
            Tables.table(caption: ctx.t("event.staff_title"),
                         headers: [ctx.t("event.field.kind"), ctx.t("event.field.title"), ctx.t("event.when"), ctx.t("event.field.office_id"),
                                   ctx.t("employers.action")],
                         rows: rows, empty: ctx.t("event.none_yet"))
        ))
    }
}

/// Adding or changing a training or job fair.
public enum StaffEventFormPage {
    public struct Model: Sendable {
        public let form: FormState
        public let editingID: String?
        public let offices: [(value: String, label: String)]
        public init(form: FormState, editingID: String?, offices: [(value: String, label: String)]) {
            self.form = form; self.editingID = editingID; self.offices = offices
        }
    }

    public static func render(_ model: Model, _ ctx: PageContext) -> String {
        let f = model.form
        func field(_ name: String, type: HTMLInputType = .text, required: Bool = false, hint: String? = nil) -> Node<HTML.FormContext> {
            Forms.field(name, label: ctx.t("event.field." + name), type: type, state: f, required: required, autocomplete: "off", hint: hint, ctx: ctx)
        }
        let title = ctx.t(model.editingID == nil ? "event.new_title" : "event.edit_title")
        return Layout.render(ctx, title: title, main: .group(
            .p(.class("breadcrumb"), .a(.href(SiteRoute.staffEvents.path), .text("← " + ctx.t("event.staff_title")))),
            .h1(.text(title)),
            Forms.errorSummary(f, ctx),
            .form(.method(.post), .action(model.editingID.map { SiteRoute.staffEvent($0).path } ?? SiteRoute.staffEvents.path),
                  .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrf(ctx),
                Forms.select("kind", label: ctx.t("event.field.kind"), options: ["training", "job_fair"].map { ($0, ctx.t("event.kind." + $0)) },
                             state: f, ctx: ctx),
                Forms.select("office_id", label: ctx.t("event.field.office_id"), options: model.offices, state: f, ctx: ctx),
                field("title", required: true), field("organiser", required: true, hint: ctx.t("event.organiser_hint")),
                field("topic", hint: ctx.t("event.topic_hint")),
                Forms.textarea("description", label: ctx.t("event.field.description"), state: f, ctx: ctx),
                .fieldset(.element(named: "legend", text: ctx.t("event.where")),
                    Forms.checkbox("online", label: ctx.t("event.field.online"), state: f),
                    field("locality"), field("address"), field("postal_code", hint: ctx.t("event.postal_hint"))),
                .fieldset(.element(named: "legend", text: ctx.t("event.when")),
                    field("starts_at", type: .datetimeLocal, required: true, hint: ctx.t("event.time_hint")),
                    field("ends_at", type: .datetimeLocal)),
                .fieldset(.element(named: "legend", text: ctx.t("event.field.funding")),
                    Forms.select("funding", label: ctx.t("event.field.funding"),
                                 options: ["free", "office", "kfs", "paid"].map { ($0, ctx.t("event.funding." + $0)) }, state: f, ctx: ctx),
                    field("price", hint: ctx.t("event.price_hint")), field("seats", type: .number)),
                .button(.type(.submit), .text(ctx.t("cv.save"))))
        ))
    }
}
