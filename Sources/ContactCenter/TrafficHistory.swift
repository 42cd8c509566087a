import Foundation

/// Past traffic for demos, tests and benchmarks: Poisson arrivals (the simulator's arrival
/// model) over the working hours of each day, shaped like the centre's own figures (150–200
/// calls a day in one voivodeship, growing; a morning and an early-afternoon peak; Monday
/// busiest), a channel, topic and language mix, and each office's consultants answering its
/// real-time contacts first come, first served while callers with too little patience hang
/// up. Deterministic for a seed.
public struct TrafficHistory: Sendable {
    public struct Office: Sendable, Equatable {
        public let id: String
        public let voivodeship: String
        /// Share of the traffic (e.g. the population it serves).
        public let weight: Double
        /// Consultants answering for it; generated ids when empty.
        public let agents: [String]
        public init(id: String, voivodeship: String, weight: Double = 1, agents: [String] = []) {
            self.id = id; self.voivodeship = voivodeship; self.weight = weight; self.agents = agents
        }
    }

    public struct Parameters: Sendable, Equatable {
        /// Contacts on an ordinary weekday at the start, all channels.
        public var contactsPerDay = 175.0
        /// How much the daily volume has grown by the last day (1: doubled).
        public var growth = 1.0
        public var voiceHandleTime: TimeInterval = 240
        public var wrapUp: TimeInterval = 30
        public var patience: TimeInterval = 150
        /// Consultants staffed for this occupancy at each office's busiest hour.
        public var occupancy = 0.8
        public var seed: UInt64 = 1
        public init() {}
    }

    public struct Step: Sendable, Equatable {
        public let from: String
        public let to: String
        public let at: Date
        public let agent: String?
    }

    public struct Contact: Sendable, Equatable {
        public let id: UUID
        public let channel: String
        public let topic: String
        public let language: String
        public let officeID: String
        public let voivodeship: String
        public let clientID: UUID?
        public let arrived: Date
        public let steps: [Step]
        /// The survey rating, when the client answered one.
        public let rating: Int?
        public var state: String { steps.last?.to ?? "queued" }
        public var agent: String? { steps.last { $0.agent != nil }?.agent }
    }

    public let offices: [Office]
    public let parameters: Parameters
    let calendar: Calendar

    public init(offices: [Office], parameters: Parameters, calendar: Calendar) {
        self.offices = offices; self.parameters = parameters; self.calendar = calendar
    }

    static let channels: [(String, Double)] = [("voice", 0.64), ("chat", 0.12), ("email", 0.12), ("web_form", 0.05), ("callback", 0.04), ("sms", 0.02), ("video", 0.01)]
    static let topics: [(String, Double)] = [("registration", 0.3), ("benefits", 0.22), ("offers", 0.18), ("trainings", 0.1), ("employers", 0.08), ("foreigners", 0.07), ("other", 0.05)]
    static let languages: [(String, Double)] = [("pl", 0.9), ("uk", 0.06), ("en", 0.02), ("ru", 0.02)]
    /// Share of a day's calls per hour from 8:00 to 17:00.
    static let hours: [Double] = [0.13, 0.15, 0.13, 0.11, 0.1, 0.11, 0.1, 0.09, 0.08]
    /// Monday to Friday relative to an ordinary day; no calls at weekends.
    static let weekdays: [Double] = [1.25, 1.05, 1.0, 0.95, 0.85, 0, 0]
    static let ratings: [(Int, Double)] = [(5, 0.7), (4, 0.25), (3, 0.03), (2, 0.01), (1, 0.01)]

