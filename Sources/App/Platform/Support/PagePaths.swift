import Vapor

/// The addresses a browser can open (the GET routes): a page answering a form (a POST) links
/// to itself in other languages only when its address is one of them, and otherwise to the
/// page the form was on — a link to an address that only takes forms would be a 404.
struct PagePaths: Sendable {
    let patterns: [[PathComponent]]

    init(_ routes: Routes) { patterns = routes.all.filter { $0.method == .GET }.map(\.path) }

    func opens(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        return patterns.contains { pattern in
            if pattern.last == .catchall { return parts.count >= pattern.count - 1 && zip(pattern, parts).allSatisfy(Self.matches) }
            return pattern.count == parts.count && zip(pattern, parts).allSatisfy(Self.matches)
        }
    }

    static func matches(_ component: PathComponent, _ part: String) -> Bool {
        switch component {
        case .constant(let c): c == part
        case .parameter, .anything, .catchall: true
        }
    }
}

extension Application {
    private struct PagePathsKey: StorageKey { typealias Value = PagePaths }
    var pagePaths: PagePaths? {
        get { storage[PagePathsKey.self] }
        set { storage[PagePathsKey.self] = newValue }
    }
}
