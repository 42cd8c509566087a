import Foundation

/// One line of a live chat: said by the visitor, by the consultant, or a notice of the system
/// (e.g. "the visitor ended the chat").
public struct ChatLine: Sendable, Equatable, Codable {
    public enum Author: String, Sendable, Codable { case visitor, agent, system }

    /// Increasing within the database; the order of the transcript.
    public let id: Int
    public let author: Author
    public let text: String
    public let at: Date

    public init(id: Int, author: Author, text: String, at: Date) {
        self.id = id; self.author = author; self.text = text; self.at = at
    }

    /// The longest line anyone may send (a long answer is several lines).
    public static let maximumText = 2_000
    /// A chat longer than this is not a chat: it is refused further lines.
    public static let maximumLines = 500

    public enum TextError: Error, Equatable { case empty, tooLong }

    /// The text as it is stored: trimmed, not empty, not too long. Markup stays text.
    public static func text(_ raw: String) throws(TextError) -> String {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw .empty }
        guard text.count <= maximumText else { throw .tooLong }
        return text
    }
}

/// Where a chat stands for its visitor.
public enum ChatPhase: String, Sendable, Equatable, Codable {
    /// Waiting for a consultant (queued, or offered and not yet accepted).
    case waiting
    case talking
    /// Over: ended by either side, or given up.
    case ended

    public static func of(_ state: InteractionState, visitorEnded: Bool) -> ChatPhase {
        if visitorEnded { return .ended }
        switch state {
        case .queued, .offered, .transferred: return .waiting
        case .connected: return .talking
        case .wrapUp, .closed, .abandoned, .expired: return .ended
        }
    }
}
