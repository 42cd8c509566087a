import Vapor
import Views
import Storage
import ContactCenter
import Localization
import Clients

/// The numbers callers dial and the flow each leads to: a number the carrier reports in `To`
/// takes its flow; any other takes the main one.
extension IVREditorController {
    func linesModel(_ req: Request, form: FormState = FormState(), notice: String? = nil) async throws -> IVRLinesPage.Model {
        let t = req.catalogue
        let store = VoiceStore(db: req.db)
        var published: [(value: String, label: String)] = []
        for id in try await store.flowIDs() where try await store.current(flow: id) != nil { published.append((id, Self.flowName(id, t))) }
        let names = Dictionary(uniqueKeysWithValues: published.map { ($0.value, $0.label) })
        let rows = try await store.lines().map { IVRLinesPage.Row(number: $0.number, name: $0.name, flow: names[$0.flowID] ?? $0.flowID) }
        return .init(rows: rows, flows: published, form: form, notice: notice)
    }

    @Sendable func lines(req: Request, member: StaffMember) async throws -> Response {
        let done = (try? req.query.get(String.self, at: "done")) ?? ""
        let notice = ["saved", "deleted"].contains(done) ? req.catalogue.text("ivr.line_done_" + done) : nil
        return .html(IVRLinesPage.render(try await linesModel(req, form: FormState(values: ["flow": VoiceStore.mainFlow]), notice: notice), req.pageContext))
    }

    struct LineInput: Content { var number: String?; var name: String?; var flow: String? }

    @Sendable func saveLine(req: Request, member: StaffMember) async throws -> Response {
        let input = try req.content.decode(LineInput.self)
        let t = req.catalogue
        let store = VoiceStore(db: req.db)
        var form = FormState(values: ["number": input.number ?? "", "name": input.name ?? "", "flow": input.flow ?? ""])
        let number = VoiceLine.normalized(input.number ?? "")
        if number == nil { form.errors.append(("number", t.text("ivr.error.line_number"))) }
        let name = (input.name ?? "").trimmingCharacters(in: .whitespaces)
        if !(1...100).contains(name.count) { form.errors.append(("name", t.text("ivr.error.line_name"))) }
        let flow = input.flow ?? ""
        if try await store.current(flow: flow) == nil { form.errors.append(("flow", t.text("ivr.error.line_flow"))) }
        guard form.errors.isEmpty, let number else {
            return .html(IVRLinesPage.render(try await linesModel(req, form: form), req.pageContext), status: .badRequest)
        }
        try await store.saveLine(VoiceLine(number: number, flowID: flow, name: name), by: member.displayName, now: Date())
        return req.redirect(to: SiteRoute.staffIVRLines.with(["done": "saved"]), redirectType: .normal)
    }

    @Sendable func deleteLine(req: Request, member: StaffMember) async throws -> Response {
        guard let number = req.parameters.get("number"), try await VoiceStore(db: req.db).line(number: number) != nil else { throw Abort(.notFound) }
        try await VoiceStore(db: req.db).deleteLine(number: number)
        return req.redirect(to: SiteRoute.staffIVRLines.with(["done": "deleted"]), redirectType: .normal)
    }
}
