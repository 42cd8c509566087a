import Vapor
import Views
import Directory
import Portal
import Storage
import TextSearch

/// Trainings and job fairs as pages show them, and their index tokens.
enum EventViews {
    static func when(_ d: EventDraft, _ req: Request) -> String {
        let start = DateText.dateTime(d.startsAt, req.language)
        guard let end = d.endsAt else { return start }
        let sameDay = Calendar.polish.isDate(end, inSameDayAs: d.startsAt)
        return start + " – " + (sameDay ? DateText.time(end, req.language) : DateText.dateTime(end, req.language))
    }

    static func place(_ e: StoredEvent, _ req: Request) async throws -> String {
        if e.draft.online { return req.catalogue.text("event.online") }
        var parts = [e.draft.address, e.draft.locality].filter { !$0.isEmpty }
        if let p = e.powiatCode, let powiat = try await req.directory.powiat(code: p), powiat.name != e.draft.locality { parts.append(powiat.name) }
        return parts.joined(separator: ", ")
    }

    static func cost(_ d: EventDraft, _ req: Request) -> String? {
        guard d.kind == .training else { return nil }
        let t = req.catalogue
        let funding = t.text("event.funding." + d.funding.rawValue)
        guard let price = d.price, d.funding == .paid || price > 0 else { return funding }
        return funding + " · " + OfferViews.money(price, req.language) + " zł"
    }

    static func item(_ e: StoredEvent, _ req: Request) async throws -> EventListPage.Item {
        EventListPage.Item(id: e.id.uuidString.lowercased(), title: e.draft.title, organiser: e.draft.organiser, when: when(e.draft, req),
                           place: try await place(e, req), cost: cost(e.draft, req),
                           seats: e.draft.seats.map { req.catalogue.text("event.seats_value", ["n": "\($0)"]) })
    }

    static func detail(_ e: StoredEvent, office: Office?, _ req: Request) async throws -> EventDetailPage.Model {
        EventDetailPage.Model(kind: e.draft.kind.rawValue, listPath: EventController.path(e.draft.kind), item: try await item(e, req),
                              topic: e.draft.topic.isEmpty ? nil : e.draft.topic, description: e.draft.description,
                              office: office.map { ($0.name, SiteRoute.office(id: $0.id).path) })
    }

    static func tokens(_ d: EventDraft, powiatName: String?, analyzer: Analyzer) -> SearchTokens {
        SearchTokens(title: analyzer.indexTokens(d.title + " " + d.topic),
                     body: analyzer.indexTokens([d.organiser, d.description, d.locality, d.address, powiatName ?? ""].joined(separator: " ")))
    }
}
