import Foundation

/// A voice menu ("IVR") as a graph of steps, versioned when published. Each step does one thing
/// — say something, offer a menu, gather digits, identify the caller, find their office from a
/// postal code, let them choose a language, branch on opening hours, put them in a queue,
/// offer a callback, record a message, transfer, hang up — and names the steps that follow.
public struct IVRFlow: Codable, Sendable, Equatable {
    /// The languages the flow speaks; every prompt exists in each (the first one is the default).
    public var languages: [String]
    public var start: String
    public var steps: [String: IVRStep]

    public init(languages: [String], start: String, steps: [IVRStep]) {
        self.languages = languages; self.start = start
        self.steps = Dictionary(steps.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

public struct IVRStep: Codable, Sendable, Equatable, Identifiable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// Text spoken by the carrier's voice (or an uploaded recording), then `next`.
        case say
        /// DTMF choices (`choices`: key → step); no answer or a wrong key is tried again up to
        /// `retries` times, then `otherwise`.
        case menu
        /// Digits of a given length (`gather`), checked; `next` with them, `otherwise` after the retries.
        case gather
        /// Client number + PIN against the client record: `next` when they match, `otherwise`
        /// after three failures (the unidentified path; the number is locked for a while).
        case identify
        /// Postal code → powiat → office: `next` with the office, `otherwise` when unknown.
        case locate
        /// Keys choose the language (`languages`: key → language); then `next`.
        case language
        /// Contact-centre hours (holidays closed): `next` when open, `otherwise` when closed.
        case hours
        /// Into the queue of the office found (or `office`), for `topic`, in the caller's language.
        case enqueue
        /// Offers a call back at the next opening hour instead of waiting; the caller confirms with 1.
        case callback
        /// Records a message for the office (voicemail).
        case record
        /// Transfers the call to `number`.
        case transfer
        case hangup
        /// Checks the client register: `next` when the caller, identified by client number and
        /// PIN, is registered as unemployed at a labour office; `otherwise` when not, or not
        /// identified (a free line for the registered unemployed, seed 002: 9510).
        case registered
        /// The recorded information service (seed 002 "baza zapowiedzi i informacji słownych"):
        /// a menu of the knowledge base's topics that have answers marked for the phone in the
        /// caller's language, then of those answers, each read by the carrier's voice; 0 goes
        /// back. `next` when the caller is done — or, when they came from the queue, back to
        /// their place in it.
        case information
    }

    /// What gathered digits must be.
    /// Written in a prompt, said as the line's hours in words of the caller's language.
    public static let hoursPlaceholder = "{hours}"

    public enum Check: String, Codable, Sendable { case none, clientNumber = "client_number", pin, postalCode = "postal_code" }

    public var id: String
    public var kind: Kind
    /// Language → what is said (absent: nothing is said, e.g. a hangup).
    public var prompt: [String: String] = [:]
    /// An uploaded recording played instead of the spoken text.
    public var audioURL: String? = nil
    public var next: String? = nil
    /// Where a failure leads: no answer, wrong key, bad digits, unidentified, closed, unknown postal code.
    public var otherwise: String? = nil
    public var choices: [String: String] = [:]
    /// For `language`: key → language code.
    public var languages: [String: String] = [:]
    public var retries = 2
    public var timeoutSeconds = 5
    public var digits = 0
    public var check: Check = .none
    /// For `enqueue`: the topic (queue); the office is the one found, else this one.
    public var topic: String? = nil
    public var office: String? = nil
    /// For `transfer`: E.164 number.
    public var number: String? = nil
    /// For `enqueue`: while waiting, the caller may press 1 for the information service (the
    /// step named here) and 2 for a callback that keeps their place in the queue.
    public var information: String? = nil

    public init(id: String, kind: Kind, prompt: [String: String] = [:], next: String? = nil, otherwise: String? = nil,
                choices: [String: String] = [:]) {
        self.id = id; self.kind = kind; self.prompt = prompt; self.next = next; self.otherwise = otherwise; self.choices = choices
    }

    /// Where the call can go from here.
    public var successors: [String] {
        ([next, otherwise, information].compactMap { $0 } + choices.values.sorted()).reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
    }

    /// Steps where the call ends here (in a queue, with a callback booked, a message recorded,
    /// transferred, or hung up): every path must reach one.
    public var isFinal: Bool { [.enqueue, .record, .transfer, .hangup].contains(kind) }

    /// Steps that ask and try again: a loop through one of them ends after its retries.
    public var isBounded: Bool { [.menu, .gather, .identify].contains(kind) }

    /// Where a caller who presses nothing goes from here: past an asking step once its tries
    /// are used up (and they start again when the call comes back to it), on from the others.
    var silentSuccessors: [String] {
        switch kind {
        case .menu, .gather, .identify: [otherwise].compactMap { $0 }
        case .language: [otherwise ?? next].compactMap { $0 }
        case .enqueue, .record, .transfer, .hangup: []
        default: [next, otherwise].compactMap { $0 }
        }
    }

    /// Whether the caller hears this step (so it needs a prompt in every language).
    var speaks: Bool { [.say, .menu, .gather, .identify, .language, .callback, .record, .information].contains(kind) }
}

/// Why a flow cannot be published; each names the step, so the editor can point at it.
public struct IVRFlowProblem: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        case missingStart = "missing_start", unknownStep = "unknown_step", unreachable, deadEnd = "dead_end", unboundedLoop = "unbounded_loop"
        case missingPrompt = "missing_prompt", missingBranch = "missing_branch", badChoice = "bad_choice", badSetting = "bad_setting"
        case noLanguage = "no_language"
    }
    public let kind: Kind
    public let step: String
    /// The language of a missing prompt, the key of a bad choice, the name of a bad setting, the unknown target.
    public let detail: String

    public init(_ kind: Kind, step: String, detail: String = "") { self.kind = kind; self.step = step; self.detail = detail }
    public var description: String { "\(kind.rawValue) \(step) \(detail)" }
}

