import Foundation
import Reporting

/// A simulated day driving the real router: Poisson arrivals spread over the offices,
/// exponential handle times, callers who hang up after an exponential patience, agents of
/// each office (and a national pool) taking calls as the router offers them. Deterministic
/// for a seed.
public struct Simulation: Sendable {
    public struct Parameters: Sendable, Equatable {
        public var offices = 340
        public var voivodeships = 16
        public var agents = 2_000
        public var contacts = 20_000
        /// Length of the day the contacts arrive in.
        public var dayLength: TimeInterval = 10 * 3_600
        public var handleTime: TimeInterval = 240
        /// Mean time a caller waits before hanging up.
        public var patience: TimeInterval = 180
        /// Answered within this counts towards the service level.
        public var serviceLevelTarget: TimeInterval = 20
        /// Share of agents in the national pool.
        public var nationalShare = 0.05
        public var seed: UInt64 = 1
        public init() {}
    }

    public struct Result: Sendable, Equatable {
        public var contacts = 0
        public var answered = 0
        public var answeredInTarget = 0
        public var abandoned = 0
        public var totalWait: TimeInterval = 0
        public var busyTime: TimeInterval = 0
        public var byTier: [Tier: Int] = [:]
        public var decisions = 0
        /// The wait announced to each caller who had to queue (the router's `expectedWait`: the
        /// office's prediction, or the pool's when the call will overflow) against the wait that
        /// followed, for those answered: the sums of the signed and the absolute difference; and
        /// the same for the office's prediction alone (place in the office's queue ×
        /// handle time ÷ the office's consultants, as the IVR says it) against the wait that
        /// followed, for those answered: the sums of the signed and the absolute difference.
        public var announced = 0
        public var announcedError: TimeInterval = 0
        public var announcedAbsoluteError: TimeInterval = 0
        public var officeOnlyAbsoluteError: TimeInterval = 0
        public var officeOnlyWaitMeanAbsoluteError: Double { announced == 0 ? 0 : officeOnlyAbsoluteError / Double(announced) }

        /// Mean of announced − real wait (positive: callers were told longer than they waited).
        public var announcedWaitBias: Double { announced == 0 ? 0 : announcedError / Double(announced) }
        public var announcedWaitMeanAbsoluteError: Double { announced == 0 ? 0 : announcedAbsoluteError / Double(announced) }

        public var serviceLevel: Double { contacts == 0 ? 1 : Double(answeredInTarget) / Double(contacts) }
        public var averageSpeedOfAnswer: Double { answered == 0 ? 0 : totalWait / Double(answered) }
        public var abandonRate: Double { contacts == 0 ? 0 : Double(abandoned) / Double(contacts) }
    }

    public let parameters: Parameters
    public let router: Router

    public init(_ parameters: Parameters, router: Router = Router()) { self.parameters = parameters; self.router = router }

    enum EventKind { case arrival(Int), end(agent: Int), abandon(Int), overflow(Int) }
    struct Event { let time: Double; let order: Int; let kind: EventKind }

    /// The occupancy measured: busy agent-time over the agents' time in the day.
    public func occupancy(_ r: Result) -> Double { r.busyTime / (Double(parameters.agents) * parameters.dayLength) }

    /// The ceiling: one queue where every consultant takes every call.
    public func erlangC() -> ErlangC {
        ErlangC(arrivalsPerSecond: Double(parameters.contacts) / parameters.dayLength, handleTime: parameters.handleTime, agents: parameters.agents)
    }

    /// The floor: each office alone with its own consultants and calls (the national pool
    /// idle), the service levels weighted by each office's share of the calls.
    public func isolatedServiceLevel() -> Double {
        let layout = Layout(parameters), rate = Double(parameters.contacts) / parameters.dayLength
        let total = Double(layout.cumulative.last ?? 1)
        var level = 0.0
        for agents in layout.agentsOfOffice where agents > 0 {
            let share = Double(agents) / total
            level += share * ErlangC(arrivalsPerSecond: rate * share, handleTime: parameters.handleTime, agents: agents)
                .serviceLevel(within: parameters.serviceLevelTarget)
        }
        return level
    }

    /// Where the consultants work: the national pool, then the rest spread over the offices (at
    /// least one each when there are enough); the calls follow the same weights, so load is even.
    struct Layout {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let offices: [String]
        let voivodeshipOf: [String]
        let agents: [Agent]
        let agentsOfOffice: [Int]
        /// Running sum of the offices' weights, to draw a call's office.
        let cumulative: [Int]

