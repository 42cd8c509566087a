import Foundation

/// The Erlang C model of a single queue with `agents` servers, Poisson arrivals and
/// exponential handle times, nobody hanging up: the classic staffing prediction.
public struct ErlangC: Sendable, Equatable {
    public let agents: Int
    /// Offered traffic in Erlangs: arrivals per second × mean handle time.
    public let traffic: Double
    public let handleTime: TimeInterval

    public init(arrivalsPerSecond: Double, handleTime: TimeInterval, agents: Int) {
        self.agents = agents; self.handleTime = handleTime; self.traffic = arrivalsPerSecond * handleTime
    }

    /// Probability that a contact waits at all (1 when the traffic reaches the agents).
    public var probabilityOfWaiting: Double {
        guard traffic < Double(agents) else { return 1 }
        // Erlang B by recursion (no factorials to overflow), then C from B.
        var b = 1.0
        for k in 1...max(1, agents) { b = traffic * b / (Double(k) + traffic * b) }
        let n = Double(agents)
        return n * b / (n - traffic * (1 - b))
    }

    /// Share of contacts answered within `seconds`.
    public func serviceLevel(within seconds: TimeInterval) -> Double {
        guard traffic < Double(agents) else { return 0 }
        return 1 - probabilityOfWaiting * exp(-(Double(agents) - traffic) * seconds / handleTime)
    }

    /// Average speed of answer in seconds (over all contacts).
    public var averageSpeedOfAnswer: Double {
        guard traffic < Double(agents) else { return .infinity }
        return probabilityOfWaiting * handleTime / (Double(agents) - traffic)
    }

    public var occupancy: Double { min(1, traffic / Double(agents)) }
}
