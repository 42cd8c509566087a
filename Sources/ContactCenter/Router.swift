import Foundation

/// How far an interaction may be offered: its own office, the other offices of its
/// voivodeship, or the national pool.
public enum Tier: Int, Sendable, Comparable, CaseIterable {
    case office, voivodeship, national
    public static func < (a: Tier, b: Tier) -> Bool { a.rawValue < b.rawValue }
}

public struct RoutingPolicy: Sendable, Equatable {
    /// Waiting this long, an interaction may go to other offices of its voivodeship whatever
    /// the prediction says (the cap of the predictive rule below).
    public var voivodeshipAfter: TimeInterval
    /// Waiting this long, to the national pool.
    public var nationalAfter: TimeInterval
    /// Predictive overflow: an interaction goes wider as soon as its own office has nobody
    /// free and is predicted to answer it only after its channel's threshold (`answerWithin`).
    /// Off: only the waits above widen the reach (the rule before issue 22, kept to compare).
    public var predictive: Bool
    /// The service-level threshold of each channel (`REPORT_TARGETS`): answered within it counts.
    public var answerWithin: [Channel: TimeInterval]
    /// The handle time assumed where an office has none observed yet.
    public var defaultHandleTime: TimeInterval
    /// Free consultants an office keeps for its own callers when it lends one to a neighbour's
    /// call: the neighbour's call goes first to an office with more free, then to the national
    /// pool, and only then to an office's last free consultant (trunk reservation: pooling
    /// without leaving the next local caller to overflow in turn).
    public var reserve: Int
    /// Every this many seconds of waiting count as one priority point, so nothing starves.
    public var secondsPerAgeingPoint: TimeInterval
    /// An offer not accepted within this time goes to the next agent.
    public var offerTimeout: TimeInterval

    public static let standardAnswerWithin: [Channel: TimeInterval] = [
        .voice: 20, .video: 60, .chat: 60, .callback: 4 * 3_600, .email: 8 * 3_600, .webForm: 8 * 3_600, .sms: 8 * 3_600, .visit: 8 * 3_600,
    ]

    public init(voivodeshipAfter: TimeInterval = 60, nationalAfter: TimeInterval = 180, secondsPerAgeingPoint: TimeInterval = 30,
                offerTimeout: TimeInterval = 20, predictive: Bool = true, answerWithin: [Channel: TimeInterval] = standardAnswerWithin,
                defaultHandleTime: TimeInterval = 180, reserve: Int = 1) {
        self.voivodeshipAfter = voivodeshipAfter; self.nationalAfter = nationalAfter
        self.secondsPerAgeingPoint = secondsPerAgeingPoint; self.offerTimeout = offerTimeout
        self.predictive = predictive; self.answerWithin = answerWithin; self.defaultHandleTime = defaultHandleTime; self.reserve = reserve
    }

    public func threshold(_ channel: Channel) -> TimeInterval { answerWithin[channel] ?? 20 }
}

/// The handle times observed per office and channel (the reports' recent sums): how fast an
/// office's queue moves. Absent: the policy's default.
public struct HandleTimes: Sendable, Equatable {
    public var byOffice: [String: [Channel: TimeInterval]]
    public init(_ byOffice: [String: [Channel: TimeInterval]] = [:]) { self.byOffice = byOffice }
    public func of(_ office: String, _ channel: Channel) -> TimeInterval? { byOffice[office]?[channel].flatMap { $0 > 0 ? $0 : nil } }
}

public struct RoutingDecision: Sendable, Equatable {
    public let interactionID: UUID
    public let agentID: String
    public let tier: Tier
    public init(interactionID: UUID, agentID: String, tier: Tier) { self.interactionID = interactionID; self.agentID = agentID; self.tier = tier }
}

