import Foundation

/// The short code a foreigner reads out to the helpline: eight characters from an alphabet
/// without look-alikes (no 0/O, 1/I/L), in two groups, about 40 bits.
public enum DraftCode {
    public static let alphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")
    public static let length = 8

    public static func random() -> String {
        var g = SystemRandomNumberGenerator()
        let chars = (0..<length).map { _ in alphabet.randomElement(using: &g)! }
        return String(chars[0..<4]) + "-" + String(chars[4...])
    }

    /// The code as typed (any case, spaces and dashes anywhere) in its stored form, or nil.
    public static func normalized(_ typed: String) -> String? {
        let chars = Array(typed.uppercased().filter { !" -".contains($0) })
        guard chars.count == length, chars.allSatisfy(alphabet.contains) else { return nil }
        return String(chars[0..<4]) + "-" + String(chars[4...])
    }
}
