import Testing
import Foundation
@testable import Identity

@Suite struct PESELTests {
    @Test(arguments: [
        ("44051401359", 1944, 5, 14, PESEL.Sex.male),
        ("02270803624", 2002, 7, 8, .female),
        ("00322901232", 2000, 12, 29, .male),
        ("99923100014", 1899, 12, 31, .male),
        ("25410100041", 2125, 1, 1, .female),
        ("69123100020", 1969, 12, 31, .female),
    ])
    func validNumbersDecodeBirthDateAndSex(number: String, year: Int, month: Int, day: Int, sex: PESEL.Sex) throws {
        let p = try PESEL(number)
        #expect(p.birthDate.year == year)
        #expect(p.birthDate.month == month)
        #expect(p.birthDate.day == day)
        #expect(p.sex == sex)
        #expect(p.value == number)
    }

    @Test func everySingleDigitChangeIsRejected() {
        // Weights 1,3,7,9 are coprime with 10, so any one changed digit changes the check sum.
        for valid in ["44051401359", "02270803624", "00322901232", "69123100020"] {
            var chars = Array(valid)
            for i in chars.indices {
                let original = chars[i]
                for d in "0123456789" where d != original {
                    chars[i] = d
                    #expect(throws: IdentifierError.self, "\(String(chars)) should be rejected") { try PESEL(String(chars)) }
                }
                chars[i] = original
            }
        }
    }

    @Test func reasonsAreSpecific() {
        #expect(throws: IdentifierError.wrongLength(expected: [11], actual: 10)) { try PESEL("4405140135") }
        #expect(throws: IdentifierError.invalidCharacters) { try PESEL("4405140135a") }
        #expect(throws: IdentifierError.empty) { try PESEL("  ") }
        #expect(throws: IdentifierError.checksum) { try PESEL("44051401358") }
        // 30 February 1944 with a correct check digit.
        let base = "4402300135"
        let w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
        let check = (10 - zip(base.compactMap(\.wholeNumberValue), w).reduce(0) { $0 + $1.0 * $1.1 } % 10) % 10
        #expect(throws: IdentifierError.invalidDate) { try PESEL(base + String(check)) }
    }
}
