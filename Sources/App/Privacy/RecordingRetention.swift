import Vapor
import Storage

/// Recordings are kept for VOICE_RECORDING_DAYS: past that, what we know of them is deleted and
/// so is the carrier's copy (when its API is configured). The IVR's own state of a call (the
/// caller's number, the keys) is forgotten after `callDays`. Checked hourly.
struct RecordingRetention: Sendable {
    let store: VoiceStore
    let carrier: CarrierAPI?
    let logger: Logger
    static let callDays = 7.0

    /// Deletes what is past its time; how many.
    @discardableResult
    func sweep(now: Date) async throws -> Int {
        _ = try await store.forgetCalls(before: now.addingTimeInterval(-Self.callDays * 86_400))
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

final class RecordingRetentionLifecycle: LifecycleHandler, @unchecked Sendable {
    private var task: Task<Void, Never>?

    func didBootAsync(_ app: Application) async throws {
        let retention = RecordingRetention(store: VoiceStore(db: app.db), carrier: CarrierAPI(app.services.config.voice, client: app.client), logger: app.logger)
        let logger = app.logger
        task = Task {
            while !Task.isCancelled {
                do { try await retention.sweep(now: Date()) } catch {
                    logger.error("recording retention failed", metadata: ["error": "\(String(reflecting: type(of: error)))"])
                }
                try? await Task.sleep(for: .seconds(3_600))
            }
        }
    }

    func shutdownAsync(_ app: Application) async { task?.cancel() }
}
