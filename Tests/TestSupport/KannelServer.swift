import Foundation

/// A real SMS gateway for the test: Debian's Kannel (bearerbox and smsbox) with its fake SMSC
/// (`fakesmsc`, from kannel-extras) standing in for the operator's network: it takes the
/// messages sent, reports delivery, and can send messages from phones.
public final class KannelServer: @unchecked Sendable {
    public static let bearerbox = "/usr/sbin/bearerbox", smsbox = "/usr/sbin/smsbox", fakesmsc = "/usr/lib/kannel/test/fakesmsc"
    public let directory: URL
    public let sendsmsPort: Int, smscPort: Int, boxPort: Int, adminPort: Int
    public let username = "zl", password = "tajne"
    var processes: [Process] = []
    var phone: Process?
    var phoneOutput: URL

    /// Runs where Kannel is installed; CI (CI=true) always runs it, so a missing install fails there.
    public static var available: Bool {
        ProcessInfo.processInfo.environment["CI"] == "true" || [bearerbox, smsbox, fakesmsc].allSatisfy(FileManager.default.isExecutableFile)
    }

    public var sendsmsURL: String { "http://127.0.0.1:\(sendsmsPort)/cgi-bin/sendsms" }

    /// `inboundURL`: the gateway's get-url for messages from phones (Kannel's %p, %P, %a are added).
    public init(inboundURL: String) throws {
        let base = Int.random(in: 50...59) * 1_000 + Int.random(in: 0...99) * 10
        (adminPort, boxPort, smscPort, sendsmsPort) = (base, base + 1, base + 2, base + 3)
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("kannel-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        phoneOutput = directory.appendingPathComponent("phone.out")
        let d = directory.path
        let config = """
            group = core
            admin-port = \(adminPort)
            admin-password = admin
            admin-interface = 127.0.0.1
            smsbox-port = \(boxPort)
            box-allow-ip = 127.0.0.1
            log-file = "\(d)/bearerbox.log"
            log-level = 1
            dlr-storage = internal

            group = smsc
            smsc = fake
            smsc-id = fake
            port = \(smscPort)
            connect-allow-ip = 127.0.0.1

            group = smsbox
            bearerbox-host = 127.0.0.1
            bearerbox-port = \(boxPort)
            sendsms-port = \(sendsmsPort)
            sendsms-interface = 127.0.0.1
            log-file = "\(d)/smsbox.log"
            log-level = 1

            group = sendsms-user
            username = \(username)
            password = \(password)

            group = sms-service
            keyword = default
            get-url = "\(inboundURL)&from=%p&to=%P&text=%a"
            max-messages = 0

            """
        try config.write(toFile: d + "/kannel.conf", atomically: true, encoding: .utf8)
        try start()
    }

    /// Starts the gateway and the network (again, after `stop()`: the same ports and log, as a
    /// gateway restarted after an outage).
    public func start() throws {
        let conf = directory.path + "/kannel.conf"
        processes.removeAll { !$0.isRunning }
        try start(Self.bearerbox, [conf])
        try wait(for: boxPort)
        try start(Self.smsbox, [conf])
        try wait(for: sendsmsPort)
        try connectPhone(sending: nil)
    }

    func start(_ binary: String, _ arguments: [String], output: URL? = nil) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = arguments
        if let output {
            // Every connection of the fake network appends to one log (it writes to stderr).
            if !FileManager.default.fileExists(atPath: output.path) { _ = FileManager.default.createFile(atPath: output.path, contents: nil) }
            let handle = try FileHandle(forWritingTo: output)
            handle.seekToEndOfFile()
            p.standardOutput = handle
            p.standardError = handle
        } else {
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
        }
        try p.run()
        processes.append(p)
        if binary == Self.fakesmsc { phone = p }
    }

    func wait(for port: Int) throws {
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            if AiosmtpdServer.canConnect(port) { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        stop()
        throw CocoaError(.featureUnsupported, userInfo: [NSLocalizedDescriptionKey: "kannel did not start"])
    }

    /// The fake network: connected to the gateway, taking what is sent (into `received()`),
    /// after sending one message from a phone ("FROM TO text WORDS"). It needs one to stay
    /// connected: without a message of the test's it sends START, which changes nothing.
    func connectPhone(sending message: String?) throws {
        if let phone, phone.isRunning { kill(phone.processIdentifier, SIGKILL); Thread.sleep(forTimeInterval: 0.3) }
        try start(Self.fakesmsc, ["-H", "127.0.0.1", "-r", "\(smscPort)", "-i", "0.2", "-m", "1", message ?? "48500000000 19524 text START"],
                  output: phoneOutput)
    }

    /// A message from a phone, through the network and the gateway to the system.
    public func send(from: String, text: String) throws {
        try connectPhone(sending: "\(from) 19524 text \(text)")
    }

    /// Lines the fake network printed for messages it took ("Got message …").
    public func received() -> [String] {
        ((try? String(contentsOf: phoneOutput, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init).filter { $0.contains("Got message") }
    }

    public func stop() {
        for p in processes.reversed() where p.isRunning {
            kill(p.processIdentifier, SIGKILL)
        }
        for p in processes { for _ in 0..<40 where p.isRunning { Thread.sleep(forTimeInterval: 0.05) } }
    }
}
