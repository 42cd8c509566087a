import Foundation
import Directory

/// The applications the generator prepares.
public enum ApplicationKind: String, Codable, CaseIterable, Sendable {
    /// Wniosek o udzielenie cudzoziemcowi zezwolenia na pobyt czasowy.
    case temporaryResidence = "temporary-residence"
    /// Wniosek o wydanie zezwolenia na pracę typu A (filed by the employer).
    case workPermitA = "work-permit-a"
    /// Oświadczenie o powierzeniu pracy cudzoziemcowi (filed by the employer).
    case workDeclaration = "work-declaration"
}

/// Who decides an application, found from an address given in it.
public enum CompetentAuthority: String, Codable, Sendable {
    /// The voivode of the voivodeship where the foreigner stays.
    case voivodeOfStay = "voivode_of_stay"
    /// The voivode of the voivodeship of the employer's seat.
    case voivodeOfEmployerSeat = "voivode_of_employer_seat"
    /// The powiat labour office of the employer's seat.
    case labourOfficeOfEmployerSeat = "labour_office_of_employer_seat"
}

/// A fact of the definition (a rule, a fee, a deadline) that could not be confirmed against a
/// source: shown to the user as the knowledge base shows unverified entries.
public struct ReviewNote: Codable, Hashable, Sendable {
    public let text: FormText
    /// Where it was checked, or what is missing to confirm it.
    public let source: String
}

/// One version of an official application, as data: its sections and fields in the official
/// order, the rules of each field, help in four languages, its legal basis and the dates it
/// applies. A new version of an official form is a new definition (a file in `Data/forms`).
public struct ApplicationForm: Sendable {
    public let kind: ApplicationKind
    /// "2025-12": the month the version came into force.
    public let version: String
    /// The official title, printed in Polish.
    public let official: String
    public let title: FormText
    /// Who fills it and what it is for, in the user's language.
    public let summary: FormText
    /// The act that sets the form or the procedure.
    public let legalBasis: String
    public let validFrom: LocalDate
    /// The last day the version is accepted (nil: in force).
    public let validUntil: LocalDate?
    public let authority: CompetentAuthority
    /// The postal-code field whose place names the authority.
    public let authorityPostalCode: String
    /// How and where to file, in the user's language.
    public let filing: FormText
    public let fee: FormText
    public let reviewNotes: [ReviewNote]
    public let sections: [FormSection]
    /// Documents to attach (a checklist printed after the form).
    public let attachments: [FormOption]

    public var id: String { kind.rawValue + "@" + version }

    public func applies(on day: LocalDate) -> Bool { validFrom <= day && (validUntil.map { day <= $0 } ?? true) }

    public var fields: [FormField] { sections.flatMap(\.fields) }

    public func field(_ id: String) -> FormField? { fields.first { $0.id == id } }

    public func section(of field: String) -> FormSection? { sections.first { $0.fields.contains { $0.id == field } } }
}

/// A part of the form, one step of the guided path.
public struct FormSection: Codable, Hashable, Sendable {
    public let id: String
    /// The section's heading on the printed form ("A. DANE OSOBOWE CUDZOZIEMCA").
    public let official: String
    public let title: FormText
    public let help: FormText?
    /// Shown and printed only when this holds (an annex for one purpose of stay).
    public let when: FieldCondition?
    public let fields: [FormField]
}
