import Foundation

/// What a person may consent to (art. 6(1)(a) RODO), each for one purpose of the register.
public enum ConsentKind: String, Sendable, CaseIterable, Codable {
    /// The services of a portal account (CVs, alerts, candidate search): the account itself.
    case accountServices = "account_services"
    case newsletter
    /// Offer alerts by SMS.
    case smsAlerts = "sms_alerts"
    /// Taking part in a recruitment run by the centre.
    case recruitment
    /// Being kept, after a recruitment ends, to be considered for the centre's future ones.
    case futureRecruitments = "future_recruitments"
    /// Chats kept under an e-mail address.
    case chatHistory = "chat_history"

    /// The purpose of the register the consent is for.
    public var purpose: String {
        switch self {
        case .accountServices, .smsAlerts: "portal_account"
        case .newsletter: "newsletter"
        case .recruitment, .futureRecruitments: "recruitment"
        case .chatHistory: "chat"
        }
    }

    /// The version of the text shown now (`consent.<kind>.v<version>` in the catalogues). A
    /// new wording gets a new version and keeps the old one: each consent says which it saw.
    public var currentVersion: Int { 1 }

    /// The catalogue key of a version's text; version 0 is a consent given before the ledger.
    public func textKey(version: Int) -> String { "consent.\(rawValue).v\(version)" }
}

/// Where a consent was given or withdrawn.
public enum ConsentChannel: String, Sendable, CaseIterable, Codable {
    case web, app, phone, letter, email
    /// Before the ledger existed: recorded from the account's creation.
    case migrated
    /// The demonstration data.
    case demo
}

/// One consent as the ledger keeps it: given with the text version shown, maybe withdrawn.
public struct ConsentRecord: Sendable, Equatable, Identifiable {
    public let id: UUID
    public let kind: ConsentKind
    public let version: Int
    public let givenAt: Date
    public let channel: ConsentChannel
    public let withdrawnAt: Date?
    public let withdrawnChannel: ConsentChannel?

    public init(id: UUID, kind: ConsentKind, version: Int, givenAt: Date, channel: ConsentChannel, withdrawnAt: Date?, withdrawnChannel: ConsentChannel?) {
        self.id = id; self.kind = kind; self.version = version; self.givenAt = givenAt; self.channel = channel
        self.withdrawnAt = withdrawnAt; self.withdrawnChannel = withdrawnChannel
    }

    public var isActive: Bool { withdrawnAt == nil }
}

/// A consent about to be recorded: its kind, the version of the text shown, the channel.
public struct ConsentGiven: Sendable, Equatable {
    public let kind: ConsentKind
    public let version: Int
    public let channel: ConsentChannel
    public init(_ kind: ConsentKind, version: Int? = nil, channel: ConsentChannel) {
        self.kind = kind; self.version = version ?? kind.currentVersion; self.channel = channel
    }
}
