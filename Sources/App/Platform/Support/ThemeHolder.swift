import Vapor
import Fluent
import NIOConcurrencyHelpers
import Content
import Storage

/// The deployment's look as pages read it: in memory, set when an editor saves it here and read
/// again from the database every half minute (another server may have saved it).
final class ThemeHolder: Sendable {
    struct State: Sendable {
        var theme: SiteTheme = .standard
        var logo: ContentImage.Info? = nil
        /// nil: the standard look, no stylesheet of its own.
        var updatedAt: Date? = nil
    }

    private let state = NIOLockedValueBox(State())

    var current: State { state.withLockedValue { $0 } }

    func set(_ new: State) { state.withLockedValue { $0 = new } }

    func reload(_ db: any Database) async throws {
        let (theme, logo, updatedAt) = try await ThemeStore(db: db).load()
        set(State(theme: theme, logo: logo, updatedAt: updatedAt))
    }

    static let job = RepeatingJob("theme reload", every: .seconds(30)) { app in
        { try await app.services.theme.reload(app.db) }
    }
}
