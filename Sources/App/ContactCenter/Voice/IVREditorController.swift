import Vapor
import Views
import Storage
import ContactCenter
import Localization
import Clients

/// The IVR editor (administrators with national scope: there is one 19524 for the country).
/// Steps are edited in a draft (started from the published version at the first change); the
/// draft is published after the flow check, or thrown away; any earlier version can be published
/// again. Calls in progress stay on the version they started on.
struct IVREditorController: Sendable {
    /// The flow being edited: the draft, else the published version it would start from.
    func editing(_ store: VoiceStore) async throws -> (flow: IVRFlow, draft: IVRFlowVersion?, current: IVRFlowVersion?) {
        let draft = try await store.draft(), current = try await store.current()
        return (draft?.flow ?? current?.flow ?? .standard, draft, current)
    }

    func model(_ req: Request, notice: String? = nil, refused: [String] = [], addForm: FormState = FormState(values: ["kind": "say"])) async throws -> IVREditorPage.Model {
        let t = req.catalogue
        let store = VoiceStore(db: req.db)
        let (flow, draft, current) = try await editing(store)
        let problems = flow.problems()
        let status: String
        if let draft { status = t.text("ivr.status_draft", ["version": "\(draft.version)", "current": current.map { "\($0.version)" } ?? "–"]) }
        else { status = t.text("ivr.status_published", ["version": current.map { "\($0.version)" } ?? "–"]) }
        let versions = try await store.versions().map { v in
            IVREditorPage.VersionRow(version: v.version, created: DateText.dateTime(v.createdAt, req.language) + " · " + v.createdBy,
                                     state: Self.state(of: v, current: current, t, req.language),
                                     canRestore: v.publishedAt != nil && v.version != current?.version)
        }
        return .init(status: status, isDraft: draft != nil, notice: notice, refused: refused, diagram: Self.diagram(flow, problems: problems, t),
                     steps: Self.rows(flow, problems: problems, t), problemCount: problems.count, versions: versions, addForm: addForm, kinds: Self.kinds(t))
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
        let notice = ["published", "discarded", "restored", "saved", "added", "deleted", "nothing"].contains(done) ? req.catalogue.text("ivr.done_" + done) : nil
        return .html(IVREditorPage.render(try await model(req, notice: notice), req.pageContext))
    }

    @Sendable func diagramSVG(req: Request, member: StaffMember) async throws -> Response {
        let store = VoiceStore(db: req.db)
        var flow = try await editing(store).flow
        if let v = (try? req.query.get(Int.self, at: "version")) {
            guard let found = try await store.flow(version: v) else { throw Abort(.notFound) }
            flow = found.flow
        }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "image", subType: "svg+xml", parameters: ["charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: IVRDiagram.svg(Self.diagram(flow, problems: flow.problems(), req.catalogue))))
    }

    @Sendable func publish(req: Request, member: StaffMember) async throws -> Response {
        let store = VoiceStore(db: req.db)
        do {
            _ = try await store.publishDraft(by: member.displayName, now: Date())
            return req.redirect(to: SiteRoute.staffIVR.with(["done": "published"]), redirectType: .normal)
        } catch VoiceStoreError.noDraft {
            return req.redirect(to: SiteRoute.staffIVR.with(["done": "nothing"]), redirectType: .normal)
        } catch VoiceStoreError.invalid {
            let problems = try await editing(store).flow.problems().map { Self.describe($0, req.catalogue) }
            return .html(IVREditorPage.render(try await model(req, refused: problems), req.pageContext), status: .badRequest)
        }
    }

    @Sendable func discard(req: Request, member: StaffMember) async throws -> Response {
        try await VoiceStore(db: req.db).discardDraft()
        return req.redirect(to: SiteRoute.staffIVR.with(["done": "discarded"]), redirectType: .normal)
    }

    struct RollbackInput: Content { var version: String? }

    @Sendable func rollback(req: Request, member: StaffMember) async throws -> Response {
        let input = try req.content.decode(RollbackInput.self)
        guard let version = input.version.flatMap({ Int($0) }) else {
            return .html(IVREditorPage.render(try await model(req, refused: [req.catalogue.text("ivr.error.version")]), req.pageContext), status: .badRequest)
        }
        do { _ = try await VoiceStore(db: req.db).rollback(to: version, by: member.displayName, now: Date()) }
        catch VoiceStoreError.unknownVersion {
            return .html(IVREditorPage.render(try await model(req, refused: [req.catalogue.text("ivr.error.version")]), req.pageContext), status: .badRequest)
        }
        return req.redirect(to: SiteRoute.staffIVR.with(["done": "restored"]), redirectType: .normal)
    }
}
