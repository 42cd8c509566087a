import Foundation
import Identity
import Directory
import Portal

/// An office's contact details as the office itself confirms them: they replace the directory's
/// unverified data and mark the office verified.
public struct OfficeDetails: Sendable, Equatable, Codable {
    public var street: String
    public var postalCode: String
    public var locality: String
    public var phone: String
    public var email: String
    public var website: String
    /// `WeeklyHours` notation: "mon-fri 07:30-15:30; thu 07:30-17:00".
    public var hours: String

    public init(street: String, postalCode: String, locality: String, phone: String, email: String, website: String, hours: String) {
        self.street = street; self.postalCode = postalCode; self.locality = locality; self.phone = phone; self.email = email
        self.website = website; self.hours = hours
    }

    /// Each field checked as the rest of the system checks it, in its one spelling.
    public func checked() -> (OfficeDetails?, [OfferDraft.Problem]) {
        var out = self, problems: [OfferDraft.Problem] = []
        out.street = street.trimmingCharacters(in: .whitespaces); out.locality = locality.trimmingCharacters(in: .whitespaces)
        if let p = OfferDraft.Problem.length("street", out.street, min: 3, max: 200) { problems.append(p) }
        if let p = OfferDraft.Problem.length("locality", out.locality, min: 2, max: 100) { problems.append(p) }
        do { out.postalCode = try PostalCode(postalCode).value } catch { problems.append(.init("postal_code", "faq.error.postal_code")) }
        do { out.phone = try PhoneNumber(phone).value } catch { problems.append(.init("phone", "validation.phone")) }
        do { out.email = try EmailAddress(email).value } catch { problems.append(.init("email", "validation.format_email")) }
        out.website = website.trimmingCharacters(in: .whitespaces)
        if !out.website.isEmpty && !PartnerDraft.isWebAddress(out.website) { problems.append(.init("website", "partners.error.url")) }
        out.hours = hours.trimmingCharacters(in: .whitespaces)
        if WeeklyHours(notation: out.hours) == nil { problems.append(.init("hours", "pages.error.hours")) }
        return (problems.isEmpty ? out : nil, problems)
    }

    /// The office with these details in place of the directory's, verified.
    public func applied(to office: Office) -> Office {
        var o = office
        o.street = street; o.postalCode = postalCode; o.locality = locality; o.phone = phone; o.email = email
        o.website = website.isEmpty ? nil : website; o.hours = WeeklyHours(notation: hours); o.verified = true; o.note = nil
        return o
    }
}
