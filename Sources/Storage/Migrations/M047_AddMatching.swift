import Fluent
import SQLKit
import Foundation
import Portal

/// Matching offers and CVs (issue 27): the employer-facing copy of a CV gets what matching
/// reads (where, how far, pay, terms, licences and languages as numbers), filled for the CVs
/// already there; offers are read by their last change; candidate search gets indexes for its
/// commonest filters. (Seekers' "new offers that fit my
/// CV" alerts are saved searches of their own kind, sent once per offer like the others.)
struct M047_AddMatching: AsyncMigration {
    static let candidateFields: [(String, DatabaseSchema.DataType)] = [
        ("latitude", .double), ("longitude", .double), ("commute_km", .int), ("willing_to_move", .bool), ("expected_monthly", .double),
        ("work_time", .string), ("contracts", .string), ("licences", .int), ("language_levels", .string),
    ]

    func prepare(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        for (name, type) in Self.candidateFields { try await db.schema("cv_candidates").field(.string(name), type).update() }
        try await sql.create(index: "offers_updated_idx").on("offers").column("updated_at").run()
        // Candidate search at a million seekers: its commonest filters, newest first.
        try await sql.create(index: "cv_candidates_occupation_idx").on("cv_candidates").column("occupation_code").column("updated_at").run()
        // Newest first within a voivodeship, carrying what the other filters read, so a search
        // by place, experience, education and language is answered from the index alone.
        try await sql.create(index: "cv_candidates_voivodeship_idx").on("cv_candidates").column("voivodeship_code").column("updated_at")
            .column("experience_months").column("education_rank").column("languages").column("cv_id").run()
        try await sql.create(index: "cv_candidates_place_occupation_idx").on("cv_candidates")
            .column("voivodeship_code").column("occupation_code").column("updated_at").column("cv_id").run()
        // The few accounts that may not be matched, or sent alerts, each set found by an index
        // of exactly its condition (partial: empty for almost everyone) instead of reading a
        // million accounts in every candidate search and every batch of alerts.
        try await sql.raw("CREATE INDEX accounts_matching_hold_idx ON accounts (id) WHERE objects_to_matching_at IS NOT NULL OR restricted_at IS NOT NULL").run()
        try await sql.raw("CREATE INDEX accounts_alerts_hold_idx ON accounts (id) WHERE objects_to_alerts_at IS NOT NULL OR restricted_at IS NOT NULL").run()
        try await Self.fillCandidates(on: db)
    }

    /// The CVs shared before this migration: their matching columns from their content and the
    /// coordinates of their postal code, a thousand at a time.
    static func fillCandidates(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        var after = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
        while true {
            let rows = try await sql.raw("""
                SELECT c.cv_id, v.content FROM cv_candidates c JOIN cvs v ON v.id = c.cv_id \
                WHERE c.cv_id > \(bind: after) ORDER BY c.cv_id LIMIT 1000
                """).all()
            guard !rows.isEmpty else { return }
            for row in rows {
                let id = try row.decode(column: "cv_id", as: UUID.self)
                after = id
                guard let draft = try? JSONDecoder().decode(CVDraft.self, from: Data(try row.decode(column: "content", as: String.self).utf8)) else { continue }
                var place: (Double, Double)? = nil
                if let code = draft.postalCode,
                   let p = try await sql.select().columns("latitude", "longitude").from("postal_codes").where("code", .equal, SQLBind(code)).first(),
                   let lat = try p.decode(column: "latitude", as: Double?.self), let lon = try p.decode(column: "longitude", as: Double?.self) {
                    place = (lat, lon)
                }
                try await CVStore.matchColumns(draft.sharedOnly, latitude: place?.0, longitude: place?.1)
                    .reduce(sql.update("cv_candidates")) { $0.set(SQLIdentifier($1.0), to: $1.1) }
                    .where("cv_id", .equal, SQLBind(id)).run()
            }
        }
    }

    func revert(on db: any Database) async throws {
        for index in ["offers_updated_idx", "cv_candidates_occupation_idx", "cv_candidates_voivodeship_idx", "cv_candidates_place_occupation_idx", "accounts_matching_hold_idx", "accounts_alerts_hold_idx"] {
            try await (db as! any SQLDatabase).drop(index: index).run()
        }
        for (name, _) in Self.candidateFields { try await db.schema("cv_candidates").deleteField(.string(name)).update() }
    }
}
