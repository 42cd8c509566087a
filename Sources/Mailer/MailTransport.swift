import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// What the SMTP and IMAP clients share: the TLS context (the system's trust store or a
/// private CA), the name sent for SNI, and the connection with a read timeout and the
/// protocol's decoder.
enum MailTransport {
    static func tlsContext(caFile: String?) throws -> NIOSSLContext {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let caFile { tls.trustRoots = .file(caFile) }
        return try NIOSSLContext(configuration: tls)
    }

    /// No SNI for an IP address.
    static func serverName(_ host: String) -> String? {
        host.allSatisfy { $0.isNumber || $0 == "." } || host.contains(":") ? nil : host
    }

    static func connect(host: String, port: Int, timeout: TimeAmount, implicitTLS: NIOSSLContext?,
                        decoder: @escaping @Sendable () -> any ChannelHandler) async throws -> any Channel {
        let sni = serverName(host)
        return try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(timeout)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let implicitTLS { try channel.pipeline.syncOperations.addHandler(try NIOSSLClientHandler(context: implicitTLS, serverHostname: sni)) }
                    try channel.pipeline.syncOperations.addHandler(IdleStateHandler(readTimeout: timeout))
                    try channel.pipeline.syncOperations.addHandler(decoder())
                }
            }
            .connect(host: host, port: port).get()
    }
}
