import Foundation

/// Recruitment run by the centre for an employer's offer (seed 003: "rekrutacja zlecona przez
/// pracodawcę", with the candidates' consent to the data it lists).
public enum RecruitmentOrderStatus: String, Sendable, CaseIterable, Codable {
    /// Ordered and being worked: candidates are sought, screened and presented.
    case open
    /// Ended by the centre: every candidate was told the outcome.
    case closed
}

/// Where a candidate is in an order's pipeline.
public enum RecruitmentStage: String, Sendable, CaseIterable, Codable, Comparable {
    case found, screened, shortlisted, presented, hired, rejected

    /// The pipeline's order; `rejected` leaves it from any stage.
    static let forward: [RecruitmentStage] = [.found, .screened, .shortlisted, .presented, .hired]

    public static func < (a: RecruitmentStage, b: RecruitmentStage) -> Bool {
        (forward.firstIndex(of: a) ?? forward.count) < (forward.firstIndex(of: b) ?? forward.count)
    }

    public var isFinal: Bool { self == .hired || self == .rejected }

    /// Past `found` the centre works with the candidate's data beyond what they shared with
    /// every employer: only with their consent.
    public var needsConsent: Bool { self != .found && self != .rejected }

    /// The stages a candidate may be moved to from here: any later one, or out.
    public var next: [RecruitmentStage] {
        guard !isFinal else { return [] }
        return Self.forward.filter { $0 > self } + [.rejected]
    }
}

/// What the candidate said to the centre's request to take part.
public enum RecruitmentConsent: String, Sendable, CaseIterable, Codable {
    /// Asked by e-mail; no answer yet.
    case asked
    case given
    case declined
    /// Given, then taken back: out of the recruitment at once.
    case withdrawn

    public var isActive: Bool { self == .given }
}

/// How a candidate came into an order.
public enum RecruitmentSource: String, Sendable, CaseIterable, Codable {
    /// Found by the centre in the candidate search or among the offer's matching candidates.
    case search
    /// Applied for the offer themselves (consenting as they applied).
    case application
    /// From an earlier recruitment, having agreed to be considered for future ones.
    case pool
}

public struct RecruitmentOrder: Sendable, Equatable, Identifiable {
    public let id: UUID
    public let offerID: UUID
    public let companyID: UUID
    /// The offer's office: its staff run the order.
    public let officeID: String
    public let orderedBy: UUID?
    /// What the employer asks for beyond the offer (in their words).
    public var requirements: String
    public var status: RecruitmentOrderStatus
    public let createdAt: Date
    public var closedAt: Date?

    public init(id: UUID = UUID(), offerID: UUID, companyID: UUID, officeID: String, orderedBy: UUID?, requirements: String,
                status: RecruitmentOrderStatus = .open, createdAt: Date, closedAt: Date? = nil) {
        self.id = id; self.offerID = offerID; self.companyID = companyID; self.officeID = officeID; self.orderedBy = orderedBy
        self.requirements = requirements; self.status = status; self.createdAt = createdAt; self.closedAt = closedAt
    }
}

public struct RecruitmentNote: Sendable, Equatable {
    public let at: Date
    public let staffID: UUID?
    public let stage: RecruitmentStage
    public let text: String
    public init(at: Date, staffID: UUID?, stage: RecruitmentStage, text: String) {
        self.at = at; self.staffID = staffID; self.stage = stage; self.text = text
    }
}

public struct RecruitmentCandidate: Sendable, Equatable, Identifiable {
    public let id: UUID
    public let orderID: UUID
    public let cvID: UUID
    public let accountID: UUID
    public let source: RecruitmentSource
    public var stage: RecruitmentStage
    public var consent: RecruitmentConsent?
    public var consentAt: Date?
    public var outcomeSentAt: Date?
    public let createdAt: Date
    public var updatedAt: Date
    public var notes: [RecruitmentNote]

