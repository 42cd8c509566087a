import Plot

/// A seeker's CVs, what each shares, and the uploaded CV file.
public enum CVListPage {
    public struct Row: Sendable {
        public let id: String, title: String, desiredJob: String
        public let shared: [String]
        public let updated: String
        public init(id: String, title: String, desiredJob: String, shared: [String], updated: String) {
            self.id = id; self.title = title; self.desiredJob = desiredJob; self.shared = shared; self.updated = updated
        }
    }
    public struct File: Sendable {
        public let name: String, size: String, uploaded: String
        public init(name: String, size: String, uploaded: String) { self.name = name; self.size = size; self.uploaded = uploaded }
    }
    public struct Model: Sendable {
        public let rows: [Row]
        public let canAdd: Bool
        public let maximum: Int
        public let file: File?
        public let fileForm: FormState
        public let notice: String?
        public init(rows: [Row], canAdd: Bool, maximum: Int, file: File?, fileForm: FormState, notice: String?) {
            self.rows = rows; self.canAdd = canAdd; self.maximum = maximum; self.file = file; self.fileForm = fileForm; self.notice = notice
        }
    }

    public static func render(_ model: Model, _ ctx: PageContext) -> String {
        let rows: [[Node<HTML.BodyContext>]] = model.rows.map { r in
            [.text(r.title), .text(r.desiredJob),
             .text(r.shared.isEmpty ? ctx.t("cv.shared_nothing") : r.shared.joined(separator: ", ")), .text(r.updated),
             .group(.a(.href(SiteRoute.accountCVEdit(r.id).path), .text(ctx.t("cv.edit")), .span(.class("visually-hidden"), .text(": " + r.title))),
                    .text(" "),
                    .a(.href(SiteRoute.accountCVPrint(r.id).path), .text(ctx.t("cv.print")), .span(.class("visually-hidden"), .text(": " + r.title))),
                    .text(" "),
                    Forms.button(SiteRoute.accountCVDelete(r.id).path, label: ctx.t("cv.delete"), accessibleLabel: ctx.t("cv.delete") + ": " + r.title, ctx: ctx))]
        }
        let f = model.fileForm
        return Layout.render(ctx, title: ctx.t("cv.list_title"), main: .group(
            .p(.class("breadcrumb"), .a(.href(SiteRoute.account.path), .text("← " + ctx.t("account.title")))),
            .h1(.text(ctx.t("cv.list_title"))),
            model.notice.map { Components.notice($0) } ?? .empty,
            .p(.text(ctx.t("cv.list_intro", ["max": "\(model.maximum)"]))),
            .if(model.canAdd, .p(.a(.class("button"), .href(SiteRoute.accountCVNew.path), .text(ctx.t("cv.new_title"))))),
            Tables.table(caption: ctx.t("cv.list_title"),
                         headers: [ctx.t("cv.field.title"), ctx.t("cv.field.desired_job"), ctx.t("cv.shared_with_employers"), ctx.t("cv.updated"),
                                   ctx.t("employers.action")],
                         rows: rows, empty: ctx.t("cv.none_yet")),
            .h2(.id("cv-file"), .text(ctx.t("cv.file_title"))),
            .p(.text(ctx.t("cv.file_intro"))),
            model.file.map { file in
                .div(.p(.a(.href(SiteRoute.accountCVFile.path), .text(file.name)), .text(" (\(file.size), \(file.uploaded))")),
                     Forms.button(SiteRoute.accountCVFileDelete.path, label: ctx.t("cv.file_delete"), ctx: ctx))
            } ?? .p(.text(ctx.t("cv.file_none"))),
            Forms.errorSummary(f, ctx),
            .form(.method(.post), .action(SiteRoute.accountCVFile.path), .enctype(.multipartData),
                Forms.csrf(ctx),
                Forms.pdfFile("file", label: ctx.t("cv.field.file"), hint: ctx.t("cv.file_hint"), state: f),
                .button(.type(.submit), .text(ctx.t("cv.file_upload"))))
        ))
    }
}

/// Writing or editing a CV; each section has its own "employers may see this" box, unticked
/// by default.
public enum CVFormPage {
    public struct Model: Sendable {
        public let form: FormState
        public let editingID: String?
        /// Another use of the same form (the centre writing a CV for a Fabryka CV request):
        /// where it posts, its heading and introduction, and the way back.
        public var action: String? = nil
        public var title: String? = nil
        public var intro: String? = nil
        public var back: (href: String, label: String)? = nil
        public init(form: FormState, editingID: String?) { self.form = form; self.editingID = editingID }
    }

    public static let educationLevels = ["none", "primary", "vocational", "secondary", "post_secondary", "higher"]
    static let contracts = ["employment", "replacement", "mandate", "specific_work", "temporary_work", "b2b", "seasonal", "internship"]

