import Foundation

/// Who may see a piece of portal content: everyone, or only a closed zone's signed-in people.
public enum ContentAudience: String, Sendable, CaseIterable, Codable {
    case everyone
    case seekers
    case employers
    case staff

    /// Whether someone reading as `viewer` sees it. Staff see every zone (they answer questions
    /// about all of them); a zone's own people see theirs; anonymous visitors only what is open.
    public func admits(_ viewer: ContentViewer) -> Bool {
        switch (self, viewer) {
        case (.everyone, _), (_, .staff): true
        case (.seekers, .seeker), (.employers, .employer): true
        default: false
        }
    }

    /// The zones a viewer sees, for a query's `IN (…)`.
    public static func visible(to viewer: ContentViewer) -> [ContentAudience] { allCases.filter { $0.admits(viewer) } }
}

/// Who is reading: nobody signed in, or a signed-in account of one kind.
public enum ContentViewer: Sendable, Equatable {
    case anonymous, seeker, employer, staff
}
