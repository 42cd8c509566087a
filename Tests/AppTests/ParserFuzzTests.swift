import Testing
import Foundation
import Vapor
import VaporTesting
@testable import App
@testable import Storage
import ContactCenter
import Directory
import Identity
import Knowledge
import Portal
@testable import TextSearch
import Views
import TestSupport

/// Every parser of outside input, fuzzed from a seeded corpus for a bounded time (see `Fuzzer`;
/// mail in `InboundMessageFuzzTests`): IVR flows (JSON), knowledge-base markup, search queries, ePraca exports (JSON),
/// CSV imports and the carrier's signed parameters. None may crash or hang; each keeps the
/// promise it makes about what comes out, checked for every input.
@Suite struct ParserFuzzTests {
    /// Answers every lookup from the input's own bytes, so a flow's branches all get walked.
    struct Lookups: IVRLookups {
        let open: Bool
        func identify(clientNumber: String, pin: String) async throws -> IVRIdentification { .wrong }
        func office(postalCode: PostalCode) async throws -> String? { open ? "2002" : nil }
        func isOpen() async throws -> Bool { open }
        func spokenHours(language: String) -> String { "8-16" }
        func information(language: String, office: String?) async throws -> [IVRInformationTopic] {
            [IVRInformationTopic(label: "Zasiłek", answers: [.init(title: "Kto", text: "Osoba bezrobotna.")])]
        }
    }

    @Test func anIVRFlowOfAnyShapeIsCheckedAndWalkedToAnEnd() async throws {
        // Sorted keys: a dictionary's order differs between processes, the corpus must not.
        let encoder = JSONEncoder(); encoder.outputFormatting = .sortedKeys
        let standard = try encoder.encode(IVRFlow.standard)
        let small = IVRFlow(languages: ["pl"], start: "a", steps: [
            IVRStep(id: "a", kind: .menu, prompt: ["pl": "1 albo 2"], otherwise: "c", choices: ["1": "b", "2": "a"]),
            IVRStep(id: "b", kind: .enqueue, prompt: [:]), IVRStep(id: "c", kind: .hangup),
        ])
        let ids = IVRFlow.standard.steps.keys.sorted()
        var walked = 0, published = 0
        let count = try await Fuzzer("ivr-flow").run(corpus: [Array(standard), Array(try encoder.encode(small))],
                                                     words: ids.map { "\"\($0)\"" } + IVRStep.Kind.allCases.map { "\"\($0.rawValue)\"" }) { input in
            guard let flow = try? JSONDecoder().decode(IVRFlow.self, from: Data(input)) else { return }
            let problems = flow.problems()
            // Keys and silences from the input itself: the same input walks the same way.
            let inputs: [IVRInput] = input.prefix(40).map { $0 % 5 == 0 ? .timeout : .digits(String($0 % 12 == 10 ? "#" : "\($0 % 10)")) }
            let (_, lines) = try await IVRSimulation.run(flow, version: 1, inputs: inputs, lookups: Lookups(open: input.count % 2 == 0))
            walked += 1
            #expect(lines.count <= (IVREngine.maximumSteps + 1) * (inputs.count + 1))
            guard problems.isEmpty else { return }
            published += 1
            // A flow that may be published ends every call: silence alone reaches an end.
            let (silent, _) = try await IVRSimulation.run(flow, version: 1, inputs: Array(repeating: .timeout, count: 200), lookups: Lookups(open: true))
            #expect(silent.outcome != nil, "a publishable flow kept a silent caller at \(silent.step): \(String(decoding: input, as: UTF8.self))")
        }
        #expect(count >= 300 && walked > 0 && published > 0, "\(walked) walked, \(published) publishable")
    }

    static let markup = [
        "## Zasiłek dla bezrobotnych\n\nPrzysługuje **osobie bezrobotnej**, która *nie odmówiła* pracy.\n\n- wniosek\n- dowód\n* PIT\n\nWięcej: [gov.pl](https://www.gov.pl/web/rodzina) i [FAQ](/faq/abc-1).",
        "Tekst <script>alert(1)</script> i [link](javascript:alert(1)) oraz [x](//evil.example) **nie*domknięte [a](b",
        "- **[link](/pages/o-nas)** *em [in](https://example.org/a?b=c&d=\"e\")*\r\n\r\n## \n",
    ]

