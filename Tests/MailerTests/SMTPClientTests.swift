import Testing
import Foundation
@testable import Mailer
import TestSupport

@Suite(.serialized, .enabled(if: AiosmtpdServer.available)) struct SMTPClientTests {
    static let message = MailMessage(
        from: "noreply@zielonalinia.example", fromName: "Zielona Linia", to: "anna.nowak@example.org",
        subject: "Zielona Linia – potwierdź adres e-mail",
        textBody: "Dzień dobry,\n.linia zaczynająca się kropką\nŁódź, Kraków",
        htmlBody: "<p>Dzień dobry,</p><p>Łódź</p>", messageID: "test-1@zielonalinia.example")

    @Test func deliversAMultipartUTF8MessageThroughARealServer() async throws {
        let server = try AiosmtpdServer()
        defer { server.stop() }
        try await SMTPClient(configuration: .init(host: "127.0.0.1", port: server.port, security: .none)).send(Self.message)
        let mails = try server.received()
        #expect(mails.count == 1)
        let raw = try #require(mails.first)
        #expect(raw.contains("Subject: =?UTF-8?B?"))
        #expect(raw.contains("Message-ID: <test-1@zielonalinia.example>"))
        #expect(raw.contains("multipart/alternative"))
        let parts = decodedMIMEParts(raw)
        #expect(parts.count == 2)
        #expect(parts.first == Self.message.textBody)
        #expect(parts.last == Self.message.htmlBody)
    }

    @Test func upgradesToTLSWithStartTLS() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let cert = dir.appendingPathComponent("cert.pem").path, key = dir.appendingPathComponent("key.pem").path
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        openssl.arguments = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                             "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"]
        openssl.standardError = FileHandle.nullDevice
        openssl.standardOutput = FileHandle.nullDevice
        try openssl.run(); openssl.waitUntilExit()
        #expect(openssl.terminationStatus == 0)
        let server = try AiosmtpdServer(extraArguments: ["--tlscert", cert, "--tlskey", key])
        defer { server.stop() }
        let config = SMTPConfiguration(host: "localhost", port: server.port, security: .starttls, caFile: cert)
        try await SMTPClient(configuration: config).send(Self.message)
        #expect(try server.received().count == 1)
        // Without STARTTLS the same server refuses (it requires TLS before mail).
        await #expect(throws: SMTPError.self) {
            try await SMTPClient(configuration: .init(host: "127.0.0.1", port: server.port, security: .none)).send(Self.message)
        }
    }

    @Test func aClosedPortIsAnErrorNotAHang() async {
        await #expect(throws: (any Error).self) {
            try await SMTPClient(configuration: .init(host: "127.0.0.1", port: 1, security: .none, timeout: 3)).send(Self.message)
        }
    }
}

@Suite struct MailMessageTests {
    @Test func dotStuffingAndLineLengths() {
        #expect(SMTPClient.dotStuffed(".a\r\nb\r\n..c") == "..a\r\nb\r\n...c")
        let raw = SMTPClientTests.message.rendered(boundary: "B")
        #expect(raw.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 998 })
        #expect(raw.contains("--B--"))
        #expect(MailMessage.encodedWord("plain") == "plain")
    }
}
