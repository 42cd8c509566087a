import Foundation

/// Whose news it is: the whole service's, one voivodeship's (its WUP and offices), or one office's.
public enum NewsScope: Sendable, Equatable, Hashable, Codable {
    case national
    case voivodeship(String)
    case office(String)

    public var kind: String {
        switch self { case .national: "national"; case .voivodeship: "voivodeship"; case .office: "office" }
    }

    public var officeID: String? { if case .office(let id) = self { id } else { nil } }

    public var voivodeshipCode: String? { if case .voivodeship(let code) = self { code } else { nil } }

    /// From the stored or submitted kind and code (nil: a kind without its code, or unknown).
    public init?(kind: String, code: String?) {
        let code = code?.trimmingCharacters(in: .whitespaces) ?? ""
        switch kind {
        case "national": self = .national
        case "voivodeship" where code.count == 2 && code.allSatisfy(\.isNumber): self = .voivodeship(code)
        case "office" where !code.isEmpty: self = .office(code)
        default: return nil
        }
    }

    public var code: String? {
        switch self { case .national: nil; case .voivodeship(let c): c; case .office(let id): id }
    }
}
