import Vapor
import Views
import Access
import ContactCenter
import Storage
import Localization
import Portal
import Clients
import Knowledge
import Privacy

/// How a contact and an agent are put into words on the staff pages (desktop, review,
/// wallboard): one place, so the pages say the same thing.
enum ContactFacts {
    /// "Chat · Registration · PUP w Białymstoku"
    static func title(_ i: Interaction, _ req: Request) async throws -> String {
        title(i, office: try await req.directory.office(id: i.officeID)?.name ?? i.officeID, req.catalogue)
    }

    static func title(_ i: Interaction, office: String, _ t: Catalogue) -> String {
        [t.text("channel." + i.channel.rawValue), t.text("topic." + i.topic), office].joined(separator: " · ")
    }

    static func stateLabel(_ s: AgentState, _ t: Localization.Catalogue) -> String {
        switch s {
        case .available: t.text("agent.state_available")
        case .busy: t.text("agent.state_busy")
        case .wrapUp: t.text("agent.state_wrap_up")
        case .onBreak(let reason): t.text("agent.state_break") + " (" + t.text("agent.break_" + reason) + ")"
        case .offline: t.text("agent.state_offline")
        case .notResponding: t.text("agent.state_not_responding")
        }
    }

    static func duration(_ seconds: TimeInterval) -> String {
        let s = max(0, Int(seconds.rounded()))
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }

    /// What, where and how long: the facts a contact's page starts with.
    static func facts(_ i: Interaction, now: Date, _ req: Request) async throws -> [(label: String, value: String)] {
        let t = req.catalogue
        let answered = try await ContactCenterStore(db: req.db).events(of: i.id).first { $0.to == .connected }?.at
        return [
            (t.text("desktop.channel"), t.text("channel." + i.channel.rawValue)),
            (t.text("desktop.topic"), t.text("topic." + i.topic)),
            (t.text("desktop.language"), Language(rawValue: i.language)?.nativeName ?? i.language),
            (t.text("clients.office"), try await req.directory.office(id: i.officeID)?.name ?? i.officeID),
            (t.text("desktop.state"), t.text("interaction.state_" + i.state.rawValue)),
            (t.text("desktop.waited"), duration((answered ?? now).timeIntervalSince(i.queuedAt))),
        ]
    }

    /// What the channel learned (IVR path, form fields), labelled and in words: the menu steps
    /// passed and the keys pressed with what they meant, the powiat by name, codes as the
    /// catalogue says them — never a stored code on its own.
    static func contextRows(_ i: Interaction, _ req: Request) async throws -> [(label: String, value: String)] {
        let t = req.catalogue
        let context = try await ContactCenterStore(db: req.db).context(of: i.id)
        let flow = context.keys.isEmpty && context.ivrPath.isEmpty ? nil : try await VoiceStore(db: req.db).current()?.flow
        var rows: [(label: String, value: String)] = []
        for item in context.lines {
            let value: String
            switch item.name {
            case "digits": value = context.keys.map { keyText($0, flow: flow, t) }.joined(separator: "; ")
            case "ivr_path": value = context.ivrPath.map { stepName($0, flow: flow, t) }.joined(separator: " › ")
            case "powiat":
                let register = try await req.services.directoryCache.register(req.db)
                value = register.powiat(item.value).map { "\($0.displayName) (\(item.value))" } ?? item.value
            case "previous": value = context.previous.map { ContactMessage.caseNumber($0) } ?? item.value
            case "country": value = Countries.name(item.value, in: req.language) + " (\(item.value))"
            default:
                let words = t.text("context.\(item.name).\(item.value)")
                value = words.hasPrefix("context.") ? item.value : words
            }
            rows.append((label: t.text("context." + item.name), value: value))
        }
        return rows
    }

    /// A step of the caller's way through the IVR in words: the shipped steps by name, others by
    /// their kind ("menu of keys “extra”"), a queue by its topic.
    static func stepName(_ id: String, flow: IVRFlow?, _ t: Catalogue) -> String {
        let named = t.text("ivr.step_name." + id)
        if !named.hasPrefix("ivr.step_name.") { return named }
        guard let step = flow?.steps[id] else { return id }
        if step.kind == .enqueue, let topic = step.topic { return t.text("ivr.step_queue", ["topic": t.text("topic." + topic)]) }
        return t.text("ivr.kind." + step.kind.rawValue) + " „\(id)”"
    }

    /// "Topic: 2 (benefits)", "Language: 1 (polski)", "Client number and PIN: 100000009".
    static func keyText(_ key: ContactContext.Key, flow: IVRFlow?, _ t: Catalogue) -> String {
        var meaning: String? = nil
        if let step = flow?.steps[key.step] {
            switch step.kind {
            case .menu: meaning = step.choices[key.digits].map { stepName($0, flow: flow, t) }
            case .language: meaning = step.languages[key.digits].map { Language(rawValue: $0)?.nativeName ?? $0 }
            default: break
            }
        }
        return stepName(key.step, flow: flow, t) + ": " + key.digits + (meaning.map { " (\($0))" } ?? "")
    }

    /// An event of a contact's history in words: its state and why it got there.
    static func eventText(_ e: Interaction.Event, _ t: Catalogue) -> String {
        let state = t.text("interaction.state_" + e.to.rawValue)
        guard let note = e.note, !note.isEmpty else { return state }
        return state + " (" + EventNote(stored: note).words(t) + ")"
    }
}

/// Why an event happened, as the router and the channels record it, in the staff member's words.
struct EventNote {
    let stored: String

    func words(_ t: Catalogue) -> String {
        if stored.hasPrefix("tier ") { return t.text("event_note.tier_" + stored.dropFirst(5)) }
        if stored.hasPrefix("consultant's phone: ") { return t.text("event_note.phone", ["status": String(stored.dropFirst(20))]) }
        let key = "event_note." + stored.replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "'", with: "")
        let words = t.text(key)
        return words == key ? stored : words
    }
}
