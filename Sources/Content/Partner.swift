import Foundation
import Portal

/// An institution on the "they work with us" page: its name, address and logo.
public struct PartnerDraft: Sendable, Equatable {
    public var name: String
    public var url: String
    /// What the institution does with the service, one line (optional).
    public var description: String
    /// Lower comes first.
    public var position: Int

    public init(name: String, url: String, description: String = "", position: Int = 0) {
        self.name = name; self.url = url; self.description = description; self.position = position
    }

    public func problems() -> [OfferDraft.Problem] {
        var out: [OfferDraft.Problem] = []
        if let p = OfferDraft.Problem.length("name", name, min: 2, max: 200) { out.append(p) }
        if let p = OfferDraft.Problem.length("description", description, max: 300) { out.append(p) }
        if !Self.isWebAddress(url) { out.append(.init("url", "partners.error.url")) }
        if !(0...9_999).contains(position) { out.append(.init("position", "partners.error.position")) }
        return out
    }

    /// An https (or http) address with a host: no `javascript:` or relative links.
    public static func isWebAddress(_ s: String) -> Bool {
        guard s.count <= 500, let url = URLComponents(string: s.trimmingCharacters(in: .whitespaces)),
              let scheme = url.scheme?.lowercased(), ["https", "http"].contains(scheme),
              let host = url.host, host.contains("."), !host.hasPrefix("."), !host.hasSuffix(".") else { return false }
        return true
    }
}

public struct Partner: Sendable, Equatable {
    public let id: UUID
    public let draft: PartnerDraft
    public let logo: ContentImage.Info?
    public init(id: UUID, draft: PartnerDraft, logo: ContentImage.Info?) { self.id = id; self.draft = draft; self.logo = logo }
}
