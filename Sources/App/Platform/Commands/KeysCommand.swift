import Vapor
import Storage

/// `zielona keys new|status|rotate`: replacing the data key. Start every process with the new
/// key as ZIELONA_DATA_KEY and the old one as ZIELONA_PREVIOUS_DATA_KEY, run `keys rotate`
/// (resumable: run it again after a crash), and when it reports done, remove the previous key
/// and restart.
struct KeysCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "task", help: "new, status or rotate")
        var task: String
        @Option(name: "batch", help: "Values per transaction (default 500).")
        var batch: Int?
        @Option(name: "pause", help: "Seconds to rest between batches, to spare a busy database (default 0).")
        var pause: Double?
    }

    var help: String { "Replace the data key: keys new (print a fresh key), keys status (values per key), keys rotate (move every sealed value to ZIELONA_DATA_KEY)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application, console = context.console
        switch signature.task {
        case "new":
            console.print(DataKey.random().base64EncodedString())
            return
        case "status", "rotate": break
        default: throw ConsoleCommandError(message: "unknown task \(signature.task); use new, status or rotate")
        }
        try await DatabasePreparation.prepare(app, demo: false)
        let cipher = app.services.cipher
        var rotation = KeyRotation(db: app.db, cipher: cipher)
        if let batch = signature.batch {
            guard (1...10_000).contains(batch) else { throw ConsoleCommandError(message: "--batch: a number from 1 to 10000") }
            rotation.batchSize = batch
        }
        if let pause = signature.pause {
            guard (0...60).contains(pause) else { throw ConsoleCommandError(message: "--pause: seconds from 0 to 60") }
            rotation.pause = .milliseconds(Int(pause * 1000))
        }
        console.print("current key \(cipher.current.id)" + (cipher.previous.map { ", previous key \($0.id)" } ?? ", no previous key"))
        if signature.task == "rotate" {
            let started = Date()
            let done = try await rotation.run { console.print($0) }
            for (name, p) in done.sorted(by: { $0.key < $1.key }) where p.moved + p.unreadable > 0 {
                console.print("\(name): \(p.moved) moved to key \(cipher.current.id)" + (p.unreadable > 0 ? ", \(p.unreadable) no key here opens" : ""))
            }
            console.print(String(format: "took %.1f s", Date().timeIntervalSince(started)))
        }
        var remaining = 0
        for (column, counts) in try await rotation.status() {
            let others = counts.filter { $0.key != cipher.current.id }
            remaining += others.values.reduce(0, +)
            let line = counts.sorted { $0.key < $1.key }.map { "\($0.key == cipher.current.id ? "current" : $0.key == cipher.previous?.id ? "previous" : $0.key) \($0.value)" }
            console.print("\(column.name): " + (line.isEmpty ? "none" : line.joined(separator: ", ")))
        }
        if remaining == 0 {
            console.print("Done: every sealed value is under the current key." + (cipher.previous == nil ? "" : " Remove ZIELONA_PREVIOUS_DATA_KEY and restart every process."))
        } else {
            console.print("\(remaining) values are not under the current key yet" + (signature.task == "rotate" ? ": run keys rotate again, or check the key they name." : "."))
            if signature.task == "rotate" { throw ConsoleCommandError(message: "rotation not complete") }
        }
    }
}
