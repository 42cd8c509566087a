import Fluent
import Foundation

/// An index for matching kept in memory: everything read now and then (`rebuildEvery`, in the
/// background once there is one), and on top of it what changed since, read again when this
/// process changed something or every `refreshEvery` (another server's changes).
actor MatchSnapshot<Index: Sendable> {
    typealias Full = @Sendable (any Database) async throws -> Index
    typealias Changes = @Sendable (any Database, Index, Date) async throws -> Index

    let full: Full
    let changes: Changes
    let generation: @Sendable () -> Int
    let rebuildEvery: Duration
    let refreshEvery: Duration
    private var base: (index: Index, readAt: Date, at: ContinuousClock.Instant)?
    private var current: (index: Index, at: ContinuousClock.Instant, generation: Int)?
    private var loading: Task<Index, any Error>?
    private var rebuilding = false

    init(rebuildEvery: Duration = .seconds(600), refreshEvery: Duration = .seconds(20), generation: @escaping @Sendable () -> Int,
         full: @escaping Full, changes: @escaping Changes) {
        self.rebuildEvery = rebuildEvery; self.refreshEvery = refreshEvery; self.generation = generation; self.full = full; self.changes = changes
    }

    func index(_ db: any Database) async throws -> Index {
        let gen = generation()
        if let c = current, ContinuousClock.now - c.at < refreshEvery, c.generation == gen { return c.index }
        if let loading { return try await loading.value }
        let task = Task { try await self.refresh(db, generation: gen) }
        loading = task
        defer { loading = nil }
        return try await task.value
    }

    private func refresh(_ db: any Database, generation gen: Int) async throws -> Index {
        if base == nil {
            try await rebuild(db)
        } else if let b = base, ContinuousClock.now - b.at >= rebuildEvery, !rebuilding {
            // A million CVs take seconds to read: meanwhile pages use the old snapshot.
            rebuilding = true
            Task { try? await self.rebuild(db); self.rebuilt() }
        }
        let b = base!
        // A little before the snapshot was read: a change committed just after it. (Not much
        // more: after a bulk import everything is "changed", and a large overlay slows scans.)
        let index = try await changes(db, b.index, b.readAt.addingTimeInterval(-5))
        current = (index, ContinuousClock.now, gen)
        return index
    }

    private func rebuild(_ db: any Database) async throws {
        let readAt = Date()
        let index = try await full(db)
        base = (index, readAt, ContinuousClock.now)
        current = nil
    }

    private func rebuilt() { rebuilding = false }

    /// Reads everything now (benchmarks, and `serve` warming up before the first employer asks).
    func warm(_ db: any Database) async throws -> Index {
        try await rebuild(db)
        return try await index(db)
    }
}
