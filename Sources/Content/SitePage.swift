import Foundation
import Portal
import Knowledge

/// The part of the portal a page, a menu or a news item belongs to, and whose editors keep it.
public enum ContentSection: Sendable, Equatable, Hashable, Codable {
    /// The whole portal: its main menu, home page and own pages (portal editors).
    case portal
    /// One office's section: its pages and menu (that office's editors).
    case office(String)

    public var key: String { switch self { case .portal: "portal"; case .office(let id): "office:" + id } }

    public init?(key: String) {
        if key == "portal" { self = .portal; return }
        guard key.hasPrefix("office:"), key.count > 7 else { return nil }
        self = .office(String(key.dropFirst(7)))
    }

    public var officeID: String? { if case .office(let id) = self { id } else { nil } }
}

/// A page of a section as an editor writes it, in the safe markup of the knowledge base.
public struct PageDraft: Sendable, Equatable, Codable {
    public var language: String
    /// The last part of its address: lower-case letters, digits and hyphens.
    public var slug: String
    public var title: String
    public var body: String
    public var audience: ContentAudience

    public init(language: String, slug: String, title: String, body: String, audience: ContentAudience = .everyone) {
        self.language = language; self.slug = slug; self.title = title; self.body = body; self.audience = audience
    }

    public func problems() -> [OfferDraft.Problem] {
        var out: [OfferDraft.Problem] = []
        if !NewsDraft.languages.contains(language) { out.append(.init("language", "search.error.choice")) }
        if !Self.isSlug(slug) { out.append(.init("slug", "pages.error.slug")) }
        if let p = OfferDraft.Problem.length("title", title, min: 2, max: 200) { out.append(p) }
        if let p = OfferDraft.Problem.length("body", body, min: 1, max: 50_000) { out.append(p) }
        return out
    }

    /// `kontakt`, `godziny-otwarcia`: 1–60 of a–z, 0–9 and inner hyphens.
    public static func isSlug(_ s: String) -> Bool {
        (1...60).contains(s.count) && s.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
            && !s.hasPrefix("-") && !s.hasSuffix("-") && !s.contains("--")
    }
}

/// A page as stored.
public struct SitePage: Sendable, Equatable {
    public let id: UUID
    public let section: ContentSection
    public let draft: PageDraft
    public let status: NewsStatus
    public let version: Int
    public let sourceID: UUID?
    public let sourceVersion: Int?
    public let updatedAt: Date
    public let updatedBy: UUID

    public init(id: UUID, section: ContentSection, draft: PageDraft, status: NewsStatus, version: Int, sourceID: UUID?, sourceVersion: Int?,
                updatedAt: Date, updatedBy: UUID) {
        self.id = id; self.section = section; self.draft = draft; self.status = status; self.version = version; self.sourceID = sourceID
        self.sourceVersion = sourceVersion; self.updatedAt = updatedAt; self.updatedBy = updatedBy
    }

    /// Its address on the portal.
    public var path: String { Self.path(section, draft.slug) }

    public static func path(_ section: ContentSection, _ slug: String) -> String {
        switch section {
        case .portal: "/pages/" + slug
        case .office(let id): "/offices/" + id + "/pages/" + slug
        }
    }
}

/// Links inside a text to pages a reader may not open (a closed zone's) are shown as plain
/// text: the words stay, the way in is only for those it is for.
public enum PageLinks {
    /// The site paths a text links to.
    public static func targets(_ blocks: [KBMarkup.Block]) -> Set<String> {
        var out = Set<String>()
        func scan(_ runs: [KBMarkup.Inline]) { for case .link(_, let href) in runs where href.hasPrefix("/") { out.insert(href) } }
        for b in blocks {
            switch b {
            case .heading(let r), .paragraph(let r): scan(r)
            case .list(let items): items.forEach(scan)
            }
        }
        return out
    }

    public static func hiding(_ blocks: [KBMarkup.Block], _ hidden: Set<String>) -> [KBMarkup.Block] {
        guard !hidden.isEmpty else { return blocks }
        func strip(_ runs: [KBMarkup.Inline]) -> [KBMarkup.Inline] {
            runs.map { if case .link(let text, let href) = $0, hidden.contains(href) { .text(text) } else { $0 } }
        }
        return blocks.map { b in
            switch b {
            case .heading(let r): .heading(strip(r))
            case .paragraph(let r): .paragraph(strip(r))
            case .list(let items): .list(items.map(strip))
            }
        }
    }
}
