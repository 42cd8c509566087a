import Testing
import Foundation
@testable import Mailer
import TestSupport

/// Mail as clients' programs write it: encoded words, quoted-printable, Latin-2, nested
/// multiparts, RFC 2231 file names; machines' mail recognised; broken or oversized parts kept
/// out with the problem named — never a crash.
@Suite struct InboundMessageTests {
    static func crlf(_ s: String) -> Data { Data(s.replacingOccurrences(of: "\n", with: "\r\n").utf8) }

    /// A client's mail with everything at once: encoded words, nested multiparts, Latin-2
    /// quoted-printable, an RFC 2231 file name (also the fuzzer's first sample).
    static let multipart = crlf("""
            From: =?UTF-8?Q?Zofia_Ma=C5=82ecka?= <Zofia@Example.org>
            To: kontakt+pup-2002@zielonalinia.example
            Subject: =?ISO-8859-2?Q?Zasi=B3ek?= =?UTF-8?B?IGR1xbxv?=
            Message-ID: <abc@example.org>
            In-Reply-To: <first@zielonalinia.example>
            References: <zero@x> <first@zielonalinia.example>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="outer"

            preamble
            --outer
            Content-Type: multipart/alternative; boundary=inner

            --inner
            Content-Type: text/plain; charset=iso-8859-2
            Content-Transfer-Encoding: quoted-printable

            Dzie=F1 dobry, pytam o zasi=B3ek.=
             Pozdrawiam
            --inner
            Content-Type: text/html; charset=utf-8

            <p>HTML</p>
            --inner--
            --outer
            Content-Type: application/pdf
            Content-Disposition: attachment; filename*=UTF-8''%C5%9Bwiadectwo.pdf
            Content-Transfer-Encoding: base64

            JVBERi0xLjQK
            --outer--
            """)

    @Test func aMultipartMessageWithPolishTextAndAnAttachment() {
        let raw = Self.multipart
        let m = InboundMessage.parse(raw)
        #expect(m.fromAddress == "zofia@example.org" && m.fromName == "Zofia Małecka")
        #expect(m.subject == "Zasiłek dużo")
        #expect(m.messageID == "abc@example.org" && m.inReplyTo == "first@zielonalinia.example")
        #expect(m.references == ["zero@x", "first@zielonalinia.example"])
        #expect(m.to == ["kontakt+pup-2002@zielonalinia.example"])
        #expect(m.text == "Dzień dobry, pytam o zasiłek. Pozdrawiam")
        #expect(m.attachments.count == 1 && m.attachments[0].filename == "świadectwo.pdf" && m.attachments[0].data == Data("%PDF-1.4\n".utf8))
        #expect(m.problems.isEmpty && !m.isAutomatic)
    }

    @Test func machinesAreRecognisedSoTheyAreNotAnswered() {
        for header in ["Auto-Submitted: auto-replied", "Precedence: bulk", "List-Id: <lista.example.org>", "X-Autoreply: yes"] {
            let m = InboundMessage.parse(Self.crlf("From: a@b.pl\n\(header)\nSubject: Out of office\n\nNie ma mnie.\n"))
            #expect(m.isAutomatic, "\(header)")
        }
        #expect(InboundMessage.parse(Self.crlf("From: MAILER-DAEMON@mx.example\nSubject: Undelivered\n\nx\n")).isAutomatic)
        #expect(InboundMessage.parse(Self.crlf("From: a@b.pl\nContent-Type: multipart/report; report-type=delivery-status; boundary=b\n\n--b\n\nx\n--b--\n")).isAutomatic)
        #expect(!InboundMessage.parse(Self.crlf("From: a@b.pl\nAuto-Submitted: no\n\nPytanie\n")).isAutomatic)
    }

