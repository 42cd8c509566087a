import Vapor
import Fluent
import Directory
import Portal
import Storage
import TextSearch
import Clients

/// Where an offer is and what the index holds for it.
struct OfferIndexer: Sendable {
    let db: any Database
    let analyzer: Analyzer
    let directory: any DirectoryStore

    enum PlaceError: Error { case unknownPostalCode, noOffice }

    /// Poland: the postal code's powiat, its serving office and coordinates. Abroad (EURES):
    /// the office of the company.
    func place(of d: OfferDraft, company: Company) async throws -> OfferPlace {
        if d.country != nil {
            guard let office = company.officeID else { throw PlaceError.noOffice }
            return OfferPlace(officeID: office, powiatCode: nil, voivodeshipCode: nil, latitude: nil, longitude: nil)
        }
        guard let code = d.postalCode, let location = try? await OfficeLocator(store: directory).locate(code) else {
            throw PlaceError.unknownPostalCode
        }
        return OfferPlace(officeID: location.office.id, powiatCode: location.powiat.code, voivodeshipCode: location.voivodeship.code,
                          latitude: location.postalCode.latitude, longitude: location.postalCode.longitude)
    }

    /// Title and occupation weigh most; the rest of what a seeker might type goes in the body.
    func tokens(_ d: OfferDraft, occupationName: String, place: OfferPlace, companyName: String) async throws -> SearchTokens {
        var body = [d.duties, d.locality, d.licences]
        if let p = place.powiatCode, let powiat = try await directory.powiat(code: p) { body.append(powiat.name) }
        if let v = place.voivodeshipCode, let voivodeship = try await directory.voivodeships().first(where: { $0.code == v }) {
            body.append(voivodeship.name)
        }
        if d.employerVisible { body.append(companyName) }
        return SearchTokens(title: analyzer.indexTokens(d.title + " " + occupationName), body: analyzer.indexTokens(body.joined(separator: " ")))
    }

    /// Every offer again (after the analyzer changed); returns how many.
    func reindexAll() async throws -> Int {
        let store = OfferStore(db: db)
        var count = 0
        for id in try await store.allIDs() {
            guard let offer = try await store.find(id) else { continue }
            let place = OfferPlace(officeID: offer.officeID, powiatCode: offer.powiatCode, voivodeshipCode: offer.voivodeshipCode,
                                   latitude: offer.latitude, longitude: offer.longitude)
            let t = try await tokens(offer.draft, occupationName: offer.occupationName, place: place, companyName: offer.companyName)
            try await SearchIndex.offers.put(id, title: t.title, body: t.body, on: db)
            count += 1
        }
        return count
    }
}

extension Request {
    var offerIndexer: OfferIndexer { OfferIndexer(db: db, analyzer: services.analyzer, directory: directory) }
}
