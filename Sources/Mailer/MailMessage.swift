import Foundation

/// One e-mail with a plain-text and an HTML part, rendered as RFC 5322 / MIME: UTF-8
/// everywhere, base64 bodies (so no line is ever too long or starts with a dot), encoded-word
/// subject.
public struct MailMessage: Sendable, Equatable {
    public var from: String
    public var fromName: String?
    public var to: String
    public var subject: String
    public var textBody: String
    public var htmlBody: String
    public var messageID: String
    public var date: Date
    /// Threading (ids without angle brackets): the message answered, and the thread so far.
    public var inReplyTo: String? = nil
    public var references: [String] = []
    public var replyTo: String? = nil
    /// A person wrote it (a consultant's reply); otherwise it is marked Auto-Submitted, so
    /// other systems do not answer it automatically.
    public var personal = false

    public init(from: String, fromName: String? = nil, to: String, subject: String, textBody: String, htmlBody: String,
                messageID: String, date: Date = Date()) {
        self.from = from; self.fromName = fromName; self.to = to; self.subject = subject
        self.textBody = textBody; self.htmlBody = htmlBody; self.messageID = messageID; self.date = date
    }

    public func rendered(boundary: String = "zl-" + UUID().uuidString) -> String {
        let dateFormatter = DateFormatter()
        dateFormatter.locale = Locale(identifier: "en_US_POSIX")
        dateFormatter.timeZone = TimeZone(identifier: "UTC")
        dateFormatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        let fromHeader = fromName.map { "\(Self.encodedWord($0)) <\(from)>" } ?? from
        var headers = [
            "From: \(fromHeader)",
            "To: \(to)",
            "Subject: \(Self.encodedWord(subject))",
            "Date: \(dateFormatter.string(from: date))",
            "Message-ID: <\(messageID)>",
        ]
        if let replyTo { headers.append("Reply-To: \(replyTo)") }
        if let inReplyTo { headers.append("In-Reply-To: <\(inReplyTo)>") }
        if !references.isEmpty { headers.append("References: " + references.map { "<\($0)>" }.joined(separator: "\r\n ")) }
        if !personal { headers.append("Auto-Submitted: auto-generated") }
        headers += ["MIME-Version: 1.0", "Content-Type: multipart/alternative; boundary=\"\(boundary)\""]
        let parts = [("text/plain", textBody), ("text/html", htmlBody)].map { type, body in
            "--\(boundary)\r\nContent-Type: \(type); charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Self.base64Lines(body) + "\r\n"
        }
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + parts.joined() + "--\(boundary)--\r\n"
    }

    /// RFC 2047 encoded word when the text is not plain ASCII.
    static func encodedWord(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { !$0.isASCII || $0.value < 32 }) else { return s }
        return "=?UTF-8?B?" + Data(s.utf8).base64EncodedString() + "?="
    }

    static func base64Lines(_ s: String) -> String {
        let b64 = Data(s.utf8).base64EncodedString()
        var lines: [Substring] = []
        var i = b64.startIndex
        while i < b64.endIndex {
            let j = b64.index(i, offsetBy: 76, limitedBy: b64.endIndex) ?? b64.endIndex
            lines.append(b64[i..<j]); i = j
        }
        return lines.joined(separator: "\r\n")
    }
}
