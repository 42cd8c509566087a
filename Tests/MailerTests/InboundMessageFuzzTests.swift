import Testing
import Foundation
@testable import Mailer
import TestSupport

/// Mail as anything may send it, fuzzed from a seeded corpus for a bounded time (see `Fuzzer`):
/// whatever arrives is read within its limits, the same way every time, and never crashes.
@Suite struct InboundMessageFuzzTests {
    static func bytes(_ s: String) -> [UInt8] { Array(InboundMessageTests.crlf(s)) }

    static let mail: [[UInt8]] = [
        Array(InboundMessageTests.multipart),
        bytes("""
            From: MAILER-DAEMON@example.org
            To: kontakt@zielonalinia.example
            Subject: Undelivered Mail Returned to Sender
            Auto-Submitted: auto-replied
            Content-Type: multipart/report; report-type=delivery-status; boundary="r"

            --r
            Content-Type: text/plain

            The message could not be delivered.
            --r
            Content-Type: message/delivery-status

            Status: 5.1.1
            --r--
            """),
        bytes("""
            From: "Iwan Petrenko" <ivan@example.org>
            Subject: =?UTF-8?B?0JTQvtCx0YDQuNC5INC00LXQvdGM?=
            Content-Type: text/html; charset="windows-1251"
            Content-Transfer-Encoding: 8bit

            <html><body><p>Pryvit, <b>dopomoga</b></p><br>Ivan</body></html>
            """),
    ]

    @Test func mailIsReadWithinItsLimitsWhateverArrives() async {
        var limits = InboundMessage.Limits()
        limits.maxAttachments = 2; limits.maxAttachmentBytes = 64; limits.maxTextCharacters = 400; limits.maxDepth = 3
        let count = await Fuzzer("mime").run(corpus: Self.mail, words: ["Content-Type: ", "boundary=\"outer\"", "\r\n--outer", "--inner--", "=?", "=3D", "=\r\n"]) { input in
            let m = InboundMessage.parse(Data(input), limits: limits)
            #expect(m.attachments.count <= limits.maxAttachments)
            #expect(m.attachments.allSatisfy { $0.data.count <= limits.maxAttachmentBytes })
            #expect(m.text.count <= limits.maxTextCharacters)
            #expect(m.fromAddress == m.fromAddress.lowercased())
            #expect(InboundMessage.parse(Data(input), limits: limits) == m, "the same mail reads the same twice")
        }
        #expect(count >= 300)
    }
}
