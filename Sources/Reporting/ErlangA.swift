import Foundation

/// Erlang A (M/M/n+M): Erlang C's queue in which a waiting caller hangs up after an
/// exponentially distributed patience. With abandonment the queue stays finite whatever the
/// traffic and fewer consultants reach a target than Erlang C says. Worked out from the
/// queue's birth–death chain (what an arriving caller finds) and, for a caller who finds a
/// queue, from its place in it: the place moves up when a consultant frees (n/AHT) or someone
/// ahead gives up (1/patience each), while the caller gives up at 1/patience.
public struct ErlangA: Sendable, Equatable {
    public let agents: Int
    public let arrivalsPerSecond: Double
    public let handleTime: TimeInterval
    /// The mean patience of a waiting caller, seconds.
    public let patience: TimeInterval

    public init(arrivalsPerSecond: Double, handleTime: TimeInterval, patience: TimeInterval, agents: Int) {
        self.agents = agents; self.arrivalsPerSecond = arrivalsPerSecond; self.handleTime = handleTime; self.patience = patience
    }

    /// What becomes of the arrivals, as shares of them.
    public struct Outcome: Sendable, Equatable {
        public let answered: Double
        public let answeredWithin: Double
        public let abandoned: Double
        public let abandonedWithin: Double
        /// The mean wait of those answered, seconds.
        public let averageSpeedOfAnswer: TimeInterval
        /// The share of arrivals that wait at all.
        public let waiting: Double
        /// The mean number waiting (for checking: abandonment = mean waiting ÷ patience ÷ arrival rate).
        public let meanQueue: Double

        /// Answered within T ÷ (answered + abandoned after T): the reports' service level.
        public var serviceLevel: Double {
            let judged = answered + abandoned - abandonedWithin
            return judged > 0 ? answeredWithin / judged : 1
        }
    }

    var serviceRate: Double { 1 / handleTime }
    var abandonRate: Double { 1 / patience }

    /// The share of arrivals finding k contacts in the system (k = 0, 1, …), the tail cut
    /// where it no longer counts. Logarithms: the terms run far outside a Double otherwise.
    func arrivalsFinding() -> [Double] {
        let n = agents, lambda = arrivalsPerSecond
        var logs: [Double] = [0]
        var peak = 0.0, k = 0
        while k < n + 1_000_000 {
            k += 1
            let departures = Double(min(k, n)) * serviceRate + Double(max(k - n, 0)) * abandonRate
            let next = logs[k - 1] + log(lambda) - log(departures)
            logs.append(next)
            peak = max(peak, next)
            if k > n && departures > lambda && next < peak - 36 { break }
        }
        let terms = logs.map { exp($0 - peak) }
        let total = terms.reduce(0, +)
        return terms.map { $0 / total }
    }

    public func outcome(within seconds: TimeInterval) -> Outcome {
        let n = agents, theta = abandonRate
        guard arrivalsPerSecond > 0 else { return Outcome(answered: 1, answeredWithin: 1, abandoned: 0, abandonedWithin: 0, averageSpeedOfAnswer: 0, waiting: 0, meanQueue: 0) }
        let finding = arrivalsFinding()
        let immediate = finding.prefix(n).reduce(0, +)
        let places = max(0, finding.count - n)   // place j = 1 … places for a caller finding n + j − 1
        // The rate at which place i moves up (1: answered), and the clock that covers them all.
        let rate = (0...places).map { i in i == 0 ? 0 : Double(n) * serviceRate + Double(i - 1) * theta }
        var answered = immediate, waitAnswered = 0.0, served = 1.0, sojourn = 0.0, meanQueue = 0.0
        for j in stride(from: 1, through: places, by: 1) {
            let p = finding[n + j - 1]
            served *= rate[j] / (rate[j] + theta)
            sojourn += 1 / (rate[j] + theta)
            answered += p * served
            waitAnswered += p * served * sojourn
            meanQueue += Double(j) * (n + j < finding.count ? finding[n + j] : 0)
        }
        // Answered and abandoned by `seconds`, by uniformisation of the place in the queue.
        var answeredWithin = immediate, abandonedWithin = 0.0
        if places > 0 && seconds > 0 {
            let clock = rate[places] + theta, mean = clock * seconds
            var s = [Double](repeating: 0, count: places + 1), a = s
            s[0] = 1
            let steps = Int(mean + 12 * mean.squareRoot() + 20)
            var servedBy = [Double](repeating: 0, count: places + 1), abandonedBy = servedBy
            for m in 0...steps {
                let weight = exp(-mean + Double(m) * log(mean) - lgamma(Double(m) + 1))
                if m > 0 {
                    var nextS = s, nextA = a
                    for i in 1...places {
                        let stay = 1 - (rate[i] + theta) / clock
                        nextS[i] = rate[i] / clock * s[i - 1] + stay * s[i]
                        nextA[i] = theta / clock + rate[i] / clock * (i > 1 ? a[i - 1] : 0) + stay * a[i]
                    }
                    s = nextS; a = nextA
                }
                for i in 1...places { servedBy[i] += weight * s[i]; abandonedBy[i] += weight * a[i] }
            }
            for j in 1...places {
                answeredWithin += finding[n + j - 1] * servedBy[j]
                abandonedWithin += finding[n + j - 1] * abandonedBy[j]
            }
        }
        return Outcome(answered: answered, answeredWithin: min(answered, answeredWithin), abandoned: 1 - answered,
                       abandonedWithin: min(1 - answered, abandonedWithin), averageSpeedOfAnswer: answered > 0 ? waitAnswered / answered : 0,
                       waiting: 1 - immediate, meanQueue: meanQueue)
    }
}
