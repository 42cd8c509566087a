import Foundation

/// An e-mail as it arrived (RFC 5322 with MIME), reduced to what a contact centre works with:
/// who wrote, the thread it belongs to (Message-ID, In-Reply-To, References), whether a machine
/// sent it (auto-replies, bounces, lists: never answered automatically, so two systems cannot
/// answer each other for ever), the text, and the attachments within limits. Broken MIME
/// does not throw: what can be read is kept and the problem is named.
public struct InboundMessage: Sendable, Equatable {
    public struct Attachment: Sendable, Equatable {
        public let filename: String
        public let contentType: String
        public let data: Data
    }

    public struct Limits: Sendable {
        public var maxAttachments = 10
        public var maxAttachmentBytes = 5 * 1_024 * 1_024
        public var maxTextCharacters = 50_000
        public var maxDepth = 5
        public init() {}
    }

    /// What could not be kept as it was; shown to the consultant.
    public enum Problem: String, Sendable, Equatable, CaseIterable {
        case malformed, attachmentTooLarge = "attachment_too_large", tooManyAttachments = "too_many_attachments", textCut = "text_cut"
    }

    public var messageID: String?
    public var inReplyTo: String?
    public var references: [String] = []
    public var fromAddress: String = ""
    public var fromName: String?
    public var to: [String] = []
    public var subject: String = ""
    public var text: String = ""
    public var attachments: [Attachment] = []
    public var problems: [Problem] = []
    /// Sent by a machine: Auto-Submitted other than "no", Precedence bulk/junk/list, a list,
    /// a delivery report, or an empty/daemon sender.
    public var isAutomatic = false

    public static func parse(_ raw: Data, limits: Limits = Limits()) -> InboundMessage {
        var m = InboundMessage()
        let entity = Entity.split(raw)
        let h = entity.headers
        m.messageID = h["message-id"].flatMap { Self.ids($0).first }
        m.inReplyTo = h["in-reply-to"].flatMap { Self.ids($0).first }
        m.references = h["references"].map(Self.ids) ?? []
        let (address, name) = Self.mailbox(h["from"] ?? "")
        m.fromAddress = address.lowercased()
        m.fromName = name.map(Self.decodeWords)
        m.to = (h["to"] ?? "").split(separator: ",").map { Self.mailbox(String($0)).address.lowercased() }.filter { !$0.isEmpty }
        m.subject = Self.decodeWords(h["subject"] ?? "").trimmingCharacters(in: .whitespaces)
        let autoSubmitted = (h["auto-submitted"] ?? "no").lowercased().trimmingCharacters(in: .whitespaces)
        let precedence = (h["precedence"] ?? "").lowercased()
        let sender = m.fromAddress
        m.isAutomatic = !autoSubmitted.hasPrefix("no") || ["bulk", "junk", "list"].contains(where: precedence.contains)
            || h["list-id"] != nil || h["x-autoreply"] != nil || h["x-autorespond"] != nil
            || (h["content-type"] ?? "").lowercased().contains("multipart/report")
            || sender.isEmpty || sender.hasPrefix("mailer-daemon@") || sender.hasPrefix("postmaster@") || h["return-path"]?.contains("<>") == true
        var texts: [String] = [], htmls: [String] = []
        m.walk(entity, depth: 0, limits: limits, texts: &texts, htmls: &htmls)
        var text = texts.first { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty } ?? htmls.first.map(Self.textOfHTML) ?? ""
        text = text.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        if text.count > limits.maxTextCharacters { text = String(text.prefix(limits.maxTextCharacters)); m.problems.append(.textCut) }
        m.text = text
        return m
    }

    private mutating func walk(_ e: Entity, depth: Int, limits: Limits, texts: inout [String], htmls: inout [String]) {
        let type = Self.headerValue(e.headers["content-type"] ?? "text/plain")
        let params = Self.parameters(e.headers["content-type"] ?? "")
        if type.hasPrefix("multipart/") {
            guard depth < limits.maxDepth, let boundary = params["boundary"], !boundary.isEmpty else { note(.malformed); return }
            let parts = Entity.parts(e.body, boundary: boundary)
            if parts.isEmpty { note(.malformed) }
            for p in parts { walk(p, depth: depth + 1, limits: limits, texts: &texts, htmls: &htmls) }
            return
        }
        let disposition = e.headers["content-disposition"] ?? ""
        let filename = Self.parameters(disposition)["filename"] ?? params["name"]
        let data = Self.decodeBody(e.body, encoding: (e.headers["content-transfer-encoding"] ?? "").lowercased(), problem: { note(.malformed) })
        if filename != nil || Self.headerValue(disposition) == "attachment" || !(type.hasPrefix("text/") || type == "message/delivery-status") {
            guard attachments.count < limits.maxAttachments else { note(.tooManyAttachments); return }
            guard data.count <= limits.maxAttachmentBytes else { note(.attachmentTooLarge); return }
            let name = Self.decodeWords(filename ?? "attachment").split(whereSeparator: { "/\\".contains($0) }).last.map(String.init) ?? "attachment"
            attachments.append(Attachment(filename: String(name.prefix(200)), contentType: type, data: data))
            return
        }
        let text = Self.string(data, charset: params["charset"])
        if type == "text/html" { htmls.append(text) } else { texts.append(text) }
    }

