import NIOCore
import NIOPosix
import NIOConcurrencyHelpers

/// A TCP relay in front of a server (PostgreSQL in the tests) that can be frozen: from then on
/// it passes nothing on in either direction and closes nothing, which is how a connection looks
/// to its client when the server's end has gone without a word reaching it.
final class FreezableRelay: Sendable {
    let frozen = NIOLockedValueBox(false)
    /// The local ports of the relay's own connections to the server (as the server sees them).
    let upstreamPorts = NIOLockedValueBox<[Int]>([])
    private let server: NIOLockedValueBox<(any Channel)?> = NIOLockedValueBox(nil)

    var port: Int { server.withLockedValue { $0?.localAddress?.port ?? 0 } }

    static func start(to host: String, port: Int, group: any EventLoopGroup) async throws -> FreezableRelay {
        let relay = FreezableRelay()
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            // The accepted connection is registered, so read from, once this has connected upstream.
            .childChannelInitializer { [relay] client in
                ClientBootstrap(group: client.eventLoop)
                    .channelInitializer { upstream in
                        upstream.eventLoop.makeCompletedFuture { try upstream.pipeline.syncOperations.addHandler(Half(peer: client, frozen: relay.frozen)) }
                    }
                    .connect(host: host, port: port)
                    .flatMapThrowing { upstream in
                        relay.upstreamPorts.withLockedValue { $0.append(upstream.localAddress?.port ?? 0) }
                        try client.pipeline.syncOperations.addHandler(Half(peer: upstream, frozen: relay.frozen))
                    }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        relay.server.withLockedValue { $0 = channel }
        return relay
    }

    func stop() async { try? await server.withLockedValue { $0 }?.close() }

    /// One direction: what arrives on this channel goes to its peer, unless frozen.
    private final class Half: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        let peer: any Channel
        let frozen: NIOLockedValueBox<Bool>
        init(peer: any Channel, frozen: NIOLockedValueBox<Bool>) { self.peer = peer; self.frozen = frozen }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            guard !frozen.withLockedValue({ $0 }) else { return }
            peer.writeAndFlush(unwrapInboundIn(data), promise: nil)
        }

        func channelInactive(context: ChannelHandlerContext) {
            if !frozen.withLockedValue({ $0 }) { peer.close(promise: nil) }
            context.fireChannelInactive()
        }
    }
}
