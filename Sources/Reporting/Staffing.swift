import Foundation

/// How many consultants a queue needs in an hour to reach its service level, from the arrival
/// rate and handle time observed: by Erlang C (nobody hangs up), and by Erlang A with the
/// patience observed (callers who wait too long hang up, as they do) — the planning figures
/// shown beside the consultants actually logged in.
public struct StaffingNeed: Sendable, Equatable {
    public let agents: Int
    /// The service level those agents give (Erlang C: answered within T ÷ offered; Erlang A:
    /// answered within T ÷ (answered + abandoned after T), the reports' own).
    public let serviceLevel: Double
    public let averageSpeedOfAnswer: TimeInterval
    public let occupancy: Double
    /// The share of callers who hang up (Erlang A; 0 for Erlang C).
    public let abandonment: Double

    /// The fewest agents whose Erlang C service level within `within` seconds reaches
    /// `target`; nil when nothing arrives. Never fewer than the traffic itself needs.
    public static func forTarget(_ target: Double, within: TimeInterval, arrivalsPerHour: Double, handleTime: TimeInterval,
                                 maximumAgents: Int = 2_000) -> StaffingNeed? {
        guard arrivalsPerHour > 0, handleTime > 0 else { return nil }
        let rate = arrivalsPerHour / 3_600
        var n = max(1, Int((rate * handleTime).rounded(.up)))
        while n <= maximumAgents {
            let e = ErlangC(arrivalsPerSecond: rate, handleTime: handleTime, agents: n)
            let level = e.serviceLevel(within: within)
            if level >= target {
                return StaffingNeed(agents: n, serviceLevel: level, averageSpeedOfAnswer: e.averageSpeedOfAnswer, occupancy: e.occupancy, abandonment: 0)
            }
            n += 1
        }
        return nil
    }

    /// The fewest agents whose Erlang A service level reaches `target` with callers of mean
    /// `patience`: searched by halves up to Erlang C's answer (abandonment only shortens the
    /// queue, so that many always suffice).
    public static func forTarget(_ target: Double, within: TimeInterval, arrivalsPerHour: Double, handleTime: TimeInterval,
                                 patience: TimeInterval, maximumAgents: Int = 2_000) -> StaffingNeed? {
        guard patience > 0, let ceiling = forTarget(target, within: within, arrivalsPerHour: arrivalsPerHour, handleTime: handleTime,
                                                    maximumAgents: maximumAgents) else { return nil }
        let rate = arrivalsPerHour / 3_600
        func need(_ n: Int) -> StaffingNeed {
            let o = ErlangA(arrivalsPerSecond: rate, handleTime: handleTime, patience: patience, agents: n).outcome(within: within)
            return StaffingNeed(agents: n, serviceLevel: o.serviceLevel, averageSpeedOfAnswer: o.averageSpeedOfAnswer,
                                occupancy: min(1, rate * o.answered * handleTime / Double(n)), abandonment: o.abandoned)
        }
        var low = 1, high = ceiling.agents, best = need(high)
        while low < high {
            let mid = (low + high) / 2, m = need(mid)
            if m.serviceLevel >= target { high = mid; best = m } else { low = mid + 1 }
        }
        return best.agents == low ? best : need(low)
    }
}
