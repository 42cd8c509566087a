import Foundation

/// One contact as the reports see it: what it was and the state changes it went through, in
/// order (the contact centre's event stream, `cc_events`). States are named as the contact
/// centre names them (`queued`, `offered`, `connected`, `wrap_up`, `closed`, `abandoned`,
/// `expired`, `transferred`); this module does not depend on the contact centre's types.
public struct ContactTrace: Sendable, Equatable {
    public struct Step: Sendable, Equatable {
        public let state: String
        public let at: Date
        public let agent: String?
        public init(_ state: String, at: Date, agent: String? = nil) { self.state = state; self.at = at; self.agent = agent }
    }

    public let id: UUID
    public let channel: String
    public let officeID: String
    public let topic: String
    public let language: String
    /// The client, when known: repeat contacts are counted per client.
    public let clientID: UUID?
    /// The number a call came in on (19524, 9510…), when known.
    public let line: String?
    public let steps: [Step]

    public init(id: UUID = UUID(), channel: String, officeID: String, topic: String, language: String = "pl", clientID: UUID? = nil,
                line: String? = nil, steps: [Step]) {
        self.id = id; self.channel = channel; self.officeID = officeID; self.topic = topic; self.language = language
        self.clientID = clientID; self.line = line; self.steps = steps
    }

    /// What happened to the contact, read once from its steps.
    public var outcome: ContactOutcome { ContactOutcome(self) }
}

/// The facts of one contact that every metric is computed from.
public struct ContactOutcome: Sendable, Equatable {
    public enum End: String, Sendable { case answered, abandoned, expired, open }

    /// When it first entered a queue.
    public let arrived: Date
    public let end: End
    /// Arrival to the first answer (answered), or to the hang-up (abandoned), or until now
    /// unknown (open, expired: nil).
    public let wait: TimeInterval?
    /// Connected time, summed over its legs (a transfer makes a second leg).
    public let talk: TimeInterval
    /// Wrap-up time, summed over its legs.
    public let wrapUp: TimeInterval
    public let transferred: Bool
    /// The agent who first answered it.
    public let agent: String?

    init(_ t: ContactTrace) {
        // In the order they happened (the stream's sequence): two changes can share a moment.
        let steps = t.steps
        arrived = steps.first?.at ?? .distantPast
        var answeredAt: Date?, abandonedAt: Date?, expired = false, transferred = false, agent: String?
        var talk = 0.0, wrap = 0.0, connectedSince: Date?, wrapSince: Date?
        for s in steps {
            switch s.state {
            case "connected":
                if answeredAt == nil { answeredAt = s.at; agent = s.agent }
                connectedSince = s.at
            case "wrap_up":
                if let c = connectedSince { talk += s.at.timeIntervalSince(c); connectedSince = nil }
                wrapSince = s.at
            case "transferred":
                if let c = connectedSince { talk += s.at.timeIntervalSince(c); connectedSince = nil }
                transferred = true
            case "closed":
                if let w = wrapSince { wrap += s.at.timeIntervalSince(w); wrapSince = nil }
            case "abandoned":
                // A contact answered once and given up after a transfer counts as answered.
                if answeredAt == nil { abandonedAt = s.at }
            case "expired":
                if answeredAt == nil { expired = true }
            default: break
            }
        }
        self.talk = talk; self.wrapUp = wrap; self.transferred = transferred; self.agent = agent
        if let answeredAt {
            end = .answered; wait = answeredAt.timeIntervalSince(arrived)
        } else if let abandonedAt {
            end = .abandoned; wait = abandonedAt.timeIntervalSince(arrived)
        } else {
            end = expired ? .expired : .open; wait = nil
        }
    }

    public var handleTime: TimeInterval { talk + wrapUp }
}
