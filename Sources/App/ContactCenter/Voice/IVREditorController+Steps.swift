import Vapor
import Views
import Storage
import ContactCenter
import Localization
import Identity
import Clients

/// Editing one step of the draft: its form, saving it (each field checked, the flow's own
/// problems shown on the overview and checked when publishing), adding and deleting steps.
extension IVREditorController {
    static let promptLimit = 600

    func stepModel(_ req: Request, _ flow: IVRFlow, flow id: String, step: String, form: FormState) -> IVRStepPage.Model {
        let t = req.catalogue
        return .init(flow: id, step: step, form: form, problems: flow.problems().filter { $0.step == step }.map { Self.describe($0, t) },
                     isStart: step == flow.start, kinds: Self.kinds(t), steps: flow.steps.keys.sorted().map { ($0, $0) },
                     topics: ContactTopic.allCases.map { ($0.rawValue, t.text("topic." + $0.rawValue)) },
                     checks: [IVRStep.Check.none, .clientNumber, .pin, .postalCode].map { ($0.rawValue, t.text("ivr.check." + $0.rawValue)) },
                     languages: flow.languages.compactMap { Language(rawValue: $0) }.map { ($0.rawValue, $0.nativeName) })
    }

    /// The step's values as the form shows them.
    static func values(_ s: IVRStep) -> [String: String] {
        var v = ["kind": s.kind.rawValue, "audio_url": s.audioURL ?? "", "next": s.next ?? "", "otherwise": s.otherwise ?? "",
                 "retries": "\(s.retries)", "timeout": "\(s.timeoutSeconds)", "digits": "\(s.digits)", "check": s.check.rawValue,
                 "topic": s.topic ?? "", "office": s.office ?? "", "number": s.number ?? "", "information": s.information ?? ""]
        for (lang, text) in s.prompt { v["prompt_\(lang)"] = text }
        for k in IVRStepPage.keys { v[k.field] = s.choices[k.key] ?? "" }
        for (key, lang) in s.languages { v["key_\(lang)"] = key }
        return v
    }

    func step(_ req: Request) async throws -> (IVRFlow, IVRStep, String) {
        let id = try await flowID(req)
        let flow = try await editing(VoiceStore(db: req.db), flow: id).flow
        guard let step = req.parameters.get("step"), let s = flow.steps[step] else { throw Abort(.notFound) }
        return (flow, s, id)
    }

    @Sendable func stepForm(req: Request, member: StaffMember) async throws -> Response {
        let (flow, s, id) = try await step(req)
        return .html(IVRStepPage.render(stepModel(req, flow, flow: id, step: s.id, form: FormState(values: Self.values(s))), req.pageContext))
    }

    @Sendable func saveStep(req: Request, member: StaffMember) async throws -> Response {
        let (flow, old, id) = try await step(req)
        var body = try req.content.decode([String: String].self)
        body["flow"] = nil
        let (parsed, form) = try await Self.parse(body, old: old, flow: flow, req)
        guard let parsed else {
            return .html(IVRStepPage.render(stepModel(req, flow, flow: id, step: old.id, form: form), req.pageContext), status: .badRequest)
        }
        var edited = flow
        edited.steps[old.id] = parsed
        try await VoiceStore(db: req.db).saveDraft(edited, flow: id, by: member.displayName, now: Date())
        return req.redirect(to: Self.path(.staffIVR, id, ["done": "saved"]), redirectType: .normal)
    }

