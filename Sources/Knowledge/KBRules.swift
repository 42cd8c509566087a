import Foundation
import TextSearch

/// Who reads the knowledge base, and so which entries they see.
public enum KBAudience: Sendable, Equatable {
    /// The public: published entries within their validity, national ones and those of this
    /// office (nil: national only).
    case visitor(office: String?)
    /// Staff see every state and date; national entries plus this office's (nil: every office).
    case staff(office: String?)

    public init(staff: Bool, office: String?) { self = staff ? .staff(office: office) : .visitor(office: office) }

    /// Whether anyone may read the entry: published and within its validity dates.
    public static func isPublic(_ e: StoredKB, now: Date) -> Bool { e.status == .published && e.draft.isCurrent(on: now) }

    public func admits(_ e: StoredKB, now: Date) -> Bool {
        switch self {
        case .visitor(let office):
            guard Self.isPublic(e, now: now) else { return false }
            return e.draft.officeID == nil || e.draft.officeID == office
        case .staff(let office):
            guard let office else { return true }
            return e.draft.officeID == nil || e.draft.officeID == office
        }
    }
}

/// The order of search results: every word in the question first, then in the tags, then
/// only in the answer; then the most helpful, the newest, and the id so pages are stable.
public enum KBRanking {
    public static func field(_ e: StoredKB, query: SearchQuery?, analyzer: Analyzer) -> Int {
        guard let query else { return 0 }
        let tokens = rankingTokens(e, analyzer: analyzer)
        if query.isMatched(byTokens: tokens.title) { return 2 }
        if query.isMatched(byTokens: tokens.tags) { return 1 }
        return 0
    }

    /// The question's and the tags' tokens, made once per version of an entry (and analyzer):
    /// every search ranks every entry it matched, and stemming them again was most of its cost.
    static func rankingTokens(_ e: StoredKB, analyzer: Analyzer) -> (title: Set<String>, tags: Set<String>) {
        let key = "\(e.id.uuidString)/\(e.version)/\(analyzer.signature)"
        if let known = memo.lock.withLock({ memo.tokens[key] }) { return known }
        let made = (tokenSet(analyzer.indexTokens(e.draft.title)), tokenSet(analyzer.indexTokens(e.draft.tags.joined(separator: " "))))
        memo.lock.withLock {
            if memo.tokens.count >= 20_000 { memo.tokens.removeAll(keepingCapacity: true) }
            memo.tokens[key] = made
        }
        return made
    }

    private static func tokenSet(_ tokens: String) -> Set<String> { Set(tokens.split(separator: " ").map(String.init)) }

    private final class Memo: @unchecked Sendable {
        let lock = NSLock()
        var tokens: [String: (title: Set<String>, tags: Set<String>)] = [:]
    }
    private static let memo = Memo()

    public static func order(_ entries: [StoredKB], query: SearchQuery?, analyzer: Analyzer) -> [StoredKB] {
        entries.map { ($0, field($0, query: query, analyzer: analyzer)) }.sorted { a, b in
            if a.1 != b.1 { return a.1 > b.1 }
            let ha = a.0.helpfulYes - a.0.helpfulNo, hb = b.0.helpfulYes - b.0.helpfulNo
            if ha != hb { return ha > hb }
            if a.0.updatedAt != b.0.updatedAt { return a.0.updatedAt > b.0.updatedAt }
            return a.0.id.uuidString < b.0.id.uuidString
        }.map(\.0)
    }

    /// The index tokens of an entry: question in the title field, tags and answer in the body.
    public static func tokens(_ d: KBDraft, analyzer: Analyzer) -> SearchTokens {
        SearchTokens(title: analyzer.indexTokens(d.title), body: analyzer.indexTokens(d.tags.joined(separator: " ") + "\n" + KBMarkup.plainText(d.body)))
    }
}

/// What the knowledge base needs from storage. Storage implements it on both databases.
public protocol KnowledgeRepository: Sendable {
    func find(_ id: UUID) async throws -> StoredKB?
    func translations(of id: UUID) async throws -> [StoredKB]
    func versions(of id: UUID) async throws -> [KBVersion]
    func search(_ c: KBCriteria, analyzer: Analyzer, now: Date) async throws -> (total: Int, items: [StoredKB])
    func create(_ d: KBDraft, status: KBStatus, by: UUID, sourceID: UUID?, analyzer: Analyzer, now: Date) async throws -> UUID
    func update(_ id: UUID, _ d: KBDraft, status: KBStatus, expectedVersion: Int, by: UUID, analyzer: Analyzer, now: Date) async throws -> Int
    func delete(_ id: UUID) async throws
    func rate(_ id: UUID, helpful: Bool) async throws
}
