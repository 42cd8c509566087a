import Foundation

/// A real SMTP server for the test: PyPI's aiosmtpd writing what it receives into a Maildir.
public final class AiosmtpdServer: @unchecked Sendable {
    public let port: Int
    public let maildir: URL
    var process = Process()

    /// Runs where aiosmtpd is installed; CI (CI=true) always runs it, so a missing install fails there.
    public static var available: Bool {
        if ProcessInfo.processInfo.environment["CI"] == "true" { return true }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import aiosmtpd"]
        p.standardError = FileHandle.nullDevice
        do { try p.run(); p.waitUntilExit(); return p.terminationStatus == 0 } catch { return false }
    }

    /// A mail server that refuses for good (550) every recipient whose address starts with
    /// "bounce" — as a real server refuses an address that does not exist.
    public static let refusingBounceAddresses = """
        from aiosmtpd.handlers import Mailbox

        class Handler(Mailbox):
            async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
                if address.lower().startswith("bounce"):
                    return "550 5.1.1 <%s>: no such user" % address
                envelope.rcpt_tos.append(address)
                return "250 OK"
        """

    /// `handler`: Python source of a `Handler` class (a Mailbox) to use instead of the plain Mailbox.
    public init(extraArguments: [String] = [], handler: String? = nil) throws {
        maildir = FileManager.default.temporaryDirectory.appendingPathComponent("maildir-\(UUID().uuidString)")
        var handlerClass = "aiosmtpd.handlers.Mailbox"
        var environment: [String: String]? = nil
        if let handler {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-handler-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try handler.write(to: dir.appendingPathComponent("zl_handler.py"), atomically: true, encoding: .utf8)
            var env = ProcessInfo.processInfo.environment
            env["PYTHONPATH"] = dir.path + (env["PYTHONPATH"].map { ":" + $0 } ?? "")
            environment = env
            handlerClass = "zl_handler.Handler"
        }
        // A port the kernel just gave out (a random one may be taken: aiosmtpd would exit, or
        // another server answer); tried again with a new one if the server exits all the same.
        // Python's start-up is slow while the whole suite runs at once: up to a minute.
        var started: (port: Int, process: Process)? = nil
        for _ in 0..<3 where started == nil {
            let port = freeLocalPort()
            let p = Process()
            if let environment { p.environment = environment }
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["python3", "-m", "aiosmtpd", "-n", "-l", "127.0.0.1:\(port)"] + extraArguments + ["-c", handlerClass, maildir.path]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline, p.isRunning {
                if Self.canConnect(port) { started = (port, p); break }
                Thread.sleep(forTimeInterval: 0.1)
            }
            if started == nil, p.isRunning { kill(p.processIdentifier, SIGKILL); p.waitUntilExit() }
        }
        if let started { port = started.port; process = started.process; return }
        throw CocoaError(.featureUnsupported, userInfo: [NSLocalizedDescriptionKey: "aiosmtpd did not start"])
    }

    static func canConnect(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    public func received() throws -> [String] {
        let dir = maildir.appendingPathComponent("new")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return try files.map { try String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8) }
    }

    public func stop() {
        // aiosmtpd waits for open sessions on SIGTERM; the test is done with it, so SIGKILL.
        if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
    }
}


/// The decoded text parts of a MIME message as the server stored it.
public func decodedMIMEParts(_ raw: String) -> [String] {
    raw.components(separatedBy: "Content-Transfer-Encoding: base64").dropFirst().compactMap { part in
        let body = part.components(separatedBy: "\n\n").dropFirst().first ?? part
        let b64 = body.components(separatedBy: "--").first?.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: "\r", with: "") ?? ""
        return Data(base64Encoded: b64).flatMap { String(data: $0, encoding: .utf8) }
    }
}
