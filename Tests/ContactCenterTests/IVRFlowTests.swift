import Testing
@testable import ContactCenter

/// A flow is published only when every branch ends, every step is reachable, every loop gives
/// up after its retries, and every prompt exists in every language the flow offers.
@Suite struct IVRFlowTests {
    static func say(_ id: String, next: String?) -> IVRStep {
        IVRStep(id: id, kind: .say, prompt: ["pl": "Tekst", "en": "Text"], next: next)
    }

    @Test func theStandardFlowIsValidAndCoversTheSeeds() {
        let flow = IVRFlow.standard
        #expect(flow.problems().isEmpty, "\(flow.problems())")
        #expect(flow.languages == ["pl", "en", "ru", "uk"])
        // Every topic of the general line has its queue, reachable from the topic menu; the
        // national returns questions come in writing from abroad, not through this menu.
        let queues = Set(flow.steps.values.filter { $0.kind == .enqueue }.compactMap(\.topic))
        #expect(queues == Set(ContactTopic.general.map(\.rawValue)) && !queues.contains(ContactTopic.returns.rawValue))
        #expect(Set(flow.steps["topic"]!.choices.values).isSuperset(of: ContactTopic.general.map { "q-" + $0.rawValue }))
        #expect(flow.steps["hours"]?.otherwise == "closed" && flow.steps["closed"]?.next == "info-offer")
        // After hours the recorded information, then the callback; while waiting, the same information.
        #expect(flow.steps["info-offer"]?.choices == ["1": "info", "2": "offer-callback"] && flow.steps["info"]?.kind == .information)
        #expect(flow.steps.values.filter { $0.kind == .enqueue }.allSatisfy { $0.information == "info" })
    }

    @Test func theFreeLineLetsOnlyTheRegisteredUnemployedThrough() {
        let flow = IVRFlow.unemployedLine
        #expect(flow.problems().isEmpty, "\(flow.problems())")
        // Identification is required: no postal-code path around the register.
        #expect(flow.steps["who"] == nil && flow.steps["postal"] == nil)
        #expect(flow.steps["hours"]?.next == "identify" && flow.steps["identify"]?.next == "registered")
        #expect(flow.steps["identify"]?.otherwise == "not-registered" && flow.steps["registered"]?.otherwise == "not-registered")
        #expect(flow.steps["not-registered"]?.prompt["pl"]?.contains("19524") == true)
    }

    @Test func anEnqueueStepMayOfferOnlyAnInformationStep() {
        var flow = IVRFlow.standard
        flow.steps["q-other"]!.information = "goodbye"
        #expect(flow.problems().contains(IVRFlowProblem(.badSetting, step: "q-other", detail: "information")))
        flow.steps["q-other"]!.information = "nowhere"
        #expect(flow.problems().contains(IVRFlowProblem(.unknownStep, step: "q-other", detail: "nowhere")))
    }

    @Test func brokenFlowsAreRefusedWithTheStepNamed() {
        // A step nobody reaches, a branch to a step that does not exist, a step that never ends.
        var flow = IVRFlow(languages: ["pl", "en"], start: "a", steps: [
            Self.say("a", next: "b"), IVRStep(id: "b", kind: .hangup), Self.say("orphan", next: "b"), Self.say("c", next: "nowhere"),
        ])
        flow.steps["a"]!.next = "menu"
        var menu = IVRStep(id: "menu", kind: .menu, prompt: ["pl": "1 albo 2", "en": "1 or 2"], otherwise: "b", choices: ["1": "b", "2": "c", "x": "b"])
        menu.retries = 9
        flow.steps["menu"] = menu
        let problems = flow.problems()
        #expect(problems.contains(.init(.unreachable, step: "orphan")))
        #expect(problems.contains(.init(.unknownStep, step: "c", detail: "nowhere")))
        #expect(problems.contains(.init(.deadEnd, step: "c")))
        #expect(problems.contains(.init(.badChoice, step: "menu", detail: "x")))
        #expect(problems.contains(.init(.badSetting, step: "menu", detail: "retries")))
        #expect(!problems.contains { $0.step == "a" || $0.step == "b" })
    }

    @Test func loopsMustPassAStepThatGivesUp() {
        // say → say → say …: would never end.
        let endless = IVRFlow(languages: ["pl"], start: "a", steps: [
            IVRStep(id: "a", kind: .say, prompt: ["pl": "A"], next: "b"), IVRStep(id: "b", kind: .say, prompt: ["pl": "B"], next: "a"),
        ])
        #expect(endless.problems().contains { $0.kind == .unboundedLoop })
        #expect(endless.problems().contains { $0.kind == .deadEnd })
        // "Press 9 to hear the menu again" is a loop through the menu, which gives up after its retries.
        let again = IVRFlow(languages: ["pl"], start: "menu", steps: [
            IVRStep(id: "menu", kind: .menu, prompt: ["pl": "1 – kolejka, 9 – powtórz"], otherwise: "bye", choices: ["1": "bye", "9": "repeat"]),
            IVRStep(id: "repeat", kind: .say, prompt: ["pl": "Jeszcze raz."], next: "menu"), IVRStep(id: "bye", kind: .hangup),
        ])
        #expect(again.problems().isEmpty, "\(again.problems())")
        // A menu that gives up into a step leading back to it holds a silent caller for ever: its
        // tries start again each time round (found by the flow fuzzer).
        var queue = IVRStep(id: "queue", kind: .enqueue)
        queue.topic = "registration"
        let silent = IVRFlow(languages: ["pl"], start: "menu", steps: [
            IVRStep(id: "menu", kind: .menu, prompt: ["pl": "1 – kolejka"], otherwise: "again", choices: ["1": "queue"]),
            IVRStep(id: "again", kind: .say, prompt: ["pl": "Nie wybrano."], next: "menu"), queue,
        ])
        #expect(silent.problems().map(\.kind) == [.unboundedLoop], "\(silent.problems())")
        var shy = IVRStep(id: "lang", kind: .language, prompt: ["pl": "1 – polski"], next: "queue")
        shy.languages = ["1": "pl"]; shy.retries = 1_000
        let wordy = IVRFlow(languages: ["pl"], start: "lang", steps: [shy, queue])
        #expect(wordy.problems().map(\.kind) == [.badSetting], "a language step asks again a bounded number of times too")
    }

    @Test func everyPromptInEveryLanguageAndEachKindHasWhatItNeeds() {
        var flow = IVRFlow.standard
        flow.steps["closed"]!.prompt["uk"] = " "
        flow.steps["topic"]!.prompt["ru"] = nil
        flow.steps["postal"]!.digits = 0
        flow.steps["q-other"]!.topic = nil
        flow.steps["identify"]!.otherwise = nil
        let problems = flow.problems()
        #expect(problems.contains(.init(.missingPrompt, step: "closed", detail: "uk")))
        #expect(problems.contains(.init(.missingPrompt, step: "topic", detail: "ru")))
        #expect(problems.contains(.init(.badSetting, step: "postal", detail: "digits")))
        #expect(problems.contains(.init(.badSetting, step: "q-other", detail: "topic")))
        #expect(problems.contains(.init(.missingBranch, step: "identify", detail: "otherwise")))
        // A recording instead of spoken text needs no prompts.
        flow.steps["closed"]!.audioURL = "https://example.org/zamkniete.mp3"
        #expect(!flow.problems().contains(.init(.missingPrompt, step: "closed", detail: "uk")))
        // A start that does not exist.
        #expect(IVRFlow(languages: ["pl"], start: "x", steps: []).problems() == [.init(.missingStart, step: "x")])
    }
}
