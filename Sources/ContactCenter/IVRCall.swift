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
    /// In the information service: the topic chosen (nil: the list of topics).
    public var informationTopic: Int? = nil
    /// In the information service having left the queue: done, the call goes back to its place
    /// (the enqueue step it waited at).
    public var fromQueue: Bool? = nil
    public var queueStep: String? = nil
    /// What a caller waiting in the queue pressed for, until the carrier lets them out of it.
    public var leaving: QueueExit? = nil

    /// Keys a waiting caller may press (when the enqueue step offers the information service).
    public enum QueueExit: String, Codable, Sendable { case information = "1", callback = "2" }

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
    /// Back to the place in the queue the call left for the information service.
    case requeue
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
    /// Whether the client with this number is registered as unemployed at a labour office.
    func isRegisteredUnemployed(clientNumber: String) async throws -> Bool
    /// The information service's topics in `language`, with the answers marked for the phone
    /// (national ones and those of `office`).
    func information(language: String, office: String?) async throws -> [IVRInformationTopic]
}

extension IVRLookups {
    public func isRegisteredUnemployed(clientNumber: String) async throws -> Bool { false }
    public func information(language: String, office: String?) async throws -> [IVRInformationTopic] { [] }
}

/// A topic of the information service and its answers, in one language, as the caller hears them.
public struct IVRInformationTopic: Sendable, Equatable {
    public struct Answer: Sendable, Equatable {
        public let title: String
        /// What the carrier's voice reads.
        public let text: String
        public init(title: String, text: String) { self.title = title; self.text = text }
    }
    public let label: String
    public let answers: [Answer]
    public init(label: String, answers: [Answer]) { self.label = label; self.answers = answers }

    /// A menu offers keys 1 to 9.
    public static let limit = 9
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

