import Foundation

/// The figures of a set of contacts (a queue, an office, an hour…) as every report computes
/// them. A contact belongs to the period it arrived in, and is counted once however many legs
/// it had.
public struct ContactMetrics: Sendable, Equatable {
    /// The thresholds a report is computed with.
    public struct Parameters: Sendable, Equatable {
        /// T of the service level: answered within this many seconds.
        public var answerWithin: TimeInterval
        /// The share the queue aims for (shown beside the service level).
        public var target: Double
        /// Contacts given up sooner than this are short abandons, counted apart: a caller who
        /// dialled by mistake is not a caller the centre failed.
        public var shortAbandon: TimeInterval
        /// A contact of the same client this soon after an earlier one is a repeat contact.
        public var repeatWindow: TimeInterval

        public init(answerWithin: TimeInterval = 20, target: Double = 0.8, shortAbandon: TimeInterval = 5,
                    repeatWindow: TimeInterval = 7 * 86_400) {
            self.answerWithin = answerWithin; self.target = target; self.shortAbandon = shortAbandon; self.repeatWindow = repeatWindow
        }
    }

    public let parameters: Parameters
    public let counts: ReportCounts

    /// Every contact that arrived in the period.
    public var offered: Int { counts.offered }
    public var answered: Int { counts.answered }
    public var answeredWithinT: Int { counts.answeredWithinT }
    /// Given up after `shortAbandon`, and among them after T.
    public var abandoned: Int { counts.abandoned }
    public var abandonedAfterT: Int { counts.abandonedAfterT }
    public var shortAbandons: Int { counts.shortAbandons }
    /// Nobody took it before it expired (e.g. a callback past its day).
    public var expired: Int { counts.expired }
    public var transferred: Int { counts.transferred }
    public var totalWait: TimeInterval { counts.totalWait }
    public var totalHandle: TimeInterval { counts.totalHandle }
    public var longestWait: TimeInterval { counts.longestWait }
    /// Contacts of a known client, and those that came within `repeatWindow` of one before.
    public var withKnownClient: Int { counts.withKnownClient }
    public var repeats: Int { counts.repeats }

    /// Figures from stored sums (of the same `parameters`).
    public init(counts: ReportCounts, parameters: Parameters = Parameters()) {
        self.counts = counts; self.parameters = parameters
    }

    /// `earlier` are contacts before the period (at least `repeatWindow` of them), so the
    /// first contacts of the period can be seen as repeats too.
    public init(_ contacts: [ContactTrace], earlier: [ContactTrace] = [], parameters: Parameters = Parameters()) {
        self.init(contacts, repeats: Self.repeatContacts(contacts, earlier: earlier, window: parameters.repeatWindow), parameters: parameters)
    }

    /// The contacts (ids) whose client had another contact within `window` before them:
    /// worked out once for a period, then shared by every breakdown and step of its report.
    public static func repeatContacts(_ contacts: [ContactTrace], earlier: [ContactTrace] = [], window: TimeInterval) -> Set<UUID> {
        repeatContacts(contacts, earlierArrivals: earlier.compactMap { t in t.clientID.map { ($0, t.outcome.arrived) } }, window: window)
    }

    /// The same from the clients' earlier arrivals alone (what the aggregation reads).
    public static func repeatContacts(_ contacts: [ContactTrace], earlierArrivals: [(client: UUID, at: Date)], window: TimeInterval) -> Set<UUID> {
        var byClient: [UUID: [Date]] = [:]
        for e in earlierArrivals { byClient[e.client, default: []].append(e.at) }
        for t in contacts { if let c = t.clientID { byClient[c, default: []].append(t.outcome.arrived) } }
        var out = Set<UUID>()
        for t in contacts {
            guard let c = t.clientID else { continue }
            let at = t.outcome.arrived
            if byClient[c]!.contains(where: { $0 < at && at.timeIntervalSince($0) <= window }) { out.insert(t.id) }
        }
        return out
    }

    /// `repeats` as `repeatContacts` gives them (ids outside `contacts` are ignored).
    public init(_ contacts: [ContactTrace], repeats: Set<UUID>, parameters: Parameters = Parameters()) {
        self.init(counts: ReportCounts(contacts, repeats: repeats, parameters: parameters), parameters: parameters)
    }

    /// Answered within T ÷ answered: how fast the centre answers what it answers.
    public var serviceLevelOfAnswered: Double? { answered == 0 ? nil : Double(answeredWithinT) / Double(answered) }

