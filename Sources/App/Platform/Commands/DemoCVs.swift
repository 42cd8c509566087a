import Vapor
import Fluent
import Portal
import Directory
import Storage

/// Demo CVs, so the candidate search of the demo transport company finds someone: Jan shares
/// what he seeks, his experience and licences; Olena shares her languages and education.
enum DemoCVs {
    static func load(_ app: Application) async throws {
        let drafts: [(String, CVDraft)] = [
            ("jan.demo@example.org", CVDraft(
                title: "CV – kierowca", desiredJob: "Kierowca samochodu ciężarowego C+E", occupationCode: "833202", desiredLocality: "Białystok",
                postalCode: "15-371", education: .vocational, educationDetails: "Zespół Szkół Samochodowych w Białymstoku",
                experienceMonths: 96, experience: "8 lat w transporcie międzynarodowym, trasy UE, chłodnie.",
                languages: [LanguageRequirement(language: "de", level: .a2), LanguageRequirement(language: "ru", level: .b1)],
                skills: "Tachograf cyfrowy, ładunki ADR.", licences: "Prawo jazdy C+E, kwalifikacja wstępna, ADR podstawowy.",
                courses: "Szkolenie okresowe kierowców 2025.", shared: [.desired, .experience, .licences],
                wish: WorkWish(commuteKm: 60, willingToMove: true, expectedWage: 8_000, time: .full))),
            ("olena.demo@example.org", CVDraft(
                title: "Резюме – бухгалтерія", desiredJob: "Księgowa, pomoc księgowa", occupationCode: "331301", desiredLocality: "Białystok",
                postalCode: "15-062", education: .higher, educationDetails: "Uniwersytet ekonomiczny, rachunkowość",
                experienceMonths: 60, experience: "Księgowość w firmie handlowej.",
                languages: [LanguageRequirement(language: "uk", level: .c2), LanguageRequirement(language: "pl", level: .b1),
                            LanguageRequirement(language: "en", level: .b1)],
                skills: "Excel, 1C.", shared: [.desired, .education, .languages],
                wish: WorkWish(commuteKm: 20, expectedWage: 35, expectedWageType: .hourly, time: .part, contracts: [.employment]))),
        ]
        let store = CVStore(db: app.db)
        for (email, draft) in drafts {
            guard let account = try await AccountStore(db: app.db).find(email: email),
                  try await store.list(account: account.id).isEmpty else { continue }
            let location = try await OfficeLocator(store: FluentDirectoryStore(db: app.db)).locate(draft.postalCode ?? "15-371")
            let occupation = try await draft.occupationCode.asyncMap { try await OfferStore(db: app.db).occupation($0)?.name } ?? nil
            let tokens = CVController.tokens(draft.sharedOnly, occupationName: occupation, powiatName: location.powiat.name,
                                             analyzer: app.services.analyzer)
            _ = try await store.create(account: account.id, draft, place: CVPlace(powiatCode: location.powiat.code, voivodeshipCode: location.voivodeship.code,
                                                                                    latitude: location.postalCode.latitude, longitude: location.postalCode.longitude),
                                       tokens: tokens)
        }
    }
}
