import Fluent
import Foundation

/// The optional photo of an account (JPEG or PNG; the caller checks type and size).
public struct AccountPhotos: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }

    public func set(_ account: UUID, contentType: String, data: Data) async throws {
        try await db.transaction { tx in
            try await AccountPhotoRecord.query(on: tx).filter(\.$id == account).delete()
            let r = AccountPhotoRecord()
            r.id = account; r.contentType = contentType; r.data = data; r.updatedAt = Date()
            try await r.create(on: tx)
        }
    }

    public func get(_ account: UUID) async throws -> (contentType: String, data: Data)? {
        try await AccountPhotoRecord.find(account, on: db).map { ($0.contentType, $0.data) }
    }

    public func delete(_ account: UUID) async throws {
        try await AccountPhotoRecord.query(on: db).filter(\.$id == account).delete()
    }
}