    @Test func brokenAndOversizedPartsAreLeftOutWithTheProblemNamed() {
        var limits = InboundMessage.Limits()
        limits.maxAttachmentBytes = 10
        limits.maxAttachments = 1
        let raw = Self.crlf("""
            From: a@b.pl
            Content-Type: multipart/mixed; boundary=x

            --x
            Content-Type: text/plain

            Tekst
            --x
            Content-Type: image/png; name=big.png
            Content-Transfer-Encoding: base64

            QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB
            --x
            Content-Type: image/png; name=a.png

            1
            --x
            Content-Type: image/png; name=b.png

            2
            --x--
            """)
        let m = InboundMessage.parse(raw, limits: limits)
        #expect(m.text == "Tekst")
        #expect(m.attachments.map(\.filename) == ["a.png"])
        #expect(m.problems.contains(.attachmentTooLarge) && m.problems.contains(.tooManyAttachments))

        // No boundary at all, a path in a file name, bad base64: read what can be read.
        let broken = InboundMessage.parse(Self.crlf("From: a@b.pl\nContent-Type: multipart/mixed\n\nsomething\n"))
        #expect(broken.problems == [.malformed])
        let path = InboundMessage.parse(Self.crlf("From: a@b.pl\nContent-Type: multipart/mixed; boundary=q\n\n--q\nContent-Type: text/plain; name=\"../../etc/passwd\"\nContent-Disposition: attachment\nContent-Transfer-Encoding: base64\n\n!!!\n--q--\n"))
        #expect(path.attachments.first?.filename == "passwd" && path.problems == [.malformed])
        // Garbage and an empty message do not crash.
        _ = InboundMessage.parse(Data([0xFF, 0x00, 0x0A, 0x0D, 0x0A]))
        #expect(InboundMessage.parse(Data()).text.isEmpty)
        // A message deeper than the limit.
        var deep = "From: a@b.pl\nContent-Type: multipart/mixed; boundary=b0\n\n"
        for level in 1...8 { deep += "--b\(level - 1)\nContent-Type: multipart/mixed; boundary=b\(level)\n\n" }
        #expect(InboundMessage.parse(Self.crlf(deep + "--b8\n\nx\n")).problems.contains(.malformed))
    }
}

/// The IMAP client against a real server (Dovecot): messages put into the mailbox are read,
/// those kept are marked seen and not read again; an oversized one comes as its header.
@Suite(.serialized, .enabled(if: DovecotServer.available)) struct IMAPClientTests {
    @Test func unseenMessagesAreReadAndMarkedSeenOnlyWhenKept() async throws {
        let server = try DovecotServer()
        defer { server.stop() }
        let client = IMAPClient(configuration: .init(host: "127.0.0.1", port: server.port, security: .none, username: server.username,
                                                     password: server.password))
        let big = "From: a@b.pl\r\nSubject: Big\r\nMessage-ID: <big@b.pl>\r\n\r\n" + String(repeating: "x", count: 5_000) + "\r\n"
        for raw in ["From: a@b.pl\r\nSubject: One\r\nMessage-ID: <1@b.pl>\r\n\r\nJeden\r\n", big,
                    "From: c@d.pl\r\nSubject: Two\r\nMessage-ID: <2@b.pl>\r\n\r\nDwa\r\n"] {
            try await client.append(Data(raw.utf8))
        }
        let wrong = IMAPClient(configuration: .init(host: "127.0.0.1", port: server.port, security: .none, username: server.username, password: "zle"))
        await #expect(throws: IMAPError.self) { try await wrong.fetchUnseen(limit: 10, maxBytes: 1_000) { _ in true } }

        var seen: [String] = []
        // The second message is not kept (say the database failed): it stays unseen.
        let kept = try await client.fetchUnseen(limit: 10, maxBytes: 1_000) { f in
            let m = InboundMessage.parse(f.raw ?? Data())
            seen.append(m.subject + (f.headerOnly ? " (header)" : ""))
            return m.subject != "Two"
        }
        #expect(seen == ["One", "Big (header)", "Two"] && kept == 2)
        var again: [String] = []
        try await client.fetchUnseen(limit: 10, maxBytes: 1_000) { f in again.append(InboundMessage.parse(f.raw ?? Data()).text); return true }
        #expect(again == ["Dwa"])
        #expect(try await client.fetchUnseen(limit: 10, maxBytes: 1_000) { _ in true } == 0)
    }
}
