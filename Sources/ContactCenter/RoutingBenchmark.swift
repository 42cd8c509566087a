import Foundation

/// A routing load for the benchmark: `offices` queues, `agents` agents (most of them busy) and
/// `waiting` interactions that have waited up to five minutes. Deterministic for a seed.
public struct RoutingLoad: Sendable {
    public let agents: [Agent]
    public let waiting: [Interaction]
    public let index: Router.Index
    public let now: Date
    /// The oldest waiting interaction of each office: what a freed agent chooses among.
    public let heads: [String: Interaction]
    public let officesOfVoivodeship: [String: [String]]
    /// Each waiting interaction's place in its office's line of its channel (oldest first).
    public let positions: [UUID: Int]

    public init(offices: Int = 400, voivodeships: Int = 16, agents agentCount: Int = 2_000, waiting waitingCount: Int = 10_000,
                freeShare: Double = 0.1, seed: UInt64 = 1) {
        var rng = SplitMix64(seed: seed)
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        now = start.addingTimeInterval(300)
        let officeIDs = (0..<offices).map { "office-\($0)" }
        let voivodeshipOf = (0..<offices).map { String(format: "%02d", 2 * (1 + $0 % voivodeships)) }
        var agents: [Agent] = []
        for n in 0..<agentCount {
            let national = n < agentCount / 20
            let o = n % offices
            var a = Agent(id: "agent-\(n)", offices: national ? [] : [officeIDs[o]], voivodeships: national ? [] : [voivodeshipOf[o]],
                          nationalPool: national, languages: rng.uniform() < 0.2 ? ["pl", "uk"] : ["pl"],
                          idleSince: start.addingTimeInterval(rng.uniform() * 300))
            if rng.uniform() >= freeShare { a.state = .busy; a.load = [.voice: 1] }
            agents.append(a)
        }
        self.agents = agents
        var waiting: [Interaction] = []
        var heads: [String: Interaction] = [:]
        for _ in 0..<waitingCount {
            let o = Int(rng.next() % UInt64(offices))
            let i = Interaction(id: UUID(uuid: rng.uuid()), channel: rng.uniform() < 0.7 ? .voice : .chat, language: rng.uniform() < 0.1 ? "uk" : "pl",
                                topic: "general", officeID: officeIDs[o], voivodeshipCode: voivodeshipOf[o],
                                queuedAt: start.addingTimeInterval(rng.uniform() * 300), priority: rng.uniform() < 0.05 ? 2 : 0)
            waiting.append(i)
            if heads[i.officeID].map({ $0.queuedAt > i.queuedAt }) ?? true { heads[i.officeID] = i }
        }
        self.waiting = waiting
        self.heads = heads
        // Observed handle times differ by office: three to five minutes a call, five to eight a chat.
        index = Router.Index(agents, handleTimes: HandleTimes(Dictionary(uniqueKeysWithValues: officeIDs.map { office in
            (office, [Channel.voice: 180 + rng.uniform() * 120, .chat: 300 + rng.uniform() * 180])
        })))
        var positions: [UUID: Int] = [:], line: [String: Int] = [:]
        for i in waiting.sorted(by: { $0.queuedAt < $1.queuedAt }) {
            let key = i.officeID + "/" + i.channel.rawValue
            line[key, default: 0] += 1
            positions[i.id] = line[key]
        }
        self.positions = positions
        var byVoivodeship: [String: [String]] = [:]
        for (n, v) in voivodeshipOf.enumerated() { byVoivodeship[v, default: []].append(officeIDs[n]) }
        officesOfVoivodeship = byVoivodeship
    }

    /// What an agent who just became free may be offered: the queue heads of its reach.
    public func candidates(for agent: Agent) -> [Interaction] {
        if agent.nationalPool { return Array(heads.values) }
        return agent.voivodeships.flatMap { officesOfVoivodeship[$0] ?? [] }.compactMap { heads[$0] }
    }
}