    /// Answered within T ÷ (answered + abandoned after T): callers who gave up waiting count
    /// against the centre, those who gave up within T do not.
    public var serviceLevel: Double? {
        let base = answered + abandonedAfterT
        return base == 0 ? nil : Double(answeredWithinT) / Double(base)
    }

    /// Whether the service level reaches the queue's target (nil: nothing to judge).
    public var meetsTarget: Bool? { serviceLevel.map { $0 >= parameters.target } }

    /// Abandoned (short abandons apart) ÷ offered without the short abandons.
    public var abandonmentRate: Double? {
        let base = offered - shortAbandons
        return base == 0 ? nil : Double(abandoned) / Double(base)
    }

    /// Average speed of answer: the mean wait of the answered contacts.
    public var averageSpeedOfAnswer: TimeInterval? { answered == 0 ? nil : totalWait / Double(answered) }

    /// The mean patience of a waiting caller, estimated as for an exponential patience seen
    /// only until the caller was answered: all the time callers waited ÷ those who hung up
    /// (nil: nobody hung up). What Erlang A staffing is worked out with.
    public var observedPatience: TimeInterval? {
        let gaveUp = abandoned + counts.shortAbandons
        return gaveUp == 0 ? nil : (totalWait + counts.abandonedWait) / Double(gaveUp)
    }

    /// Average handle time: talk plus wrap-up, per answered contact.
    public var averageHandleTime: TimeInterval? { answered == 0 ? nil : totalHandle / Double(answered) }

    /// Transferred ÷ answered.
    public var transferRate: Double? { answered == 0 ? nil : Double(transferred) / Double(answered) }

    /// First-contact resolution: the contacts of known clients that were not a repeat.
    public var firstContactResolution: Double? { withKnownClient == 0 ? nil : 1 - Double(repeats) / Double(withKnownClient) }

    /// Handle time ÷ the time consultants were on duty for these contacts (logged in, not on
    /// a break): how much of their time the contacts took.
    public func occupancy(staffed: TimeInterval) -> Double? { staffed <= 0 ? nil : min(1, totalHandle / staffed) }
}

/// The satisfaction surveys of a set of contacts (1–5).
public struct Satisfaction: Sendable, Equatable {
    public let answers: Int
    public let sum: Int
    public let satisfied: Int

    public init(ratings: [Int]) {
        let valid = ratings.filter { (1...5).contains($0) }
        answers = valid.count; sum = valid.reduce(0, +); satisfied = valid.filter { $0 >= 4 }.count
    }

    public init(answers: Int, sum: Int, satisfied: Int) { self.answers = answers; self.sum = sum; self.satisfied = satisfied }

    public var average: Double? { answers == 0 ? nil : Double(sum) / Double(answers) }
    /// The share who answered 4 or 5.
    public var satisfiedShare: Double? { answers == 0 ? nil : Double(satisfied) / Double(answers) }
}

/// Every figure a report shows, each with how it is computed: the reports print these
/// definitions under their tables so nobody has to guess which service level they read.
public enum Metric: String, Sendable, CaseIterable {
    case offered, answered, abandoned, shortAbandons = "short_abandons", serviceLevel = "service_level"
    case serviceLevelOfAnswered = "service_level_of_answered", averageSpeedOfAnswer = "asa", averageHandleTime = "aht"
    case longestWait = "longest_wait", transferRate = "transfer_rate", firstContactResolution = "fcr", occupancy
    case satisfaction = "csat", satisfiedShare = "csat_satisfied"

    /// How the figure is computed, in the reports' terms (English; the pages translate by `id`).
    public var definition: String {
        switch self {
        case .offered: "contacts that arrived in the period, each counted once however many legs it had"
        case .answered: "offered contacts a consultant connected to"
        case .abandoned: "contacts given up before an answer, after the short-abandon threshold"
        case .shortAbandons: "contacts given up within the short-abandon threshold, counted apart and left out of the rates"
        case .serviceLevel: "answered within T ÷ (answered + abandoned after T)"
        case .serviceLevelOfAnswered: "answered within T ÷ answered"
        case .averageSpeedOfAnswer: "mean wait from arrival to the first answer, over answered contacts"
        case .averageHandleTime: "mean talk time plus wrap-up time, over answered contacts"
        case .longestWait: "the longest wait to an answer or to giving up"
        case .transferRate: "answered contacts that were transferred ÷ answered"
        case .firstContactResolution: "contacts of known clients with no contact of theirs in the 7 days before ÷ contacts of known clients"
        case .occupancy: "handle time ÷ time the consultants were on duty"
        case .satisfaction: "mean survey rating (1–5)"
        case .satisfiedShare: "survey answers of 4 or 5 ÷ survey answers"
        }
    }
}
