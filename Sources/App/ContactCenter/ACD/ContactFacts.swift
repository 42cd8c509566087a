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

    /// What the channel learned (IVR path, form fields), labelled; codes shown in words when known.
    static func contextRows(_ i: Interaction, _ req: Request) async throws -> [(label: String, value: String)] {
        let t = req.catalogue
        return try await ContactCenterStore(db: req.db).context(of: i.id).lines.map { item in
            let words = t.text("context.\(item.name).\(item.value)")
            return (label: t.text("context." + item.name), value: words.hasPrefix("context.") ? item.value : words)
        }
    }
}
