import Foundation

/// What the public channels accept from one client address, and the queue places they get:
/// enough for a person, too little for a script filling the queues.
public enum IntakePolicy {
    /// Web forms (contact, callback, video booking) per client address per hour.
    public static let formsPerHour = 5
    /// Chats started per client address per hour.
    public static let chatsPerHour = 10
    /// A booked callback or video meeting goes before ordinary waiting contacts at its hour.
    public static let bookedPriority = 2
    /// The "language" of sign-language video contacts (Polski Język Migowy): consultants who
    /// sign have it among their languages, so the router offers them these contacts.
    public static let signLanguage = "pjm"
}
