import Foundation
import Portal

/// Where a post stands. `pending`: a new member's post waiting for a moderator; `held`: reported
/// by enough readers to be hidden until a moderator looks; `hidden`: hidden by a moderator, with
/// a reason; `erased`: its author's account was erased, so its text is gone.
public enum ForumPostStatus: String, CaseIterable, Sendable {
    case pending, visible, held, hidden, erased
}

/// What a member writes: a thread's title (a reply has none) and the text.
public struct ForumPostDraft: Sendable, Equatable {
    public var title: String?
    public var body: String

    public static let titleLength = 5...150
    public static let bodyLength = 2...10_000

    public init(title: String?, body: String) {
        self.title = title.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        self.body = body.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public enum Problem: String, Error, Sendable, CaseIterable {
        case titleLength = "forum.error.title_length"
        case bodyLength = "forum.error.body_length"
        /// Nothing but symbols: no word to read.
        case noWords = "forum.error.no_words"
    }

    /// What stops the draft being posted, each naming its field and the limits its message needs.
    public func problems() -> [OfferDraft.Problem] {
        func bounds(_ r: ClosedRange<Int>) -> [String: String] { ["min": "\(r.lowerBound)", "max": "\(r.upperBound)"] }
        var out: [OfferDraft.Problem] = []
        if let title, !Self.titleLength.contains(title.count) { out.append(.init("title", Problem.titleLength.rawValue, bounds(Self.titleLength))) }
        if !Self.bodyLength.contains(body.count) { out.append(.init("body", Problem.bodyLength.rawValue, bounds(Self.bodyLength))) }
        else if !body.contains(where: \.isLetter) { out.append(.init("body", Problem.noWords.rawValue)) }
        return out
    }
}

/// The forum's house rules that code enforces.
public enum ForumRules {
    /// A member's first posts wait for a moderator, until this many were let through.
    public static let premoderatedPosts = 3
    /// Reports by this many different members hide a post until a moderator looks.
    public static let reportsToHold = 3
    /// A member may post this many times in `floodWindow`, and `postsPerDay` in a day.
    public static let postsPerWindow = 5
    public static let floodWindow: TimeInterval = 600
    public static let postsPerDay = 40
    /// A nickname: what the forum shows instead of a member's name.
    public static let nicknameLength = 3...30

    /// How a new post starts: a new member's waits for a moderator.
    public static func status(approvedPosts: Int) -> ForumPostStatus {
        approvedPosts < premoderatedPosts ? .pending : .visible
    }

    /// Whether one more post now would flood: `recent` are the member's posts of the last day.
    public static func floods(recent: [Date], now: Date) -> Bool {
        recent.count >= postsPerDay || recent.filter { now.timeIntervalSince($0) < floodWindow }.count >= postsPerWindow
    }

    /// The nickname as stored, or nil when it is not one: letters, digits, spaces, `.`, `-`, `_`.
    public static func nickname(_ raw: String) -> String? {
        let n = raw.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard nicknameLength.contains(n.count), n.contains(where: \.isLetter),
              n.allSatisfy({ $0.isLetter || $0.isNumber || " .-_".contains($0) }) else { return nil }
        return n
    }
}
