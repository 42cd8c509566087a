import Vapor
import Fluent
import Directory
import Portal
import Storage

/// Demo trainings and a job fair of PUP Białystok, dated from today so they stay upcoming.
enum DemoEvents {
    static func load(_ app: Application, by staff: UUID) async throws {
        let store = EventStore(db: app.db)
        guard try await store.list(offices: [DemoStaff.office]).isEmpty else { return }
        let day = Calendar.polish.startOfDay(for: Date())
        func at(_ days: Int, _ hour: Int) -> Date { day.addingTimeInterval(Double(days) * 86_400 + Double(hour) * 3_600) }
        let drafts = [
            EventDraft(kind: .training, title: "Operator wózków jezdniowych z egzaminem UDT", organiser: "Demo: Ośrodek Szkoleniowy Podlasie",
                       topic: "Wózki widłowe", description: "Kurs dla osób zarejestrowanych w PUP: 67 godzin zajęć teoretycznych i praktycznych, egzamin przed komisją UDT.",
                       locality: "Białystok", address: "ul. Handlowa 6", postalCode: "15-062", startsAt: at(14, 9), endsAt: at(28, 15),
                       funding: .office, seats: 12, officeID: DemoStaff.office),
            EventDraft(kind: .training, title: "Kadry i płace w praktyce", organiser: "Demo: Akademia Księgowości",
                       topic: "Kadry i płace", description: "Naliczanie wynagrodzeń, umowy, ZUS i PIT. Zajęcia zdalne, cztery spotkania.",
                       online: true, locality: "", startsAt: at(21, 17), endsAt: at(42, 20), price: 1450, funding: .kfs, seats: 20, officeID: DemoStaff.office),
            EventDraft(kind: .jobFair, title: "Podlaskie Targi Pracy", organiser: "Demo: Powiatowy Urząd Pracy w Białymstoku",
                       description: "Kilkudziesięciu pracodawców z regionu, oferty pracy w kraju i w ramach EURES, doradztwo zawodowe na miejscu.",
                       locality: "Białystok", address: "ul. Pogodna 63/1", postalCode: "15-354", startsAt: at(30, 10), endsAt: at(30, 14),
                       officeID: DemoStaff.office),
        ]
        let locator = OfficeLocator(store: FluentDirectoryStore(db: app.db))
        for d in drafts {
            let location = try await d.postalCode.asyncMap { try await locator.locate($0) }
            _ = try await store.create(d, place: EventPlace(powiatCode: location?.powiat.code, voivodeshipCode: location?.voivodeship.code ?? "20"),
                                       tokens: EventViews.tokens(d, powiatName: location?.powiat.name, analyzer: app.services.analyzer), by: staff)
        }
    }
}