    public init(id: UUID = UUID(), orderID: UUID, cvID: UUID, accountID: UUID, source: RecruitmentSource, stage: RecruitmentStage = .found,
                consent: RecruitmentConsent? = nil, consentAt: Date? = nil, outcomeSentAt: Date? = nil, createdAt: Date, updatedAt: Date? = nil,
                notes: [RecruitmentNote] = []) {
        self.id = id; self.orderID = orderID; self.cvID = cvID; self.accountID = accountID; self.source = source; self.stage = stage
        self.consent = consent; self.consentAt = consentAt; self.outcomeSentAt = outcomeSentAt; self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt; self.notes = notes
    }

    /// The employer sees a candidate the centre presented (or hired) who consents now; a
    /// withdrawal takes them out of the employer's view with the next page.
    public var visibleToEmployer: Bool { consent == .given && (stage == .presented || stage == .hired) }
}

/// Why a step in the pipeline is refused.
public enum RecruitmentRefusal: Error, Equatable, Sendable {
    case orderClosed
    case notAllowed(from: RecruitmentStage, to: RecruitmentStage)
    case needsConsent
    case consentNotAskable(RecruitmentConsent?)
}

/// The rules of a recruitment run by the centre.
public enum RecruitmentPolicy {
    /// After an order ends its candidates' data is kept this long (for questions about the
    /// outcome), then leaves the recruitment — unless a candidate agreed to future ones.
    public static let keptAfterCloseDays = 30
    public static let maximumNote = 2_000
    public static let maximumRequirements = 4_000
    /// Open orders one company may have at once (one per offer in any case).
    public static let maximumOpenOrders = 20

    /// Checks moving a candidate; returns the stage they end in.
    public static func move(_ c: RecruitmentCandidate, in order: RecruitmentOrder, to stage: RecruitmentStage) throws -> RecruitmentStage {
        guard order.status == .open else { throw RecruitmentRefusal.orderClosed }
        guard c.stage.next.contains(stage) else { throw RecruitmentRefusal.notAllowed(from: c.stage, to: stage) }
        guard !stage.needsConsent || c.consent == .given else { throw RecruitmentRefusal.needsConsent }
        return stage
    }

    /// Where the centre may move a candidate now (none once they declined or withdrew, or the
    /// order ended): a later stage, or out; past "found" only with consent.
    public static func choices(_ c: RecruitmentCandidate, in order: RecruitmentOrder) -> [RecruitmentStage] {
        guard order.status == .open, c.consent != .declined, c.consent != .withdrawn else { return [] }
        return c.stage.next.filter { !$0.needsConsent || c.consent == .given }
    }

    /// A note is kept about someone still in the recruitment (who declined or withdrew is not).
    public static func canNote(_ c: RecruitmentCandidate, in order: RecruitmentOrder) throws {
        guard order.status == .open else { throw RecruitmentRefusal.orderClosed }
        guard c.consent != .declined, c.consent != .withdrawn else { throw RecruitmentRefusal.needsConsent }
    }

    /// What the candidate answered: yes or no to the request while the order runs, or taking a
    /// given consent back at any time.
    public enum Answer: String, Sendable, CaseIterable { case give, decline, withdraw }

    public static func answer(_ a: Answer, _ c: RecruitmentCandidate, in order: RecruitmentOrder) throws -> RecruitmentConsent {
        switch a {
        case .give, .decline:
            guard order.status == .open else { throw RecruitmentRefusal.orderClosed }
            guard c.consent == .asked else { throw RecruitmentRefusal.consentNotAskable(c.consent) }
            return a == .give ? .given : .declined
        case .withdraw:
            guard c.consent == .given else { throw RecruitmentRefusal.consentNotAskable(c.consent) }
            return .withdrawn
        }
    }

    /// The centre asks a found candidate once; one who declined or withdrew is not asked again
    /// for the same order.
    public static func canAsk(_ c: RecruitmentCandidate, in order: RecruitmentOrder) throws {
        guard order.status == .open else { throw RecruitmentRefusal.orderClosed }
        guard c.consent == nil else { throw RecruitmentRefusal.consentNotAskable(c.consent) }
    }

    /// At the end: who hears what. Candidates who consented hear whether they were chosen;
    /// the others never took part.
    public static func outcome(_ c: RecruitmentCandidate) -> Bool? {
        guard c.consent == .given, c.outcomeSentAt == nil else { return nil }
        return c.stage == .hired
    }
}
