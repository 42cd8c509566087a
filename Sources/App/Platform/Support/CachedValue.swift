/// A value read from the database now and then rather than on every request: kept for `ttl`,
/// then read again; requests that arrive while it is being read wait for that same read.
actor CachedValue<Value: Sendable> {
    private var cached: (value: Value, at: ContinuousClock.Instant)?
    private var loading: Task<Value, any Error>?
    let ttl: Duration

    init(ttl: Duration) { self.ttl = ttl }

    func get(_ load: @escaping @Sendable () async throws -> Value) async throws -> Value {
        if let cached, ContinuousClock.now - cached.at < ttl { return cached.value }
        if let loading { return try await loading.value }
        let task = Task { try await load() }
        loading = task
        defer { loading = nil }
        let fresh = try await task.value
        cached = (fresh, ContinuousClock.now)
        return fresh
    }

    /// The next reader reads the database.
    func invalidate() { cached = nil }
}
