import Vapor
import Fluent
import NIOConcurrencyHelpers
import Views
import Content
import Storage

/// The sections' menus, the home page's blocks and which pages are closed zones, in memory for
/// every page: set when an editor saves, read again from the database every half minute.
final class SiteMenus: Sendable {
    struct State: Sendable {
        var menus: [ContentSection: MenuTree] = [:]
        var homeBlocks: [String]? = nil
        /// Published pages of closed zones by path: their links show only to who may open them.
        var closed: [String: ContentAudience] = [:]
    }

    private let state = NIOLockedValueBox(State())

    var current: State { state.withLockedValue { $0 } }

    func reload(_ db: any Database) async throws {
        var next = State()
        for (section, items) in try await MenuStore(db: db).all() {
            // A stored menu was checked when saved; one that fails now is left out, not shown broken.
            if let tree = try? MenuTree(items) { next.menus[section] = tree }
        }
        next.homeBlocks = try await MenuStore(db: db).homeBlocks()
        for page in try await PageStore(db: db).all(sections: nil) where page.sourceID == nil && page.draft.audience != .everyone {
            next.closed[page.path] = page.draft.audience
        }
        state.withLockedValue { $0 = next }
    }

    /// A section's menu in a language, without the entries a viewer may not open (and their sub-entries).
    func links(_ section: ContentSection, language: String, viewer: ContentViewer) -> [MenuLink] {
        let s = current
        guard let tree = s.menus[section] else { return [] }
        func convert(_ nodes: [MenuTree.Node]) -> [MenuLink] {
            nodes.compactMap { n in
                if let zone = s.closed[n.item.target], !zone.admits(viewer) { return nil }
                return MenuLink(label: n.item.label(language), href: n.item.target, children: convert(n.children))
            }
        }
        return convert(tree.roots)
    }

    static let job = RepeatingJob("menus reload", every: .seconds(30)) { app in
        { try await app.services.menus.reload(app.db) }
    }
}
