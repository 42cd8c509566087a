import Foundation

/// What an agent (consultant) is doing.
public enum AgentState: Sendable, Equatable, Codable {
    case available
    /// Handling at least one interaction.
    case busy
    /// After an interaction, until the given moment.
    case wrapUp(until: Date)
    case onBreak(reason: String)
    case offline
    /// An offer lapsed: no more offers until the agent says they are back.
    case notResponding
}

/// A consultant as the router sees one: where they work, what they can handle and how much.
public struct Agent: Sendable, Equatable, Identifiable {
    public let id: String
    public var offices: Set<String>
    /// The voivodeships of those offices (overflow within a voivodeship goes to these agents).
    public var voivodeships: Set<String>
    /// Agents of the national contact centre take what overflows from everywhere.
    public var nationalPool: Bool
    public var languages: Set<String>
    /// Empty: every topic.
    public var topics: Set<String>
    /// How many interactions of a channel at once (e.g. 1 call, 3 chats); absent: none.
    public var capacity: [Channel: Int]
    public var load: [Channel: Int] = [:]
    public var state: AgentState
    /// Since when the agent has had nothing to do: longest idle is offered first.
    public var idleSince: Date

    public init(id: String, offices: Set<String>, voivodeships: Set<String>, nationalPool: Bool = false, languages: Set<String> = ["pl"],
                topics: Set<String> = [], capacity: [Channel: Int] = [.voice: 1, .chat: 3, .email: 5, .webForm: 5, .callback: 1, .sms: 5, .video: 1],
                state: AgentState = .available, idleSince: Date) {
        self.id = id; self.offices = offices; self.voivodeships = voivodeships; self.nationalPool = nationalPool; self.languages = languages
        self.topics = topics; self.capacity = capacity; self.state = state; self.idleSince = idleSince
    }

    /// Logged in (whatever they are doing): an office counts as staffed while one of its agents is.
    public var isLoggedIn: Bool { state != .offline }

    /// Free to be offered this interaction now: ready, with room in the channel (a call takes
    /// the whole agent), with the language and topic, and not someone who passed it up.
    public func canTake(_ i: Interaction, now: Date) -> Bool {
        switch state {
        case .available, .busy: break
        case .wrapUp(let until): guard until <= now else { return false }
        case .onBreak, .offline, .notResponding: return false
        }
        if let only = i.onlyAgent, only != id { return false }
        guard !i.passedBy.contains(id), languages.contains(i.language), topics.isEmpty || topics.contains(i.topic) else { return false }
        let total = load.values.reduce(0, +)
        if load[.voice, default: 0] > 0 || load[.video, default: 0] > 0 { return false }
        if (i.channel == .voice || i.channel == .video || i.channel == .callback) && total > 0 { return false }
        return load[i.channel, default: 0] < capacity[i.channel, default: 0]
    }
}
