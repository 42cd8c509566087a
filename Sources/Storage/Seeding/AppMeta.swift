import Fluent
import Foundation

/// Reads and writes `app_meta` facts.
public struct AppMeta: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }

    public func get(_ key: String) async throws -> String? {
        try await AppMetaRecord.find(key, on: db)?.value
    }

    public func set(_ key: String, _ value: String) async throws {
        if let r = try await AppMetaRecord.find(key, on: db) {
            r.value = value; r.updatedAt = Date()
            try await r.update(on: db)
        } else {
            let r = AppMetaRecord(); r.id = key; r.value = value; r.updatedAt = Date()
            try await r.create(on: db)
        }
    }
}
