import Foundation
import Portal

/// A poll or survey question of a section: single or multiple choice, open between two
/// moments, answered once per signed-in person or per browser session, its results shown after
/// one's vote or only once it has closed.
public struct PollDraft: Sendable, Equatable, Codable {
    public enum Voters: String, Sendable, Codable, CaseIterable {
        /// Signed-in people only, one vote per account.
        case signedIn = "signed_in"
        /// Anyone, one vote per browser session (no cookie of its own: the session's anti-forgery one).
        case anyone
    }

    public enum Results: String, Sendable, Codable, CaseIterable {
        case afterVoting = "after_voting"
        case afterClosing = "after_closing"
    }

    public var section: ContentSection
    /// The question in each language (Polish required; the others fall back to it).
    public var question: [String: String]
    /// Each answer's text in each language.
    public var options: [[String: String]]
    public var multiple: Bool
    public var opensAt: Date
    public var closesAt: Date
    public var voters: Voters
    public var results: Results

    public init(section: ContentSection, question: [String: String], options: [[String: String]], multiple: Bool = false,
                opensAt: Date, closesAt: Date, voters: Voters = .anyone, results: Results = .afterVoting) {
        self.section = section; self.question = question; self.options = options; self.multiple = multiple
        self.opensAt = opensAt; self.closesAt = closesAt; self.voters = voters; self.results = results
    }

    public static let maximumOptions = 12

    public func problems() -> [OfferDraft.Problem] {
        var out: [OfferDraft.Problem] = []
        if let p = OfferDraft.Problem.length("question", question["pl"] ?? "", min: 3, max: 300) { out.append(p) }
        if question.values.contains(where: { $0.count > 300 }) { out.append(.init("question", "offer.error.too_long", ["max": "300"])) }
        let filled = options.filter { !($0["pl"] ?? "").trimmingCharacters(in: .whitespaces).isEmpty }
        if filled.count < 2 || filled.count > Self.maximumOptions { out.append(.init("options", "polls.error.options", ["max": "\(Self.maximumOptions)"])) }
        if options.contains(where: { $0.values.contains { $0.count > 200 } }) { out.append(.init("options", "offer.error.too_long", ["max": "200"])) }
        if closesAt <= opensAt { out.append(.init("closes_at", "polls.error.closes_before_opens")) }
        return out
    }

    public func question(_ language: String) -> String { Self.text(question, language) }
    public func option(_ index: Int, _ language: String) -> String { options.indices.contains(index) ? Self.text(options[index], language) : "" }

    static func text(_ texts: [String: String], _ language: String) -> String {
        let own = texts[language]?.trimmingCharacters(in: .whitespaces) ?? ""
        return own.isEmpty ? texts["pl"] ?? "" : own
    }

    public func isOpen(at now: Date) -> Bool { opensAt <= now && now < closesAt }
    public func hasClosed(at now: Date) -> Bool { now >= closesAt }

    /// Whether someone sees the results: after closing always; before, only after their own
    /// vote and only when the poll says so.
    public func showsResults(hasVoted: Bool, now: Date) -> Bool {
        hasClosed(at: now) || (results == .afterVoting && hasVoted)
    }

    public enum BallotProblem: String, Error, Sendable, Equatable {
        case notOpen = "polls.error.not_open"
        case nothingChosen = "polls.error.nothing_chosen"
        case oneOnly = "polls.error.one_only"
        case unknownOption = "polls.error.unknown_option"
        case signInFirst = "polls.error.sign_in"
        case alreadyVoted = "polls.error.already_voted"
    }

    /// The chosen answers as they count, or why the vote cannot count.
    public func ballot(_ choices: [Int], signedIn: Bool, now: Date) throws(BallotProblem) -> [Int] {
        guard isOpen(at: now) else { throw .notOpen }
        if voters == .signedIn && !signedIn { throw .signInFirst }
        let chosen = Array(Set(choices)).sorted()
        guard !chosen.isEmpty else { throw .nothingChosen }
        if !multiple && chosen.count > 1 { throw .oneOnly }
        guard chosen.allSatisfy({ options.indices.contains($0) }) else { throw .unknownOption }
        return chosen
    }
}

public struct Poll: Sendable, Equatable {
    public let id: UUID
    public let draft: PollDraft
    public let published: Bool
    public let updatedAt: Date
    public init(id: UUID, draft: PollDraft, published: Bool, updatedAt: Date) { self.id = id; self.draft = draft; self.published = published; self.updatedAt = updatedAt }
}

/// How a poll was answered: votes per answer, and how many people voted.
public struct PollTally: Sendable, Equatable {
    public let votes: [Int]
    public let voters: Int
    public init(votes: [Int], voters: Int) { self.votes = votes; self.voters = voters }

    /// Each answer's share of the voters, in whole percent (multiple choice may sum past 100).
    public var percents: [Int] { votes.map { voters == 0 ? 0 : Int((Double($0) * 100 / Double(voters)).rounded()) } }
}
