import Foundation
import Identity

/// The lockouts of the phone PIN: three wrong PINs for a client number lock it for 15 minutes,
/// whoever calls; a caller trying many numbers is limited too, so PINs cannot be guessed by
/// spreading attempts over numbers or over phones.
public enum PINPolicy {
    public static let perClient = (attempts: 3, window: 15.0 * 60)
    public static let perCaller = (attempts: 10, window: 60.0 * 60)
}

/// Identifies a caller by client number and phone PIN (the IVR's "identify" step).
public struct PhoneIdentification: Sendable {
    public enum Outcome: Equatable, Sendable {
        case identified(UUID)
        /// Wrong number or PIN; the caller is not told which.
        case refused
        case locked
    }

    public typealias Verify = @Sendable (_ pin: String, _ hash: String) async throws -> Bool

    let clients: any ClientRepository
    let attempts: any AttemptCounter
    let verify: Verify
    /// A hash of no PIN, checked when the number is unknown, so that case takes as long as a
    /// wrong PIN.
    let dummyHash: String

    public init(clients: any ClientRepository, attempts: any AttemptCounter, dummyHash: String, verify: @escaping Verify) {
        self.clients = clients; self.attempts = attempts; self.dummyHash = dummyHash; self.verify = verify
    }

    /// `callerDigest` names the calling phone without holding its number (a hash of it).
    public func identify(clientNumber raw: String, pin: String, callerDigest: String, now: Date = Date()) async throws -> Outcome {
        let perClient = PINPolicy.perClient, perCaller = PINPolicy.perCaller
        let number = (try? ClientNumber(raw))?.value
        let clientKey = "pin:client:" + (number ?? "invalid")
        let callerKey = "pin:caller:" + callerDigest
        if try await attempts.isBlocked(callerKey, limit: perCaller.attempts, window: perCaller.window, now: now) { return .locked }
        if let number, try await attempts.isBlocked(clientKey, limit: perClient.attempts, window: perClient.window, now: now) {
            return .locked
        }
        var client: Client?
        if let number { client = try await clients.find(number: number) }
        let ok = try await verify(pin, client?.pinHash ?? dummyHash)
        if let client, client.pinHash != nil, ok {
            try await attempts.reset(clientKey)
            return .identified(client.id)
        }
        _ = try await attempts.hit(callerKey, limit: perCaller.attempts, window: perCaller.window, now: now)
        if number != nil {
            _ = try await attempts.hit(clientKey, limit: perClient.attempts, window: perClient.window, now: now)
            // The third wrong PIN itself ends the attempts: the IVR takes the unidentified path.
            if try await attempts.isBlocked(clientKey, limit: perClient.attempts, window: perClient.window, now: now) { return .locked }
        }
        return .refused
    }
}
