import Foundation
import Directory

/// One contact in any channel, from arrival to close. Every change of state is an event with
/// its time; reporting reads the events.
public struct Interaction: Sendable, Equatable, Identifiable {
    public let id: UUID
    public let channel: Channel
    public var clientID: UUID?
    /// ISO 639-1; a routing skill.
    public var language: String
    /// A routing skill, e.g. "registration", "benefits", "offers".
    public var topic: String
    /// The office it belongs to (from the client, the caller's postal code or the form's powiat).
    public var officeID: String
    public var voivodeshipCode: String
    public private(set) var state: InteractionState
    /// When it (last) entered the queue: waiting time and overflow count from here.
    public private(set) var queuedAt: Date
    /// Higher goes first (e.g. a callback that is due, a returning caller).
    public var priority: Int
    /// Agents who declined it or let the offer lapse; it is not offered to them again.
    public private(set) var passedBy: Set<String> = []
    public private(set) var agentID: String?
    public private(set) var offeredAt: Date?
    /// A transfer to one named agent: only that agent may take it.
    public var onlyAgent: String?

    public init(id: UUID = UUID(), channel: Channel, clientID: UUID? = nil, language: String, topic: String, officeID: String,
                voivodeshipCode: String, queuedAt: Date, priority: Int = 0) {
        self.id = id; self.channel = channel; self.clientID = clientID; self.language = language; self.topic = topic
        self.officeID = officeID; self.voivodeshipCode = voivodeshipCode; self.state = .queued; self.queuedAt = queuedAt
        self.priority = priority
    }

    /// An interaction as it was stored.
    public init(restoring id: UUID, channel: Channel, clientID: UUID?, language: String, topic: String, officeID: String, voivodeshipCode: String,
                state: InteractionState, queuedAt: Date, priority: Int, passedBy: Set<String>, agentID: String?, offeredAt: Date?, onlyAgent: String?) {
        self.init(id: id, channel: channel, clientID: clientID, language: language, topic: topic, officeID: officeID,
                  voivodeshipCode: voivodeshipCode, queuedAt: queuedAt, priority: priority)
        self.state = state; self.passedBy = passedBy; self.agentID = agentID; self.offeredAt = offeredAt; self.onlyAgent = onlyAgent
    }

    public struct Event: Sendable, Equatable {
        public let interactionID: UUID
        public let from: InteractionState
        public let to: InteractionState
        public let at: Date
        public let agentID: String?
        public let note: String?
        public init(interactionID: UUID, from: InteractionState, to: InteractionState, at: Date, agentID: String?, note: String?) {
            self.interactionID = interactionID; self.from = from; self.to = to; self.at = at; self.agentID = agentID; self.note = note
        }
    }

    public enum MoveError: Error, Equatable {
        case notAllowed(from: InteractionState, to: InteractionState)
        /// Someone else holds it (e.g. two agents accepting the same offer).
        case heldByAnother(String)
    }

    /// Moves to `next`, checking the state machine, and returns the event to record.
    public mutating func move(to next: InteractionState, at time: Date, agent: String? = nil, note: String? = nil) throws(MoveError) -> Event {
        guard state.canMove(to: next) else { throw .notAllowed(from: state, to: next) }
        if next == .connected, let holder = agentID, holder != agent { throw .heldByAnother(holder) }
        let event = Event(interactionID: id, from: state, to: next, at: time, agentID: agent ?? agentID, note: note)
        switch next {
        case .offered: agentID = agent; offeredAt = time
        case .queued:
            if state == .offered, let previous = agentID { passedBy.insert(previous) }
            if state == .transferred { queuedAt = time; passedBy = [] }
            agentID = nil; offeredAt = nil
        case .transferred: agentID = nil; offeredAt = nil
        default: break
        }
        state = next
        return event
    }

    /// Points an interaction at another office (a transfer), keeping its skills.
    /// Whether its office answers a line of its own (another operator on the same engine):
    /// then it never overflows beyond that office.
    public var isOnOwnLine: Bool { officeID.hasPrefix(Office.ownLinePrefix) }

    /// Whether it may be transferred to this office: a helpline's contact stays with its office,
    /// a labour office's with labour offices.
    public func staysOnItsLine(at office: Office) -> Bool { isOnOwnLine ? office.id == officeID : !office.answersOwnLine }

    /// Whether this consultant works on its line (a transfer to them by name).
    public func staysOnItsLine(with agent: Agent) -> Bool {
        isOnOwnLine ? agent.offices.contains(officeID) : !agent.offices.contains { $0.hasPrefix(Office.ownLinePrefix) }
    }

    public mutating func retarget(officeID: String, voivodeshipCode: String, topic: String? = nil, onlyAgent: String? = nil) {
        self.officeID = officeID; self.voivodeshipCode = voivodeshipCode
        if let topic { self.topic = topic }
        self.onlyAgent = onlyAgent
    }
}
