import Vapor
import Storage
import Privacy

/// Recordings are kept as `Retention.recordings` says: past that, what we know of them is
/// deleted and so is the carrier's copy (when its API is configured). The IVR's own state of a
/// call is forgotten after `Retention.ivrCallState`. Checked hourly.
struct RecordingRetention: Sendable {
    let store: VoiceStore
    let carrier: CarrierAPI?
    let logger: Logger

    /// Deletes what is past its time; how many.
    @discardableResult
    func sweep(now: Date) async throws -> Int {
        _ = try await store.forgetCalls(before: Retention.ivrCallState.cutoff(now: now))
        let expired = try await store.expireRecordings(now: now)
        for r in expired {
            do { try await carrier?.deleteRecording(r.recordingSid) } catch {
                // The row is gone either way; the carrier's own retention is the backstop.
                logger.warning("voice: the carrier's copy of an expired recording could not be deleted", metadata: ["recording": "\(r.recordingSid)"])
            }
        }
        return expired.count
    }
}

extension RecordingRetention {
    static var job: RepeatingJob {
        RepeatingJob("recording retention", every: .seconds(3_600)) { app in
            let retention = RecordingRetention(store: VoiceStore(db: app.db), carrier: CarrierAPI(app.services.config.voice, client: app.client), logger: app.logger)
            return { try await retention.sweep(now: Date()) }
        }
    }
}
