import Foundation
import NIOCore
import NIOPosix
import NIOSSL

public struct IMAPConfiguration: Sendable, Equatable {
    public enum Security: String, Sendable { case none, starttls, tls }
    public var host: String
    public var port: Int
    public var security: Security
    public var username: String
    public var password: String
    public var mailbox: String
    public var caFile: String?
    public var timeout: Double

    public init(host: String, port: Int, security: Security, username: String, password: String, mailbox: String = "INBOX",
                caFile: String? = nil, timeout: Double = 30) {
        self.host = host; self.port = port; self.security = security; self.username = username; self.password = password
        self.mailbox = mailbox; self.caFile = caFile; self.timeout = timeout
    }
}

public enum IMAPError: Error, Equatable {
    case connectionClosed, timeout, startTLSUnavailable
    /// The server answered NO or BAD (the text is the server's, with no password in it).
    case refused(command: String, text: String)
}

/// One line of the server with the literals (`{n}` + n bytes) it carried.
struct IMAPLine: Sendable {
    var text: String
    var literals: [Data]
}

/// Cuts the stream into lines, taking literals whole, so a message body with CRLFs in it stays one piece.
final class IMAPLineDecoder: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer
    private let continuation: AsyncThrowingStream<IMAPLine, any Error>.Continuation
    private var buffer: [UInt8] = []
    private var pending = IMAPLine(text: "", literals: [])
    private var literalLeft: Int? = nil

    init(_ continuation: AsyncThrowingStream<IMAPLine, any Error>.Continuation) { self.continuation = continuation }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var b = unwrapInboundIn(data)
        buffer.append(contentsOf: b.readBytes(length: b.readableBytes) ?? [])
        while true {
            if let need = literalLeft {
                guard buffer.count >= need else { return }
                pending.literals.append(Data(buffer[..<need]))
                pending.text += "\u{0}"
                buffer.removeFirst(need)
                literalLeft = nil
                continue
            }
            guard let lf = buffer.firstIndex(of: 0x0A) else { return }
            var line = Array(buffer[..<lf])
            buffer.removeFirst(lf + 1)
            if line.last == 0x0D { line.removeLast() }
            let text = String(decoding: line, as: UTF8.self)
            if text.hasSuffix("}"), let open = text.lastIndex(of: "{"), let n = Int(text[text.index(after: open)..<text.index(before: text.endIndex)]) {
                pending.text += String(text[..<open])
                literalLeft = n
                continue
            }
            pending.text += text
            continuation.yield(pending)
            pending = IMAPLine(text: "", literals: [])
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent { continuation.finish(throwing: IMAPError.timeout); context.close(promise: nil) }
        else { context.fireUserInboundEventTriggered(event) }
    }

    func channelInactive(context: ChannelHandlerContext) { continuation.finish(throwing: IMAPError.connectionClosed); context.fireChannelInactive() }

    func errorCaught(context: ChannelHandlerContext, error: any Error) { continuation.finish(throwing: error); context.close(promise: nil) }
}

/// Reads a mailbox the way an office's mail server offers it: IMAP (RFC 9051 / 3501 subset:
/// LOGIN, SELECT, UID SEARCH UNSEEN, UID FETCH, UID STORE), over TLS or STARTTLS. A message is
/// marked seen only after the caller kept it, so nothing is lost when the caller fails.
public struct IMAPClient: Sendable {
    public let configuration: IMAPConfiguration
    public init(configuration: IMAPConfiguration) { self.configuration = configuration }

    /// One unseen message: its UID, its size, and its bytes.
    public struct Fetched: Sendable {
        public let uid: UInt32
        public let size: Int
        public let raw: Data?
        /// Over the size limit: `raw` is the header alone.
        public let headerOnly: Bool
    }

    /// Hands up to `limit` unseen messages to `keep`; those it returns true for are marked seen.
    /// A message over `maxBytes` comes with its header only.
    @discardableResult
    public func fetchUnseen(limit: Int, maxBytes: Int, keep: (Fetched) async throws -> Bool) async throws -> Int {
        try await withSession { session in
            let search = try await session.run("UID SEARCH UNSEEN", name: "SEARCH")
            let uids = search.filter { $0.text.uppercased().hasPrefix("* SEARCH") }
                .flatMap { $0.text.dropFirst("* SEARCH".count).split(separator: " ").compactMap { UInt32($0) } }
            var kept = 0
            for uid in uids.sorted().prefix(limit) {
                let sizeLine = try await session.run("UID FETCH \(uid) (RFC822.SIZE)", name: "FETCH")
                let size = sizeLine.compactMap { Self.number(after: "RFC822.SIZE", in: $0.text) }.first ?? 0
                let part = size <= maxBytes ? "BODY.PEEK[]" : "BODY.PEEK[HEADER]"
                let raw = try await session.run("UID FETCH \(uid) (\(part))", name: "FETCH").first { !$0.literals.isEmpty }?.literals.first
                if try await keep(Fetched(uid: uid, size: size, raw: raw, headerOnly: size > maxBytes)) {
                    _ = try await session.run("UID STORE \(uid) +FLAGS.SILENT (\\Seen)", name: "STORE")
                    kept += 1
                }
            }
            return kept
        }
    }

