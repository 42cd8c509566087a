import Testing
@testable import Identity

@Suite struct ClientNumberTests {
    @Test func randomNumbersAreValidAndNineDigits() {
        for _ in 0..<200 {
            let n = ClientNumber.random()
            #expect(n.value.count == 9)
            #expect(n.value.first != "0")
            #expect((try? ClientNumber(n.value)) != nil)
        }
    }

    @Test func everySingleDigitChangeAndNeighbourSwapIsCaught() throws {
        let valid = ClientNumber.random().value
        var chars = Array(valid)
        for i in chars.indices {
            let original = chars[i]
            for d in "0123456789" where d != original {
                chars[i] = d
                #expect(throws: IdentifierError.checksum) { try ClientNumber(String(chars)) }
            }
            chars[i] = original
        }
        for i in 0..<(chars.count - 1) where chars[i] != chars[i + 1] {
            var swapped = chars
            swapped.swapAt(i, i + 1)
            // Luhn misses only the swap of 0 and 9.
            if Set([chars[i], chars[i + 1]]) != Set(["0", "9"]) {
                #expect(throws: IdentifierError.checksum) { try ClientNumber(String(swapped)) }
            }
        }
    }

    @Test(arguments: [("1234", PINPolicy.Problem.trivial), ("0000", .trivial), ("9876", .trivial), ("123", .length),
                      ("12a4", .digitsOnly), ("123456789", .length)])
    func trivialPINsAreRefused(pin: String, problem: PINPolicy.Problem) {
        #expect(PINPolicy.problems(pin) == [problem])
    }

    @Test func goodPINPasses() { #expect(PINPolicy.problems("4721").isEmpty) }

    @Test(arguments: [("600 100 200", "+48600100200"), ("+48 600-100-200", "+48600100200"), ("0048600100200", "+48600100200"),
                      ("+380 44 123 4567", "+380441234567")])
    func phoneNumbersNormalise(raw: String, expected: String) throws {
        #expect(try PhoneNumber(raw).value == expected)
    }
}
