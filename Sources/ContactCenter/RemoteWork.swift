import Foundation

/// A consultant working away from the office (seed 002 "mobilny konsultant (tele-praca)"):
/// from any browser, with calls put through to their own phone — a number they proved is theirs
/// once, by a call from the system that read them a code to type on the desktop.
public enum RemoteWork {
    public static let codeDigits = 6
    /// How long a code read out may be typed.
    public static let codeLifetime: TimeInterval = 10 * 60
    /// Wrong codes before the number must be called again.
    public static let attempts = 5

    public static func newCode() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<codeDigits).map { _ in String(Int.random(in: 0...9, using: &generator)) }.joined()
    }

    /// The digits one by one, as the carrier's voice should read them ("4 0 7 1 9 2").
    public static func spoken(_ code: String) -> String { code.map(String.init).joined(separator: " ") }

    public enum Outcome: Equatable, Sendable {
        case verified
        case wrong(left: Int)
        /// Too late, too many tries, or no code asked for: the number must be called again.
        case callAgain
    }

    /// A typed code against the one read out (`matches` compares it to the stored hash).
    public static func check(typed: String, matches: (String) -> Bool, expires: Date?, attemptsMade: Int, now: Date) -> Outcome {
        guard let expires, expires > now, attemptsMade < attempts else { return .callAgain }
        let digits = typed.filter { !$0.isWhitespace }
        if digits.count == codeDigits, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber), matches(digits) { return .verified }
        let left = attempts - attemptsMade - 1
        return left > 0 ? .wrong(left: left) : .callAgain
    }
}
