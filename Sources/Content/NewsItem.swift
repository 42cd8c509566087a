import Foundation

public enum NewsStatus: String, Sendable, CaseIterable, Codable {
    case draft
    /// Written and waiting for another editor's look before it goes out.
    case review
    case published
}

/// A news item as stored: its current version, who changed it, and its image if it has one.
public struct NewsItem: Sendable, Equatable {
    public let id: UUID
    public let draft: NewsDraft
    public let status: NewsStatus
    public let version: Int
    /// For a translation: its Polish source and the source's version it was made from.
    public let sourceID: UUID?
    public let sourceVersion: Int?
    /// The voivodeship of the scope (an office's own for office news), for regional lists.
    public let voivodeship: String?
    public let image: ContentImage.Info?
    public let updatedAt: Date
    public let updatedBy: UUID

    public init(id: UUID, draft: NewsDraft, status: NewsStatus, version: Int, sourceID: UUID?, sourceVersion: Int?, voivodeship: String?,
                image: ContentImage.Info?, updatedAt: Date, updatedBy: UUID) {
        self.id = id; self.draft = draft; self.status = status; self.version = version; self.sourceID = sourceID; self.sourceVersion = sourceVersion
        self.voivodeship = voivodeship; self.image = image; self.updatedAt = updatedAt; self.updatedBy = updatedBy
    }

    /// Published, its time has come and not yet gone.
    public func isLive(at now: Date) -> Bool {
        status == .published && draft.publishAt <= now && (draft.expiresAt.map { $0 > now } ?? true)
    }

    /// The item everyone links to: the Polish source of a translation, or itself.
    public var groupID: UUID { sourceID ?? id }
}

public struct NewsVersion: Sendable, Equatable {
    public let version: Int
    public let status: NewsStatus
    public let draft: NewsDraft
    public let changedBy: UUID
    public let changedAt: Date

    public init(version: Int, status: NewsStatus, draft: NewsDraft, changedBy: UUID, changedAt: Date) {
        self.version = version; self.status = status; self.draft = draft; self.changedBy = changedBy; self.changedAt = changedAt
    }
}

public enum NewsSelection {
    /// One item per story in the reader's language: the translation into `language` when it is
    /// live, else the Polish source (a translation without a live source is not shown alone).
    public static func inLanguage(_ items: [NewsItem], _ language: String, now: Date) -> [NewsItem] {
        let live = items.filter { $0.isLive(at: now) }
        let translations = Dictionary(live.filter { $0.sourceID != nil && $0.draft.language == language }.map { ($0.sourceID!, $0) },
                                      uniquingKeysWith: { a, b in a.updatedAt >= b.updatedAt ? a : b })
        return live.filter { $0.sourceID == nil }.map { translations[$0.id] ?? $0 }
            .sorted { ($0.draft.publishAt, $0.id.uuidString) > ($1.draft.publishAt, $1.id.uuidString) }
    }
}