    /// Puts a message into the mailbox (e.g. a copy of what was sent).
    public func append(_ raw: Data) async throws {
        try await withSession { session in
            try await session.append(raw, to: configuration.mailbox)
        }
    }

    /// A logged-in connection with the mailbox selected.
    final class Session: @unchecked Sendable {
        let channel: any Channel
        var lines: AsyncThrowingStream<IMAPLine, any Error>.AsyncIterator
        var tagNumber = 0

        init(channel: any Channel, lines: AsyncThrowingStream<IMAPLine, any Error>.AsyncIterator) { self.channel = channel; self.lines = lines }

        func write(_ bytes: [UInt8]) async throws {
            var buffer = channel.allocator.buffer(capacity: bytes.count)
            buffer.writeBytes(bytes)
            try await channel.writeAndFlush(buffer).get()
        }

        /// Sends a command (and, after the server's "+", a literal) and collects the untagged lines.
        func run(_ command: String, name: String, literal: Data? = nil) async throws -> [IMAPLine] {
            tagNumber += 1
            let tag = "z\(tagNumber)"
            try await write(Array("\(tag) \(command)\r\n".utf8))
            var untagged: [IMAPLine] = []
            var literalSent = literal == nil
            while let line = try await lines.next() {
                if !literalSent && line.text.hasPrefix("+") {
                    try await write(Array(literal!) + [0x0D, 0x0A])
                    literalSent = true
                    continue
                }
                if line.text.hasPrefix(tag + " ") {
                    let status = line.text.dropFirst(tag.count + 1)
                    guard status.uppercased().hasPrefix("OK") else { throw IMAPError.refused(command: name, text: String(status.prefix(200))) }
                    return untagged
                }
                untagged.append(line)
            }
            throw IMAPError.connectionClosed
        }

        func append(_ raw: Data, to mailbox: String) async throws {
            _ = try await run("APPEND \(IMAPClient.quoted(mailbox)) {\(raw.count)}", name: "APPEND", literal: raw)
        }
    }

    func withSession<T>(_ body: (Session) async throws -> T) async throws -> T {
        let c = configuration
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: IMAPLine.self)
        let tlsContext = c.security != .none ? try MailTransport.tlsContext(caFile: c.caFile) : nil
        let sni = MailTransport.serverName(c.host)
        let timeout = TimeAmount.milliseconds(Int64(c.timeout * 1000))
        let channel = try await MailTransport.connect(host: c.host, port: c.port, timeout: timeout, implicitTLS: c.security == .tls ? tlsContext : nil) {
            IMAPLineDecoder(continuation)
        }
        let session = Session(channel: channel, lines: stream.makeAsyncIterator())
        do {
            guard let greeting = try await session.lines.next(), greeting.text.hasPrefix("* OK") || greeting.text.hasPrefix("* PREAUTH") else {
                throw IMAPError.connectionClosed
            }
            if c.security == .starttls {
                let caps = try await session.run("CAPABILITY", name: "CAPABILITY")
                guard caps.contains(where: { $0.text.uppercased().contains("STARTTLS") }) else { throw IMAPError.startTLSUnavailable }
                _ = try await session.run("STARTTLS", name: "STARTTLS")
                try await channel.pipeline.addHandler(try NIOSSLClientHandler(context: tlsContext!, serverHostname: sni), position: .first).get()
            }
            _ = try await session.run("LOGIN \(Self.quoted(c.username)) \(Self.quoted(c.password))", name: "LOGIN")
            _ = try await session.run("SELECT \(Self.quoted(c.mailbox))", name: "SELECT")
            let result = try await body(session)
            _ = try? await session.run("LOGOUT", name: "LOGOUT")
            try? await channel.close().get()
            return result
        } catch {
            try? await channel.close().get()
            throw error
        }
    }

    /// An IMAP quoted string (backslash and double quote escaped).
    static func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func number(after key: String, in text: String) -> Int? {
        guard let r = text.uppercased().range(of: key + " ") else { return nil }
        return Int(text[r.upperBound...].prefix { $0.isNumber })
    }
}
