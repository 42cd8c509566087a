/// Polish postal code (PNA), always held as "NN-NNN". Accepts "15371" and "15 371" too, as
/// people type them.
public struct PostalCode: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public let value: String

    public init(_ raw: String) throws(IdentifierError) {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .empty }
        let chars = Array(trimmed)
        let digits: [Character]
        switch chars.count {
        case 5: digits = chars
        case 6 where chars[2] == "-" || chars[2] == " ": digits = Array(chars[0..<2] + chars[3...])
        default: throw .format
        }
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw .format }
        value = String(digits[0..<2]) + "-" + String(digits[2...])
    }

    public var description: String { value }
    public static func < (a: Self, b: Self) -> Bool { a.value < b.value }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(raw) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "invalid postal code"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(value)
    }
}

import Foundation