    /// A caller waiting in a queue pressed for the information service (the enqueue step's
    /// `information`): they hear it, and when done they go back to their place (`requeue`).
    public func enterInformation(_ call: IVRCall, lookups: any IVRLookups) async throws -> (IVRCall, [IVRAction])? {
        guard case .enqueue = call.outcome, let info = flow.steps[call.step]?.information, flow.steps[info]?.kind == .information else { return nil }
        var c = call
        c.queueStep = call.step; c.outcome = nil; c.step = info; c.fromQueue = true; c.informationTopic = nil; c.failures = 0; c.leaving = nil
        return try await run(c, input: lookups)
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
        case (.information, _):
            return try await information(c, step, input, lookups: lookups)
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
            case .registered:
                let registered = try await c.clientNumber.asyncFlatMap { try await lookups?.isRegisteredUnemployed(clientNumber: $0) } ?? false
                guard let next = registered ? step.next : step.otherwise else { return (c, actions + [.hangup]) }
                c.step = next
            case .information:
                let topics = try await lookups?.information(language: c.language, office: c.officeID) ?? []
                if topics.isEmpty {
                    actions.append(.say(Self.phrase(\.none, c.language), language: c.language))
                    if c.fromQueue == true { return backToQueue(c, actions) }
                    guard let next = step.next else { return (c, actions + [.hangup]) }
                    c.step = next
                    continue
                }
                return (c, actions + [prompt].compactMap { $0 } + Self.menu(topics, call: c))
            }
        }
        c.outcome = .hangup
        return (c, actions + [.hangup])
    }

    /// A key pressed (or none) in the information service: a topic, an answer, 0 to go back
    /// a level and, from the topics, to leave.
    func information(_ call: IVRCall, _ step: IVRStep, _ input: IVRInput, lookups: any IVRLookups) async throws -> (IVRCall, [IVRAction]) {
        var c = call
        let topics = try await lookups.information(language: c.language, office: c.officeID)
        func leave(_ said: [IVRAction]) async throws -> (IVRCall, [IVRAction]) {
            c.informationTopic = nil; c.failures = 0
            if c.fromQueue == true { return backToQueue(c, said) }
            guard let next = step.next else { return (c, said + [.hangup]) }
            c.step = next
            let (after, more) = try await run(c, input: lookups)
            return (after, said + more)
        }
        guard case .digits(let keys) = input, let key = keys.first else {
            c.failures += 1
            if c.failures > step.retries || topics.isEmpty { return try await leave([]) }
            return (c, Self.menu(topics, call: c))
        }
        let chosen = Int(String(key)).map { $0 - 1 }
        if let topic = c.informationTopic, topic < topics.count {
            if key == "0" { c.informationTopic = nil; c.failures = 0; return (c, Self.menu(topics, call: c)) }
            let answers = Array(topics[topic].answers.prefix(IVRInformationTopic.limit))
            guard let n = chosen, answers.indices.contains(n) else { c.failures += 1; return (c, Self.menu(topics, call: c)) }
            c.failures = 0
            return (c, [.say(answers[n].text, language: c.language)] + Self.menu(topics, call: c))
        }
        if key == "0" { return try await leave([]) }
        guard let n = chosen, topics.prefix(IVRInformationTopic.limit).indices.contains(n) else {
            c.failures += 1
            if c.failures > step.retries { return try await leave([]) }
            return (c, Self.menu(topics, call: c))
        }
        c.informationTopic = n; c.failures = 0
        return (c, Self.menu(topics, call: c))
    }

    /// The list the caller chooses from now: the topics, or the answers of the topic chosen.
    static func menu(_ topics: [IVRInformationTopic], call c: IVRCall) -> [IVRAction] {
        let items: [String], last: String
        if let topic = c.informationTopic, topic < topics.count {
            items = topics[topic].answers.prefix(IVRInformationTopic.limit).map(\.title); last = phrase(\.back, c.language)
        } else {
            items = topics.prefix(IVRInformationTopic.limit).map(\.label); last = phrase(\.leave, c.language)
        }
        let said = items.enumerated().map { n, item in
            phrase(\.item, c.language).replacingOccurrences(of: "{label}", with: item).replacingOccurrences(of: "{n}", with: String(n + 1))
        }
        return [.say((said + [last]).joined(separator: " "), language: c.language), .gather(digits: 1, timeoutSeconds: 8)]
    }

    /// Back at the enqueue step it left, waiting again (the contact never left the ACD's queue).
    func backToQueue(_ call: IVRCall, _ said: [IVRAction]) -> (IVRCall, [IVRAction]) {
        var c = call
        c.fromQueue = nil; c.informationTopic = nil
        if let id = c.queueStep, let step = flow.steps[id] {
            c.step = id
            c.outcome = .enqueue(office: c.officeID ?? step.office, topic: step.topic ?? ContactTopic.other.rawValue, language: c.language)
        }
        c.queueStep = nil
        return (c, said + [.requeue])
    }

    struct InformationPhrases { let item, leave, back, none: String }
    static func phrase(_ part: KeyPath<InformationPhrases, String>, _ language: String) -> String {
        (IVRFlow.informationPhrases[language] ?? IVRFlow.informationPhrases["pl"]!)[keyPath: part]
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
    /// The information service's own words: one item of a list, how to leave it or go back a
    /// level, and what is said when there is nothing to hear in the caller's language.
    static let informationPhrases: [String: IVREngine.InformationPhrases] = [
        "pl": .init(item: "{label} – naciśnij {n}.", leave: "Aby zakończyć słuchanie informacji, naciśnij 0.",
                    back: "Aby wrócić do listy tematów, naciśnij 0.", none: "Nie ma teraz nagranych informacji w tym języku."),
        "en": .init(item: "{label} – press {n}.", leave: "To finish listening to the information, press 0.",
                    back: "To go back to the topics, press 0.", none: "There is no recorded information in this language now."),
        "ru": .init(item: "{label} – нажмите {n}.", leave: "Чтобы закончить прослушивание информации, нажмите 0.",
                    back: "Чтобы вернуться к списку тем, нажмите 0.", none: "Сейчас нет записанной информации на этом языке."),
        "uk": .init(item: "{label} – натисніть {n}.", leave: "Щоб завершити прослуховування інформації, натисніть 0.",
                    back: "Щоб повернутися до списку тем, натисніть 0.", none: "Зараз немає записаної інформації цією мовою."),
    ]

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
