import Vapor
import Fluent
import Identity
import Storage

/// Identifies a caller by client number and phone PIN (the IVR's "identify" step). Three wrong
/// PINs for a client number lock it for 15 minutes, whoever calls; a caller trying many numbers
/// is limited too, so PINs cannot be guessed by spreading attempts.
struct PhoneIdentification: Sendable {
    static let perClient = (attempts: 3, window: 15.0 * 60)
    static let perCaller = (attempts: 10, window: 60.0 * 60)

    enum Outcome: Equatable {
        case identified(UUID)
        /// Wrong number or PIN; the caller is not told which.
        case refused
        case locked
    }

    let db: any Database
    let hasher: AsyncPasswordHasher
    let dummyHash: String

    func identify(clientNumber raw: String, pin: String, caller: String, now: Date = Date()) async throws -> Outcome {
        let limiter = RateLimiter(db: db)
        let number = (try? ClientNumber(raw))?.value
        let clientKey = "pin:client:" + (number ?? "invalid")
        let callerKey = "pin:caller:" + Secrets.sha256Hex(caller)
        if try await limiter.isBlocked(callerKey, limit: Self.perCaller.attempts, window: Self.perCaller.window, now: now) { return .locked }
        if let number, try await limiter.isBlocked(clientKey, limit: Self.perClient.attempts, window: Self.perClient.window, now: now) {
            return .locked
        }
        let client = try await number.asyncMap { try await ClientStore(db: db).find(number: $0) } ?? nil
        // Always one bcrypt check, so an unknown number takes as long as a wrong PIN.
        let ok = try await hasher.verify(pin, created: client?.pinHash ?? dummyHash)
        if let client, client.pinHash != nil, ok {
            try await limiter.reset(clientKey)
            return .identified(client.id)
        }
        _ = try await limiter.hit(callerKey, limit: Self.perCaller.attempts, window: Self.perCaller.window, now: now)
        if number != nil {
            _ = try await limiter.hit(clientKey, limit: Self.perClient.attempts, window: Self.perClient.window, now: now)
            // The third wrong PIN itself ends the attempts: the IVR takes the unidentified path.
            if try await limiter.isBlocked(clientKey, limit: Self.perClient.attempts, window: Self.perClient.window, now: now) { return .locked }
        }
        return .refused
    }
}

extension Request {
    var phoneIdentification: PhoneIdentification {
        PhoneIdentification(db: db, hasher: password.async, dummyHash: services.dummyPasswordHash)
    }
}
