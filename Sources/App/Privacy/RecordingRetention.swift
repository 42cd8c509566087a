import Vapor
import Fluent
import Storage
import Privacy

/// Recordings are kept as `Retention.recordings` says: past that, what we know of them is
/// deleted and the carrier's copy is queued for deletion (`CarrierDeletionStore`), which is
/// asked of the carrier's API until it confirms: an outage of the API delays a deletion but
/// loses none. The IVR's own state of a call is forgotten after `Retention.ivrCallState`.
/// Checked every ten minutes.
struct RecordingRetention: Sendable {
    let db: any Database
    let carrier: CarrierAPI?
    let logger: Logger

    init(app: Application) {
        db = app.db; carrier = CarrierAPI(app.services.config.voice, client: app.client); logger = app.logger
    }

    init(db: any Database, carrier: CarrierAPI?, logger: Logger) {
        self.db = db; self.carrier = carrier; self.logger = logger
    }

    /// Forgets what is past its time and deletes the carrier's copies that are due; how many
    /// recordings were forgotten.
    @discardableResult
    func sweep(now: Date) async throws -> Int {
        let store = VoiceStore(db: db)
        _ = try await store.forgetCalls(before: Retention.ivrCallState.cutoff(now: now))
        let expired = try await store.expireRecordings(now: now)
        try await deleteCarrierCopies(now: now)
        return expired
    }

    /// Asks the carrier to delete the queued copies that are due; how many it confirmed. Without
    /// a carrier API configured they wait for one. After a failure the rest of the turn is not
    /// tried: the API is away or refusing, and each try would only hold the job up.
    @discardableResult
    func deleteCarrierCopies(now: Date) async throws -> Int {
        guard let carrier else { return 0 }
        let queue = CarrierDeletionStore(db: db)
        var deleted = 0
        for sid in try await queue.due(now: now) {
            do {
                try await carrier.deleteRecording(sid)
            } catch {
                logger.warning("voice: the carrier's copy of a recording could not be deleted yet; it will be tried again",
                               metadata: ["recording": "\(sid)", "error": "\(String(reflecting: type(of: error)))"])
                try await queue.failed(sid, now: now)
                break
            }
            try await queue.deleted(sid)
            deleted += 1
        }
        return deleted
    }
}

extension RecordingRetention {
    static var job: RepeatingJob {
        RepeatingJob("recording retention", every: .seconds(600)) { app in
            let retention = RecordingRetention(app: app)
            return { try await retention.sweep(now: Date()) }
        }
    }
}
