import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// A reply of the server: its code and the text of all its lines.
struct SMTPReply: Sendable {
    let code: Int
    let lines: [String]
    var text: String { lines.joined(separator: "\n") }
}

/// Splits the byte stream into lines and multi-line replies ("250-…" … "250 …") and hands
/// whole replies to the client; a read timeout or a closed connection ends the stream.
final class SMTPReplyDecoder: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer
    private let continuation: AsyncThrowingStream<SMTPReply, any Error>.Continuation
    private var partial: [UInt8] = []
    private var lines: [String] = []

    init(_ continuation: AsyncThrowingStream<SMTPReply, any Error>.Continuation) { self.continuation = continuation }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        partial.append(contentsOf: buffer.readBytes(length: buffer.readableBytes) ?? [])
        while let lf = partial.firstIndex(of: 0x0A) {
            var lineBytes = Array(partial[..<lf])
            partial.removeSubrange(...lf)
            if lineBytes.last == 0x0D { lineBytes.removeLast() }
            let line = String(decoding: lineBytes, as: UTF8.self)
            let chars = Array(line)
            guard chars.count >= 3, let code = Int(String(chars[0..<3])) else { continue }
            lines.append(chars.count > 4 ? String(chars[4...]) : "")
            if chars.count == 3 || chars[3] == " " {
                continuation.yield(SMTPReply(code: code, lines: lines))
                lines = []
            }
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent {
            continuation.finish(throwing: SMTPError.timeout)
            context.close(promise: nil)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        continuation.finish(throwing: SMTPError.connectionClosed)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        continuation.finish(throwing: error)
        context.close(promise: nil)
    }
}

/// Delivers one message per connection: EHLO, STARTTLS when asked, AUTH PLAIN or LOGIN when
/// credentials are set, MAIL/RCPT/DATA, QUIT.
public struct SMTPClient: Sendable {
    public let configuration: SMTPConfiguration

    public init(configuration: SMTPConfiguration) { self.configuration = configuration }

    public func send(_ message: MailMessage) async throws {
        let c = configuration
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: SMTPReply.self)
        let tlsContext = c.security != .none ? try MailTransport.tlsContext(caFile: c.caFile) : nil
        let sniName = MailTransport.serverName(c.host)
        let timeout = TimeAmount.milliseconds(Int64(c.timeout * 1000))
        let channel = try await MailTransport.connect(host: c.host, port: c.port, timeout: timeout, implicitTLS: c.security == .tls ? tlsContext : nil) {
            SMTPReplyDecoder(continuation)
        }

        var replies = stream.makeAsyncIterator()
        do {
            func expect(_ codes: Set<Int>, _ command: String) async throws -> SMTPReply {
                guard let reply = try await replies.next() else { throw SMTPError.connectionClosed }
                guard codes.contains(reply.code) else {
                    throw SMTPError.unexpectedReply(command: command, code: reply.code, text: reply.text)
                }
                return reply
            }
            func write(_ text: String) async throws {
                try await channel.writeAndFlush(channel.allocator.buffer(string: text)).get()
            }
            func command(_ line: String, _ codes: Set<Int>, name: String? = nil) async throws -> SMTPReply {
                try await write(line + "\r\n")
                return try await expect(codes, name ?? String(line.prefix { $0 != " " && $0 != ":" }))
            }

            _ = try await expect([220], "greeting")
            var ehlo = try await command("EHLO \(c.heloName)", [250])
            if c.security == .starttls {
                guard ehlo.lines.contains(where: { $0.uppercased().hasPrefix("STARTTLS") }) else { throw SMTPError.startTLSUnavailable }
                _ = try await command("STARTTLS", [220])
                let handler = try NIOSSLClientHandler(context: tlsContext!, serverHostname: sniName)
                try await channel.pipeline.addHandler(handler, position: .first).get()
                ehlo = try await command("EHLO \(c.heloName)", [250])
            }
            if let user = c.username, let password = c.password {
                let auth = ehlo.lines.first { $0.uppercased().hasPrefix("AUTH") }?.uppercased() ?? ""
                if auth.contains("PLAIN") || !auth.contains("LOGIN") {
                    let token = Data(([0] + Array(user.utf8) + [0] + Array(password.utf8))).base64EncodedString()
                    _ = try await command("AUTH PLAIN \(token)", [235], name: "AUTH")
                } else {
                    _ = try await command("AUTH LOGIN", [334], name: "AUTH")
                    _ = try await command(Data(user.utf8).base64EncodedString(), [334], name: "AUTH")
                    _ = try await command(Data(password.utf8).base64EncodedString(), [235], name: "AUTH")
                }
            }
            _ = try await command("MAIL FROM:<\(message.from)>", [250], name: "MAIL FROM")
            _ = try await command("RCPT TO:<\(message.to)>", [250, 251], name: "RCPT TO")
            _ = try await command("DATA", [354])
            try await write(Self.dotStuffed(message.rendered()) + ".\r\n")
            _ = try await expect([250], "DATA end")
            _ = try? await command("QUIT", [221])
        } catch {
            try? await channel.close().get()
            throw error
        }
        try? await channel.close().get()
    }

    /// A line that starts with "." gets another one (RFC 5321 §4.5.2).
    static func dotStuffed(_ text: String) -> String {
        text.components(separatedBy: "\r\n").map { $0.hasPrefix(".") ? "." + $0 : $0 }.joined(separator: "\r\n")
    }

}