    /// The contacts of the day starting at `day`, `index` days after the first of `count`.
    public func day(_ day: Date, index: Int, of count: Int) -> [Contact] {
        var rng = SplitMix64(seed: parameters.seed &+ UInt64(index) &* 0x9E37_79B9)
        let weekday = (calendar.component(.weekday, from: day) + 5) % 7
        let factor = Self.weekdays[weekday] * (1 + parameters.growth * Double(index) / Double(max(1, count - 1)))
        guard factor > 0, !offices.isEmpty else { return [] }
        let totalWeight = offices.reduce(0) { $0 + $1.weight }
        let open = calendar.date(byAdding: .hour, value: 8, to: day)!
        var contacts: [Contact] = []
        for office in offices {
            let expected = parameters.contactsPerDay * factor * office.weight / totalWeight
            // Consultants for the busiest hour's real-time work at the target occupancy.
            let peakLoad = expected * Self.hours.max()! * 0.77 * parameters.voiceHandleTime / 3_600
            let staffed = max(1, Int((peakLoad / parameters.occupancy).rounded(.up)))
            let agents = office.agents.isEmpty ? (0..<staffed).map { "agent-\(office.id)-\($0 + 1)" } : office.agents
            var freeAt = [Double](repeating: 0, count: agents.count)
            var arrivals: [Double] = []
            for (h, share) in Self.hours.enumerated() {
                let rate = expected * share / 3_600
                var t = Double(h) * 3_600 + rng.exponential(mean: 1 / rate)
                while t < Double(h + 1) * 3_600 { arrivals.append(t); t += rng.exponential(mean: 1 / rate) }
            }
            for t in arrivals {
                let channel = pick(Self.channels, &rng), at = open.addingTimeInterval(t)
                let known = rng.uniform() < 0.45
                // Known clients come from a pool per office, so some come back within a week.
                let client: UUID? = known ? Self.client(office.id, Int(rng.next() % UInt64(max(20, Int(expected * 12))))) : nil
                var steps = [Step(from: "queued", to: "queued", at: at, agent: nil)]
                var rating: Int?
                let realTime = Channel(rawValue: channel)?.isLive ?? false
                let handle = rng.exponential(mean: channel == "chat" ? 360 : channel == "video" ? 600 : parameters.voiceHandleTime)
                if realTime {
                    let a = freeAt.indices.min { freeAt[$0] < freeAt[$1] }!
                    let wait = max(0, freeAt[a] - t), patience = rng.exponential(mean: parameters.patience)
                    if patience < wait {
                        steps.append(Step(from: "queued", to: "abandoned", at: at.addingTimeInterval(patience), agent: nil))
                    } else {
                        let answered = t + wait
                        freeAt[a] = answered + handle + parameters.wrapUp
                        steps += legs(at: open, answered: answered, handle: handle, agent: agents[a], transfer: rng.uniform() < 0.05 ? agents[(a + 1) % agents.count] : nil)
                        if rng.uniform() < 0.3 { rating = pick(Self.ratings, &rng) }
                    }
                } else if channel == "callback" && rng.uniform() < 0.03 {
                    steps.append(Step(from: "queued", to: "expired", at: at.addingTimeInterval(8 * 3_600), agent: nil))
                } else {
                    let answered = t + rng.exponential(mean: channel == "callback" ? 2 * 3_600 : 4 * 3_600)
                    let agent = agents[Int(rng.next() % UInt64(agents.count))]
                    steps += legs(at: open, answered: answered, handle: rng.exponential(mean: 420), agent: agent, transfer: nil)
                    if rng.uniform() < 0.2 { rating = pick(Self.ratings, &rng) }
                }
                contacts.append(Contact(id: UUID(uuid: rng.uuid()), channel: channel, topic: pick(Self.topics, &rng), language: pick(Self.languages, &rng),
                                        officeID: office.id, voivodeship: office.voivodeship, clientID: client, arrived: at, steps: steps, rating: rating))
            }
        }
        return contacts
    }

    func legs(at open: Date, answered: Double, handle: Double, agent: String, transfer: String?) -> [Step] {
        let start = open.addingTimeInterval(answered)
        var out = [Step(from: "queued", to: "offered", at: start, agent: agent), Step(from: "offered", to: "connected", at: start, agent: agent)]
        var end = start.addingTimeInterval(handle)
        if let transfer {
            let mid = start.addingTimeInterval(handle / 3)
            out += [Step(from: "connected", to: "transferred", at: mid, agent: agent), Step(from: "transferred", to: "queued", at: mid, agent: nil),
                    Step(from: "queued", to: "offered", at: mid.addingTimeInterval(5), agent: transfer),
                    Step(from: "offered", to: "connected", at: mid.addingTimeInterval(5), agent: transfer)]
            end = end.addingTimeInterval(5)
            out += [Step(from: "connected", to: "wrap_up", at: end, agent: transfer),
                    Step(from: "wrap_up", to: "closed", at: end.addingTimeInterval(parameters.wrapUp), agent: transfer)]
        } else {
            out += [Step(from: "connected", to: "wrap_up", at: end, agent: agent),
                    Step(from: "wrap_up", to: "closed", at: end.addingTimeInterval(parameters.wrapUp), agent: agent)]
        }
        return out
    }

    /// A stable client id per office and number, so the same client turns up again.
    static func client(_ office: String, _ n: Int) -> UUID {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in (office + "#\(n)").utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        var rng = SplitMix64(seed: h)
        return UUID(uuid: rng.uuid())
    }

    func pick<T>(_ weighted: [(T, Double)], _ rng: inout SplitMix64) -> T {
        var u = rng.uniform() * weighted.reduce(0) { $0 + $1.1 }
        for (v, w) in weighted { u -= w; if u <= 0 { return v } }
        return weighted.last!.0
    }
}
