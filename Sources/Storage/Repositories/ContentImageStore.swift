import Fluent
import SQLKit
import Foundation
import Content

/// The pictures portal content carries, stored once scaled (`ContentImage.prepare`).
public struct ContentImageStore: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }

    public func insert(_ image: ContentImage.Prepared, now: Date = Date()) async throws -> ContentImage.Info {
        let id = UUID()
        try await (db as! any SQLDatabase).insert(into: "content_images").columns("id", "format", "width", "height", "data", "created_at")
            .values(SQLBind(id), SQLBind(image.format.rawValue), SQLBind(image.width), SQLBind(image.height), SQLBind(image.data), SQLBind(now)).run()
        return ContentImage.Info(id: id, format: image.format, width: image.width, height: image.height)
    }

    public func info(_ id: UUID) async throws -> ContentImage.Info? {
        try await (db as! any SQLDatabase).select().columns("id", "format", "width", "height").from("content_images")
            .where("id", .equal, SQLBind(id)).first().flatMap(Self.info)
    }

    public func data(_ id: UUID) async throws -> (format: ContentImage.Format, data: Data)? {
        guard let row = try await (db as! any SQLDatabase).select().columns("format", "data").from("content_images")
            .where("id", .equal, SQLBind(id)).first(),
              let format = ContentImage.Format(rawValue: try row.decode(column: "format", as: String.self)) else { return nil }
        return (format, try row.decode(column: "data", as: Data.self))
    }

    /// Removes a picture nothing refers to any more (a replaced or removed one).
    public func deleteIfUnused(_ id: UUID) async throws {
        let sql = db as! any SQLDatabase
        for (table, column) in [("news_items", "image_id"), ("partners", "logo_id"), ("site_theme", "logo_id")] {
            if try await sql.select().column(column).from(table).where(SQLIdentifier(column), .equal, SQLBind(id)).limit(1).first() != nil { return }
        }
        try await sql.delete(from: "content_images").where("id", .equal, SQLBind(id)).run()
    }

    static func info(_ row: any SQLRow) throws -> ContentImage.Info? {
        guard let format = ContentImage.Format(rawValue: try row.decode(column: "format", as: String.self)) else { return nil }
        return ContentImage.Info(id: try row.decode(column: "id", as: UUID.self), format: format,
                                 width: try row.decode(column: "width", as: Int.self), height: try row.decode(column: "height", as: Int.self))
    }
}