extension IVRFlow {
    /// Everything that keeps the flow from being published: every branch ends, no step is
    /// unreachable, every loop passes a step that gives up after its retries, every prompt
    /// exists in every language the flow offers, and each kind of step has what it needs.
    public func problems() -> [IVRFlowProblem] {
        var found: [IVRFlowProblem] = []
        if languages.isEmpty { found.append(.init(.noLanguage, step: start)) }
        guard steps[start] != nil else { return found + [.init(.missingStart, step: start)] }
        let ids = steps.keys.sorted()
        for id in ids {
            let s = steps[id]!
            for target in s.successors where steps[target] == nil { found.append(.init(.unknownStep, step: id, detail: target)) }
            found += Self.shape(s, languages: languages)
            if let info = s.information, let target = steps[info], s.kind != .enqueue || target.kind != .information {
                found.append(.init(.badSetting, step: id, detail: "information"))
            }
            if s.speaks && s.audioURL == nil {
                for lang in languages where (s.prompt[lang] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    found.append(.init(.missingPrompt, step: id, detail: lang))
                }
            }
        }
        // Reachable from the start.
        var reachable: Set<String> = [start], frontier = [start]
        while let id = frontier.popLast() {
            for next in steps[id]?.successors ?? [] where steps[next] != nil && !reachable.contains(next) { reachable.insert(next); frontier.append(next) }
        }
        for id in ids where !reachable.contains(id) { found.append(.init(.unreachable, step: id)) }
        // Every reachable step can still reach an end.
        var ending = Set(ids.filter { steps[$0]!.isFinal })
        var changed = true
        while changed {
            changed = false
            for id in ids where !ending.contains(id) && steps[id]!.successors.contains(where: ending.contains) { ending.insert(id); changed = true }
        }
        for id in ids where reachable.contains(id) && !ending.contains(id) { found.append(.init(.deadEnd, step: id)) }
        // Every cycle passes a bounded step: without them the graph has no cycle.
        let unbounded = Set(ids.filter { !steps[$0]!.isBounded })
        if let loop = Self.cycle(in: unbounded, steps: steps) { found.append(.init(.unboundedLoop, step: loop)) }
        // A caller who presses nothing (a dropped handset the carrier missed) must reach an end too.
        else if let loop = Self.cycle(in: Set(ids), steps: steps, next: \.silentSuccessors) { found.append(.init(.unboundedLoop, step: loop)) }
        return found
    }

    /// What each kind of step needs.
    static func shape(_ s: IVRStep, languages: [String]) -> [IVRFlowProblem] {
        var found: [IVRFlowProblem] = []
        func need(_ branch: String?, _ name: String) { if branch == nil { found.append(.init(.missingBranch, step: s.id, detail: name)) } }
        switch s.kind {
        case .say, .callback: need(s.next, "next")
        case .menu:
            if s.choices.isEmpty { found.append(.init(.missingBranch, step: s.id, detail: "choices")) }
            for key in s.choices.keys where !(key.count == 1 && "0123456789*#".contains(key)) { found.append(.init(.badChoice, step: s.id, detail: key)) }
            need(s.otherwise, "otherwise")
        case .gather:
            need(s.next, "next"); need(s.otherwise, "otherwise")
            if !(1...20).contains(s.digits) { found.append(.init(.badSetting, step: s.id, detail: "digits")) }
        case .identify, .locate, .hours, .registered: need(s.next, "next"); need(s.otherwise, "otherwise")
        case .information: need(s.next, "next")
        case .language:
            need(s.next, "next")
            if s.languages.isEmpty { found.append(.init(.missingBranch, step: s.id, detail: "languages")) }
            for (key, lang) in s.languages where !(key.count == 1 && "0123456789".contains(key)) || !languages.contains(lang) {
                found.append(.init(.badChoice, step: s.id, detail: key))
            }
        case .enqueue:
            if (s.topic ?? "").isEmpty { found.append(.init(.badSetting, step: s.id, detail: "topic")) }
        case .transfer:
            if !(s.number ?? "").hasPrefix("+") { found.append(.init(.badSetting, step: s.id, detail: "number")) }
        case .record, .hangup: break
        }
        if s.kind == .menu || s.kind == .gather || s.kind == .identify || s.kind == .language {
            if !(0...5).contains(s.retries) { found.append(.init(.badSetting, step: s.id, detail: "retries")) }
            if !(1...30).contains(s.timeoutSeconds) { found.append(.init(.badSetting, step: s.id, detail: "timeout")) }
        }
        return found
    }

    /// A step on a cycle among `nodes` (edges only between them), if there is one.
    static func cycle(in nodes: Set<String>, steps: [String: IVRStep], next successors: KeyPath<IVRStep, [String]> = \.successors) -> String? {
        var state: [String: Int] = [:] // 1: on the path, 2: done
        func visit(_ id: String) -> String? {
            state[id] = 1
            for next in steps[id]?[keyPath: successors] ?? [] where nodes.contains(next) {
                if state[next] == 1 { return next }
                if state[next] == nil, let found = visit(next) { return found }
            }
            state[id] = 2
            return nil
        }
        for id in nodes.sorted() where state[id] == nil { if let found = visit(id) { return found } }
        return nil
    }
}
