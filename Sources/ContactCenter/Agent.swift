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

    /// Reasons a consultant may give for a break (catalogue keys `agent.break_<reason>`).
    public static let breakReasons = ["lunch", "training", "meeting", "technical", "other"]
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

    /// On duty: taking contacts now, or as soon as the wrap-up of the last one ends — not on a
    /// break, not signed out, not "not responding". The one availability rule of every channel.
    public var isOnDuty: Bool {
        switch state {
        case .available, .busy, .wrapUp: true
        case .onBreak, .offline, .notResponding: false
        }
    }

    /// Ready to be offered something now: on duty and past any wrap-up.
    public func isReady(now: Date) -> Bool {
        guard isOnDuty else { return false }
        if case .wrapUp(let until) = state { return until <= now }
        return true
    }

    /// Takes contacts of this channel in this language (capacity, not load): "someone chats in
    /// Ukrainian" for the chat page, or a colleague a contact may be transferred to. A contact
    /// waits for a busy or wrapping-up agent; it would wait for nobody behind a break.
    public func serves(_ channel: Channel, language: String) -> Bool {
        isOnDuty && capacity[channel, default: 0] > 0 && languages.contains(language)
    }

    /// The wrap-up is over and nothing is in hand: available again, idle since the wrap-up
    /// ended (nil: nothing to change).
    public func afterWrapUp(now: Date) -> Agent? {
        guard case .wrapUp(let until) = state, until <= now, load.values.reduce(0, +) == 0 else { return nil }
        var freed = self
        freed.state = .available; freed.idleSince = until
        return freed
    }

    /// An offer of this channel lapsed: the agent gets no more offers until they say they are
    /// back (a consultant who walked away must not be offered every waiting call in turn).
    public func lapsedOffer(of channel: Channel) -> Agent {
        var a = self
        a.load[channel] = max(0, a.load[channel, default: 0] - 1)
        a.state = .notResponding
        return a
    }

    /// Room for one more contact of some channel (a call or video in hand fills the agent).
    public var hasRoom: Bool {
        if load[.voice, default: 0] > 0 || load[.video, default: 0] > 0 { return false }
        return capacity.contains { channel, c in load[channel, default: 0] < c }
    }

    /// Free to be offered this interaction now: ready, with room in the channel (a call takes
    /// the whole agent), with the language and topic, and not someone who passed it up.
    public func canTake(_ i: Interaction, now: Date) -> Bool {
        guard isReady(now: now) else { return false }
        if let only = i.onlyAgent, only != id { return false }
        guard !i.passedBy.contains(id), languages.contains(i.language), topics.isEmpty || topics.contains(i.topic) else { return false }
        let total = load.values.reduce(0, +)
        if load[.voice, default: 0] > 0 || load[.video, default: 0] > 0 { return false }
        if (i.channel == .voice || i.channel == .video || i.channel == .callback) && total > 0 { return false }
        return load[i.channel, default: 0] < capacity[i.channel, default: 0]
    }
}
