/// The topics of the portal's forum, beside the national forum and each office's own.
public enum ForumTopic: String, CaseIterable, Sendable {
    case jobSearch = "job-search"
    case training
    case benefits
    case foreigners
    case employers
}

/// Where a thread is: the national forum, a topic's, or an office's. Office forums need no row of
/// their own: every office of the directory has one, empty until someone writes.
public enum ForumCategory: Hashable, Sendable {
    case national
    case topic(ForumTopic)
    case office(String)

    /// The category named by the last part of its address (`national`, a topic, an office id).
    public init?(slug: String) {
        if slug == "national" { self = .national }
        else if let topic = ForumTopic(rawValue: slug) { self = .topic(topic) }
        else if Self.isOfficeID(slug) { self = .office(slug) }
        else { return nil }
    }

    public var slug: String {
        switch self {
        case .national: "national"
        case .topic(let t): t.rawValue
        case .office(let id): id
        }
    }

    /// Whose moderators keep it: an office's (nil: the national moderators').
    public var officeID: String? {
        if case .office(let id) = self { return id }
        return nil
    }

    /// The national forum and the topics, in the order the forum's front page lists them.
    public static let shared: [ForumCategory] = [.national] + ForumTopic.allCases.map { .topic($0) }

    /// Directory office ids: `pup-2002`, `wup-20`, `uw-10` — lowercase letters, a hyphen, digits.
    static func isOfficeID(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[0].allSatisfy { $0.isASCII && $0.isLowercase }
            && !parts[1].isEmpty && parts[1].count <= 6 && parts[1].allSatisfy { $0.isASCII && $0.isNumber }
    }
}
