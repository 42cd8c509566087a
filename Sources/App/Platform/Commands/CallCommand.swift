import Vapor

/// `zielona call --from +48600100200 --digits "1 1 200000008 4826 2" [--server URL]`: a phone
/// call against a running server exactly as the carrier makes it (signed with VOICE_AUTH_TOKEN),
/// printing what the caller hears and waiting in the queue until a consultant answers.
struct CallCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "from", help: "The caller's number, e.g. +48600100200.") var from: String?
        @Option(name: "digits", help: "Keys for each question in turn, separated by spaces, e.g. \"1 1 200000008 4826 2\".") var digits: String?
        @Option(name: "server", help: "The server's address (default PUBLIC_URL, else http://127.0.0.1:8080).") var server: String?
        @Option(name: "public-url", help: "The server's PUBLIC_URL, which requests are signed over, when it differs from --server.") var publicURL: String?
        @Option(name: "max-wait", help: "Seconds to wait in the queue before hanging up (default 600).") var maxWait: Int?
        @Option(name: "talk", help: "Seconds of conversation once put through (default 0).") var talk: Int?
    }

    var help: String { "Call the IVR as a carrier would: --from NUMBER --digits \"1 123456 4321\" [--server URL] [--public-url URL] [--max-wait S] [--talk S]." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let from = signature.from, from.count >= 3, from.allSatisfy({ $0.isNumber || $0 == "+" }) else {
            throw ConsoleCommandError(message: "--from must be a phone number, e.g. +48600100200")
        }
        let groups = (signature.digits ?? "").split(separator: " ").map(String.init)
        guard groups.allSatisfy({ $0.allSatisfy { "0123456789*#".contains($0) } }) else {
            throw ConsoleCommandError(message: "--digits: groups of 0-9, * and #, separated by spaces")
        }
        let env = ProcessInfo.processInfo.environment
        var server = signature.server ?? env["PUBLIC_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? "http://127.0.0.1:8080"
        while server.hasSuffix("/") { server.removeLast() }
        var publicURL = signature.publicURL ?? env["PUBLIC_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? server
        while publicURL.hasSuffix("/") { publicURL.removeLast() }
        let token = env["VOICE_AUTH_TOKEN"].flatMap { $0.isEmpty ? nil : $0 } ?? VoiceConfiguration.developmentToken
        let console = context.console
        var phone = PhoneSimulator(client: context.application.client, server: server, publicURL: publicURL, token: token, from: from) { line in console.print(line) }
        phone.maximumWait = Double(signature.maxWait ?? 600)
        phone.talkSeconds = Double(signature.talk ?? 0)
        console.print("Calling 19524 from \(from) (call \(phone.callSid)) at \(server)")
        do {
            switch try await phone.run(keys: groups) {
            case .talked(let to): console.print("Talked with \(to).")
            case .gaveUp: console.print("Nobody answered in time.")
            case .hungUp: console.print("Call ended.")
            }
        } catch let failure as PhoneSimulator.Failure {
            throw ConsoleCommandError(message: failure.description)
        }
    }
}