    private mutating func note(_ p: Problem) { if !problems.contains(p) { problems.append(p) } }

    // MARK: pieces

    /// Headers (unfolded, names in lower case, the first of each kept) and the raw body.
    struct Entity {
        var headers: [String: String] = [:]
        var body: Data

        static func split(_ raw: Data) -> Entity {
            let bytes = [UInt8](raw)
            var end = bytes.count, bodyStart = bytes.count
            var i = 0
            while i < bytes.count {
                if bytes[i] == 0x0A {
                    if i + 1 < bytes.count && bytes[i + 1] == 0x0A { end = i; bodyStart = i + 2; break }
                    if i + 2 < bytes.count && bytes[i + 1] == 0x0D && bytes[i + 2] == 0x0A { end = i; bodyStart = i + 3; break }
                }
                i += 1
            }
            if bodyStart == bytes.count && end == bytes.count && bytes.first.map({ $0 == 0x0A || $0 == 0x0D }) == true {
                end = 0; bodyStart = bytes.first == 0x0D ? min(2, bytes.count) : 1
            }
            var e = Entity(body: Data(bytes[min(bodyStart, bytes.count)...]))
            let head = String(decoding: bytes[..<min(end, bytes.count)], as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
            var current: (String, String)? = nil
            func flush() { if let (k, v) = current, e.headers[k] == nil { e.headers[k] = v.trimmingCharacters(in: .whitespacesAndNewlines) } }
            for rawLine in head.split(separator: "\n", omittingEmptySubsequences: false) {
                let line = rawLine.last == "\r" ? rawLine.dropLast() : rawLine
                if let first = line.first, first == " " || first == "\t", current != nil {
                    current!.1 += " " + line.trimmingCharacters(in: .whitespaces)
                } else if let colon = line.firstIndex(of: ":") {
                    flush()
                    current = (line[..<colon].trimmingCharacters(in: .whitespaces).lowercased(), String(line[line.index(after: colon)...]))
                }
            }
            flush()
            return e
        }

        /// The parts between `--boundary` lines (the preamble and epilogue left out).
        static func parts(_ body: Data, boundary: String) -> [Entity] {
            let text = [UInt8](body)
            let marker = Array(("--" + boundary).utf8)
            var starts: [(lineStart: Int, contentStart: Int, closing: Bool)] = []
            var i = 0
            while i + marker.count <= text.count {
                let atLineStart = i == 0 || text[i - 1] == 0x0A
                if atLineStart && Array(text[i..<(i + marker.count)]) == marker {
                    let closing = i + marker.count + 1 < text.count && text[i + marker.count] == 0x2D && text[i + marker.count + 1] == 0x2D
                    var j = i + marker.count
                    while j < text.count && text[j] != 0x0A { j += 1 }
                    starts.append((i, min(j + 1, text.count), closing))
                    if closing { break }
                    i = j
                } else { i += 1 }
            }
            var parts: [Entity] = []
            for (n, s) in starts.enumerated() where !s.closing && n + 1 < starts.count {
                var stop = starts[n + 1].lineStart
                // The line break before the next boundary belongs to the boundary.
                if stop > s.contentStart && text[stop - 1] == 0x0A { stop -= 1 }
                if stop > s.contentStart && text[stop - 1] == 0x0D { stop -= 1 }
                parts.append(split(Data(text[s.contentStart..<max(s.contentStart, stop)])))
            }
            return parts
        }
    }

    static func decodeBody(_ body: Data, encoding: String, problem: () -> Void) -> Data {
        switch encoding {
        case "base64":
            let cleaned = String(decoding: body, as: UTF8.self).filter { !$0.isWhitespace }
            let padded = cleaned + String(repeating: "=", count: (4 - cleaned.count % 4) % 4)
            if let d = Data(base64Encoded: padded) { return d }
            problem()
            return body
        case "quoted-printable": return quotedPrintable(body, underscoresAreSpaces: false)
        default: return body
        }
    }

    static func quotedPrintable(_ body: Data, underscoresAreSpaces: Bool) -> Data {
        let b = [UInt8](body)
        var out: [UInt8] = []
        var i = 0
        func hex(_ c: UInt8) -> UInt8? {
            switch c { case 0x30...0x39: c - 0x30; case 0x41...0x46: c - 0x37; case 0x61...0x66: c - 0x57; default: nil }
        }
        while i < b.count {
            let c = b[i]
            if c == 0x3D {
                if i + 1 < b.count && b[i + 1] == 0x0A { i += 2; continue }
                if i + 2 < b.count && b[i + 1] == 0x0D && b[i + 2] == 0x0A { i += 3; continue }
                if i + 2 < b.count, let h = hex(b[i + 1]), let l = hex(b[i + 2]) { out.append(h << 4 | l); i += 3; continue }
            }
            out.append(underscoresAreSpaces && c == 0x5F ? 0x20 : c)
            i += 1
        }
        return Data(out)
    }

