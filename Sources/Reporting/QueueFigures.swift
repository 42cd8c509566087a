import Foundation

/// What a queue (office + topic) looks like now and how today went, for the wallboard.
public struct QueueFigures: Sendable, Equatable {
    public let officeID: String
    public let topic: String
    public var waiting = 0
    public var longestWait: TimeInterval = 0
    public var answeredToday = 0
    /// Answered within its channel's time (`ServiceTargets`).
    public var answeredInTargetToday = 0
    public var abandonedToday = 0
    /// Satisfaction surveys answered today for contacts of this queue (any channel: e-mail, SMS, chat).
    public var ratingsToday = 0
    public var ratingSumToday = 0
    /// The service level each contact of today was to meet, summed (see `target`).
    public var targetSumToday = 0.0
    /// Today by hour of the day (Polish time): what was answered, in time, abandoned.
    public var byHour: [Int: Hour] = [:]

    public struct Hour: Sendable, Equatable {
        public var answered = 0, inTarget = 0, abandoned = 0
        public init(answered: Int = 0, inTarget: Int = 0, abandoned: Int = 0) { self.answered = answered; self.inTarget = inTarget; self.abandoned = abandoned }
    }

    /// The average rating (1–5) of today's answers (nil: none yet).
    public var satisfactionToday: Double? { ratingsToday == 0 ? nil : Double(ratingSumToday) / Double(ratingsToday) }

    /// Answered within the target over everything answered or abandoned today (nil: nothing yet).
    public var serviceLevelToday: Double? {
        let total = answeredToday + abandonedToday
        return total == 0 ? nil : Double(answeredInTargetToday) / Double(total)
    }

    /// The service level the queue is to reach today: its contacts' channel targets, weighted
    /// by how many came by each channel (nil: nothing yet).
    public var target: Double? {
        let total = answeredToday + abandonedToday
        return total == 0 ? nil : targetSumToday / Double(total)
    }

    /// Counts one contact answered or abandoned today at `hour`.
    public mutating func count(answered: Bool, inTarget: Bool, target: Double, hour: Int) {
        var h = byHour[hour] ?? Hour()
        if answered {
            answeredToday += 1; h.answered += 1
            if inTarget { answeredInTargetToday += 1; h.inTarget += 1 }
        } else {
            abandonedToday += 1; h.abandoned += 1
        }
        targetSumToday += target
        byHour[hour] = h
    }

    /// The service level so far at the end of each hour with contacts up to `hour`, first hour
    /// with a contact onwards: the day's line for the wallboard.
    public func serviceLevelSoFar(through hour: Int) -> [(hour: Int, level: Double?)] {
        guard let first = byHour.keys.min(), first <= hour else { return [] }
        var answered = 0, inTarget = 0, abandoned = 0
        return (first...hour).map { h in
            if let x = byHour[h] { answered += x.answered; inTarget += x.inTarget; abandoned += x.abandoned }
            let total = answered + abandoned
            return (h, total == 0 ? nil : Double(inTarget) / Double(total))
        }
    }

    /// How the queue stands against its target: met, within ten points under it, or further.
    public enum Standing: String, Sendable { case met, near, missed, none }

    public var standing: Standing {
        guard let level = serviceLevelToday, let target else { return .none }
        if level >= target { return .met }
        return level >= target - 0.1 ? .near : .missed
    }

    public init(officeID: String, topic: String) {
        self.officeID = officeID; self.topic = topic
    }
}
