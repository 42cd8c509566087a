import Foundation

/// What makes a password acceptable: long enough, not absurdly long (bcrypt reads 72 bytes),
/// not one of the passwords everyone tries first, not the user's own e-mail name.
public enum PasswordPolicy {
    public static let minimumLength = 10
    public static let maximumBytes = 72

    public enum Problem: String, Sendable, Equatable {
        case tooShort = "password.too_short"
        case tooLong = "password.too_long"
        case common = "password.common"
        case containsEmail = "password.contains_email"
        case repetitive = "password.repetitive"
    }

    static let common: Set<String> = [
        "1234567890", "12345678910", "qwertyuiop", "password123", "password1234", "haslo12345", "hasło12345",
        "zaq12wsxcde", "qwerty1234", "1q2w3e4r5t", "administrator", "0987654321", "abcdefghij", "iloveyou12",
        "polska1234", "kochamcie1", "zielonalinia", "19524195241",
    ]

    public static func problems(_ password: String, email: String? = nil) -> [Problem] {
        var found: [Problem] = []
        if password.count < minimumLength { found.append(.tooShort) }
        if password.utf8.count > maximumBytes { found.append(.tooLong) }
        let lower = password.lowercased()
        if common.contains(lower) { found.append(.common) }
        if let local = email?.split(separator: "@").first.map({ String($0).lowercased() }), local.count >= 4, lower.contains(local) {
            found.append(.containsEmail)
        }
        if Set(password).count <= 2 && password.count >= 1 { found.append(.repetitive) }
        return found
    }
}
