import Foundation

/// How far an interaction may be offered: its own office, the other offices of its
/// voivodeship, or the national pool.
public enum Tier: Int, Sendable, Comparable, CaseIterable {
    case office, voivodeship, national
    public static func < (a: Tier, b: Tier) -> Bool { a.rawValue < b.rawValue }
}

public struct RoutingPolicy: Sendable, Equatable {
    /// Waiting this long, an interaction may go to other offices of its voivodeship.
    public var voivodeshipAfter: TimeInterval
    /// Waiting this long, to the national pool.
    public var nationalAfter: TimeInterval
    /// Every this many seconds of waiting count as one priority point, so nothing starves.
    public var secondsPerAgeingPoint: TimeInterval
    /// An offer not accepted within this time goes to the next agent.
    public var offerTimeout: TimeInterval

    public init(voivodeshipAfter: TimeInterval = 60, nationalAfter: TimeInterval = 180, secondsPerAgeingPoint: TimeInterval = 30,
                offerTimeout: TimeInterval = 20) {
        self.voivodeshipAfter = voivodeshipAfter; self.nationalAfter = nationalAfter
        self.secondsPerAgeingPoint = secondsPerAgeingPoint; self.offerTimeout = offerTimeout
    }
}

public struct RoutingDecision: Sendable, Equatable {
    public let interactionID: UUID
    public let agentID: String
    public let tier: Tier
    public init(interactionID: UUID, agentID: String, tier: Tier) { self.interactionID = interactionID; self.agentID = agentID; self.tier = tier }
}

/// Offers waiting interactions to agents: a pure, deterministic function of the interactions,
/// the agents, the policy and the clock. Most urgent interaction first (priority plus ageing,
/// then the longest waiting); for each, the first tier with an eligible agent among those it
/// may reach — its office, then (after a wait, or at once when nobody of the office is logged
/// in) its voivodeship, then the national pool — and in that tier the agent idle longest.
public struct Router: Sendable {
    public let policy: RoutingPolicy

    public init(policy: RoutingPolicy = RoutingPolicy()) { self.policy = policy }

    /// The agents grouped by where they work, so each decision looks at a handful of them.
    /// Build it again when agents log in or out (their load and state are read live).
    public struct Index: Sendable {
        var byOffice: [String: [Int]] = [:]
        var byVoivodeship: [String: [Int]] = [:]
        var national: [Int] = []
        public private(set) var staffedOffices: Set<String> = []
        public private(set) var staffedVoivodeships: Set<String> = []

        public init(_ agents: [Agent]) {
            for (n, a) in agents.enumerated() {
                for o in a.offices { byOffice[o, default: []].append(n) }
                for v in a.voivodeships { byVoivodeship[v, default: []].append(n) }
                if a.nationalPool { national.append(n) }
                if a.isLoggedIn { staffedOffices.formUnion(a.offices); staffedVoivodeships.formUnion(a.voivodeships) }
            }
        }
    }

    public func urgency(_ i: Interaction, now: Date) -> Double {
        Double(i.priority) + max(0, now.timeIntervalSince(i.queuedAt)) / policy.secondsPerAgeingPoint
    }

    /// The farthest tier the interaction may be offered to now.
    public func reach(_ i: Interaction, now: Date, officeStaffed: Bool, voivodeshipStaffed: Bool) -> Tier {
        let waited = now.timeIntervalSince(i.queuedAt)
        if waited >= policy.nationalAfter { return .national }
        if waited >= policy.voivodeshipAfter || !officeStaffed { return voivodeshipStaffed ? .voivodeship : .national }
        return .office
    }

    /// Decisions for every waiting interaction that can be placed now; agents' loads are
    /// counted as the pass goes, so one agent is not offered more than they can take.
    public func route(waiting: [Interaction], agents: [Agent], now: Date) -> [RoutingDecision] {
        var agents = agents
        let index = Index(agents)
        // A contact queued for later (a callback at a chosen time) waits until its time.
        let ordered = waiting.filter { $0.state == .queued && $0.queuedAt <= now }.sorted { a, b in
            let ua = urgency(a, now: now), ub = urgency(b, now: now)
            if ua != ub { return ua > ub }
            if a.queuedAt != b.queuedAt { return a.queuedAt < b.queuedAt }
            return a.id.uuidString < b.id.uuidString
        }
        var decisions: [RoutingDecision] = []
        for i in ordered {
            guard let (n, tier) = choose(i, agents: agents, index: index, now: now) else { continue }
            agents[n].load[i.channel, default: 0] += 1
            agents[n].state = .busy
            decisions.append(RoutingDecision(interactionID: i.id, agentID: agents[n].id, tier: tier))
        }
        return decisions
    }

