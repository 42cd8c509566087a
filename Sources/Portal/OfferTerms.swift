/// The closed vocabularies of an offer, as the national offer base (ePraca) uses them. Raw
/// values are stable: they are stored, sent by the API and named in catalogue keys.
public enum ContractType: String, Sendable, CaseIterable, Codable {
    case employment = "employment"             // umowa o pracę
    case replacement = "replacement"           // umowa o pracę na zastępstwo
    case mandate = "mandate"                   // umowa zlecenie
    case specificWork = "specific_work"        // umowa o dzieło
    case temporaryWork = "temporary_work"      // praca tymczasowa
    case b2b = "b2b"                           // kontrakt / współpraca B2B
    case seasonal = "seasonal"                 // praca sezonowa
    case internship = "internship"             // staż / praktyka
}

public enum ShiftSystem: String, Sendable, CaseIterable, Codable {
    case single = "single", two = "two", three = "three", continuous = "continuous", flexible = "flexible"
}

public enum WageType: String, Sendable, CaseIterable, Codable {
    case monthly = "monthly", hourly = "hourly", piecework = "piecework", task = "task"
}

public enum Education: String, Sendable, CaseIterable, Codable, Comparable {
    case none, primary, vocational, secondary, postSecondary = "post_secondary", higher

    public static func < (a: Education, b: Education) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

public enum LanguageLevel: String, Sendable, CaseIterable, Codable, Comparable {
    case a1 = "A1", a2 = "A2", b1 = "B1", b2 = "B2", c1 = "C1", c2 = "C2"

    public static func < (a: LanguageLevel, b: LanguageLevel) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

public struct LanguageRequirement: Sendable, Equatable, Codable {
    /// ISO 639-1, e.g. "en", "de", "uk".
    public let language: String
    public let level: LanguageLevel
    public init(language: String, level: LanguageLevel) { self.language = language; self.level = level }

    /// "en:B2, de:A2" as people type it into one field; nil when an item is not `code:level`.
    public static func parseList(_ text: String) -> [LanguageRequirement]? {
        var out: [LanguageRequirement] = []
        for item in text.split(separator: ",") where !item.trimmingCharacters(in: .whitespaces).isEmpty {
            let parts = item.split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let level = LanguageLevel(rawValue: parts[1].uppercased()) else { return nil }
            out.append(LanguageRequirement(language: parts[0].lowercased(), level: level))
        }
        return out
    }

    public static func listText(_ list: [LanguageRequirement]) -> String {
        list.map { "\($0.language):\($0.level.rawValue)" }.joined(separator: ", ")
    }
}

/// Where an offer stands. Expiry is not a state: an offer past its "valid until" leaves the
/// search by itself, whatever its state.
public enum OfferStatus: String, Sendable, CaseIterable, Codable {
    /// Waiting in the moderation queue of the office of the place of work.
    case pending
    /// The office asked the employer to change something (reason given).
    case changesRequested = "changes_requested"
    case rejected
    case published
    case closed
}

public enum ModerationDecision: String, Sendable, CaseIterable {
    case publish, requestChanges = "request_changes", reject
}

public enum OfferLifecycle {
    /// A new or edited offer: published at once when the employer is verified, else it waits
    /// for the office.
    public static func afterSubmission(employerVerified: Bool) -> OfferStatus {
        employerVerified ? .published : .pending
    }

    /// The office's decision on a pending offer; nil when the offer is not waiting.
    public static func after(_ decision: ModerationDecision, from status: OfferStatus) -> OfferStatus? {
        guard status == .pending else { return nil }
        switch decision {
        case .publish: return .published
        case .requestChanges: return .changesRequested
        case .reject: return .rejected
        }
    }
}
