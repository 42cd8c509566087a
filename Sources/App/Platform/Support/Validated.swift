import Vapor
import Identity

extension Request {
    /// Builds an identifier from input, turning its rejection into a 400 that names the field
    /// and gives the reason in the visitor's language.
    func validated<T>(_ field: String, _ make: () throws(IdentifierError) -> T) throws -> T {
        do { return try make() } catch {
            throw FieldValidationError(field: field, reason: catalogue.text(error.catalogueKey, error.arguments))
        }
    }
}
