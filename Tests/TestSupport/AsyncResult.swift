extension Result where Failure == any Error {
    /// The outcome of an async throwing call, for tests that race two calls with `async let`.
    public init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
