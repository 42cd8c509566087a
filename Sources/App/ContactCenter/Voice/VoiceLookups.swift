import Vapor
import Identity
import Fluent
import ContactCenter
import Storage
import Directory
import Clients
import Views
import Localization
import Knowledge

/// The IVR's questions to the register, the directory and the knowledge base, for one caller at
/// one moment: client number + PIN (with the lockouts of `PhoneIdentification`, per client and
/// per calling number), whether that client is registered as unemployed, postal code → the
/// office serving its powiat, whether the centre is open, and the answers read on the phone.
struct VoiceLookups: IVRLookups {
    let db: any Database
    let identification: PhoneIdentification
    let calendar: BusinessCalendar
    let caller: String
    let now: Date

    func identify(clientNumber: String, pin: String) async throws -> IVRIdentification {
        switch try await identification.identify(clientNumber: clientNumber, pin: pin, caller: caller, now: now) {
        case .identified(let id): .identified(office: try await ClientStore(db: db).find(id: id)?.officeID)
        case .refused: .wrong
        case .locked: .locked
        }
    }

    func office(postalCode: PostalCode) async throws -> String? { try await Self.office(postalCode: postalCode, db) }

    /// The office serving the powiat of a postal code (nil: a code nobody serves; the IVR then
    /// asks again or takes the caller to the national queue).
    static func office(postalCode: PostalCode, _ db: any Database) async throws -> String? {
        try await OfficeLocator(store: FluentDirectoryStore(db: db)).servingOffice(postalCode)?.id
    }

    func isOpen() async throws -> Bool { calendar.isOpen(at: now) }

    func isRegisteredUnemployed(clientNumber: String) async throws -> Bool {
        guard let client = try await ClientStore(db: db).find(number: clientNumber), !client.restricted else { return false }
        return client.unemployedSince.map { $0 <= now } ?? false
    }

    /// The entries marked for the phone in the caller's language, by category (in the order the
    /// portal lists categories); each answer read as its question, then its text.
    func information(language: String, office: String?) async throws -> [IVRInformationTopic] {
        try await Self.information(db, language: language, office: office, now: now)
    }

    static func information(_ db: any Database, language: String, office: String?, now: Date) async throws -> [IVRInformationTopic] {
        let t = Catalogues.bundled[Language(rawValue: language) ?? .pl]
        let entries = try await KnowledgeBaseStore(db: db).phoneEntries(language: language, office: office, now: now)
        return KBCategory.allCases.compactMap { category in
            let answers = entries.filter { $0.draft.category == category }.map { e in
                IVRInformationTopic.Answer(title: e.draft.title, text: Self.spoken(e.draft))
            }
            return answers.isEmpty ? nil : IVRInformationTopic(label: t.text("kb.category." + category.rawValue), answers: answers)
        }
    }

    /// What the carrier's voice reads: the question and the answer as plain sentences, cut at a
    /// sentence within about two minutes of speech.
    static func spoken(_ d: KBDraft) -> String {
        let text = KBMarkup.plainText(d.body).split(whereSeparator: \.isNewline).joined(separator: " ")
        let limit = 1_500
        guard text.count > limit else { return d.title + " " + text }
        let cut = text.prefix(limit)
        let end = cut.lastIndex(of: ".").map { cut[...$0] } ?? cut
        return d.title + " " + end
    }

    func spokenHours(language: String) -> String { Self.spokenHours(calendar.hours, language: language) }

    static func spokenHours(_ hours: WeeklyHours, language: String) -> String {
        HoursText.text(hours, .long, Catalogues.bundled[Language(rawValue: language) ?? .pl])
    }
}

/// Published flow versions never change, so each is read from the database once per server.
actor IVRFlowCache {
    private var flows: [Int: IVRFlow] = [:]

    func flow(_ version: Int, _ store: VoiceStore) async throws -> IVRFlow? {
        if let f = flows[version] { return f }
        guard let v = try await store.flow(version: version), v.publishedAt != nil else { return nil }
        flows[version] = v.flow
        return v.flow
    }
}

extension Application {
    private struct IVRFlowCacheKey: StorageKey { typealias Value = IVRFlowCache }
    var ivrFlows: IVRFlowCache {
        get { storage[IVRFlowCacheKey.self]! }
        set { storage[IVRFlowCacheKey.self] = newValue }
    }
}