    /// Text in its charset; unknown or wrong charsets fall back to UTF-8, then Latin-2.
    static func string(_ data: Data, charset: String?) -> String {
        let encoding: String.Encoding? = switch (charset ?? "utf-8").lowercased() {
        case "utf-8", "utf8", "us-ascii", "ascii": .utf8
        case "iso-8859-2", "latin2", "iso8859-2": .isoLatin2
        case "windows-1250", "cp1250": .windowsCP1250
        case "iso-8859-1", "latin1": .isoLatin1
        case "windows-1252": .windowsCP1252
        case "windows-1251", "cp1251": .windowsCP1251
        case "koi8-r", "koi8-u": String.Encoding(rawValue: 0x8000_0A02)
        default: nil
        }
        if let encoding, let s = String(data: data, encoding: encoding) { return s }
        if let s = String(data: data, encoding: .utf8) { return s }
        return String(data: data, encoding: .isoLatin2) ?? String(decoding: data, as: UTF8.self)
    }

    /// RFC 2047 encoded words (`=?charset?B|Q?…?=`) in a header.
    static func decodeWords(_ s: String) -> String {
        guard s.contains("=?") else { return s }
        var out = "", rest = Substring(s), lastWasWord = false
        while let start = rest.range(of: "=?") {
            let before = rest[..<start.lowerBound]
            let afterStart = rest[start.upperBound...]
            let pieces = afterStart.split(separator: "?", maxSplits: 2, omittingEmptySubsequences: false)
            guard pieces.count == 3, let end = pieces[2].range(of: "?=") else { break }
            if !(lastWasWord && before.allSatisfy(\.isWhitespace)) { out += before }
            let payload = pieces[2][..<end.lowerBound]
            let data: Data? = switch pieces[1].lowercased() {
            case "b": Data(base64Encoded: String(payload) + String(repeating: "=", count: (4 - payload.count % 4) % 4))
            case "q": quotedPrintable(Data(payload.utf8), underscoresAreSpaces: true)
            default: nil
            }
            out += data.map { string($0, charset: String(pieces[0].split(separator: "*").first ?? "")) } ?? String(payload)
            rest = pieces[2][end.upperBound...]
            lastWasWord = true
        }
        return out + rest
    }

    /// `"Name" <a@b>` or `a@b`.
    static func mailbox(_ s: String) -> (address: String, name: String?) {
        if let lt = s.lastIndex(of: "<"), let gt = s[lt...].firstIndex(of: ">") {
            let name = s[..<lt].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            return (String(s[s.index(after: lt)..<gt]).trimmingCharacters(in: .whitespaces), name.isEmpty ? nil : name)
        }
        return (s.trimmingCharacters(in: .whitespaces), nil)
    }

    /// The `<id>`s of Message-ID, In-Reply-To, References (without the angle brackets).
    static func ids(_ s: String) -> [String] {
        var out: [String] = []
        var rest = Substring(s)
        while let lt = rest.firstIndex(of: "<"), let gt = rest[lt...].firstIndex(of: ">") {
            let id = rest[rest.index(after: lt)..<gt].trimmingCharacters(in: .whitespaces)
            if !id.isEmpty && id.count <= 250 { out.append(id) }
            rest = rest[rest.index(after: gt)...]
        }
        return out
    }

    static func headerValue(_ s: String) -> String {
        String(s.split(separator: ";", maxSplits: 1).first ?? "").trimmingCharacters(in: .whitespaces).lowercased()
    }

    static func parameters(_ s: String) -> [String: String] {
        var out: [String: String] = [:]
        for part in s.split(separator: ";").dropFirst() {
            let kv = part.split(separator: "=", maxSplits: 1)
            guard kv.count == 2 else { continue }
            let key = kv[0].trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "*", with: "")
            var value = kv[1].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            // RFC 2231 (filename*=utf-8''…): charset, language, percent-encoded value.
            if kv[0].contains("*"), let q = value.range(of: "''") { value = String(value[q.upperBound...]).removingPercentEncoding ?? value }
            if out[key] == nil { out[key] = value }
        }
        return out
    }

    static func textOfHTML(_ html: String) -> String {
        var s = html.replacingOccurrences(of: "(?is)<(script|style)[^>]*>.*?</\\1>", with: "", options: .regularExpression)
        s = s.replacingOccurrences(of: "(?i)<br\\s*/?>|</p>|</div>|</li>", with: "\n", options: .regularExpression)
        s = s.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
        for (entity, char) in [("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            s = s.replacingOccurrences(of: entity, with: char)
        }
        return s
    }
}
