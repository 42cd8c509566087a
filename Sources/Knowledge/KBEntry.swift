import Foundation
import TextSearch

/// A knowledge-base entry as stored.
public struct StoredKB: Sendable, Equatable {
    public let id: UUID
    public let draft: KBDraft
    public let status: KBStatus
    public let version: Int
    /// For a translation: its Polish source and the source's version it was made from.
    public let sourceID: UUID?
    public let sourceVersion: Int?
    public let updatedAt: Date
    public let updatedBy: UUID
    public let helpfulYes: Int
    public let helpfulNo: Int

    public init(id: UUID, draft: KBDraft, status: KBStatus, version: Int, sourceID: UUID? = nil, sourceVersion: Int? = nil, updatedAt: Date, updatedBy: UUID, helpfulYes: Int, helpfulNo: Int) {
        self.id = id; self.draft = draft; self.status = status; self.version = version; self.sourceID = sourceID; self.sourceVersion = sourceVersion; self.updatedAt = updatedAt; self.updatedBy = updatedBy; self.helpfulYes = helpfulYes; self.helpfulNo = helpfulNo
    }
}

public struct KBVersion: Sendable, Equatable {
    public let version: Int
    public let status: KBStatus
    public let draft: KBDraft
    public let changedBy: UUID
    public let changedAt: Date

    public init(version: Int, status: KBStatus, draft: KBDraft, changedBy: UUID, changedAt: Date) {
        self.version = version; self.status = status; self.draft = draft; self.changedBy = changedBy; self.changedAt = changedAt
    }
}

public enum KBStoreError: Error, Equatable {
    case notFound
    /// Someone saved the entry since it was opened: their version, who and when.
    case changedMeanwhile(version: Int, by: UUID, at: Date)
    /// A translation must name an existing Polish entry.
    case sourceMissing
    /// A Polish entry with translations cannot be deleted before them.
    case hasTranslations(Int)
}

public struct KBCriteria: Sendable {
    public var query: SearchQuery?
    public var language: String
    public var category: KBCategory?
    /// Public: national entries plus this office's (nil: national only). Staff: every office.
    public var office: String?
    public var staff: Bool
    public var page: Int
    public var perPage: Int
    public init(query: SearchQuery?, language: String, category: KBCategory? = nil, office: String? = nil, staff: Bool = false,
                page: Int = 1, perPage: Int = 20) {
        self.query = query; self.language = language; self.category = category; self.office = office; self.staff = staff
        self.page = page; self.perPage = perPage
    }
}
