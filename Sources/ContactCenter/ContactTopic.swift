/// What a contact is about: one queue per office and topic, and a routing skill.
public enum ContactTopic: String, Sendable, CaseIterable, Codable {
    case registration, benefits, offers, trainings, employers, foreigners, other
    /// Questions about coming back to work in Poland (powroty.gov.pl's "Zadaj pytanie o
    /// powrót"): asked from abroad, so no office is the asker's own; one national queue.
    case returns
    /// A voivode's foreigners' helpline: legalisation of stay, work, citizenship.
    case foreignersStay = "foreigners_stay", foreignersWork = "foreigners_work", citizenship

    /// The topics a caller or visitor chooses among on the general line and contact form.
    public static let general: [ContactTopic] = allCases.filter { !$0.isNational && !$0.isHelpline }

    /// The topics of a foreigners' helpline (its own queues).
    public static let helpline: [ContactTopic] = [.foreignersStay, .foreignersWork, .citizenship]

    public var isHelpline: Bool { Self.helpline.contains(self) }

    /// Whether the topic's contacts are one national queue: any consultant who takes the topic
    /// may answer at once, wherever they work (its office is only where it is reported).
    public var isNational: Bool { self == .returns }
}

/// How a consultant closes an interaction (reporting counts these).
public enum OutcomeCode: String, Sendable, CaseIterable, Codable {
    case resolved
    case informationGiven = "information_given"
    case appointmentBooked = "appointment_booked"
    case callbackNeeded = "callback_needed"
    case referredToOffice = "referred_to_office"
    case notReached = "not_reached"
    case other
}
