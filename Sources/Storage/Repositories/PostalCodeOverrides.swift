import Fluent
import SQLKit
import Foundation
import Directory

/// Administrators' corrections of the powiat a postal code is routed to.
public struct PostalCodeOverrides: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }

    public enum Failure: Error, Equatable { case unknownPostalCode, unknownPowiat }

    public struct Override: Sendable, Equatable {
        public let code: String
        public let powiatCode: String
        public let reason: String?
        public let createdAt: Date
    }

    /// Routes `code` to `powiatCode` from now on, and keeps doing so after reloads of the table.
    public func set(code: String, powiatCode: String, reason: String?) async throws {
        try await db.transaction { tx in
            guard try await PostalCodeRecord.find(code, on: tx) != nil else { throw Failure.unknownPostalCode }
            guard try await PowiatRecord.find(powiatCode, on: tx) != nil else { throw Failure.unknownPowiat }
            try await PostalCodeOverrideRecord.query(on: tx).filter(\.$id == code).delete()
            let r = PostalCodeOverrideRecord()
            r.id = code; r.powiatCode = powiatCode; r.reason = reason; r.createdAt = Date()
            try await r.create(on: tx)
            try await (tx as! any SQLDatabase).update("postal_codes").set("powiat_code", to: SQLBind(powiatCode))
                .set("method", to: SQLBind(PowiatMethod.override.rawValue)).where("code", .equal, code).run()
        }
    }

    public func list() async throws -> [Override] {
        try await PostalCodeOverrideRecord.query(on: db).sort(\.$id).all().map {
            Override(code: $0.id!, powiatCode: $0.powiatCode, reason: $0.reason, createdAt: $0.createdAt)
        }
    }
}
