import Foundation

/// Live figures of one queue (an office and a topic).
public struct QueueFigures: Sendable, Equatable {
    public let officeID: String
    public let topic: String
    public var waiting = 0
    public var longestWait: TimeInterval = 0
    public var answeredToday = 0
    public var answeredInTargetToday = 0
    public var abandonedToday = 0
    /// Satisfaction surveys answered today for contacts of this queue (any channel: e-mail, SMS, chat).
    public var ratingsToday = 0
    public var ratingSumToday = 0

    /// The average rating (1–5) of today's answers (nil: none yet).
    public var satisfactionToday: Double? { ratingsToday == 0 ? nil : Double(ratingSumToday) / Double(ratingsToday) }

    /// Answered within the target over everything answered or abandoned today (nil: nothing yet).
    public var serviceLevelToday: Double? {
        let total = answeredToday + abandonedToday
        return total == 0 ? nil : Double(answeredInTargetToday) / Double(total)
    }

    public init(officeID: String, topic: String) {
        self.officeID = officeID; self.topic = topic
    }
}
