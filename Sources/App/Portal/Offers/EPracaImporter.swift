import Vapor
import Fluent
import Directory
import Portal
import Storage
import TextSearch

/// Imports offers from an ePraca-style JSON export (an array of offers, or an object with
/// the array under `oferty`). Each offer is checked and stored on its own, in its own
/// transaction; the report lists every rejected record with the field and the reason.
struct EPracaImporter {
    let app: Application

    struct Report: Sendable {
        var created = 0
        var updated = 0
        var rejected: [(index: Int, id: String?, field: String, reason: String)] = []
    }

    enum FileError: Error, CustomStringConvertible {
        case notJSON(String), noOffers
        var description: String {
            switch self {
            case .notJSON(let why): "the file is not JSON: \(why)"
            case .noOffers: "no offers: expected a JSON array of offers or an object with \"oferty\""
            }
        }
    }

    func importFile(_ data: Data, now: Date = Date()) async throws -> Report {
        let json: Any
        do { json = try JSONSerialization.jsonObject(with: data) } catch { throw FileError.notJSON("\(error.localizedDescription)") }
        guard let list = (json as? [Any]) ?? ((json as? [String: Any])?["oferty"] as? [Any]) else { throw FileError.noOffers }
        var report = Report()
        let offers = OfferStore(db: app.db)
        let locator = OfficeLocator(store: FluentDirectoryStore(db: app.db))
        let directory = try await app.services.directoryCache.snapshot(app.db)
        for (index, item) in list.enumerated() {
            let id = ((item as? [String: Any])?["identyfikatorOferty"]).flatMap { EPracaRecord.text($0) }
            func reject(_ field: String, _ reason: String) { report.rejected.append((index + 1, id, field, reason)) }
            guard let object = item as? [String: Any] else { reject("-", "not a JSON object"); continue }
            let record: EPracaRecord
            do { record = try EPracaRecord(json: object, now: now) } catch { reject(error.field, error.reason); continue }

            let location: OfficeLocation
            do {
                location = try await locator.locate(record.postalCode ?? "")
            } catch {
                reject("kodPocztowy", record.postalCode == nil ? "missing (needed to find the powiat)" : "unknown postal code \(record.postalCode!)")
                continue
            }
            let occupation: Occupation?
            if let code = record.occupationCode {
                occupation = try await offers.occupation(code)
            } else {
                let folded = PolishFolding.fold(record.title)
                occupation = directory.occupations(matching: record.title, limit: 50).first { PolishFolding.fold($0.name) == folded }
            }
            guard let occupation else {
                reject("kodZawodu", record.occupationCode.map { "unknown KZiS code \($0)" } ?? "missing, and no occupation is named like the title")
                continue
            }
            let draft = OfferDraft(title: record.title, occupationCode: occupation.code, duties: record.duties, postalCode: location.postalCode.code,
                                   locality: record.locality, country: nil, contract: record.contract, workingTime: record.workingTime, shifts: .single,
                                   wageMin: record.wageMin, wageMax: record.wageMax, wageType: .monthly, positions: record.positions,
                                   positionsForDisabled: 0, education: .none, languages: [], experienceMonths: 0, licences: "", startDate: nil,
                                   validUntil: record.validUntil, howToApply: record.howToApply, employerVisible: true)
            if let problem = draft.problems(today: now, occupationExists: { _ in true }).first {
                reject(Self.epracaField[problem.field] ?? problem.field, problem.key + problem.arguments.map { " \($0.key)=\($0.value)" }.joined())
                continue
            }
            let place = OfferPlace(officeID: location.office.id, powiatCode: location.powiat.code, voivodeshipCode: location.voivodeship.code,
                                   latitude: location.postalCode.latitude, longitude: location.postalCode.longitude)
            let company = try await EmployerStore(db: app.db).importedCompany(name: record.employerName, nip: record.employerNIP, officeID: location.office.id)
            let indexer = OfferIndexer(db: app.db, analyzer: app.services.analyzer, directory: FluentDirectoryStore(db: app.db))
            let tokens = try await indexer.tokens(draft, occupationName: occupation.name, place: place, companyName: record.employerName)
            switch try await offers.importOffer(externalID: "epraca:" + record.externalID, draft, company: company, place: place, tokens: tokens,
                                                publishedAt: record.publishedAt) {
            case .created: report.created += 1
            case .updated: report.updated += 1
            }
        }
        return report
    }

    /// Our field names back to ePraca's, for the report.
    static let epracaField = ["title": "stanowisko", "duties": "zakresObowiazkow", "locality": "miejscowosc", "wage_max": "wynagrodzenieBrutto",
                              "wage_min": "wynagrodzenieBrutto", "valid_until": "ofertaWaznaDo", "positions": "liczbaMiejsc",
                              "working_time": "wymiarEtatu", "how_to_apply": "sposobAplikowania", "occupation": "kodZawodu"]
}
