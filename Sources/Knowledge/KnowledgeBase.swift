import Foundation
import Portal

/// Knowledge-base categories: the subjects callers ask about most.
public enum KBCategory: String, Sendable, CaseIterable, Codable {
    case registration, benefits, trainings, offers
    case foreigners = "employing_foreigners"
    case labourCode = "labour_code"
    case employers
    case zielonaLinia = "zielona_linia"
    /// A foreigners' helpline's own: legalisation of stay, and citizenship.
    case foreignersStay = "foreigners_stay"
    case citizenship
}

public enum KBKind: String, Sendable, CaseIterable, Codable {
    /// A question with its answer.
    case faq
    /// A longer text for consultants and the public.
    case article
}

/// Draft until a reviewer publishes it; only published entries are public.
public enum KBStatus: String, Sendable, CaseIterable, Codable {
    case draft, published
}

/// One knowledge-base entry in one language. Polish entries are the source; a translation
/// names its Polish source and the source's version it was made from, so a later change of
/// the source flags the translation as out of date.
public struct KBDraft: Sendable, Equatable, Codable {
    public var kind: KBKind
    public var category: KBCategory
    public var language: String
    /// nil: national; else the office the entry is for.
    public var officeID: String?
    /// The question (FAQ) or the title (article).
    public var title: String
    /// Markdown-like text (see `KBMarkup`).
    public var body: String
    public var tags: [String]
    /// Act and article, e.g. "ustawa z 20 marca 2025 r. o rynku pracy i służbach zatrudnienia, art. 62".
    public var legalBasis: String
    /// Only staff see it (on the desktop and in the editor).
    public var internalNote: String
    public var validFrom: Date?
    public var validUntil: Date?
    /// Written for the project and not yet checked by an office's lawyer or editor.
    public var needsReview: Bool
    /// Read out by the phone's information service (the caller chooses it by its category and
    /// question and hears the answer in the carrier's voice).
    public var phone: Bool

    public init(kind: KBKind = .faq, category: KBCategory, language: String = "pl", officeID: String? = nil, title: String, body: String,
                tags: [String] = [], legalBasis: String = "", internalNote: String = "", validFrom: Date? = nil, validUntil: Date? = nil,
                needsReview: Bool = false, phone: Bool = false) {
        self.kind = kind; self.category = category; self.language = language; self.officeID = officeID; self.title = title; self.body = body
        self.tags = tags; self.legalBasis = legalBasis; self.internalNote = internalNote; self.validFrom = validFrom; self.validUntil = validUntil
        self.needsReview = needsReview; self.phone = phone
    }

    /// Versions saved before an entry could be marked for the phone have no `phone`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(kind: try c.decode(KBKind.self, forKey: .kind), category: try c.decode(KBCategory.self, forKey: .category),
                  language: try c.decode(String.self, forKey: .language), officeID: try c.decodeIfPresent(String.self, forKey: .officeID),
                  title: try c.decode(String.self, forKey: .title), body: try c.decode(String.self, forKey: .body),
                  tags: try c.decode([String].self, forKey: .tags), legalBasis: try c.decode(String.self, forKey: .legalBasis),
                  internalNote: try c.decode(String.self, forKey: .internalNote), validFrom: try c.decodeIfPresent(Date.self, forKey: .validFrom),
                  validUntil: try c.decodeIfPresent(Date.self, forKey: .validUntil), needsReview: try c.decode(Bool.self, forKey: .needsReview),
                  phone: try c.decodeIfPresent(Bool.self, forKey: .phone) ?? false)
    }

    public static let languages = ["pl", "en", "ru", "uk"]

    /// Tags as typed: comma-separated, trimmed, lower case, without repeats.
    public static func tags(_ text: String) -> [String] {
        var seen: Set<String> = []
        return text.split(separator: ",").map { KBMarkup.trimmed($0).lowercased() }
            .filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    public func problems() -> [OfferDraft.Problem] {
        var p: [OfferDraft.Problem] = []
        func length(_ field: String, _ value: String, min: Int = 0, max: Int) {
            if let problem = OfferDraft.Problem.length(field, value, min: min, max: max) { p.append(problem) }
        }
        length("title", title, min: 5, max: 300)
        length("body", body, min: 10, max: 20_000)
        length("legal_basis", legalBasis, max: 300)
        length("internal_note", internalNote, max: 5_000)
        if !Self.languages.contains(language) { p.append(.init("language", "kb.error.language")) }
        if tags.count > 12 || tags.contains(where: { $0.count > 40 }) { p.append(.init("tags", "kb.error.tags")) }
        if let from = validFrom, let until = validUntil, until < from { p.append(.init("valid_until", "event.error.end_before_start")) }
        return p
    }

    /// Shown to the public now: published, within its validity.
    public func isCurrent(on day: Date) -> Bool {
        (validFrom.map { $0 <= day } ?? true) && (validUntil.map { day <= $0 } ?? true)
    }
}

/// Files shipped with the module.
public enum KnowledgeResources {
    /// The starter knowledge base in the import format (`zielona-linia-kb/1`).
    public static var kbStarter: URL? { Bundle.module.url(forResource: "kb-starter", withExtension: "json", subdirectory: "Data") }
}
