import Vapor
import Fluent
import Clients
import Storage

extension PhoneIdentification {
    /// The identification of a deployment: clients and attempt counts in its database, PINs
    /// checked with bcrypt off the event loop.
    static func live(db: any Database, hasher: AsyncPasswordHasher, dummyHash: String) -> PhoneIdentification {
        PhoneIdentification(clients: ClientStore(db: db), attempts: RateLimiter(db: db), dummyHash: dummyHash) { pin, hash in
            try await hasher.verify(pin, created: hash)
        }
    }

    func identify(clientNumber: String, pin: String, caller: String, now: Date = Date()) async throws -> Outcome {
        try await identify(clientNumber: clientNumber, pin: pin, callerDigest: Secrets.sha256Hex(caller), now: now)
    }
}

extension Request {
    var phoneIdentification: PhoneIdentification {
        .live(db: db, hasher: password.async, dummyHash: services.dummyPasswordHash)
    }
}
