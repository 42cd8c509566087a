import Vapor
import Fluent
import Portal
import Storage
import TextSearch

/// What a person typed into an occupation field, as a KZiS code: the digits it starts with
/// ("721204", "721204 – Spawacz" from the type-ahead), or an occupation named exactly so
/// ("spawacz"); otherwise what was typed, for the form's own check to refuse by field.
enum OccupationInput {
    static func resolve(_ typed: String?, _ db: any Database) async throws -> (code: String, occupation: Occupation?) {
        let text = (typed ?? "").trimmingCharacters(in: .whitespaces)
        let store = OfferStore(db: db)
        if let code = Occupation.code(in: text) { return (code, code.count == 6 ? try await store.occupation(code) : nil) }
        guard text.count >= 2 else { return (text, nil) }
        let folded = PolishFolding.fold(text)
        if let named = try await store.occupations(matching: text, limit: 50).first(where: { PolishFolding.fold($0.name) == folded }) {
            return (named.code, named)
        }
        return (text, nil)
    }
}
