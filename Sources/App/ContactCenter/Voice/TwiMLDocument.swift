import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A TwiML answer read back as the carrier reads it: the verbs of `<Response>` with their
/// attributes, text and nested verbs (the phone simulator runs them).
struct TwiMLElement: Sendable, Equatable {
    var name: String
    var attributes: [String: String]
    var text: String
    var children: [TwiMLElement]

    struct Malformed: Error, CustomStringConvertible {
        let reason: String
        var description: String { "not TwiML: \(reason)" }
    }

    /// The verbs of a `<Response>` document.
    static func verbs(of xml: String) throws -> [TwiMLElement] {
        let reader = Reader()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = reader
        guard parser.parse(), let root = reader.root else {
            throw Malformed(reason: parser.parserError.map { "\($0)" } ?? "empty")
        }
        guard root.name == "Response" else { throw Malformed(reason: "the root is <\(root.name)>, not <Response>") }
        return root.children
    }

    private final class Reader: NSObject, XMLParserDelegate {
        var stack: [TwiMLElement] = []
        var root: TwiMLElement?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            stack.append(TwiMLElement(name: name, attributes: attributes, text: "", children: []))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard !stack.isEmpty else { return }
            stack[stack.count - 1].text += string
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            var done = stack.removeLast()
            done.text = done.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if stack.isEmpty { root = done } else { stack[stack.count - 1].children.append(done) }
        }
    }
}
