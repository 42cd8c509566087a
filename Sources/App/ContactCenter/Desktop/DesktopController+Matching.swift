import Vapor
import Views
import ContactCenter
import Storage
import Localization
import Portal
import Clients

/// Offers that fit the client: on the screen pop, from the CVs of the portal account linked to
/// the client, one click sending one to the client.
extension DesktopController {
    static let fittingShown = 5

    func fittingOffers(account: UUID, _ req: Request) async throws -> [InteractionPage.FittingOffer] {
        guard case .found(let found) = try await Matching(req).offers(forSeeker: account, k: Self.fittingShown) else { return [] }
        let text = MatchText(t: req.catalogue, language: req.language)
        return found.map { m in
            InteractionPage.FittingOffer(id: m.offer.id.uuidString.lowercased(), title: m.offer.draft.title,
                                         detail: [m.offer.draft.employerVisible ? m.offer.companyName : nil, m.offer.draft.locality].compactMap { $0 }.joined(separator: ", "),
                                         why: req.catalogue.text("matches.score", ["score": "\(m.match.score)"]) + " – " + text.line(m.match))
        }
    }

    struct SendOfferInput: Content { var offer: String? }

    /// Sends a live offer to the client by e-mail (their address on the card, else their portal
    /// account's) in the contact's language, and notes it on the contact; with no address it
    /// is only noted, to be read out.
    @Sendable func sendOffer(req: Request, member: StaffMember) async throws -> Response {
        guard let (i, _) = try await ContactCenterStore(db: req.db).find(try interactionID(req)) else { throw DesktopError.notFound }
        guard let offerID = try req.content.decode(SendOfferInput.self).offer.flatMap(UUID.init(uuidString:)),
              let offer = try await OfferStore(db: req.db).find(offerID), offer.isLive(now: Date()) else {
            throw FieldValidationError(field: "offer", reason: req.catalogue.text("offers.not_found"))
        }
        var email = try await clientEmail(i, req)
        if email == nil, let id = i.clientID, let account = try await ClientStore(db: req.db).find(id: id)?.accountID {
            email = try await AccountStore(db: req.db).find(id: account)?.email
        }
        let language = Language(rawValue: i.language) ?? .pl
        let url = req.services.config.publicURL + SiteRoute.offer(offer.id.uuidString.lowercased()).with(["lang": language.rawValue])
        let text = req.catalogue.text(email == nil ? "desktop.offer_noted_text" : "desktop.offer_sent_text", ["title": offer.draft.title, "url": url])
        let mail = email.map { MailComposer(publicURL: req.services.config.publicURL).offerForClient(to: $0, title: offer.draft.title, id: offer.id, language: language) }
        let (events, logger, wrapUp) = (req.application.desktopEvents, req.logger, req.services.config.wrapUpSeconds)
        let agent = member.id.uuidString
        return try await acting(req, member, done: email == nil ? "offer_noted" : "offer_sent") {
            try await req.db.transaction { tx in
                try await DesktopService(db: tx, events: events, logger: logger, wrapUpSeconds: wrapUp).addNote(i.id, agent: agent, text: text)
                if let mail { try await Outbox(db: tx).enqueue(mail) }
            }
        }
    }
}
