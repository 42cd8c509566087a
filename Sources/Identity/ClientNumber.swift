import Foundation

/// The number a client gives on the phone: 8 digits and a Luhn check digit, so a mistyped
/// digit or two swapped neighbours are caught before anything is looked up.
public struct ClientNumber: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    public init(_ raw: String) throws(IdentifierError) {
        let d = try DigitInput.digits(raw, allowedSeparators: [" ", "-"])
        guard d.count == 9 else { throw .wrongLength(expected: [9], actual: d.count) }
        guard Self.luhnCheckDigit(Array(d[0..<8])) == d[8] else { throw .checksum }
        value = d.map(String.init).joined()
    }

    /// A new number from a random 8-digit body (the first digit never 0, so it keeps its length
    /// wherever it is typed).
    public static func random<G: RandomNumberGenerator>(using rng: inout G) -> ClientNumber {
        var body = [Int.random(in: 1...9, using: &rng)]
        for _ in 0..<7 { body.append(Int.random(in: 0...9, using: &rng)) }
        let number = (body + [luhnCheckDigit(body)]).map(String.init).joined()
        return try! ClientNumber(number)
    }

    public static func random() -> ClientNumber {
        var g = SystemRandomNumberGenerator()
        return random(using: &g)
    }

    static func luhnCheckDigit(_ body: [Int]) -> Int {
        var sum = 0
        for (i, digit) in body.reversed().enumerated() {
            var v = digit
            if i % 2 == 0 { v *= 2; if v > 9 { v -= 9 } }
            sum += v
        }
        return (10 - sum % 10) % 10
    }

    public var description: String { value }
}

/// What a phone PIN must be: 4 to 8 digits, not one digit repeated, not a straight run.
public enum PINPolicy {
    public enum Problem: String, Sendable, Equatable {
        case length = "pin.length"
        case digitsOnly = "pin.digits_only"
        case trivial = "pin.trivial"
    }

    public static func problems(_ pin: String) -> [Problem] {
        guard pin.allSatisfy({ $0.isASCII && $0.isNumber }) else { return [.digitsOnly] }
        guard (4...8).contains(pin.count) else { return [.length] }
        let d = pin.compactMap(\.wholeNumberValue)
        let steps = zip(d.dropFirst(), d).map { $0 - $1 }
        if Set(d).count == 1 || steps.allSatisfy({ $0 == 1 }) || steps.allSatisfy({ $0 == -1 }) { return [.trivial] }
        return []
    }
}

/// A phone number in E.164 form; Polish numbers may be typed without +48.
public struct PhoneNumber: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    public init(_ raw: String) throws(IdentifierError) {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .empty }
        var digits = try DigitInput.digits(trimmed.hasPrefix("+") ? String(trimmed.dropFirst()) : trimmed,
                                           allowedSeparators: [" ", "-", "(", ")", "."])
        if !trimmed.hasPrefix("+") {
            if digits.starts(with: [0, 0]) { digits.removeFirst(2) }
            else if digits.count == 9 { digits = [4, 8] + digits }
        }
        guard (8...15).contains(digits.count), digits.first != 0 else { throw .format }
        value = "+" + digits.map(String.init).joined()
    }

    public var description: String { value }
}
