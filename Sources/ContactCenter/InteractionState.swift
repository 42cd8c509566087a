/// Where an interaction stands. queued → offered → connected → wrap-up → closed, or it ends
/// abandoned (the client gave up), expired (nobody took it in time) or transferred (its leg
/// ends and it is queued again elsewhere).
public enum InteractionState: String, Sendable, CaseIterable, Codable {
    case queued, offered, connected
    case wrapUp = "wrap_up"
    case closed, abandoned, expired, transferred

    /// The moves allowed from each state. An offer that is declined or times out goes back
    /// to the queue; a transfer re-queues the interaction for its new target.
    public static let moves: [InteractionState: Set<InteractionState>] = [
        .queued: [.offered, .abandoned, .expired, .transferred],
        .offered: [.connected, .queued, .abandoned],
        .connected: [.wrapUp, .transferred],
        .wrapUp: [.closed],
        .transferred: [.queued],
        .closed: [], .abandoned: [], .expired: [],
    ]

    public func canMove(to next: InteractionState) -> Bool { Self.moves[self]?.contains(next) ?? false }

    public var isFinal: Bool { Self.moves[self]?.isEmpty ?? true }
}
