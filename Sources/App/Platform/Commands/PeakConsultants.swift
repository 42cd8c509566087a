import Vapor
import Fluent
import ContactCenter
import Access
import Storage

/// `zielona bench consultants --count 2000`: the consultants of the national peak benchmark
/// (`scripts/bench-peak.py`), spread over every labour office (one in twenty also in the national
/// pool), each speaking Polish and English, offline until they sign in. The password is shared
/// and printed; each enrols its own second factor at its first sign-in, as staff do. Run against
/// a benchmark's own database only: the accounts are real staff accounts.
enum PeakConsultants {
    static let password = "Zielona-Bench-2026"

    static func email(_ n: Int) -> String { "bench.konsultant.\(n)@example.org" }

    /// Creates those of the first `count` not there yet; how many it created.
    static func create(_ app: Application, count: Int) async throws -> Int {
        let offices = try await FluentDirectoryStore(db: app.db).offices(matching: nil, voivodeship: nil).filter { $0.kind == .pup }
        guard !offices.isEmpty else { throw ConsoleCommandError(message: "no labour offices in the database: run seed first") }
        let hash = try app.password.hash(password)
        var created = 0
        for batch in stride(from: 0, to: count, by: 200) {
            created += try await app.db.transaction { tx in
                var made = 0
                for n in batch..<min(batch + 200, count) where try await AccountStore(db: tx).find(email: email(n)) == nil {
                    let office = offices[n % offices.count]
                    let id = try await StaffStore(db: tx).create(email: email(n), passwordHash: hash, displayName: "Bench: konsultant \(n)",
                                                                 roles: [.consultant], scope: .offices([office.id]), language: "pl")
                    try await ContactCenterStore(db: tx).save(Agent(id: id.uuidString, offices: [office.id], voivodeships: [office.voivodeshipCode],
                                                                    nationalPool: n % 20 == 0, languages: ["pl", "en"], state: .offline,
                                                                    idleSince: Date()), now: Date())
                    made += 1
                }
                return made
            }
        }
        return created
    }
}
