import Foundation

/// How many consultants a queue needs in an hour to reach its service level, by Erlang C from
/// the arrival rate and handle time observed: the planning figure shown beside the
/// consultants actually logged in.
public struct StaffingNeed: Sendable, Equatable {
    public let agents: Int
    /// The service level those agents give (answered within T, Erlang C).
    public let serviceLevel: Double
    public let averageSpeedOfAnswer: TimeInterval
    public let occupancy: Double

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
                return StaffingNeed(agents: n, serviceLevel: level, averageSpeedOfAnswer: e.averageSpeedOfAnswer, occupancy: e.occupancy)
            }
            n += 1
        }
        return nil
    }
}