        init(_ p: Parameters) {
            offices = (0..<p.offices).map { "office-\($0)" }
            let voivodeshipOf = (0..<p.offices).map { String(format: "%02d", 2 * (1 + $0 % p.voivodeships)) }
            self.voivodeshipOf = voivodeshipOf
            let nationalCount = min(p.agents, Int((Double(p.agents) * p.nationalShare).rounded()))
            var agents: [Agent] = [], agentsOfOffice = [Int](repeating: 0, count: p.offices)
            for n in 0..<p.agents {
                if n < nationalCount {
                    agents.append(Agent(id: "agent-\(n)", offices: [], voivodeships: [], nationalPool: true, idleSince: start))
                } else {
                    let o = (n - nationalCount) % max(1, p.offices)
                    agents.append(Agent(id: "agent-\(n)", offices: [offices[o]], voivodeships: [voivodeshipOf[o]], idleSince: start))
                    agentsOfOffice[o] += 1
                }
            }
            self.agents = agents
            self.agentsOfOffice = agentsOfOffice
            cumulative = agentsOfOffice.reduce(into: [Int]()) { $0.append(($0.last ?? 0) + max($1, 1)) }
        }
    }

    public func run() -> Result {
        let p = parameters
        var rng = SplitMix64(seed: p.seed)
        let layout = Layout(p)
        let start = layout.start, offices = layout.offices, voivodeshipOf = layout.voivodeshipOf, cumulative = layout.cumulative
        var agents = layout.agents
        // The handle time the live router reads from the reports: here the true mean.
        let index = Router.Index(agents, handleTimes: HandleTimes(Dictionary(uniqueKeysWithValues: offices.map { ($0, [Channel.voice: p.handleTime]) })))
        var officesOfVoivodeship: [String: [Int]] = [:]
        for (n, v) in voivodeshipOf.enumerated() { officesOfVoivodeship[v, default: []].append(n) }

        var interactions: [Interaction] = []
        var handle: [Double] = []
        var events = Heap<Event> { ($0.time, $0.order) < ($1.time, $1.order) }
        var order = 0
        func schedule(_ time: Double, _ kind: EventKind) { order += 1; events.push(Event(time: time, order: order, kind: kind)) }
        var t = 0.0
        let rate = Double(p.contacts) / p.dayLength
        for n in 0..<p.contacts {
            t += rng.exponential(mean: 1 / rate)
            let pick = Int(rng.next() % UInt64(cumulative.last!))
            let o = cumulative.firstIndex { $0 > pick }!
            interactions.append(Interaction(id: UUID(uuid: rng.uuid()), channel: .voice, language: "pl", topic: "general", officeID: offices[o],
                                            voivodeshipCode: voivodeshipOf[o], queuedAt: start.addingTimeInterval(t)))
            handle.append(rng.exponential(mean: p.handleTime))
            schedule(t, .arrival(n))
            schedule(t + rng.exponential(mean: p.patience), .abandon(n))
            schedule(t + router.policy.voivodeshipAfter, .overflow(n))
            schedule(t + router.policy.nationalAfter, .overflow(n))
        }

        var announcedWait = [Double?](repeating: nil, count: p.contacts), officeOnlyWait = [Double](repeating: 0, count: p.contacts)
        // Calls waiting in each voivodeship, for the announced wait.
        var waitingIn: [String: Int] = [:]
        var isWaiting = [Bool](repeating: false, count: p.contacts)
        func leaveQueue(_ n: Int) { if isWaiting[n] { isWaiting[n] = false; waitingIn[interactions[n].voivodeshipCode, default: 0] -= 1 } }
        let agentsOfOffice = layout.agentsOfOffice
        var queues = [[Int]](repeating: [], count: p.offices)
        var heads = [Int](repeating: 0, count: p.offices)
        var result = Result(contacts: p.contacts)
        func officeNumber(_ i: Interaction) -> Int { Int(i.officeID.dropFirst("office-".count))! }

        func connect(_ n: Int, agent a: Int, tier: Tier, at time: Double) {
            let now = start.addingTimeInterval(time)
            _ = try? interactions[n].move(to: .offered, at: now, agent: agents[a].id)
            _ = try? interactions[n].move(to: .connected, at: now, agent: agents[a].id)
            agents[a].load[.voice, default: 0] += 1
            agents[a].state = .busy
            // Dates round: a call answered on arrival must not come out a hair below zero.
            let waited = max(0, time - interactions[n].queuedAt.timeIntervalSince(start))
            result.answered += 1; result.totalWait += waited; result.decisions += 1
            if waited <= p.serviceLevelTarget { result.answeredInTarget += 1 }
            leaveQueue(n)
            if let told = announcedWait[n] {
                result.announced += 1; result.announcedError += told - waited; result.announcedAbsoluteError += abs(told - waited)
                result.officeOnlyAbsoluteError += abs(officeOnlyWait[n] - waited)
            }
            result.byTier[tier, default: 0] += 1
            result.busyTime += handle[n]
            schedule(time + handle[n], .end(agent: a))
        }

        /// The head of an office's queue (skipping those already gone).
        func head(_ o: Int) -> Int? {
            while heads[o] < queues[o].count {
                let n = queues[o][heads[o]]
                if interactions[n].state == .queued { return n }
                heads[o] += 1
            }
            return nil
        }

        /// Its place in its office's queue (those ahead still waiting, plus one).
        func position(_ n: Int) -> Int {
            let o = officeNumber(interactions[n])
            var ahead = 0
            for m in queues[o][heads[o]...] { if m == n { break }; if interactions[m].state == .queued { ahead += 1 } }
            return ahead + 1
        }
        /// Looked at again when the prediction says it will miss its threshold where it is.
        func watch(_ n: Int, place: Int, at time: Double) {
            guard let risk = router.riskTime(interactions[n], position: place, index: index) else { return }
            let due = risk.timeIntervalSince(start)
            if due > time + 0.001 { schedule(due, .overflow(n)) }
        }

        while let e = events.pop() {
            let now = start.addingTimeInterval(e.time)
            switch e.kind {
            case .arrival(let n):
                let o = officeNumber(interactions[n])
                let place = queues[o][heads[o]...].filter { interactions[$0].state == .queued }.count + 1
                if let (a, tier) = router.bestAgent(for: interactions[n], position: place, agents: agents, index: index, now: now) {
                    connect(n, agent: a, tier: tier, at: e.time)
                } else {
                    officeOnlyWait[n] = AnnouncedWait.seconds(position: place, agents: agentsOfOffice[o], handleTime: p.handleTime)
                    announcedWait[n] = router.expectedWait(interactions[n], position: place, waitingInVoivodeship: waitingIn[interactions[n].voivodeshipCode, default: 0],
                                                           index: index, now: now)
                    queues[o].append(n)
                    isWaiting[n] = true; waitingIn[interactions[n].voivodeshipCode, default: 0] += 1
                    watch(n, place: place, at: e.time)
                }
            case .overflow(let n):
                guard interactions[n].state == .queued else { continue }
                let place = position(n)
                if let (a, tier) = router.bestAgent(for: interactions[n], position: place, agents: agents, index: index, now: now) {
                    connect(n, agent: a, tier: tier, at: e.time)
                } else {
                    watch(n, place: place, at: e.time)
                }
            case .abandon(let n):
                guard interactions[n].state == .queued else { continue }
                _ = try? interactions[n].move(to: .abandoned, at: now)
                leaveQueue(n)
                result.abandoned += 1
            case .end(let a):
                agents[a].load[.voice] = 0
                agents[a].state = .available
                agents[a].idleSince = now
                // The queues this agent could serve: its office, its voivodeship, or all (national pool).
                var candidates: [Int] = []
                if agents[a].nationalPool { candidates = (0..<p.offices).compactMap(head) }
                else if let v = agents[a].voivodeships.first { candidates = (officesOfVoivodeship[v] ?? []).compactMap(head) }
                if let (i, tier) = router.bestInteraction(for: agents[a], waiting: candidates.map { interactions[$0] }, index: index, now: now),
                   let n = candidates.first(where: { interactions[$0].id == i.id }) {
                    connect(n, agent: a, tier: tier, at: e.time)
                }
            }
        }
        return result
    }
}

