/// A chat as its page shows it (and as the live socket sends it): the phase, a sentence on
/// where things stand, the lines with who said them and when. Texts arrive localized.
public struct ChatConversation: Codable, Sendable, Equatable {
    public struct Line: Codable, Sendable, Equatable {
        public let id: Int
        /// visitor | agent | system
        public let author: String
        public let who: String
        public let text: String
        public let time: String
        public init(id: Int, author: String, who: String, text: String, time: String) {
            self.id = id; self.author = author; self.who = who; self.text = text; self.time = time
        }
    }

    public var type = "state"
    /// waiting | talking | ended
    public let phase: String
    public let status: String
    public let lines: [Line]

    public init(phase: String, status: String, lines: [Line]) { self.phase = phase; self.status = status; self.lines = lines }

    public var isOver: Bool { phase == "ended" }
}
