import Testing
@testable import Identity

@Suite struct NIPTests {
    @Test(arguments: ["1234563218", "123-456-32-18", "PL1234563218", "pl 123 456 32 18", "5260250274"])
    func acceptsSeparatorsAndPrefix(input: String) throws {
        #expect(try NIP(input).value.count == 10)
    }

    @Test func everySingleDigitChangeIsRejected() {
        // Weights are non-zero mod 11, so one changed digit always changes the remainder.
        var chars = Array("1234563218")
        for i in chars.indices {
            let original = chars[i]
            for d in "0123456789" where d != original {
                chars[i] = d
                #expect(throws: IdentifierError.self) { try NIP(String(chars)) }
            }
            chars[i] = original
        }
    }

    @Test func remainderTenIsNeverValid() {
        // Find a 9-digit prefix whose weighted sum leaves remainder 10 and try every last digit.
        let weights = [6, 5, 7, 2, 3, 4, 5, 6, 7]
        var found: String? = nil
        for n in 0..<1000 {
            let p = String(format: "%09d", n)
            if zip(p.compactMap(\.wholeNumberValue), weights).reduce(0, { $0 + $1.0 * $1.1 }) % 11 == 10 { found = p; break }
        }
        let p = try! #require(found)
        for last in 0...9 { #expect(throws: IdentifierError.checksum) { try NIP(p + String(last)) } }
    }
}

@Suite struct REGONTests {
    @Test func validNineAndFourteenDigits() throws {
        #expect(try REGON("123456785").isLocalUnit == false)
        #expect(try REGON("12345678512347").isLocalUnit == true)
        #expect(try REGON("010000009").value == "010000009")
    }

    @Test func wrongLengthNamesBothLengths() {
        #expect(throws: IdentifierError.wrongLength(expected: [9, 14], actual: 10)) { try REGON("1234567890") }
    }

    static let weights9 = [8, 9, 2, 3, 4, 5, 6, 7]
    static func remainder(_ s: [Character]) -> Int {
        zip(s.prefix(8).compactMap(\.wholeNumberValue), weights9).reduce(0) { $0 + $1.0 * $1.1 } % 11
    }

    /// Every single-digit change of `valid`, with whether the 9-digit algorithm must catch it:
    /// it cannot when the remainder moves between 0 and 10, both written as check digit 0.
    static func mutations(of valid: String) -> [(String, Bool)] {
        var result: [(String, Bool)] = []
        var chars = Array(valid)
        let before = remainder(chars)
        for i in chars.indices {
            let original = chars[i]
            for d in "0123456789" where d != original {
                chars[i] = d
                let after = remainder(chars)
                let hidden = i < 8 && Set([before, after]) == Set([0, 10])
                result.append((String(chars), !hidden))
                chars[i] = original
            }
        }
        return result
    }

    @Test func everySingleDigitChangeIsRejectedWhenNoRemainderCollides() {
        // 123456785 leaves remainder 5: no change can land on the 0/10 collision.
        for (number, mustFail) in Self.mutations(of: "123456785") {
            #expect(mustFail)
            #expect(throws: IdentifierError.self, "\(number)") { try REGON(number) }
        }
    }

    @Test func onlyTheZeroTenCollisionsSlipThrough() throws {
        // A number with remainder 0: changes that give remainder 10 keep check digit 0.
        let valid = try #require((0..<100_000).lazy.map { String(format: "%08d", $0) }
            .first { Self.remainder(Array($0)) == 0 }.map { $0 + "0" })
        let all = Self.mutations(of: valid)
        for (number, mustFail) in all {
            if mustFail {
                #expect(throws: IdentifierError.self, "\(number)") { try REGON(number) }
            } else {
                #expect(throws: Never.self) { try REGON(number) }
            }
        }
        #expect(all.contains { !$0.1 }, "the example should exercise the collision")
    }

    @Test func fourteenDigitCheckCatchesChangesInTheUnitPart() {
        var chars = Array("12345678512347")
        for i in 9..<14 {
            let original = chars[i]
            for d in "0123456789" where d != original {
                chars[i] = d
                #expect(throws: IdentifierError.self) { try REGON(String(chars)) }
            }
            chars[i] = original
        }
    }
}

@Suite struct PostalCodeTests {
    @Test(arguments: [("15-371", "15-371"), ("15371", "15-371"), (" 00-950 ", "00-950"), ("16 300", "16-300")])
    func normalises(input: String, expected: String) throws {
        #expect(try PostalCode(input).value == expected)
    }

    @Test(arguments: ["1-5371", "15-3710", "AB-CDE", "15_371", "١٥-٣٧١"])
    func rejectsMalformed(input: String) {
        #expect(throws: IdentifierError.format) { try PostalCode(input) }
    }

    @Test func emptyIsItsOwnReason() {
        #expect(throws: IdentifierError.empty) { try PostalCode("") }
    }
}
