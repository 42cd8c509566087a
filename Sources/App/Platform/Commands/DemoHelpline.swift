import Vapor
import Fluent
import ContactCenter
import Storage
import Access

/// Seed 004's line in the demo: the Łódź voivode's office foreigners' helpline, five
/// consultants answering in Polish, English, Russian and Ukrainian (each in the languages they
/// speak), scoped to their office only, and the line's number mapped to its flow. Loaded once.
enum DemoHelpline {
    static let office = "uw-10"
    /// A number for the demo only: a deployment maps the real one on the IVR page.
    static let number = "426000000"
    static let consultants: [(email: String, name: String, languages: Set<String>)] = [
        ("konsultant1.cudzoziemcy@example.org", "Demo: konsultantka ŁUW 1", ["pl", "uk", "ru"]),
        ("konsultant2.cudzoziemcy@example.org", "Demo: konsultant ŁUW 2", ["pl", "en"]),
        ("konsultant3.cudzoziemcy@example.org", "Demo: konsultantka ŁUW 3", ["pl", "ru", "en"]),
        ("konsultant4.cudzoziemcy@example.org", "Demo: konsultant ŁUW 4", ["pl", "uk"]),
        ("konsultant5.cudzoziemcy@example.org", "Demo: konsultantka ŁUW 5", ["pl", "en", "uk", "ru"]),
    ]

    static func load(_ app: Application) async throws {
        guard try await AppMeta(db: app.db).get("demo.helpline") != "1" else { return }
        let hash = try app.password.hash(DemoStaff.password)
        try await app.db.transaction { tx in
            for c in consultants where try await AccountStore(db: tx).find(email: c.email) == nil {
                let id = try await StaffStore(db: tx).create(email: c.email, passwordHash: hash, displayName: c.name, roles: [.consultant],
                                                             scope: .offices([office]), language: "pl")
                // Its own line: no voivodeship overflow, no national pool; the helpline's matters only.
                try await ContactCenterStore(db: tx).save(Agent(id: id.uuidString, offices: [office], voivodeships: [], nationalPool: false,
                                                                languages: c.languages, topics: Set(ContactTopic.helpline.map(\.rawValue)),
                                                                state: .offline, idleSince: Date()))
            }
            let voice = VoiceStore(db: tx)
            if try await voice.line(number: number) == nil {
                try await voice.saveLine(VoiceLine(number: number, flowID: VoiceStore.foreignersFlow,
                                                   name: "\(number) – infolinia dla cudzoziemców, Łódzki Urząd Wojewódzki (demo)"),
                                         by: VoiceStore.system, now: Date())
            }
            try await AppMeta(db: tx).set("demo.helpline", "1")
        }
    }
}