/// Offers waiting interactions to agents: a pure, deterministic function of the interactions,
/// the agents, the handle times, the policy and the clock. Most urgent interaction first
/// (priority plus ageing, then the longest waiting); for each, the first tier with an eligible
/// agent among those it may reach — its office, then its voivodeship, then the national pool —
/// and in that tier the agent idle longest. An interaction reaches wider when its office cannot
/// answer it in time: nobody of the office logged in, or its place in the office's queue × the
/// office's handle time ÷ the office's consultants on duty would take it past its channel's
/// threshold (seed 002: redirected when consultants are unavailable *or busy*); and whatever the
/// prediction, after `voivodeshipAfter` and `nationalAfter`. So a call stays home while a
/// colleague will free up in time, and an idle consultant anywhere takes a call that would
/// otherwise miss its threshold.
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
        /// How many contacts of a channel an office's consultants on duty handle at once
        /// (calls: one each; chats: three each by default): how fast its queue moves.
        public private(set) var servers: [String: [Channel: Int]] = [:]
        /// The same for each voivodeship's offices together, and for the national pool.
        public private(set) var voivodeshipServers: [String: [Channel: Int]] = [:]
        public private(set) var nationalServers: [Channel: Int] = [:]
        public var handleTimes: HandleTimes
        /// How many agents the lists hold.
        public private(set) var listed = 0

        /// `readyAt`: list only the agents ready then (a routing pass, where most are busy and
        /// stay so); the figures of the offices still count everyone.
        public init(_ agents: [Agent], handleTimes: HandleTimes = HandleTimes(), readyAt: Date? = nil) {
            self.handleTimes = handleTimes
            for (n, a) in agents.enumerated() {
                if readyAt.map({ a.isReady(now: $0) && a.hasRoom }) ?? true {
                    listed += 1
                    for o in a.offices { byOffice[o, default: []].append(n) }
                    for v in a.voivodeships { byVoivodeship[v, default: []].append(n) }
                    if a.nationalPool { national.append(n) }
                }
                if a.isLoggedIn { staffedOffices.formUnion(a.offices); staffedVoivodeships.formUnion(a.voivodeships) }
                if a.isOnDuty {
                    for (channel, c) in a.capacity where c > 0 {
                        for o in a.offices { servers[o, default: [:]][channel, default: 0] += c }
                        for v in a.voivodeships { voivodeshipServers[v, default: [:]][channel, default: 0] += c }
                        if a.nationalPool { nationalServers[channel, default: 0] += c }
                    }
                }
            }
        }
    }

    /// The wait predicted for the `position`-th contact of its channel in an office's queue
    /// when all its consultants are busy: each frees a place once per handle time, so the k-th
    /// is reached after k × handle time ÷ places (infinite with nobody on duty).
    public func predictedWait(position: Int, office: String, channel: Channel, index: Index) -> TimeInterval {
        let places = index.servers[office]?[channel] ?? 0
        guard places > 0 else { return .infinity }
        let aht = index.handleTimes.of(office, channel) ?? policy.defaultHandleTime
        return Double(max(1, position)) * aht / Double(places)
    }

    /// The wait to tell a contact that has to queue: its office's prediction when the office
    /// will answer it in time; otherwise the sooner of that and the pool it overflows to — the
    /// places of its voivodeship and its share of the national pool's, serving everyone waiting
    /// in the voivodeship (`waitingInVoivodeship` ahead of it).
    public func expectedWait(_ i: Interaction, position: Int, waitingInVoivodeship: Int, index: Index, now: Date) -> TimeInterval {
        let home = predictedWait(position: position, office: i.officeID, channel: i.channel, index: index)
        guard isAtRisk(i, position: position, now: now, index: index) else { return home }
        let voivodeships = max(1, index.staffedVoivodeships.count)
        let places = Double(index.voivodeshipServers[i.voivodeshipCode]?[i.channel] ?? 0)
            + Double(index.nationalServers[i.channel] ?? 0) / Double(voivodeships)
        guard places > 0 else { return home }
        let aht = index.handleTimes.of(i.officeID, i.channel) ?? policy.defaultHandleTime
        return min(home, Double(waitingInVoivodeship + 1) * aht / places)
    }

    /// Whether the office is predicted to answer the interaction only after its threshold.
    public func isAtRisk(_ i: Interaction, position: Int, now: Date, index: Index) -> Bool {
        guard policy.predictive else { return false }
        let waited = max(0, now.timeIntervalSince(i.queuedAt))
        return waited + predictedWait(position: position, office: i.officeID, channel: i.channel, index: index) > policy.threshold(i.channel)
    }

    /// When an interaction not yet at risk becomes so if its place does not change (nil: never,
    /// or already): when a simulation should look at it again.
    public func riskTime(_ i: Interaction, position: Int, index: Index) -> Date? {
        guard policy.predictive else { return nil }
        let wait = predictedWait(position: position, office: i.officeID, channel: i.channel, index: index)
        guard wait.isFinite else { return nil }
        return i.queuedAt.addingTimeInterval(policy.threshold(i.channel) - wait)
    }

    public func urgency(_ i: Interaction, now: Date) -> Double {
        Double(i.priority) + max(0, now.timeIntervalSince(i.queuedAt)) / policy.secondsPerAgeingPoint
    }

    /// The farthest tier the interaction may be offered to now. At risk, it may go anywhere:
    /// the tiers are still tried in order, so a free consultant of the voivodeship comes first.
    public func reach(_ i: Interaction, now: Date, officeStaffed: Bool, voivodeshipStaffed: Bool, atRisk: Bool = false) -> Tier {
        // A line of its own (a voivode's foreigners' helpline) is answered by its consultants only.
        if i.isOnOwnLine { return .office }
        let waited = now.timeIntervalSince(i.queuedAt)
        if waited >= policy.nationalAfter || atRisk || ContactTopic(rawValue: i.topic)?.isNational == true { return .national }
        if waited >= policy.voivodeshipAfter || !officeStaffed { return voivodeshipStaffed ? .voivodeship : .national }
        return .office
    }

    func reach(_ i: Interaction, position: Int, now: Date, index: Index) -> Tier {
        reach(i, now: now, officeStaffed: index.staffedOffices.contains(i.officeID), voivodeshipStaffed: index.staffedVoivodeships.contains(i.voivodeshipCode),
              atRisk: isAtRisk(i, position: position, now: now, index: index))
    }

    /// Decisions for every waiting interaction that can be placed now; agents' loads are
    /// counted as the pass goes, so one agent is not offered more than they can take.
    public func route(waiting: [Interaction], agents: [Agent], handleTimes: HandleTimes = HandleTimes(), now: Date) -> [RoutingDecision] {
        var agents = agents
        let index = Index(agents, handleTimes: handleTimes, readyAt: now)
        // A contact queued for later (a callback at a chosen time) waits until its time.
        let ordered = waiting.filter { $0.state == .queued && $0.queuedAt <= now }.map { ($0, urgency($0, now: now)) }.sorted { x, y in
            let (a, ua) = x, (b, ub) = y
            if ua != ub { return ua > ub }
            if a.queuedAt != b.queuedAt { return a.queuedAt < b.queuedAt }
            return a.id.uuidString < b.id.uuidString
        }.map(\.0)
        var decisions: [RoutingDecision] = []
        // Once every ready agent is full, the rest of the line waits for the next pass.
        var ready = index.listed
        // An interaction's place in its office's queue of its channel: those before it in this
        // order that were not placed.
        struct Queue: Hashable { let office: String; let channel: Channel }
        var left: [Queue: Int] = [:]
        for i in ordered {
            let queue = Queue(office: i.officeID, channel: i.channel)
            let position = left[queue, default: 0] + 1
            guard let (n, tier) = choose(i, position: position, agents: agents, index: index, now: now) else { left[queue] = position; continue }
            agents[n].load[i.channel, default: 0] += 1
            agents[n].state = .busy
            decisions.append(RoutingDecision(interactionID: i.id, agentID: agents[n].id, tier: tier))
            if !agents[n].hasRoom { ready -= 1; if ready == 0 { break } }
        }
        return decisions
    }

    /// The best agent for one interaction, and the tier it was found in.
    /// `position`: its place in its office's queue of its channel (1: next).
    public func bestAgent(for i: Interaction, position: Int = 1, agents: [Agent], handleTimes: HandleTimes = HandleTimes(), now: Date) -> RoutingDecision? {
        bestAgent(for: i, position: position, agents: agents, index: Index(agents, handleTimes: handleTimes), now: now)
            .map { RoutingDecision(interactionID: i.id, agentID: agents[$0.agent].id, tier: $0.tier) }
    }

    /// The same with a prepared index; returns the agent's position in `agents`.
    public func bestAgent(for i: Interaction, position: Int = 1, agents: [Agent], index: Index, now: Date) -> (agent: Int, tier: Tier)? {
        choose(i, position: position, agents: agents, index: index, now: now).map { (agent: $0.0, tier: $0.1) }
    }

    /// When an agent becomes free: the most urgent of the waiting interactions this agent may
    /// be offered now (the same reach rule as above, seen from the agent's side: one of another
    /// office only when that office would not answer it in time). `waiting` is what the caller
    /// considers — typically the head of each queue the agent could serve (`position` 1).
    public func bestInteraction(for agent: Agent, waiting: [Interaction], position: (Interaction) -> Int = { _ in 1 }, index: Index,
                                now: Date) -> (interaction: Interaction, tier: Tier)? {
        var best: (interaction: Interaction, tier: Tier, urgency: Double)? = nil
        for i in waiting where i.state == .queued && i.queuedAt <= now && agent.canTake(i, now: now) {
            let limit = agent.offices.contains(i.officeID) ? .office : reach(i, position: position(i), now: now, index: index)
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

    func choose(_ i: Interaction, position: Int, agents: [Agent], index: Index, now: Date) -> (Int, Tier)? {
        // A transfer to a named agent goes to that agent wherever they work, or waits for them.
        if let only = i.onlyAgent {
            guard let n = agents.firstIndex(where: { $0.id == only }), agents[n].canTake(i, now: now) else { return nil }
            return (n, .office)
        }
        func longestIdle(_ members: [Int]) -> Int? {
            var best: Int? = nil
            for n in members where agents[n].canTake(i, now: now) {
                guard let b = best else { best = n; continue }
                let a = agents[n], c = agents[b]
                if a.idleSince < c.idleSince || (a.idleSince == c.idleSince && a.id < c.id) { best = n }
            }
            return best
        }
        // Someone of its own office is free: nothing to predict.
        if let n = longestIdle(index.byOffice[i.officeID] ?? []) { return (n, .office) }
        let limit = reach(i, position: position, now: now, index: index)
        guard limit >= .voivodeship else { return nil }
        let neighbours = index.byVoivodeship[i.voivodeshipCode] ?? []
        if policy.reserve > 0 {
            // How many could take it in each office of the voivodeship: lend only where more than the reserve are free.
            var free: [String: Int] = [:]
            for n in neighbours where agents[n].canTake(i, now: now) { for o in agents[n].offices { free[o, default: 0] += 1 } }
            // The office with the most free lends (it is the least likely to need them next), its longest idle.
            let spare = { (n: Int) in agents[n].offices.map { free[$0, default: 0] }.max() ?? 0 }
            let most = neighbours.map(spare).max() ?? 0
            if most > policy.reserve, let n = longestIdle(neighbours.filter { spare($0) == most }) { return (n, .voivodeship) }
            if limit >= .national, let n = longestIdle(index.national) { return (n, .national) }
        }
        if let n = longestIdle(neighbours) { return (n, .voivodeship) }
        if limit >= .national, let n = longestIdle(index.national) { return (n, .national) }
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
