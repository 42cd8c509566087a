import Vapor
import Storage
import Clients

/// Checks a staff member's second factor: a TOTP code (each time step once) or a one-time
/// recovery code, with a rate limit and lockout per account.
enum TwoFactor {
    static let limit = (attempts: 5, window: 15.0 * 60)

    enum Outcome { case accepted, rejected(String, HTTPStatus) }

    static func check(_ req: Request, _ member: StaffMember, code: String, allowRecoveryCode: Bool,
                      now: Date = Date()) async throws -> Outcome {
        let t = req.catalogue
        let limiter = RateLimiter(db: req.db)
        let key = "totp:" + member.id.uuidString
        if try await limiter.isBlocked(key, limit: limit.attempts, window: limit.window) {
            return .rejected(t.text("login.locked", ["minutes": "15"]), .tooManyRequests)
        }
        if try await accepts(req, member, code: code, allowRecoveryCode: allowRecoveryCode, now: now) {
            try await limiter.reset(key)
            return .accepted
        }
        _ = try await limiter.hit(key, limit: limit.attempts, window: limit.window)
        return .rejected(t.text("twofactor.wrong_code"), .unauthorized)
    }

    static func accepts(_ req: Request, _ member: StaffMember, code: String, allowRecoveryCode: Bool, now: Date) async throws -> Bool {
        let store = StaffStore(db: req.db)
        if code.count == 6, code.allSatisfy(\.isNumber) {
            guard member.totpConfirmed, let totp = try secret(req, member),
                  let step = totp.matchingStep(code, at: now, after: member.totpLastStep.map { UInt64($0) }) else { return false }
            return try await store.useStep(member.id, Int64(step))
        }
        guard allowRecoveryCode, !code.isEmpty else { return false }
        return try await store.useRecoveryCode(member.id, hash: RecoveryCodes.hash(code))
    }

    static func secret(_ req: Request, _ member: StaffMember) throws -> TOTP? {
        guard let stored = member.totpSecretCiphertext, let data = Base32.decode(try req.services.cipher.decrypt(stored)) else { return nil }
        return TOTP(secret: data)
    }
}
