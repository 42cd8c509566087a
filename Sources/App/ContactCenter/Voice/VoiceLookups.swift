import Vapor
import Identity
import Fluent
import ContactCenter
import Storage
import Directory
import Clients
import Views
import Localization

/// The IVR's questions to the register and the directory, for one caller at one moment:
/// client number + PIN (with the lockouts of `PhoneIdentification`, per client and per calling
/// number), postal code → the office serving its powiat, and whether the centre is open.
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
