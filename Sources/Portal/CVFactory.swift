import Foundation

/// Fabryka CV (seed 003): anyone may ask the centre to create, improve or translate a CV.
public enum CVFactoryKind: String, Sendable, CaseIterable, Codable {
    case create, improve, translate

    /// Improving or translating needs something to work from (a CV of the account or a file).
    public var needsSource: Bool { self != .create }
}

/// Where a request is. The centre's staff take it (in progress), deliver a result; the
/// requester accepts it (done) or sends it back with a reason (in progress again, due anew).
/// The requester may withdraw it until it is done.
public enum CVFactoryStatus: String, Sendable, CaseIterable, Codable {
    case received
    case inProgress = "in_progress"
    case delivered
    case accepted
    case withdrawn

    public var isOpen: Bool { self == .received || self == .inProgress }
    public var isFinished: Bool { self == .accepted || self == .withdrawn }

    public enum Step: String, Sendable { case take, deliver, accept, sendBack = "send_back", withdraw }

    /// The status after a step, or nil when the step is not possible from here.
    public func after(_ step: Step) -> CVFactoryStatus? {
        switch (self, step) {
        case (.received, .take), (.inProgress, .take): .inProgress
        case (.inProgress, .deliver): .delivered
        case (.delivered, .accept): .accepted
        case (.delivered, .sendBack): .inProgress
        case (.received, .withdraw), (.inProgress, .withdraw), (.delivered, .withdraw): .withdrawn
        default: nil
        }
    }
}

/// The service's rules: how long the centre has, which languages it translates into, what
/// a note and a file may be.
public enum CVFactoryPolicy {
    /// Days from a request (or from its result being sent back) to when it is due.
    public static let daysToDeliver = 7
    public static let daysAfterSendBack = 3
    /// The languages the centre writes CVs in: the portal's four and those Poles most often
    /// apply in abroad.
    public static let languages = ["pl", "en", "ru", "uk", "de", "fr", "es", "it", "nl", "cs", "sk", "lt", "no", "sv"]
    public static let maximumNote = 2_000
    public static let maximumReason = 1_000
    /// A finished request's working copy (the file, the result, the notes) is kept this long
    /// for questions about it, then deleted (the register's `cv_factory` purpose).
    public static let keptAfterFinishDays = 90

    public static func due(from: Date, sentBack: Bool = false) -> Date {
        from.addingTimeInterval(Double(sentBack ? daysAfterSendBack : daysToDeliver) * 86_400)
    }
}

/// One request as the centre keeps it.
public struct CVFactoryRequest: Sendable, Equatable, Identifiable {
    public let id: UUID
    public var kind: CVFactoryKind
    /// The language the result is to be written in.
    public var targetLanguage: String
    /// The requester's account (a job seeker), or nil for a visitor known by e-mail only.
    public var accountID: UUID?
    public var email: String
    public var name: String?
    /// The language the requester uses the portal in: their mail comes in it.
    public var language: String
    public var note: String
    /// The account's CV to work from.
    public var sourceCV: UUID?
    public var hasSourceFile: Bool
    public var status: CVFactoryStatus
    public var assignedTo: UUID?
    public var dueAt: Date
    public var createdAt: Date
    public var updatedAt: Date
    public var finishedAt: Date?
    /// The result for an account: a CV draft the requester accepts into their CVs.
    public var result: CVDraft?
    public var hasResultFile: Bool
    /// Why the requester sent the last result back.
    public var returnReason: String?
    /// The CV the accepted result became.
    public var acceptedCV: UUID?

    public init(id: UUID = UUID(), kind: CVFactoryKind, targetLanguage: String, accountID: UUID?, email: String, name: String?, language: String,
                note: String, sourceCV: UUID?, hasSourceFile: Bool, status: CVFactoryStatus = .received, assignedTo: UUID? = nil, dueAt: Date,
                createdAt: Date, updatedAt: Date? = nil, finishedAt: Date? = nil, result: CVDraft? = nil, hasResultFile: Bool = false,
                returnReason: String? = nil, acceptedCV: UUID? = nil) {
        self.id = id; self.kind = kind; self.targetLanguage = targetLanguage; self.accountID = accountID; self.email = email; self.name = name
        self.language = language; self.note = note; self.sourceCV = sourceCV; self.hasSourceFile = hasSourceFile; self.status = status
        self.assignedTo = assignedTo; self.dueAt = dueAt; self.createdAt = createdAt; self.updatedAt = updatedAt ?? createdAt
        self.finishedAt = finishedAt; self.result = result; self.hasResultFile = hasResultFile; self.returnReason = returnReason
        self.acceptedCV = acceptedCV
    }

    public func isOverdue(at now: Date) -> Bool { status.isOpen && dueAt < now }
}
