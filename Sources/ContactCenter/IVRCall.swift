import Foundation
import Identity

/// One call walking a flow: where it is, in which language, what the caller gave (digits,
/// client, office), and how often the current step has been tried. Stored between the
/// carrier's requests, together with the flow version it started on (a flow published
/// meanwhile does not change a call in progress).
public struct IVRCall: Codable, Sendable, Equatable {
    public var flowVersion: Int
    public var step: String
    public var language: String
    /// Tries of the current step that did not get a valid answer.
    public var failures = 0
    /// For `identify`: the client number given, while the PIN is asked for.
    public var pendingClientNumber: String? = nil
    public var clientNumber: String? = nil
    public var officeID: String? = nil
    public var postalCode: PostalCode? = nil
    /// Steps passed, for the desktop's context ("welcome › language › who › postal …").
    public var path: [String] = []
    /// Keys pressed per step (PINs are never kept).
    public var entered: [String: String] = [:]
    /// Set when the call reaches an end: in a queue, a callback booked, recorded, transferred, hung up.
    public var outcome: IVRAction? = nil

    public init(flowVersion: Int, step: String, language: String) { self.flowVersion = flowVersion; self.step = step; self.language = language }
}

/// What the caller hears or what happens to the call; the webhooks turn these into TwiML.
public enum IVRAction: Codable, Sendable, Equatable {
    case say(String, language: String)
    case play(String)
    /// Waits for keys: a fixed number, or up to `#`.
    case gather(digits: Int?, timeoutSeconds: Int)
    case enqueue(office: String?, topic: String, language: String)
    case callback(office: String?, language: String)
    case record(office: String?)
    case transfer(String)
    case hangup
}

/// What the caller did at a step that waits: pressed keys, or nothing before the timeout.
public enum IVRInput: Sendable, Equatable { case digits(String), timeout }

public enum IVRIdentification: Sendable, Equatable {
    case identified(office: String?)
    case wrong
    /// Too many wrong PINs from this number or for this client: no more tries for a while.
    case locked
}

/// What the flow asks of the outside world.
public protocol IVRLookups: Sendable {
    func identify(clientNumber: String, pin: String) async throws -> IVRIdentification
    func office(postalCode: PostalCode) async throws -> String?
    func isOpen() async throws -> Bool
    /// The hours the line answers, in words of `language`, for prompts that say `{hours}`
    /// (so a change of the configured hours needs no new recording or prompt).
    func spokenHours(language: String) -> String
}

/// Walks a call through a flow: from a step it runs on (saying, branching) until a step waits
/// for the caller or the call ends, and returns what the caller should hear.
public struct IVREngine: Sendable {
    public let flow: IVRFlow
    public let version: Int
    /// A call passing more steps than this is ended (a guard; the publishing check prevents loops).
    public static let maximumSteps = 200

    public init(flow: IVRFlow, version: Int) { self.flow = flow; self.version = version }

    public func start(lookups: (any IVRLookups)? = nil) async throws -> (IVRCall, [IVRAction]) {
        try await run(IVRCall(flowVersion: version, step: flow.start, language: flow.languages.first ?? "pl"), input: lookups)
    }

    /// The caller's answer to the step the call waits at.
    public func advance(_ call: IVRCall, _ input: IVRInput, lookups: any IVRLookups) async throws -> (IVRCall, [IVRAction]) {
        guard call.outcome == nil, let step = flow.steps[call.step] else { return (call, [.hangup]) }
        var c = call
        var actions: [IVRAction] = []
        func failed() -> String? {
            c.failures += 1
            if c.failures > step.retries { c.failures = 0; return step.otherwise }
            return step.id
        }
        var next: String?
        switch (step.kind, input) {
        case (.menu, .digits(let keys)):
            next = step.choices[String(keys.prefix(1))] ?? failed()
            if step.choices[String(keys.prefix(1))] != nil { c.entered[step.id] = String(keys.prefix(1)); c.failures = 0 }
        case (.language, .digits(let keys)):
            if let lang = step.languages[String(keys.prefix(1))] { c.language = lang; c.failures = 0; next = step.next } else { next = failed() ?? step.next }
        case (.gather, .digits(let keys)):
            if keys.count == step.digits && keys.allSatisfy(\.isNumber) {
                c.entered[step.id] = keys; c.failures = 0
                if step.check == .postalCode { c.postalCode = try? PostalCode(keys) }
                next = step.next
            } else { next = failed() }
        case (.identify, .digits(let keys)):
            let digits = keys.filter(\.isNumber)
            if c.pendingClientNumber == nil {
                guard !digits.isEmpty, digits.count <= 12 else { next = failed(); break }
                c.pendingClientNumber = digits
                return (c, [Self.sayOrPlay(flow, step, language: c.language, key: "pin"), .gather(digits: nil, timeoutSeconds: step.timeoutSeconds)].compactMap { $0 })
            }
            let number = c.pendingClientNumber!
            c.pendingClientNumber = nil
            switch try await lookups.identify(clientNumber: number, pin: digits) {
            case .identified(let office):
                c.clientNumber = number; c.officeID = office ?? c.officeID; c.failures = 0; next = step.next
            case .wrong:
                next = failed()
            case .locked:
                c.failures = 0; next = step.otherwise
            }
        case (.callback, .digits(let keys)):
            if keys.hasPrefix("1") {
                c.outcome = .callback(office: c.officeID, language: c.language)
                actions.append(c.outcome!)
                return (c, actions)
            }
            next = step.next
        case (_, .timeout) where [.menu, .gather, .identify, .language].contains(step.kind):
            c.pendingClientNumber = nil
            next = failed() ?? step.next
        case (.callback, .timeout):
            next = step.next
        default:
            next = step.next
        }
        guard let next else { return (c, [.hangup]) }
        c.step = next
        let (after, more) = try await run(c, input: lookups)
        return (after, actions + more)
    }

