import Foundation

/// An offer as stored: what the employer wrote plus where it stands and where it is.
public struct StoredOffer: Sendable, Equatable {
    public let id: UUID
    public let draft: OfferDraft
    public let companyID: UUID
    public let companyName: String
    public let officeID: String
    public let status: OfferStatus
    public let moderationNote: String?
    public let occupationName: String
    public let powiatCode: String?
    public let voivodeshipCode: String?
    public let latitude: Double?
    public let longitude: Double?
    public let employerVerified: Bool
    public let createdAt: Date
    public let publishedAt: Date?

    /// Visible to the public: published and not past its date.
    public func isLive(now: Date) -> Bool { status == .published && draft.validUntil >= now }

    public init(id: UUID, draft: OfferDraft, companyID: UUID, companyName: String, officeID: String, status: OfferStatus, moderationNote: String? = nil, occupationName: String, powiatCode: String? = nil, voivodeshipCode: String? = nil, latitude: Double? = nil, longitude: Double? = nil, employerVerified: Bool, createdAt: Date, publishedAt: Date? = nil) {
        self.id = id; self.draft = draft; self.companyID = companyID; self.companyName = companyName; self.officeID = officeID; self.status = status; self.moderationNote = moderationNote; self.occupationName = occupationName; self.powiatCode = powiatCode; self.voivodeshipCode = voivodeshipCode; self.latitude = latitude; self.longitude = longitude; self.employerVerified = employerVerified; self.createdAt = createdAt; self.publishedAt = publishedAt
    }
}

/// Where an offer is: derived from its postal code by the caller (the directory knows it).
public struct OfferPlace: Sendable, Equatable {
    public var officeID: String
    public var powiatCode: String?
    public var voivodeshipCode: String?
    public var latitude: Double?
    public var longitude: Double?
    public init(officeID: String, powiatCode: String?, voivodeshipCode: String?, latitude: Double?, longitude: Double?) {
        self.officeID = officeID; self.powiatCode = powiatCode; self.voivodeshipCode = voivodeshipCode
        self.latitude = latitude; self.longitude = longitude
    }
}
