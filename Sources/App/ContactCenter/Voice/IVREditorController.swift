import Vapor
import Views
import Storage
import ContactCenter
import Localization
import Clients

/// The IVR editor (administrators with national scope: there is one 19524 for the country).
/// Each flow (the main line, the free line for the unemployed, any added; `?flow=`) is edited
/// in a draft (started from its published version at the first change); the draft is
/// published after the flow check, or thrown away; any earlier version can be published again.
/// Calls in progress stay on the version they started on. Which number leads to which flow is
/// set on the lines page.
struct IVREditorController: Sendable {
    /// The flow the request names (`flow`, the main one when absent); an unknown one is not found.
    func flowID(_ req: Request) async throws -> String {
        let id = (try? req.query.get(String.self, at: "flow")) ?? VoiceStore.mainFlow
        guard try await VoiceStore(db: req.db).flowIDs().contains(id) else { throw Abort(.notFound) }
        return id
    }

    /// The flow being edited: the draft, else the published version it would start from.
    func editing(_ store: VoiceStore, flow id: String) async throws -> (flow: IVRFlow, draft: IVRFlowVersion?, current: IVRFlowVersion?) {
        let draft = try await store.draft(flow: id), current = try await store.current(flow: id)
        return (draft?.flow ?? current?.flow ?? .standard, draft, current)
    }

    /// A path of the editor for this flow, with what happened (`done`).
    static func path(_ route: SiteRoute, _ flow: String, _ done: KeyValuePairs<String, String> = [:]) -> String {
        route.with(["flow": flow, "done": done.first { $0.key == "done" }?.value ?? ""])
    }

    func model(_ req: Request, flow id: String, notice: String? = nil, refused: [String] = [], addForm: FormState = FormState(values: ["kind": "say"]),
               newFlowForm: FormState = FormState()) async throws -> IVREditorPage.Model {
        let t = req.catalogue
        let store = VoiceStore(db: req.db)
        let (flow, draft, current) = try await editing(store, flow: id)
        let problems = flow.problems()
        let status: String
        if let draft { status = t.text("ivr.status_draft", ["version": "\(draft.version)", "current": current.map { "\($0.version)" } ?? "–"]) }
        else { status = t.text("ivr.status_published", ["version": current.map { "\($0.version)" } ?? "–"]) }
        let versions = try await store.versions(flow: id).map { v in
            IVREditorPage.VersionRow(version: v.version, created: DateText.dateTime(v.createdAt, req.language) + " · " + v.createdBy,
                                     state: Self.state(of: v, current: current, t, req.language),
                                     canRestore: v.publishedAt != nil && v.version != current?.version)
        }
        let lines = try await store.lines()
        let flows = try await store.flowIDs().map { f in
            IVREditorPage.FlowLink(id: f, label: Self.flowName(f, t), numbers: lines.filter { $0.flowID == f }.map(\.number).joined(separator: ", "))
        }
        return .init(flow: id, flows: flows, status: status, isDraft: draft != nil, notice: notice, refused: refused, diagram: Self.diagram(flow, problems: problems, t),
                     steps: Self.rows(flow, problems: problems, t), problemCount: problems.count, versions: versions, addForm: addForm, kinds: Self.kinds(t),
                     newFlowForm: newFlowForm)
    }

    /// A flow as staff call it: the shipped ones by name, others by their id.
    static func flowName(_ id: String, _ t: Catalogue) -> String {
        let named = t.text("ivr.flow." + id)
        return named.hasPrefix("ivr.flow.") ? id : named
    }

    static func state(of v: IVRFlowVersion, current: IVRFlowVersion?, _ t: Catalogue, _ language: Language) -> String {
        guard let published = v.publishedAt else { return t.text("ivr.state_draft") }
        var s = t.text(v.version == current?.version ? "ivr.state_current" : "ivr.state_published",
                       ["date": DateText.dateTime(published, language), "by": v.publishedBy ?? ""])
        if let note = v.note, note.hasPrefix("rollback to "), let from = note.split(separator: " ").last { s += " " + t.text("ivr.state_restored", ["version": String(from)]) }
        return s
    }

    static func kinds(_ t: Catalogue) -> [(value: String, label: String)] {
        IVRStep.Kind.allCases.map { ($0.rawValue, t.text("ivr.kind." + $0.rawValue)) }
    }

    static func diagram(_ flow: IVRFlow, problems: [IVRFlowProblem], _ t: Catalogue) -> IVRDiagram.Model {
        let layout = IVRLayout(flow)
        let flagged = Set(problems.map(\.step))
        return IVRDiagram.Model(title: t.text("ivr.diagram_title"), description: t.text("ivr.diagram_desc", ["count": "\(flow.steps.count)", "start": flow.start]),
                                boxes: layout.boxes.map { .init(step: $0.step, kind: t.text("ivr.kind." + $0.kind.rawValue), column: $0.column, row: $0.row,
                                                                flagged: !$0.reachable || flagged.contains($0.step)) },
                                arrows: layout.arrows.map { .init(from: $0.from, to: $0.to, label: Self.arrowLabel($0.label, t)) })
    }

    static func arrowLabel(_ label: String, _ t: Catalogue) -> String {
        switch label {
        case "next": t.text("ivr.arrow_next")
        case "otherwise": t.text("ivr.arrow_otherwise")
        default: label
        }
    }

