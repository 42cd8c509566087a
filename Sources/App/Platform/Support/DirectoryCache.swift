import Vapor
import Fluent
import Directory
import Storage

/// The directory's small part (the TERYT register, the offices, who serves which powiat)
/// changes only when someone imports a new list, yet almost every page, form and call reads it:
/// it is kept in memory and read again after a minute. A minute is how long another server may
/// show a freshly imported list late; this server reads it again at once after its own import.
actor DirectoryCache {
    private var cached: (snapshot: DirectorySnapshot, at: ContinuousClock.Instant)?
    private var loading: Task<DirectorySnapshot, any Error>?
    let ttl: Duration

    init(ttl: Duration = .seconds(60)) { self.ttl = ttl }

    func snapshot(_ db: any Database) async throws -> DirectorySnapshot {
        if let cached, ContinuousClock.now - cached.at < ttl { return cached.snapshot }
        // Requests that arrive while it is being read wait for the same read.
        if let loading { return try await loading.value }
        let task = Task { try await DirectorySnapshot.load(db) }
        loading = task
        defer { loading = nil }
        let fresh = try await task.value
        cached = (fresh, ContinuousClock.now)
        return fresh
    }

    func register(_ db: any Database) async throws -> TerritorialRegister { try await snapshot(db).register }

    /// After an import in this process: the next reader reads the database.
    func invalidate() { cached = nil }
}
