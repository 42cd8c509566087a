import Testing
import Foundation
@testable import App

@Suite struct TOTPTests {
    // RFC 6238 appendix B, SHA-1 rows (8 digits there; an authenticator shows the last 6).
    static let rfc = TOTP(secret: Data("12345678901234567890".utf8), digits: 8)

    @Test(arguments: [(59.0, "94287082"), (1111111109, "07081804"), (1111111111, "14050471"),
                      (1234567890, "89005924"), (2000000000, "69279037"), (20000000000, "65353130")])
    func matchesTheRFCTestVectors(time: Double, expected: String) {
        #expect(Self.rfc.code(at: Date(timeIntervalSince1970: time)) == expected)
    }

    @Test func sixDigitCodesAcceptOneStepOfDriftAndNoReplay() {
        let totp = TOTP(secret: Data("12345678901234567890".utf8))
        let now = Date(timeIntervalSince1970: 1111111111)
        let code = totp.code(at: now)
        #expect(code == "050471")
        let step = totp.matchingStep(code, at: now)
        #expect(step != nil)
        #expect(totp.matchingStep(code, at: now.addingTimeInterval(30)) == step, "30 s late still works")
        #expect(totp.matchingStep(code, at: now.addingTimeInterval(90)) == nil, "90 s late does not")
        #expect(totp.matchingStep(code, at: now, after: step) == nil, "a used code cannot be used again")
        let s = totp.step(at: now)
        let valid = Set([s - 1, s, s + 1].map(totp.code(step:)))
        let wrong = try! #require(["111111", "222222", "333333", "444444"].first { !valid.contains($0) })
        #expect(totp.matchingStep(wrong, at: now) == nil)
    }

    @Test func base32RoundTripsAndMatchesRFC4648() {
        #expect(Base32.encode(Data("foobar".utf8)) == "MZXW6YTBOI")
        #expect(Base32.decode("MZXW6YTBOI") == Data("foobar".utf8))
        let secret = TOTP.newSecret()
        #expect(Base32.decode(Base32.encode(secret)) == secret)
        let uri = TOTP(secret: secret).provisioningURI(account: "konsultant@pup.example")
        #expect(uri.hasPrefix("otpauth://totp/Zielona%20Linia%3Akonsultant@pup.example?secret=\(Base32.encode(secret))"))
    }

    @Test func recoveryCodesAreUniqueAndHashedLoosely() {
        let codes = RecoveryCodes.generate()
        #expect(Set(codes).count == 10)
        #expect(codes.allSatisfy { $0.count == 11 && $0.contains("-") })
        #expect(RecoveryCodes.hash(codes[0]) == RecoveryCodes.hash(codes[0].uppercased().replacingOccurrences(of: "-", with: " ")))
    }
}