    @Test func knowledgeBaseMarkupBecomesOnlyItsOwnElementsAndSafeLinks() async {
        let allowed: Set<String> = ["div", "h2", "p", "ul", "li", "strong", "em", "a"]
        // Browsers read markup by code point: a combining mark after ">" does not hide the ">".
        let tag = try! Regex(#"<([A-Za-z][A-Za-z0-9]*)([^>]*)>"#).matchingSemantics(.unicodeScalar)
        let attribute = try! Regex(#"([^\s=]+)(?:="([^"]*)")?"#).matchingSemantics(.unicodeScalar)
        let count = await Fuzzer("kb-markup").run(corpus: Self.markup.map { Array($0.utf8) }, words: ["**", "*", "[", "](", ")", "## ", "- ", "\n\n", "javascript:", "https://", "/faq/"]) { input in
            let source = String(decoding: input, as: UTF8.self)
            let blocks = KBMarkup.parse(source)
            let html = KBMarkupView.nodes(blocks).render()
            for m in html.matches(of: tag) {
                let name = String(m.output[1].substring ?? "").lowercased()
                #expect(allowed.contains(name), "element <\(name)> from markup")
                let attributes = (m.output[2].substring ?? "").matches(of: attribute).map {
                    (String($0.output[1].substring ?? ""), HTMLScan.decode(String($0.output[2].substring ?? "")))
                }
                #expect(attributes.map(\.0).allSatisfy { name == "a" ? $0 == "href" : name == "div" ? $0 == "class" : false }, "attributes \(attributes) on <\(name)> in \(html.prefix(400))")
                for (key, value) in attributes where key == "href" { #expect(KBMarkup.isAllowedLink(value), "link \(value)") }
            }
            #expect(!html.contains("<script") && !html.lowercased().contains("javascript:\""))
            // What the phone reads and the index holds: the words of the blocks, in one line per block.
            #expect(KBMarkup.plainText(source).split(separator: "\n", omittingEmptySubsequences: false).count <= max(blocks.count, 1))
        }
        #expect(count >= 300)
    }

    static let queries = ["kierowca kat. C+E Białystok", "magazynier*", "\"spawacz\" OR NEAR(a b)", "zasiłek -dla AND NOT bezrobotnych", "Ёлка ґанок ß",
                          "przedstawiciel handlowy:* & | !", "123-456 15-062", "a:b^c(d)e{f}"]

    @Test func searchQueriesBecomeValidFullTextQueriesOnTheDatabase() async throws {
        try await withTestApp { app in
            let analyzer = app.services.analyzer
            let paths = ["/offers?q=", "/api/v1/offers?q=", "/faq?q=", "/forum/search?q=", "/api/v1/kb/suggest?q="]
            var searched = 0
            let count = try await Fuzzer("search-query", minimumInputs: 150).run(corpus: Self.queries.map { Array($0.utf8) }, words: ["\"", "*", "OR", "AND", "NOT", "NEAR", ":*", "&", "|", "!", "(", ")"]) { input in
                let text = String(decoding: input, as: UTF8.self)
                if let query = try? analyzer.query(text, prefix: input.count % 2 == 0) {
                    // Only the analyzer's own tokens reach the database's query syntax.
                    #expect(query.terms.allSatisfy { $0.forms.allSatisfy { !$0.isEmpty && Analyzer.isToken($0) } && ($0.prefix.map(Analyzer.isToken) ?? true) })
                }
                let path = paths[searched % paths.count]
                let q = text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                try await app.testing().test(.GET, path + q) { res in
                    #expect(res.status.code < 500, "\(path)\(text.prefix(60)): \(res.status)")
                    #expect(!res.body.string.contains("<script>alert"), "query reflected as markup")
                }
                searched += 1
            }
            #expect(count >= 150 && searched == count)
        }
    }

    @Test func anEPracaExportOfAnyShapeIsImportedOrRefusedRecordByRecord() async throws {
        try await withTestApp { app in
            let whole = try JSONSerialization.data(withJSONObject: ["oferty": InterchangeTests.export], options: [.prettyPrinted, .sortedKeys])
            let single = try InterchangeTests.export.prefix(2).map { Array(try JSONSerialization.data(withJSONObject: [$0], options: [.sortedKeys])) }
            let fields = ["identyfikatorOferty", "stanowisko", "kodZawodu", "pracodawca", "miejscowosc", "kodPocztowy", "rodzajUmowy", "wynagrodzenieBrutto",
                          "dataDodaniaOferty", "ofertaWaznaDo", "zakresObowiazkow", "opis", "liczbaMiejsc", "wymiarEtatu", "nazwa", "nip", "od", "do"]
            var imported = 0
            let count = try await Fuzzer("epraca-json", minimumInputs: 200).run(corpus: [Array(whole)] + single, words: fields.map { "\"\($0)\"" } + ["\"1e30\"", "1e300", "-5", "\"NaN\"", "\"inf\""]) { input in
                let data = Data(input)
                let list: [Any]
                do {
                    let json = try JSONSerialization.jsonObject(with: data)
                    guard let l = (json as? [Any]) ?? ((json as? [String: Any])?["oferty"] as? [Any]) else { return }
                    list = l
                } catch { return }
                for case let object as [String: Any] in list {
                    guard let record = try? EPracaRecord(json: object) else { continue }
                    #expect(record.positions >= 1 && record.workingTime > 0 && record.workingTime <= 1, "positions \(record.positions), time \(record.workingTime)")
                    #expect(record.wageMin.map(\.isFinite) ?? true && record.wageMax.map(\.isFinite) ?? true)
                    #expect(record.validUntil >= record.publishedAt)
                }
                // The importer itself on a share of them: every record is counted once, as stored or refused.
                guard imported < 40, input.count % 3 == 0 else { return }
                imported += 1
                let report = try await EPracaImporter(app: app).importFile(data)
                #expect(report.created + report.updated + Set(report.rejected.map(\.index)).count == list.count)
            }
            #expect(count >= 200 && imported > 0)
        }
    }

    @Test func csvTablesReadBackWhatWasWrittenAndKBImportsCountEveryRecord() async throws {
        try await withTestApp { app in
            let records = Array(try await KBInterchange.export(db: app.db).prefix(3))
            #expect(!records.isEmpty, "the starter knowledge base is there to fuzz from")
            let csv = KBInterchange.csv(records)
            var imported = 0
            let count = try await Fuzzer("csv", minimumInputs: 300).run(corpus: [Array(csv.utf8)], words: KBInterchange.csvColumns + ["\"\"", "\",\"", "\r", "\n", "=cmd|"]) { input in
                // Any cells written out read back the same.
                let text = String(decoding: input, as: UTF8.self)
                let cells = text.split(separator: "\n", omittingEmptySubsequences: false).prefix(8).map { line in
                    line.split(separator: ",", omittingEmptySubsequences: false).prefix(6).map(String.init)
                }
                let header = (0..<(cells.map(\.count).max() ?? 1)).map { "c\($0)" }
                let rows = cells.map { row in (0..<header.count).map { $0 < row.count ? row[$0] : "" } }
                    .filter { $0.contains { !$0.isEmpty } }
                let written = ([header] + rows).map { $0.map(CSVTable.escape).joined(separator: ",") }.joined(separator: "\r\n")
                let table = CSVTable(text: written)
                #expect(table.header == header && table.rows == rows, "CSV round trip of \(rows.prefix(2))")

                guard let decoded = try? KBInterchange.decodeCSV(text) else { return }
                guard imported < 30, input.count % 4 == 0 else { return }
                imported += 1
                let report = try await KBInterchange.importRecords(decoded, db: app.db, analyzer: app.services.analyzer)
                #expect(report.added + report.updated + Set(report.refused.map(\.index)).count == decoded.count)
            }
            #expect(count >= 300 && imported > 0)
        }
    }

    @Test func theCarriersParametersReadBackSignedAndNeverFailTheServer() async throws {
        try await withTestApp { app in
            let hooks = ["incoming", "step", "wait", "wait-key", "queued", "dialed", "recorded", "status", "recording", "agent", "leg-status", "requeue"]
            let names = ["Digits", "CallStatus", "DialCallStatus", "RecordingUrl", "RecordingDuration", "RecordingSid", "QueueTime", "From", "To",
                         "SpeechResult", "Called", "ConferenceSid", "ParentCallSid"]
            let corpus = [Array("Digits=12%23&CallStatus=in-progress&From=%2B48600100200&To=%2B4819524&RecordingDuration=12".utf8),
                          Array("DialCallStatus=no-answer&RecordingUrl=https%3A%2F%2Fapi.example%2Fr%2FRE1&QueueTime=30".utf8)]
            var posted = 0
            let count = try await Fuzzer("carrier-parameters", minimumInputs: 150).run(corpus: corpus, words: names.map { "&\($0)=" } + ["%2B", "%26", "%3D", "+", "%"]) { input in
                let body = String(decoding: input, as: UTF8.self)
                let parameters = VoiceController.formParameters(body)
                // Parameters as a carrier encodes them read back as they were (the signature covers exactly these).
                let encoded = parameters.sorted { $0.key < $1.key }.map { "\(VoiceTests.Carrier.encode($0.key))=\(VoiceTests.Carrier.encode($0.value))" }
                #expect(VoiceController.formParameters(encoded.joined(separator: "&")) == parameters)

                var carrier = VoiceTests.Carrier(app)
                if input.count % 3 == 0 { carrier.sid = String(body.prefix(70)) }
                let response = try await carrier.post("/voice/" + hooks[posted % hooks.count] + (input.count % 2 == 0 ? "?seq=\(input.count)" : ""),
                                                      parameters.filter { $0.key != "CallSid" })
                #expect(response.status.code < 500, "\(hooks[posted % hooks.count]) \(body.prefix(80)): \(response.status) \(response.body.string.prefix(120))")
                posted += 1
            }
            #expect(count >= 150 && posted == count)
        }
    }
}
