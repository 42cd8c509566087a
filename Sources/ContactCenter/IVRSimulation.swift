/// A call walked through a flow without a carrier, for the editor's simulated caller: what the
/// caller hears and does, step by step, until the call ends or waits for keys.
public enum IVRTranscriptLine: Sendable, Equatable {
    case said(String, language: String)
    case played(String)
    /// The caller is asked for keys (a fixed number, or up to `#`).
    case asked(digits: Int?)
    case pressed(String)
    case noAnswer
    /// Where the call ended: a queue, a callback booked, a message recorded, a transfer, a goodbye.
    case ended(IVRAction)
}

public enum IVRSimulation {
    /// Runs `inputs` in turn (keys or a timeout at each question); inputs left over once the call
    /// has ended are ignored.
    public static func run(_ flow: IVRFlow, version: Int, inputs: [IVRInput], lookups: any IVRLookups) async throws -> (IVRCall, [IVRTranscriptLine]) {
        let engine = IVREngine(flow: flow, version: version)
        var (call, actions) = try await engine.start(lookups: lookups)
        var lines = transcript(actions)
        for input in inputs where call.outcome == nil {
            switch input {
            case .digits(let keys): lines.append(.pressed(keys))
            case .timeout: lines.append(.noAnswer)
            }
            (call, actions) = try await engine.advance(call, input, lookups: lookups)
            lines += transcript(actions)
        }
        return (call, lines)
    }

    static func transcript(_ actions: [IVRAction]) -> [IVRTranscriptLine] {
        actions.map { action in
            switch action {
            case let .say(text, language): .said(text, language: language)
            case let .play(url): .played(url)
            case let .gather(digits, _): .asked(digits: digits)
            default: .ended(action)
            }
        }
    }
}
