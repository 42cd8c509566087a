import Vapor
import Identity
import Storage

/// An e-mail and password checked as every sign-in checks them (the login form, the app):
/// the address's limit and the sender's, and the same time taken whether the account exists.
enum SignInCheck {
    enum Outcome { case signedIn(Account), locked, failed }

    static func check(email: String, password: String, _ req: Request) async throws -> Outcome {
        let limiter = RateLimiter(db: req.db)
        let emailKey = "login:email:" + Secrets.sha256Hex(email)
        let emailBlocked = try await limiter.isBlocked(emailKey, limit: AccountPolicy.loginLimit.attempts, window: AccountPolicy.loginLimit.window)
        let addressAllowed = try await limiter.hit("login:ip:" + req.clientAddress, limit: AccountPolicy.addressLimit.attempts,
                                                   window: AccountPolicy.addressLimit.window)
        if emailBlocked || !addressAllowed { return .locked }
        let account = try await AccountStore(db: req.db).find(email: email)
        // Verify against a fixed hash when the account does not exist, so timing does not tell.
        let ok = try await req.password.async.verify(password, created: account?.passwordHash ?? req.services.dummyPasswordHash)
        guard let account, ok else {
            _ = try await limiter.hit(emailKey, limit: AccountPolicy.loginLimit.attempts, window: AccountPolicy.loginLimit.window)
            return .failed
        }
        try await limiter.reset(emailKey)
        try await AccountStore(db: req.db).signedIn(account.id)
        return .signedIn(account)
    }
}
