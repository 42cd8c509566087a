import Foundation

/// A real IMAP server for the test: Debian's Dovecot, run from a throw-away directory with one
/// mailbox (`kontakt`, password `tajne`) on a random local port, plain text (no TLS).
public final class DovecotServer: @unchecked Sendable {
    public static let binary = "/usr/sbin/dovecot"
    public let port: Int
    public let directory: URL
    public let username = "kontakt"
    public let password = "tajne"
    var process = Process()

    /// Runs where Dovecot is installed; CI (CI=true) always runs it, so a missing install fails there.
    public static var available: Bool {
        ProcessInfo.processInfo.environment["CI"] == "true" || FileManager.default.isExecutableFile(atPath: binary)
    }

    public init() throws {
        port = freeLocalPort()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("dovecot-\(UUID().uuidString)")
        let d = directory.path
        for sub in ["run", "state", "mail"] {
            try FileManager.default.createDirectory(atPath: d + "/" + sub, withIntermediateDirectories: true)
        }
        // Mail processes may not run as root: the mailbox belongs to "nobody".
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: d + "/mail")
        try "\(username):{PLAIN}\(password)\n".write(toFile: d + "/users", atomically: true, encoding: .utf8)
        let config = """
            protocols = imap
            listen = 127.0.0.1
            base_dir = \(d)/run
            state_dir = \(d)/state
            log_path = \(d)/dovecot.log
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            mail_location = maildir:\(d)/mail/%u
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u \(d)/users
            }
            userdb {
              driver = static
              args = uid=nobody gid=nogroup home=\(d)/mail/%u
            }
            service imap-login {
              chroot =
              inet_listener imap {
                address = 127.0.0.1
                port = \(port)
              }
              inet_listener imaps {
                port = 0
              }
            }
            service anvil {
              chroot =
            }

            """
        try config.write(toFile: d + "/dovecot.conf", atomically: true, encoding: .utf8)
        try start()
    }

    /// Starts the server (again, after `stop()`: the same port and mailbox, as a server
    /// restarted after an outage).
    public func start() throws {
        // In the foreground (-F), as a child of the test: stopping it is a signal to it.
        process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["-F", "-c", directory.path + "/dovecot.conf"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            if AiosmtpdServer.canConnect(port) { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        stop()
        throw CocoaError(.featureUnsupported, userInfo: [NSLocalizedDescriptionKey: "dovecot did not start"])
    }

    public func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGTERM)
        // Dovecot's master starts a session of its own; Foundation's waitUntilExit can miss its
        // end, so poll, and kill it if it lingers.
        for _ in 0..<100 where process.isRunning { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}
