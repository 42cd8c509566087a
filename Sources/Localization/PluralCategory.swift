import Foundation

/// CLDR plural categories for the integers the portal counts (offers, offices, days).
public enum PluralCategory: String, Sendable {
    case one, few, many, other

    public static func of(_ n: Int, in language: Language) -> PluralCategory {
        let n = abs(n)
        let mod10 = n % 10, mod100 = n % 100
        switch language {
        case .en:
            return n == 1 ? .one : .other
        case .pl:
            if n == 1 { return .one }
            if (2...4).contains(mod10) && !(12...14).contains(mod100) { return .few }
            return .many
        case .ru, .uk:
            if mod10 == 1 && mod100 != 11 { return .one }
            if (2...4).contains(mod10) && !(12...14).contains(mod100) { return .few }
            return .many
        }
    }
}
