import Foundation

/// What a seeker says about the work they want besides the occupation: how far they would
/// travel, whether they would move, the pay they expect, full or part time, which contracts.
public struct WorkWish: Sendable, Equatable, Codable {
    public enum Time: String, Sendable, CaseIterable, Codable { case any, full, part }

    /// The longest daily journey, in kilometres.
    public var commuteKm: Int?
    public var willingToMove: Bool
    public var expectedWage: Double?
    /// `.monthly` or `.hourly`: compared with an offer's pay in one unit.
    public var expectedWageType: WageType
    public var time: Time
    /// Empty: any contract.
    public var contracts: [ContractType]

    public init(commuteKm: Int? = nil, willingToMove: Bool = false, expectedWage: Double? = nil, expectedWageType: WageType = .monthly,
                time: Time = .any, contracts: [ContractType] = []) {
        self.commuteKm = commuteKm; self.willingToMove = willingToMove; self.expectedWage = expectedWage
        self.expectedWageType = expectedWageType; self.time = time; self.contracts = contracts
    }

    /// The journey assumed when a seeker gives none: about what a regional commute is.
    public static let defaultCommuteKm = 30
    public var commute: Int { commuteKm ?? Self.defaultCommuteKm }

    /// The expected pay a month (an hourly rate × the hours of a full-time month).
    public var expectedMonthly: Double? {
        guard let w = expectedWage else { return nil }
        return expectedWageType == .hourly ? w * Pay.hoursPerMonth : w
    }

    public func problems() -> [OfferDraft.Problem] {
        var p: [OfferDraft.Problem] = []
        if let km = commuteKm, !(0...500).contains(km) { p.append(.init("commute_km", "cv.error.commute")) }
        if let w = expectedWage, !(w > 0 && w <= 1_000_000) { p.append(.init("expected_wage", "offer.error.number")) }
        if expectedWageType != .monthly && expectedWageType != .hourly { p.append(.init("expected_wage_type", "offer.error.choice")) }
        return p
    }
}

/// Pay in one unit: offers and CVs say monthly or hourly, matching compares months.
public enum Pay {
    /// Full-time hours in an average month (40 h × 52 weeks ÷ 12, about 173; the Polish
    /// working-time norm averages 168 over a year with holidays, which is used here).
    public static let hoursPerMonth = 168.0

    /// An offer's best monthly pay; nil when it gives none or pays by the piece or task.
    public static func monthly(min: Double?, max: Double?, type: WageType) -> Double? {
        guard let w = max ?? min else { return nil }
        switch type {
        case .monthly: return w
        case .hourly: return w * hoursPerMonth
        case .piecework, .task: return nil
        }
    }
}
