/// Why an identifier was rejected. Each case has a catalogue key so the reason reaches the user
/// in their language (`validation.<case>`).
public enum IdentifierError: Error, Equatable, Sendable {
    case empty
    case invalidCharacters
    case wrongLength(expected: [Int], actual: Int)
    case checksum
    case invalidDate
    case format

    public var catalogueKey: String {
        switch self {
        case .empty: "validation.empty"
        case .invalidCharacters: "validation.invalid_characters"
        case .wrongLength: "validation.wrong_length"
        case .checksum: "validation.checksum"
        case .invalidDate: "validation.invalid_date"
        case .format: "validation.format"
        }
    }

    /// Values to put into the catalogue message (`{expected}`, `{actual}`).
    public var arguments: [String: String] {
        switch self {
        case let .wrongLength(expected, actual):
            ["expected": expected.map(String.init).joined(separator: "/"), "actual": String(actual)]
        default: [:]
        }
    }
}

/// Turns user input into digits: drops the separators people type (spaces, dashes, dots)
/// and rejects anything else.
enum DigitInput {
    static func digits(_ raw: String, allowedSeparators: Set<Character> = [" ", "-", "."]) throws(IdentifierError) -> [Int] {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .empty }
        var result: [Int] = []
        for ch in trimmed {
            if let d = ch.wholeNumberValue, ch.isASCII { result.append(d) }
            else if allowedSeparators.contains(ch) { continue }
            else { throw .invalidCharacters }
        }
        return result
    }

    static func weightedSum(_ digits: ArraySlice<Int>, _ weights: [Int]) -> Int {
        zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
    }
}

import Foundation
