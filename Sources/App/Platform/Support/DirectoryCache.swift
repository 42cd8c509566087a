import Vapor
import Fluent
import Directory
import Storage

/// The directory's small part (the TERYT register, the offices, who serves which powiat, the
/// occupations) changes only when someone imports a new list, yet almost every page, form and
/// call reads it: it is kept in memory and read again after a minute. A minute is how long
/// another server may show a freshly imported list late; this server reads it again at once
/// after its own import.
struct DirectoryCache: Sendable {
    private let value: CachedValue<DirectorySnapshot>

    init(ttl: Duration = .seconds(60)) { value = CachedValue(ttl: ttl) }

    func snapshot(_ db: any Database) async throws -> DirectorySnapshot { try await value.get { try await DirectorySnapshot.load(db) } }

    func register(_ db: any Database) async throws -> TerritorialRegister { try await snapshot(db).register }

    /// After an import in this process: the next reader reads the database.
    func invalidate() async { await value.invalidate() }
}
