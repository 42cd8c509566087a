import Foundation

/// Trainings and job fairs, which offices add and the portal lists.
public enum EventKind: String, Sendable, CaseIterable, Codable {
    case training
    case jobFair = "job_fair"
}

/// Who pays for a training.
public enum Funding: String, Sendable, CaseIterable, Codable {
    /// Free for participants (e.g. run by the office itself).
    case free
    /// Paid by the labour office for registered people (Fundusz Pracy).
    case office
    /// The National Training Fund (KFS), for employers' staff.
    case kfs
    /// Participants pay the price.
    case paid
}

public struct EventDraft: Sendable, Equatable, Codable {
    public var kind: EventKind
    public var title: String
    /// The training institution; for a job fair, the organiser (often the office itself).
    public var organiser: String
    public var topic: String
    public var description: String
    public var online: Bool
    public var locality: String
    public var address: String
    public var postalCode: String?
    public var startsAt: Date
    public var endsAt: Date?
    public var price: Double?
    public var funding: Funding
    public var seats: Int?
    /// The office that added it and answers questions about it.
    public var officeID: String

    public init(kind: EventKind, title: String, organiser: String, topic: String = "", description: String, online: Bool = false,
                locality: String, address: String = "", postalCode: String? = nil, startsAt: Date, endsAt: Date? = nil,
                price: Double? = nil, funding: Funding = .free, seats: Int? = nil, officeID: String) {
        self.kind = kind; self.title = title; self.organiser = organiser; self.topic = topic; self.description = description
        self.online = online; self.locality = locality; self.address = address; self.postalCode = postalCode; self.startsAt = startsAt
        self.endsAt = endsAt; self.price = price; self.funding = funding; self.seats = seats; self.officeID = officeID
    }

    public func problems(now: Date) -> [OfferDraft.Problem] {
        var p: [OfferDraft.Problem] = []
        func length(_ field: String, _ value: String, min: Int = 0, max: Int) {
            if let problem = OfferDraft.Problem.length(field, value, min: min, max: max) { p.append(problem) }
        }
        length("title", title, min: 1, max: 200)
        length("organiser", organiser, min: 1, max: 200)
        length("topic", topic, min: kind == .training ? 1 : 0, max: 200)
        length("description", description, min: 10, max: 5000)
        length("locality", locality, min: online ? 0 : 1, max: 100)
        length("address", address, max: 300)
        if !online && postalCode == nil { p.append(.init("postal_code", "offer.error.required")) }
        if startsAt < now.addingTimeInterval(-86_400) { p.append(.init("starts_at", "offer.error.past")) }
        if let end = endsAt, end < startsAt { p.append(.init("ends_at", "event.error.end_before_start")) }
        if let price, price < 0 || price > 1_000_000 { p.append(.init("price", "offer.error.wage_negative")) }
        if funding == .paid && price == nil && kind == .training { p.append(.init("price", "offer.error.required")) }
        if let seats, !(1...100_000).contains(seats) { p.append(.init("seats", "event.error.seats")) }
        return p
    }
}
