import Vapor
import Storage
import Privacy
import Localization
import Fluent

/// The retention job of the whole register (`RetentionSweep`), with what only the application
/// knows: the warning e-mail in the owner's language and the carrier, whose copies of the
/// recordings of anonymised contacts are deleted too (queued, so an outage of its API loses none). `zielona serve` runs it daily;
/// `zielona privacy retention [--dry-run]` runs it once.
struct PrivacyRetention: Sendable {
    let db: any Database
    let config: AppConfig
    let carrier: CarrierAPI?
    let logger: Logger
    let cipher: FieldCipher

    init(app: Application) {
        db = app.db; config = app.services.config; cipher = app.services.cipher
        carrier = CarrierAPI(app.services.config.voice, client: app.client); logger = app.logger
    }

    func sweep(now: Date = Date(), dryRun: Bool = false) async throws -> RetentionReport {
        let composer = MailComposer(publicURL: config.publicURL)
        var report = try await RetentionSweep(db: db, inactivity: config.accountInactivity) { account, deletion in
            let language = Language(rawValue: account.language) ?? .pl
            return composer.accountDeletionWarning(to: account.email, date: DateText.date(deletion, language), language: language)
        }.run(now: now, dryRun: dryRun)
        if report.ran { report.foreignerDrafts = try await ForeignerDraftRetention(db: db, cipher: cipher).sweep(now: now, dryRun: dryRun) }
        // The anonymiser queued the carrier's copies of their recordings: ask for them now.
        if report.ran && !dryRun { try await RecordingRetention(db: db, carrier: carrier, logger: logger).deleteCarrierCopies(now: now) }
        return report
    }
}

extension PrivacyRetention {
    /// Daily, not in a fresh deployment's first minutes.
    static var job: RepeatingJob {
        RepeatingJob("privacy retention", every: .seconds(86_400), after: .seconds(600)) { app in
            let retention = PrivacyRetention(app: app), logger = app.logger
            return {
                let report = try await retention.sweep()
                if report.ran { logger.info("privacy retention", metadata: ["done": "\(report.lines.joined(separator: " "))"]) }
            }
        }
    }
}
