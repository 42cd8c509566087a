import Foundation

/// An e-mail address as accounts use it: trimmed, at most 254 characters, one "@", a domain
/// with a dot, no spaces; compared in lower case.
public struct EmailAddress: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    public init(_ raw: String) throws(IdentifierError) {
        let v = raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard !v.isEmpty else { throw .empty }
        let parts = v.split(separator: "@", omittingEmptySubsequences: false)
        guard v.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64,
              parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."), !parts[1].contains(".."),
              !v.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "," || $0 == ";" || $0 == "\"" })
        else { throw .format }
        value = v
    }

    public var description: String { value }
    public var localPart: String { String(value.split(separator: "@")[0]) }
}

extension EmailAddress {
    /// The address typed in a form, or why it is not one.
    public static func checked(_ text: String) -> Result<EmailAddress, IdentifierError> {
        do { return .success(try EmailAddress(text)) } catch { return .failure(error) }
    }
}
