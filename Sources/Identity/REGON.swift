/// Business register number: 9 digits (an entity) or 14 digits (a local unit: the entity's 9
/// digits, 4 more and a second check digit).
public struct REGON: Hashable, Sendable, CustomStringConvertible {
    public let value: String
    static let weights9 = [8, 9, 2, 3, 4, 5, 6, 7]
    static let weights14 = [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8]

    public init(_ raw: String) throws(IdentifierError) {
        let d = try DigitInput.digits(raw)
        guard d.count == 9 || d.count == 14 else { throw .wrongLength(expected: [9, 14], actual: d.count) }
        guard Self.checkDigit(d[0..<8], Self.weights9) == d[8] else { throw .checksum }
        if d.count == 14 {
            guard Self.checkDigit(d[0..<13], Self.weights14) == d[13] else { throw .checksum }
        }
        value = d.map(String.init).joined()
    }

    public var isLocalUnit: Bool { value.count == 14 }
    public var description: String { value }

    static func checkDigit(_ digits: ArraySlice<Int>, _ weights: [Int]) -> Int {
        let r = DigitInput.weightedSum(digits, weights) % 11
        return r == 10 ? 0 : r
    }
}

import Foundation
