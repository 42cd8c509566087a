/// Tax identification number: 10 digits, the last a mod-11 check digit. People write it with
/// dashes or spaces and sometimes with the EU VAT prefix "PL".
public struct NIP: Hashable, Sendable, CustomStringConvertible {
    public let value: String
    static let weights = [6, 5, 7, 2, 3, 4, 5, 6, 7]

    public init(_ raw: String) throws(IdentifierError) {
        var input = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if input.uppercased().hasPrefix("PL") { input = String(input.dropFirst(2)) }
        let d = try DigitInput.digits(input)
        guard d.count == 10 else { throw .wrongLength(expected: [10], actual: d.count) }
        let check = DigitInput.weightedSum(d[0..<9], Self.weights) % 11
        // A remainder of 10 is never issued: such a number is invalid whatever its last digit.
        guard check != 10, check == d[9] else { throw .checksum }
        value = d.map(String.init).joined()
    }

    public var description: String { value }
}

import Foundation