    /// The best agent for one interaction, and the tier it was found in.
    public func bestAgent(for i: Interaction, agents: [Agent], now: Date) -> RoutingDecision? {
        bestAgent(for: i, agents: agents, index: Index(agents), now: now).map { RoutingDecision(interactionID: i.id, agentID: agents[$0.agent].id, tier: $0.tier) }
    }

    /// The same with a prepared index; returns the agent's position in `agents`.
    public func bestAgent(for i: Interaction, agents: [Agent], index: Index, now: Date) -> (agent: Int, tier: Tier)? {
        choose(i, agents: agents, index: index, now: now).map { (agent: $0.0, tier: $0.1) }
    }

    /// When an agent becomes free: the most urgent of the waiting interactions this agent may
    /// be offered now (the same reach rule as above, seen from the agent's side). `waiting` is
    /// what the caller considers — typically the head of each queue the agent could serve.
    public func bestInteraction(for agent: Agent, waiting: [Interaction], index: Index, now: Date) -> (interaction: Interaction, tier: Tier)? {
        var best: (interaction: Interaction, tier: Tier, urgency: Double)? = nil
        for i in waiting where i.state == .queued && i.queuedAt <= now && agent.canTake(i, now: now) {
            let limit = reach(i, now: now, officeStaffed: index.staffedOffices.contains(i.officeID),
                              voivodeshipStaffed: index.staffedVoivodeships.contains(i.voivodeshipCode))
            let tier: Tier
            if agent.offices.contains(i.officeID) || i.onlyAgent == agent.id { tier = .office }
            else if agent.voivodeships.contains(i.voivodeshipCode) && limit >= .voivodeship { tier = .voivodeship }
            else if agent.nationalPool && limit >= .national { tier = .national }
            else { continue }
            let u = urgency(i, now: now)
            if let b = best, b.urgency > u || (b.urgency == u && (b.interaction.queuedAt, b.interaction.id.uuidString) <= (i.queuedAt, i.id.uuidString)) {
                continue
            }
            best = (i, tier, u)
        }
        return best.map { ($0.interaction, $0.tier) }
    }

    func choose(_ i: Interaction, agents: [Agent], index: Index, now: Date) -> (Int, Tier)? {
        // A transfer to a named agent goes to that agent wherever they work, or waits for them.
        if let only = i.onlyAgent {
            guard let n = agents.firstIndex(where: { $0.id == only }), agents[n].canTake(i, now: now) else { return nil }
            return (n, .office)
        }
        let limit = reach(i, now: now, officeStaffed: index.staffedOffices.contains(i.officeID),
                          voivodeshipStaffed: index.staffedVoivodeships.contains(i.voivodeshipCode))
        let tiers: [(Tier, [Int])] = [(.office, index.byOffice[i.officeID] ?? []), (.voivodeship, index.byVoivodeship[i.voivodeshipCode] ?? []),
                                      (.national, index.national)]
        for (tier, members) in tiers where tier <= limit {
            var best: Int? = nil
            for n in members where agents[n].canTake(i, now: now) {
                guard let b = best else { best = n; continue }
                let a = agents[n], c = agents[b]
                if a.idleSince < c.idleSince || (a.idleSince == c.idleSince && a.id < c.id) { best = n }
            }
            if let best { return (best, tier) }
        }
        return nil
    }

    /// Offers that lapsed: they go back to the queue and their agents to "not responding".
    public func lapsedOffers(_ interactions: [Interaction], now: Date) -> [(interactionID: UUID, agentID: String)] {
        interactions.compactMap { i in
            guard i.state == .offered, let at = i.offeredAt, let agent = i.agentID, now.timeIntervalSince(at) >= policy.offerTimeout else { return nil }
            return (i.id, agent)
        }
    }
}