    public static func render(_ model: Model, _ ctx: PageContext) -> String {
        let f = model.form
        func field(_ name: String, required: Bool = false, hint: String? = nil) -> Node<HTML.FormContext> {
            Forms.field(name, label: ctx.t("cv.field." + name), state: f, required: required, autocomplete: "off", hint: hint, ctx: ctx)
        }
        func area(_ name: String) -> Node<HTML.FormContext> {
            Forms.textarea(name, label: ctx.t("cv.field." + name), state: f, required: false, ctx: ctx)
        }
        func share(_ section: String) -> Node<HTML.FormContext> {
            Forms.checkbox("share_" + section, label: ctx.t("cv.share." + section), state: f)
        }
        func section(_ name: String, _ nodes: Node<HTML.FormContext>...) -> Node<HTML.FormContext> {
            .fieldset(.element(named: "legend", text: ctx.t("cv.section." + name)), .group(nodes), share(name))
        }
        let title = model.title ?? ctx.t(model.editingID == nil ? "cv.new_title" : "cv.edit_title")
        let back = model.back ?? (SiteRoute.accountCVs.path, ctx.t("cv.list_title"))
        return Layout.render(ctx, title: title, scripts: [SuggestScript.path], main: .group(
            .p(.class("breadcrumb"), .a(.href(back.href), .text("← " + back.label))),
            .h1(.text(title)),
            .p(.text(model.intro ?? ctx.t("cv.form_intro"))),
            Forms.errorSummary(f, ctx),
            .form(.method(.post), .action(model.action ?? model.editingID.map { SiteRoute.accountCV($0).path } ?? SiteRoute.accountCVs.path),
                  .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrf(ctx),
                field("title", required: true, hint: ctx.t("cv.title_hint")),
                section("desired", field("desired_job", required: true),
                        ChoiceFields.occupation(label: ctx.t("cv.field.occupation"), hint: ctx.t("cv.occupation_hint"), state: f, ctx: ctx),
                        field("desired_locality"), field("postal_code", hint: ctx.t("cv.postal_hint")),
                        field("commute_km", hint: ctx.t("cv.commute_hint")),
                        Forms.checkbox("willing_to_move", label: ctx.t("cv.field.willing_to_move"), state: f),
                        field("expected_wage", hint: ctx.t("cv.expected_wage_hint")),
                        Forms.select("expected_wage_type", label: ctx.t("cv.field.expected_wage_type"),
                                     options: ["monthly", "hourly"].map { ($0, ctx.t("offer.wage_type." + $0)) }, state: f, ctx: ctx),
                        Forms.select("work_time", label: ctx.t("cv.field.work_time"),
                                     options: ["any", "full", "part"].map { ($0, ctx.t("cv.work_time." + $0)) }, state: f, ctx: ctx),
                        Forms.select("contract", label: ctx.t("cv.field.contract"),
                                     options: [("any", ctx.t("cv.contract_any"))] + contracts.map { ($0, ctx.t("offer.contract." + $0)) }, state: f, ctx: ctx)),
                section("education",
                        Forms.select("education", label: ctx.t("cv.field.education"),
                                     options: educationLevels.map { ($0, ctx.t("cv.education." + $0)) }, state: f, ctx: ctx),
                        area("education_details")),
                section("experience", field("experience_months", hint: ctx.t("cv.experience_hint")), area("experience")),
                section("languages", ChoiceFields.languages(legend: ctx.t("cv.field.languages"), hint: ctx.t("cv.languages_hint"), state: f, ctx: ctx)),
                section("skills", area("skills")),
                section("licences", area("licences")),
                section("courses", area("courses")),
                .button(.type(.submit), .text(ctx.t("cv.save"))))
        ))
    }
}

/// A CV laid out for paper: the page shell's navigation is not printed.
public enum CVPrintPage {
    public struct Section: Sendable {
        public let heading: String
        public let lines: [String]
        public init(heading: String, lines: [String]) { self.heading = heading; self.lines = lines }
    }
    public struct Model: Sendable {
        public let name: String
        public let contact: [String]
        public let sections: [Section]
        public init(name: String, contact: [String], sections: [Section]) { self.name = name; self.contact = contact; self.sections = sections }
    }

    public static func render(_ model: Model, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: model.name, main: .group(
            .p(.class("breadcrumb"), .a(.href(SiteRoute.accountCVs.path), .text("← " + ctx.t("cv.list_title")))),
            .p(.class("no-print hint"), .text(ctx.t("cv.print_hint"))),
            .h1(.text(model.name)),
            .ul( .forEach(model.contact) { .li(.text($0)) }),
            .forEach(model.sections) { s in
                .section(.class("cv-section"), .h2(.text(s.heading)), .forEach(s.lines) { .p(.class("prewrap"), .text($0)) })
            }
        ))
    }
}
