import Foundation

/// One entry of a section's menu: a label in each language (Polish required, others fall back to
/// it) and where it leads — a page of the site or a web address.
public struct MenuItem: Sendable, Equatable, Codable {
    public var id: UUID
    public var parentID: UUID?
    public var labels: [String: String]
    public var target: String
    public var position: Int

    public init(id: UUID = UUID(), parentID: UUID? = nil, labels: [String: String], target: String, position: Int = 0) {
        self.id = id; self.parentID = parentID; self.labels = labels; self.target = target; self.position = position
    }

    public func label(_ language: String) -> String {
        let own = labels[language]?.trimmingCharacters(in: .whitespaces) ?? ""
        return own.isEmpty ? labels["pl"] ?? "" : own
    }

    /// A site path (`/pages/kontakt`, `/offers?q=…`) or an https/http address; nothing else
    /// (no `javascript:`, no `//host` that leaves the site unannounced).
    public static func isTarget(_ s: String) -> Bool {
        guard s.count <= 500, !s.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" }) else { return false }
        if s.hasPrefix("/") { return !s.hasPrefix("//") && !s.contains("\\") }
        return PartnerDraft.isWebAddress(s)
    }
}

/// A section's menu as a tree, checked: no entry is its own ancestor (a loop would never end
/// rendering), parents exist, and it is at most three levels deep.
public struct MenuTree: Sendable, Equatable {
    public struct Node: Sendable, Equatable {
        public let item: MenuItem
        public let children: [Node]
    }

    public enum Problem: Error, Equatable, Sendable {
        case loop(UUID)
        case missingParent(UUID)
        case tooDeep(UUID)
        case label(UUID)
        case target(UUID)
    }

    public static let maximumDepth = 3
    public let roots: [Node]

    public init(_ items: [MenuItem]) throws(Problem) {
        let byID = Dictionary(items.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for item in items {
            if (item.labels["pl"] ?? "").trimmingCharacters(in: .whitespaces).isEmpty || item.labels.values.contains(where: { $0.count > 80 }) {
                throw .label(item.id)
            }
            if !MenuItem.isTarget(item.target) { throw .target(item.id) }
            var seen: Set<UUID> = [item.id], depth = 1, parent = item.parentID
            while let p = parent {
                guard let up = byID[p] else { throw .missingParent(item.id) }
                guard seen.insert(p).inserted else { throw .loop(item.id) }
                depth += 1
                if depth > Self.maximumDepth { throw .tooDeep(item.id) }
                parent = up.parentID
            }
        }
        let children = Dictionary(grouping: items, by: \.parentID)
        func nodes(_ parent: UUID?) -> [Node] {
            (children[parent] ?? []).sorted { ($0.position, $0.label("pl")) < ($1.position, $1.label("pl")) }
                .map { Node(item: $0, children: nodes($0.id)) }
        }
        roots = nodes(nil)
    }

    public var isEmpty: Bool { roots.isEmpty }
}