    /// Runs from `call.step` until a step waits or the call ends.
    func run(_ call: IVRCall, input lookups: (any IVRLookups)?) async throws -> (IVRCall, [IVRAction]) {
        var c = call
        var actions: [IVRAction] = []
        for _ in 0..<Self.maximumSteps {
            guard let step = flow.steps[c.step] else { c.outcome = .hangup; return (c, actions + [.hangup]) }
            if c.path.last != step.id { c.path.append(step.id) }
            let prompt = Self.sayOrPlay(flow, step, language: c.language, key: nil, lookups: lookups)
            switch step.kind {
            case .say:
                if let prompt { actions.append(prompt) }
                guard let next = step.next else { c.outcome = .hangup; return (c, actions + [.hangup]) }
                c.step = next
            case .menu, .language, .callback:
                return (c, actions + [prompt, .gather(digits: 1, timeoutSeconds: step.timeoutSeconds)].compactMap { $0 })
            case .gather:
                return (c, actions + [prompt, .gather(digits: step.digits, timeoutSeconds: step.timeoutSeconds)].compactMap { $0 })
            case .identify:
                return (c, actions + [prompt, .gather(digits: nil, timeoutSeconds: step.timeoutSeconds)].compactMap { $0 })
            case .locate:
                let office = try await c.postalCode.asyncFlatMap { try await lookups?.office(postalCode: $0) }
                if let office { c.officeID = office }
                guard let next = office != nil ? step.next : step.otherwise else { return (c, actions + [.hangup]) }
                c.step = next
            case .hours:
                let open = try await lookups?.isOpen() ?? true
                guard let next = open ? step.next : step.otherwise else { return (c, actions + [.hangup]) }
                c.step = next
            case .enqueue:
                c.outcome = .enqueue(office: c.officeID ?? step.office, topic: step.topic ?? ContactTopic.other.rawValue, language: c.language)
                return (c, actions + [prompt, c.outcome].compactMap { $0 })
            case .record:
                c.outcome = .record(office: c.officeID ?? step.office)
                return (c, actions + [prompt, c.outcome].compactMap { $0 })
            case .transfer:
                c.outcome = .transfer(step.number ?? "")
                return (c, actions + [prompt, c.outcome].compactMap { $0 })
            case .hangup:
                c.outcome = .hangup
                return (c, actions + [prompt, .hangup].compactMap { $0 })
            }
        }
        c.outcome = .hangup
        return (c, actions + [.hangup])
    }

    /// The step's recording, or its text in the caller's language (the flow's first language
    /// when missing). `key`: "pin" asks for the PIN in the identify step.
    static func sayOrPlay(_ flow: IVRFlow, _ step: IVRStep, language: String, key: String?, lookups: (any IVRLookups)? = nil) -> IVRAction? {
        if key == "pin" {
            let text = IVRFlow.pinPrompt[language] ?? IVRFlow.pinPrompt["pl"]!
            return .say(text, language: language)
        }
        if let url = step.audioURL { return .play(url) }
        guard var text = step.prompt[language] ?? flow.languages.first.flatMap({ step.prompt[$0] }), !text.isEmpty else { return nil }
        let spoken = step.prompt[language] == nil ? (flow.languages.first ?? language) : language
        if let lookups, text.contains(IVRStep.hoursPlaceholder) {
            text = text.replacingOccurrences(of: IVRStep.hoursPlaceholder, with: lookups.spokenHours(language: spoken))
        }
        return .say(text, language: spoken)
    }
}

extension IVRFlow {
    /// The second question of `identify`.
    public static let pinPrompt = ["pl": "Teraz wpisz PIN i zatwierdź krzyżykiem.", "en": "Now enter your PIN and press hash.",
                                   "ru": "Теперь введите PIN и нажмите решётку.", "uk": "Тепер введіть PIN і натисніть решітку."]
}

extension Optional {
    func asyncFlatMap<T>(_ transform: (Wrapped) async throws -> T?) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