    /// The form's fields checked one by one; the step with them, or the form with its errors.
    static func parse(_ body: [String: String], old: IVRStep, flow: IVRFlow, _ req: Request) async throws -> (IVRStep?, FormState) {
        let t = req.catalogue
        var form = FormState(values: body.mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) })
        form.values["_csrf"] = nil
        func fail(_ field: String, _ key: String, _ args: [String: String] = [:]) { form.errors.append((field, t.text(key, args))) }
        guard let kind = IVRStep.Kind(rawValue: form["kind"]) else {
            fail("kind", "search.error.choice")
            return (nil, form)
        }
        var s = IVRStep(id: old.id, kind: kind)
        s.retries = old.retries; s.timeoutSeconds = old.timeoutSeconds; s.digits = old.digits; s.check = old.check
        func target(_ field: String) -> String? {
            let v = form[field]
            if v.isEmpty { return nil }
            if flow.steps[v] == nil { fail(field, "ivr.error.step"); return nil }
            return v
        }
        func number(_ field: String, _ range: ClosedRange<Int>, _ current: Int) -> Int {
            guard form.values[field] != nil else { return current }
            guard let n = Int(form[field]), range.contains(n) else {
                fail(field, "ivr.error.range", ["min": "\(range.lowerBound)", "max": "\(range.upperBound)"])
                return current
            }
            return n
        }
        for lang in flow.languages {
            let text = form["prompt_\(lang)"]
            if text.count > Self.promptLimit { fail("prompt_\(lang)", "ivr.error.prompt_long", ["max": "\(Self.promptLimit)"]) }
            else if !text.isEmpty { s.prompt[lang] = text }
        }
        let audio = form["audio_url"]
        if !audio.isEmpty {
            if audio.hasPrefix("https://"), audio.count <= 500, URL(string: audio)?.host != nil { s.audioURL = audio } else { fail("audio_url", "ivr.error.url") }
        }
        s.next = target("next")
        s.otherwise = target("otherwise")
        if kind == .menu {
            for k in IVRStepPage.keys { if let to = target(k.field) { s.choices[k.key] = to } }
        }
        if kind == .language {
            for lang in flow.languages {
                let key = form["key_\(lang)"]
                guard !key.isEmpty else { continue }
                guard key.count == 1, "0123456789".contains(key), s.languages[key] == nil else { fail("key_\(lang)", "ivr.error.key"); continue }
                s.languages[key] = lang
            }
        }
        if [.menu, .gather, .identify].contains(kind) {
            s.retries = number("retries", 0...5, s.retries)
            s.timeoutSeconds = number("timeout", 1...30, s.timeoutSeconds)
        }
        if kind == .gather {
            s.digits = number("digits", 1...20, s.digits == 0 ? 1 : s.digits)
            if let check = IVRStep.Check(rawValue: form["check"]) { s.check = check } else if form.values["check"] != nil { fail("check", "search.error.choice") }
        }
        if kind == .enqueue {
            if ContactTopic(rawValue: form["topic"]) != nil { s.topic = form["topic"] } else { fail("topic", "search.error.choice") }
            if let info = target("information") {
                if flow.steps[info]?.kind == .information { s.information = info } else { fail("information", "ivr.error.information") }
            }
        }
        if kind == .enqueue || kind == .record, !form["office"].isEmpty {
            if try await req.directory.office(id: form["office"]) != nil { s.office = form["office"] } else { fail("office", "ivr.error.office") }
        }
        if kind == .transfer {
            let n = form["number"].filter { !" -".contains($0) }
            if n.hasPrefix("+"), (9...16).contains(n.count), n.dropFirst().allSatisfy(\.isNumber) { s.number = n } else { fail("number", "ivr.error.number") }
        }
        return (form.errors.isEmpty ? s : nil, form)
    }

    struct AddInput: Content { var id: String?; var kind: String? }

    @Sendable func addStep(req: Request, member: StaffMember) async throws -> Response {
        let input = try req.content.decode(AddInput.self)
        let t = req.catalogue
        let fid = try await flowID(req)
        let flow = try await editing(VoiceStore(db: req.db), flow: fid).flow
        let id = (input.id ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        var form = FormState(values: ["id": id, "kind": input.kind ?? ""])
        if !(1...40).contains(id.count) || !id.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" }) {
            form.errors.append(("id", t.text("ivr.error.id")))
        } else if flow.steps[id] != nil {
            form.errors.append(("id", t.text("ivr.error.id_taken", ["step": id])))
        }
        let kind = IVRStep.Kind(rawValue: input.kind ?? "")
        if kind == nil { form.errors.append(("kind", t.text("search.error.choice"))) }
        guard form.errors.isEmpty, let kind else {
            return .html(IVREditorPage.render(try await model(req, flow: fid, addForm: form), req.pageContext), status: .badRequest)
        }
        var edited = flow
        var step = IVRStep(id: id, kind: kind)
        if kind == .gather { step.digits = 1 }
        if kind == .enqueue { step.topic = ContactTopic.other.rawValue }
        edited.steps[id] = step
        try await VoiceStore(db: req.db).saveDraft(edited, flow: fid, by: member.displayName, now: Date())
        return req.redirect(to: Self.path(.staffIVRStep(id), fid), redirectType: .normal)
    }

    @Sendable func deleteStep(req: Request, member: StaffMember) async throws -> Response {
        let (flow, s, id) = try await step(req)
        let t = req.catalogue
        let users = flow.steps.values.filter { $0.id != s.id && $0.successors.contains(s.id) }.map(\.id).sorted()
        var refusal: String? = nil
        if s.id == flow.start { refusal = t.text("ivr.error.start") }
        else if !users.isEmpty { refusal = t.text("ivr.error.in_use", ["steps": users.joined(separator: ", ")]) }
        if let refusal {
            return .html(IVREditorPage.render(try await model(req, flow: id, refused: [refusal]), req.pageContext), status: .conflict)
        }
        var edited = flow
        edited.steps[s.id] = nil
        try await VoiceStore(db: req.db).saveDraft(edited, flow: id, by: member.displayName, now: Date())
        return req.redirect(to: Self.path(.staffIVR, id, ["done": "deleted"]), redirectType: .normal)
    }
}
