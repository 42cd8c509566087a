/// What a contact is about: one queue per office and topic, and a routing skill.
public enum ContactTopic: String, Sendable, CaseIterable, Codable {
    case registration, benefits, offers, trainings, employers, foreigners, other
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
