import Vapor
import Directory

/// The TERYT register (16 voivodeships, 380 powiats) changes only when someone imports a new
/// one, yet almost every directory request needs it: keep it in memory for a minute instead of
/// reading 400 rows per request. A minute is how long another server may show a freshly
/// imported register late.
actor RegisterCache {
    private var cached: (register: TerritorialRegister, at: ContinuousClock.Instant)?
    let ttl: Duration

    init(ttl: Duration = .seconds(60)) { self.ttl = ttl }

    func register(_ store: any DirectoryStore) async throws -> TerritorialRegister {
        if let cached, ContinuousClock.now - cached.at < ttl { return cached.register }
        let fresh = TerritorialRegister(voivodeships: try await store.voivodeships(), powiats: try await store.powiats(inVoivodeship: nil))
        cached = (fresh, ContinuousClock.now)
        return fresh
    }
}
