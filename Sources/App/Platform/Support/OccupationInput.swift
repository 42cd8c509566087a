import Vapor
import Fluent
import Portal
import Storage
import TextSearch

/// What a person typed into an occupation field, as a KZiS code: the digits it starts with
/// ("721204", "721204 – Spawacz" from the type-ahead), or an occupation named exactly so
/// ("spawacz"); otherwise what was typed, for the form's own check to refuse by field.
enum OccupationInput {
    static func resolve(_ typed: String?, _ req: Request) async throws -> (code: String, occupation: Occupation?) {
        let text = (typed ?? "").trimmingCharacters(in: .whitespaces)
        let directory = try await req.services.directoryCache.snapshot(req.db)
        if let code = Occupation.code(in: text) { return (code, code.count == 6 ? directory.occupation(code) : nil) }
        guard text.count >= 2 else { return (text, nil) }
        let folded = PolishFolding.fold(text)
        if let named = directory.occupations(matching: text, limit: 50).first(where: { PolishFolding.fold($0.name) == folded }) {
            return (named.code, named)
        }
        return (text, nil)
    }
}