    static func rows(_ flow: IVRFlow, problems: [IVRFlowProblem], _ t: Catalogue) -> [IVREditorPage.StepRow] {
        IVRLayout(flow).boxes.map { box in
            let s = flow.steps[box.step]!
            let said = s.audioURL ?? s.prompt[flow.languages.first ?? "pl"] ?? ""
            let ways = IVRLayout.edges(s).map { "\(Self.arrowLabel($0.label, t)) → \($0.to)" }
                + s.languages.sorted { $0.key < $1.key }.map { "\($0.key) → \(Language(rawValue: $0.value)?.nativeName ?? $0.value)" }
            return .init(step: s.id, label: s.id + (s.id == flow.start ? " (" + t.text("ivr.start") + ")" : ""), kind: t.text("ivr.kind." + s.kind.rawValue),
                         said: String(said.prefix(120)), leadsTo: ways.joined(separator: "; "),
                         problems: problems.filter { $0.step == s.id }.map { Self.describe($0, t) })
        }
    }

    static func describe(_ p: IVRFlowProblem, _ t: Catalogue) -> String {
        let detail = p.kind == .missingPrompt ? (Language(rawValue: p.detail)?.nativeName ?? p.detail) : p.detail
        return t.text("ivr.problem." + p.kind.rawValue, ["step": p.step, "detail": detail])
    }

    @Sendable func overview(req: Request, member: StaffMember) async throws -> Response {
        let done = (try? req.query.get(String.self, at: "done")) ?? ""
        let notice = ["published", "discarded", "restored", "saved", "added", "deleted", "nothing", "created"].contains(done) ? req.catalogue.text("ivr.done_" + done) : nil
        return .html(IVREditorPage.render(try await model(req, flow: try await flowID(req), notice: notice), req.pageContext))
    }

    @Sendable func diagramSVG(req: Request, member: StaffMember) async throws -> Response {
        let store = VoiceStore(db: req.db)
        let id = try await flowID(req)
        var flow = try await editing(store, flow: id).flow
        if let v = (try? req.query.get(Int.self, at: "version")) {
            guard let found = try await store.flow(version: v), found.flowID == id else { throw Abort(.notFound) }
            flow = found.flow
        }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "image", subType: "svg+xml", parameters: ["charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: IVRDiagram.svg(Self.diagram(flow, problems: flow.problems(), req.catalogue))))
    }

    @Sendable func publish(req: Request, member: StaffMember) async throws -> Response {
        let store = VoiceStore(db: req.db)
        let id = try await flowID(req)
        do {
            _ = try await store.publishDraft(flow: id, by: member.displayName, now: Date())
            return req.redirect(to: Self.path(.staffIVR, id, ["done": "published"]), redirectType: .normal)
        } catch VoiceStoreError.noDraft {
            return req.redirect(to: Self.path(.staffIVR, id, ["done": "nothing"]), redirectType: .normal)
        } catch VoiceStoreError.invalid {
            let problems = try await editing(store, flow: id).flow.problems().map { Self.describe($0, req.catalogue) }
            return .html(IVREditorPage.render(try await model(req, flow: id, refused: problems), req.pageContext), status: .badRequest)
        }
    }

    @Sendable func discard(req: Request, member: StaffMember) async throws -> Response {
        let id = try await flowID(req)
        try await VoiceStore(db: req.db).discardDraft(flow: id)
        return req.redirect(to: Self.path(.staffIVR, id, ["done": "discarded"]), redirectType: .normal)
    }

    struct NewFlowInput: Content { var new_id: String?; var copy_of: String? }

    /// A new flow: a draft copied from an existing one, edited and published like any other,
    /// then given numbers on the lines page.
    @Sendable func createFlow(req: Request, member: StaffMember) async throws -> Response {
        let input = try req.content.decode(NewFlowInput.self)
        let store = VoiceStore(db: req.db), t = req.catalogue
        let id = (input.new_id ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let existing = try await store.flowIDs()
        let from = input.copy_of.flatMap { existing.contains($0) ? $0 : nil } ?? VoiceStore.mainFlow
        var errors: [(String, String)] = []
        if !Self.isFlowID(id) { errors.append(("id", t.text("ivr.error.flow_id"))) }
        else if existing.contains(id) { errors.append(("id", t.text("ivr.error.flow_exists"))) }
        guard errors.isEmpty else {
            let form = FormState(values: ["new_id": id], errors: errors.map { ("new_id", $0.1) })
            return .html(IVREditorPage.render(try await model(req, flow: from, newFlowForm: form), req.pageContext), status: .badRequest)
        }
        try await store.saveDraft(try await editing(store, flow: from).flow, flow: id, by: member.displayName, now: Date())
        return req.redirect(to: Self.path(.staffIVR, id, ["done": "created"]), redirectType: .normal)
    }

    /// Lower-case letters, digits and dashes, 2 to 32: it appears in addresses and reports.
    static func isFlowID(_ id: String) -> Bool {
        (2...32).contains(id.count) && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    struct RollbackInput: Content { var version: String? }

    @Sendable func rollback(req: Request, member: StaffMember) async throws -> Response {
        let input = try req.content.decode(RollbackInput.self)
        let id = try await flowID(req)
        guard let version = input.version.flatMap({ Int($0) }) else {
            return .html(IVREditorPage.render(try await model(req, flow: id, refused: [req.catalogue.text("ivr.error.version")]), req.pageContext), status: .badRequest)
        }
        do { _ = try await VoiceStore(db: req.db).rollback(flow: id, to: version, by: member.displayName, now: Date()) }
        catch VoiceStoreError.unknownVersion {
            return .html(IVREditorPage.render(try await model(req, flow: id, refused: [req.catalogue.text("ivr.error.version")]), req.pageContext), status: .badRequest)
        }
        return req.redirect(to: Self.path(.staffIVR, id, ["done": "restored"]), redirectType: .normal)
    }
}
