import Foundation

/// The Polish national identification number: 11 digits, YYMMDD with the century encoded in
/// the month, a serial whose last digit gives the sex, and a check digit.
public struct PESEL: Hashable, Sendable, CustomStringConvertible {
    public enum Sex: String, Sendable { case female, male }

    public let value: String
    public let birthDate: DateComponents
    public let sex: Sex

    static let weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]

    public init(_ raw: String) throws(IdentifierError) {
        let d = try DigitInput.digits(raw, allowedSeparators: [" "])
        guard d.count == 11 else { throw .wrongLength(expected: [11], actual: d.count) }
        let check = (10 - DigitInput.weightedSum(d[0..<10], Self.weights) % 10) % 10
        guard check == d[10] else { throw .checksum }

        var month = d[2] * 10 + d[3]
        let centuryBase: Int
        switch month {
        case 81...92: centuryBase = 1800; month -= 80
        case 1...12: centuryBase = 1900
        case 21...32: centuryBase = 2000; month -= 20
        case 41...52: centuryBase = 2100; month -= 40
        case 61...72: centuryBase = 2200; month -= 60
        default: throw .invalidDate
        }
        let year = centuryBase + d[0] * 10 + d[1]
        let day = d[4] * 10 + d[5]
        guard day >= 1, day <= Self.daysIn(month: month, year: year) else { throw .invalidDate }

        value = d.map(String.init).joined()
        birthDate = DateComponents(year: year, month: month, day: day)
        sex = d[9] % 2 == 1 ? .male : .female
    }

    public var description: String { value }

    /// "1990-05-14", the form the API returns.
    public var birthDateISO: String {
        String(format: "%04d-%02d-%02d", birthDate.year!, birthDate.month!, birthDate.day!)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