/// A small, fast, seedable generator (SplitMix64), so a simulation is the same for a seed.
public struct SplitMix64: Sendable {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    public mutating func uniform() -> Double { Double(next() >> 11) / Double(1 << 53) }
    public mutating func exponential(mean: Double) -> Double { -mean * log(1 - uniform()) }
    mutating func uuid() -> uuid_t {
        let a = next(), b = next()
        return (UInt8(a & 0xff), UInt8(a >> 8 & 0xff), UInt8(a >> 16 & 0xff), UInt8(a >> 24 & 0xff), UInt8(a >> 32 & 0xff), UInt8(a >> 40 & 0xff),
                UInt8(a >> 48 & 0x0f | 0x40), UInt8(a >> 56), UInt8(b & 0x3f | 0x80), UInt8(b >> 8 & 0xff), UInt8(b >> 16 & 0xff),
                UInt8(b >> 24 & 0xff), UInt8(b >> 32 & 0xff), UInt8(b >> 40 & 0xff), UInt8(b >> 48 & 0xff), UInt8(b >> 56))
    }
}

/// A binary heap ordered by `less`.
struct Heap<Element> {
    private var items: [Element] = []
    let less: (Element, Element) -> Bool
    init(less: @escaping (Element, Element) -> Bool) { self.less = less }
    var isEmpty: Bool { items.isEmpty }
    mutating func push(_ e: Element) {
        items.append(e)
        var i = items.count - 1
        while i > 0 { let parent = (i - 1) / 2; guard less(items[i], items[parent]) else { break }; items.swapAt(i, parent); i = parent }
    }
    mutating func pop() -> Element? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let top = items.removeLast()
        var i = 0
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < items.count && less(items[l], items[m]) { m = l }
            if r < items.count && less(items[r], items[m]) { m = r }
            if m == i { break }
            items.swapAt(i, m); i = m
        }
        return top
    }
}
